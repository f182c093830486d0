/** E-mail drafts (.eml) with the generated PDFs attached, and the mailto: fallback. Pure Node, no Electron. */
export { composeDraft, stripTransportHeaders, type DraftAttachment, type DraftMessage } from './draft.js';
export { draftSizeWarning, formatFileSize } from './size-limit.js';
export { mailtoUrl, MAILTO_MAX_LENGTH, type MailtoInput } from './mailto.js';
export { draftFileName, writeDraft, type WrittenDraft } from './write-draft.js';
