/**
 * The pages the dossier draws for an exhibit: a photo with its caption, a text or an e-mail laid out verbatim,
 * a placeholder « Pièce n° N non reproduite : raison », or the page that stands for a file attached to the PDF
 * (video, audio, archive…). Layout only returns operations, so that page counts are known before the bordereau
 * is written; the stamps are added later, with the rest of the dossier's numbering.
 */
import type { PDFDocument, PDFPage } from 'pdf-lib';
import { exhibitLabel } from '../../common/case/exhibits.js';
import { formatLongDate } from '../../common/format/dates.js';
import { frenchTypography } from '../../common/format/typography.js';
import { formatSize } from '../evidence/format.js';
import type { EvidenceReport, ImageFrame } from '../evidence/types.js';
import type { DrawOp } from '../pdf/page-layout.js';
import type { StyledText } from '../pdf/text-layout.js';
import type { DossierCanvas, DossierText } from './canvas.js';
import { BODY_SIZE, ExhibitFlow } from './flow.js';
import { A4, EXHIBIT_PAGE, IMAGE_BOX, MIN_DISPLAY_DPI, MM } from './geometry.js';

export interface ExhibitInfo {
  number: number;
  title: string;
  note?: string;
  /** ISO date shown with the exhibit: the case's, else the date the photo was taken. */
  date?: string;
  dateFromExif?: boolean;
  /** The name the user knows the file by. */
  fileName: string;
  report: EvidenceReport;
}

/** « Pièce n° 3 » */
export function pieceLabel(n: number): string {
  const label = exhibitLabel(n);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

function dateText(info: ExhibitInfo): string | undefined {
  if (!info.date) return undefined;
  return `${formatLongDate(info.date)}${info.dateFromExif ? ' (date de prise de vue)' : ''}`;
}

/** Heading shared by text, placeholder and attachment pages. */
function heading(flow: ExhibitFlow, canvas: DossierText, info: ExhibitInfo, kindText: string): void {
  flow.paragraph([canvas.span(`${pieceLabel(info.number)} — `, 'bold'), canvas.span(frenchTypography(info.title), 'bold')], {
    size: 11.5,
    keepWithNext: true,
  });
  const meta = [`Fichier d’origine : ${info.fileName}`, kindText, dateText(info)].filter(Boolean).join(' · ');
  flow.text(frenchTypography(meta), { size: 8.5, gray: 0.35, spaceBefore: 2, keepWithNext: true });
  if (info.note) flow.text(frenchTypography(info.note), { style: 'italic', size: 9, spaceBefore: 2, keepWithNext: true });
  flow.rule();
}

/** Each line of the source is a paragraph; blank lines keep their space. */
function verbatim(flow: ExhibitFlow, canvas: DossierText, text: string): void {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  for (const line of lines) {
    if (line.trim() === '') flow.space(BODY_SIZE * 0.8);
    else flow.text(line, {});
  }
}

export function textPages(canvas: DossierText, info: ExhibitInfo, text: string, truncated: boolean): DrawOp[][] {
  const flow = new ExhibitFlow(canvas);
  heading(flow, canvas, info, info.report.mediaType === 'text/html' ? 'page web, texte seul' : 'texte reproduit tel quel');
  verbatim(flow, canvas, text);
  if (truncated) {
    flow.text('[Texte tronqué : la suite figure dans le fichier d’origine, joint au présent PDF.]', { style: 'italic', spaceBefore: 8 });
  }
  return flow.pages();
}

export interface EmailView {
  headers: [string, string][];
  text: string;
  truncated: boolean;
  /** `held`: an executable, listed but not embedded. */
  attachments: { name: string; mediaType: string; size: number; held?: boolean }[];
}

export function emailPages(canvas: DossierText, info: ExhibitInfo, email: EmailView): DrawOp[][] {
  const flow = new ExhibitFlow(canvas);
  heading(flow, canvas, info, 'message électronique');
  for (const [label, value] of email.headers) {
    const spans: StyledText[] = [canvas.span(`${label}\u00a0: `, 'bold'), canvas.span(value)];
    flow.paragraph(spans, { keepWithNext: true });
  }
  flow.rule(4);
  verbatim(flow, canvas, email.text === '' ? '(message sans texte)' : email.text);
  if (email.truncated) {
    flow.text('[Message tronqué : la suite figure dans le fichier d’origine, joint au présent PDF.]', { style: 'italic', spaceBefore: 8 });
  }
  if (email.attachments.length > 0) {
    flow.text('Pièces jointes du message\u00a0:', { style: 'bold', spaceBefore: 10, keepWithNext: true });
    for (const a of email.attachments) {
      const where = a.held ? 'fichier exécutable, non joint' : 'jointe au présent PDF';
      flow.text(`– ${a.name} (${formatSize(a.size)}) — ${where}`, { x: EXHIBIT_PAGE.marginX + 4 * MM });
    }
  }
  return flow.pages();
}

function facts(flow: ExhibitFlow, canvas: DossierText, rows: [string, string][]): void {
  rows.forEach(([label, value], i) => {
    flow.paragraph([canvas.span(`${label}\u00a0: `, 'bold'), canvas.span(value)], { spaceBefore: i === 0 ? 10 : 3 });
  });
}

function fileFacts(info: ExhibitInfo): [string, string][] {
  const r = info.report;
  const rows: [string, string][] = [['Titre', frenchTypography(info.title)], ['Fichier d’origine', info.fileName]];
  if (r.mediaType) rows.push(['Type', r.label]);
  if (r.size > 0) rows.push(['Taille', formatSize(r.size)]);
  rows.push(['Empreinte SHA-256', r.sha256 || '— (fichier illisible)']);
  const date = dateText(info);
  if (date) rows.push(['Date', date]);
  return rows;
}

/** « Pièce n° N non reproduite : raison », then what is known of the file. */
export function placeholderPages(canvas: DossierText, info: ExhibitInfo, reason: string, attached: boolean): DrawOp[][] {
  const flow = new ExhibitFlow(canvas);
  flow.text(frenchTypography(`${pieceLabel(info.number)} non reproduite : ${reason}`), { style: 'bold', size: 13, lineHeight: 17 });
  facts(flow, canvas, fileFacts(info));
  if (attached) flow.text('Le fichier d’origine est joint au présent PDF (panneau « Pièces jointes » du lecteur PDF).', { spaceBefore: 12 });
  if (info.note) flow.text(frenchTypography(info.note), { style: 'italic', spaceBefore: 8 });
  return flow.pages();
}

/** The page standing for a file that cannot be printed (video, audio, archive…) and is attached to the PDF. */
export function attachmentPages(canvas: DossierText, info: ExhibitInfo, attached = true): DrawOp[][] {
  const flow = new ExhibitFlow(canvas);
  flow.paragraph([canvas.span(`${pieceLabel(info.number)} — `, 'bold'), canvas.span(frenchTypography(info.title), 'bold')], { size: 13, lineHeight: 17 });
  flow.text(
    frenchTypography(`Cette pièce est ${article(info.report.label)} : elle ne peut pas être imprimée. ` +
      (attached
        ? 'Le fichier est joint au présent PDF : ouvrez le panneau « Pièces jointes » de votre lecteur PDF pour l’enregistrer ou l’ouvrir.'
        : 'C’est un fichier exécutable : il n’est pas joint au présent PDF ; il est transmis séparément sur demande.')),
    { spaceBefore: 10 },
  );
  facts(flow, canvas, fileFacts(info));
  if (info.note) flow.text(frenchTypography(info.note), { style: 'italic', spaceBefore: 8 });
  return flow.pages();
}

function article(label: string): string {
  return /^(vidéo|image|archive|photo|page)/.test(label) ? `une ${label}` : `un ${label}`;
}

/**
 * One page per frame: the photo at the top, as large as the page allows (never enlarged past MIN_DISPLAY_DPI, so
 * a small picture is not blown up into a blur), centred, with its caption below.
 */
export async function addImagePages(doc: PDFDocument, canvas: DossierCanvas, info: ExhibitInfo, frames: readonly ImageFrame[]): Promise<PDFPage[]> {
  const pages: PDFPage[] = [];
  for (const [index, frame] of frames.entries()) {
    const flow = new ExhibitFlow(canvas.text);
    const view = frames.length > 1 ? ` (vue ${index + 1} / ${frames.length})` : '';
    flow.paragraph([canvas.text.span(`${pieceLabel(info.number)} — `, 'bold'), canvas.text.span(frenchTypography(info.title + view))], { size: 10 });
    const meta = [dateText(info), `fichier d’origine : ${info.fileName}`].filter(Boolean).join(' · ');
    flow.text(frenchTypography(meta.charAt(0).toUpperCase() + meta.slice(1)), { size: 8.5, gray: 0.35, spaceBefore: 1 });
    if (info.note) flow.text(frenchTypography(info.note), { style: 'italic', size: 9, spaceBefore: 1 });
    const captionHeight = flow.boxes.reduce((h, b) => h + b.height + (b.spaceBefore ?? 0), 0);

    const gap = 4 * MM;
    const maxHeight = Math.min(IMAGE_BOX.height, EXHIBIT_PAGE.bottom - EXHIBIT_PAGE.top - gap - captionHeight);
    const scale = Math.min(IMAGE_BOX.width / frame.sourceWidth, maxHeight / frame.sourceHeight, 72 / MIN_DISPLAY_DPI);
    const width = frame.sourceWidth * scale;
    const height = frame.sourceHeight * scale;
    const x = (A4.width - width) / 2;
    const top = EXHIBIT_PAGE.top;

    const page = doc.addPage([A4.width, A4.height]);
    const image = await doc.embedJpg(frame.jpeg);
    page.drawImage(image, { x, y: A4.height - top - height, width, height });
    // The caption, translated to just below the photo.
    const captionTop = top + height + gap;
    const ops = flow.boxes.reduce<{ y: number; ops: DrawOp[] }>((acc, box) => {
      const y = acc.y + (box.spaceBefore ?? 0);
      for (const op of box.ops) if (op.kind === 'text') acc.ops.push({ ...op, y: op.y + y });
      return { y: y + box.height, ops: acc.ops };
    }, { y: captionTop, ops: [] }).ops;
    canvas.draw(page, ops);
    pages.push(page);
  }
  return pages;
}
