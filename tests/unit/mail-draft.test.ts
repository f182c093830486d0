/** The .eml draft must open in any mail program: parse it back and check what a recipient would get. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import PostalMime from 'postal-mime';
import { afterEach, describe, expect, it } from 'vitest';
import { composeDraft, draftFileName, draftSizeWarning, formatFileSize, mailtoUrl, MAILTO_MAX_LENGTH, writeDraft } from '../../core/node/mail/index.js';
import type { DraftMessage } from '../../core/node/mail/index.js';

const letterPdf = new Uint8Array(randomBytes(120_000));
const dossierPdf = new Uint8Array(randomBytes(45_001));

const message: DraftMessage = {
  to: ['Service client Amazon <service-client@amazon.fr>'],
  subject: 'Mise en demeure de livrer — commande n° 402-1234567-8901234 (colis marqué « livré » mais jamais reçu)',
  text: 'Madame, Monsieur,\n\nVeuillez trouver ci-joint ma mise en demeure et le dossier de pièces.\nDate: ceci est une ligne du texte, pas un en-tête.\n\nCordialement,\nJeanne Martin',
  attachments: [
    { fileName: 'Mise en demeure – 2026-11-25.pdf', bytes: letterPdf },
    { fileName: 'Dossier de pièces.pdf', bytes: dossierPdf, mediaType: 'application/pdf' },
  ],
};

function headerBlock(raw: string): string {
  return raw.slice(0, raw.indexOf('\r\n\r\n'));
}

describe('e-mail draft (.eml)', () => {
  it('parses back with the recipient, subject, body and attachments byte for byte', async () => {
    const raw = await composeDraft(message);
    const parsed = await PostalMime.parse(raw);
    expect(parsed.to).toEqual([{ name: 'Service client Amazon', address: 'service-client@amazon.fr' }]);
    expect(parsed.subject).toBe(message.subject);
    expect(parsed.text?.replace(/\r\n/g, '\n').trim()).toBe(message.text);
    expect(parsed.attachments.map((a) => [a.filename, a.mimeType])).toEqual([
      ['Mise en demeure – 2026-11-25.pdf', 'application/pdf'],
      ['Dossier de pièces.pdf', 'application/pdf'],
    ]);
    const bytes = parsed.attachments.map((a) => new Uint8Array(a.content as ArrayBuffer));
    expect(Buffer.compare(Buffer.from(bytes[0]!), Buffer.from(letterPdf))).toBe(0);
    expect(Buffer.compare(Buffer.from(bytes[1]!), Buffer.from(dossierPdf))).toBe(0);
  });

  it('is marked unsent, with no Message-ID, Date or From for the mail program to fill in', async () => {
    const raw = await composeDraft(message);
    const parsed = await PostalMime.parse(raw);
    const keys = parsed.headers.map((h) => h.key);
    expect(parsed.headers.find((h) => h.key === 'x-unsent')?.value).toBe('1');
    expect(keys).not.toContain('message-id');
    expect(keys).not.toContain('date');
    expect(keys).not.toContain('from');
    // Only the top-level header went: the body line that looks like a header is still there.
    expect(Buffer.from(raw).toString('utf8')).toContain('Date: ceci est une ligne du texte');
  });

  it('ends a plain 7-bit body with CRLF lines too', async () => {
    const raw = Buffer.from(await composeDraft({ to: [], subject: 'Relance', text: 'Madame,\n\nMerci.', attachments: [] })).toString('latin1');
    expect(raw.slice(raw.indexOf('\r\n\r\n') + 4)).toBe('Madame,\r\n\r\nMerci.\r\n');
  });

  it('keeps to the line rules of RFC 5322 and RFC 2045: CRLF only, ≤ 998 characters, base64 ≤ 76', async () => {
    const raw = Buffer.from(await composeDraft(message)).toString('latin1');
    expect(raw).not.toMatch(/[^\r]\n/);
    expect(raw).not.toMatch(/\r(?!\n)/);
    const lines = raw.split('\r\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(998);
    // Every line of a base64 part (after its blank line, up to the next boundary) is at most 76 characters.
    const parts = raw.split(/\r\n--/).filter((p) => /Content-Transfer-Encoding: base64/i.test(p));
    expect(parts).toHaveLength(2);
    for (const part of parts) {
      const body = part.slice(part.indexOf('\r\n\r\n') + 4).split('\r\n').filter(Boolean);
      expect(body.length).toBeGreaterThan(100);
      expect(Math.max(...body.map((l) => l.length))).toBeLessThanOrEqual(76);
    }
    // The subject is encoded (RFC 2047) and folded: no raw 8-bit byte in the header block.
    expect(headerBlock(raw)).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(headerBlock(raw)).not.toMatch(/[\u0080-\u00ff]/);
  });

  it('leaves the recipient out when the case has no address', async () => {
    const parsed = await PostalMime.parse(await composeDraft({ ...message, to: [] }));
    expect(parsed.to).toBeUndefined();
    expect(parsed.subject).toBe(message.subject);
  });
});

describe('writing the draft next to the documents', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes <subject>.eml and warns in French when it exceeds the size limit of the settings', async () => {
    dir = await mkdtemp(join(tmpdir(), 'recours-mail-'));
    const written = await writeDraft(dir, message, 100_000);
    // The name is the subject, cut at 100 characters.
    expect(written.path).toBe(join(dir, 'Mise en demeure de livrer — commande n° 402-1234567-8901234 (colis marqué « livré » mais jamais reçu.eml'));
    const onDisk = await readFile(written.path);
    expect(onDisk.byteLength).toBe(written.size);
    // 165 ko of PDFs become about 227 ko once base64-encoded and wrapped.
    expect(written.size).toBeGreaterThan(220_000);
    expect(written.warning).toBe(
      'Le message pèse 227\u00a0Ko avec ses pièces jointes (165\u00a0Ko de fichiers, un tiers de plus une fois encodés pour l’envoi), ' +
        'au-delà de la limite de 100\u00a0Ko fixée dans les Réglages (taille limite des e-mails) : la messagerie risque de le refuser. ' +
        'Envoyez plutôt le dossier par courrier, ou n’en joignez qu’une partie.',
    );
    expect((await writeDraft(dir, message, 10_000_000)).warning).toBeNull();
    expect((await writeDraft(dir, message, 0)).warning).toBeNull();
  });

  it('makes a file name every system accepts from the subject', () => {
    expect(draftFileName('Objet : mise en demeure / relance*?')).toBe('Objet mise en demeure relance.eml');
    expect(draftFileName('...')).toBe('Brouillon.eml');
    expect(draftFileName('a'.repeat(300))).toBe(`${'a'.repeat(100)}.eml`);
  });

  it('formats sizes the French way', () => {
    expect(formatFileSize(512)).toBe('512\u00a0octets');
    expect(formatFileSize(12_400_000)).toBe('12\u00a0Mo');
    expect(formatFileSize(2_450_000)).toBe('2,5\u00a0Mo');
    expect(formatFileSize(3_000_000)).toBe('3\u00a0Mo');
    expect(draftSizeWarning(11_000_000, 8_000_000, 10_000_000)).toContain('Le message pèse 11\u00a0Mo');
  });
});

describe('mailto: fallback', () => {
  it('carries recipient, subject and body, percent-encoded with CRLF line breaks', () => {
    const url = mailtoUrl({ to: ['service-client@amazon.fr'], subject: 'Mise en demeure — n° 402', body: 'Bonjour,\nLigne 2 & fin ?' });
    expect(url).toBe(
      'mailto:service-client@amazon.fr?subject=Mise%20en%20demeure%20%E2%80%94%20n%C2%B0%20402&body=Bonjour%2C%0D%0ALigne%202%20%26%20fin%20%3F',
    );
    const back = new URL(url);
    expect(decodeURIComponent(back.searchParams.get('subject') ?? '')).toBe('Mise en demeure — n° 402');
  });

  it('shortens a long body to stay under the length mail programs accept, and keeps the note on attachments', () => {
    const url = mailtoUrl({
      to: ['a@b.fr'],
      subject: 'Réclamation',
      body: 'Un très long texte accentué — é à ç. '.repeat(200),
      attachmentNote: 'Pièces à joindre : Mise en demeure.pdf (dans le dossier ouvert à côté)',
    });
    expect(url.length).toBeLessThanOrEqual(MAILTO_MAX_LENGTH);
    const body = decodeURIComponent(url.slice(url.indexOf('&body=') + 6));
    expect(body).toMatch(/^Un très long texte accentué/);
    expect(body).toContain('[…] Le texte complet figure dans la lettre à joindre.');
    expect(body.endsWith('Pièces à joindre : Mise en demeure.pdf (dans le dossier ouvert à côté)')).toBe(true);
  });
});
