/**
 * Nothing active enters a dossier: a hostile PDF exhibit (JavaScript at document, page and annotation level,
 * /Launch, form widgets with scripts, embedded files, XFA, a script hidden in the page resources) keeps its pages
 * and loses everything that can act, with a warning naming it; an e-mail's executable attachment is listed, not
 * embedded. Checked by loading the dossier with pdf-lib and walking every object.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFStream, PDFString, StandardFonts, type PDFObject } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { assembleDossier, type DossierResult } from '../../core/node/dossier/index.js';
import { caseWith, letterFor, pdfAttachments } from '../support/fixtures-dossier.js';
import { extractPdf, normaliseSpaces } from '../support/pdf-text.js';

const FORBIDDEN = ['JavaScript', 'JS', 'Launch', 'AA', 'OpenAction', 'EmbeddedFile', 'EmbeddedFiles', 'EF', 'XFA', 'AcroForm', 'SubmitForm', 'ImportData'];

/** A two-page invoice carrying every kind of active content a reader could run. */
async function hostilePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const fontRef = doc.context.getObjectRef(font.ref) ?? font.ref;
  const pages = [doc.addPage([595.28, 841.89]), doc.addPage([595.28, 841.89])];
  pages.forEach((p, i) => p.drawText(`Facture piegee page ${i + 1}`, { x: 72, y: 760, size: 16, font }));
  const ctx = doc.context;
  const js = (code: string) => ctx.register(ctx.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of(code) }));
  const launch = ctx.register(ctx.obj({ Type: 'Action', S: 'Launch', F: PDFString.of('cmd.exe'), Win: { F: PDFString.of('cmd.exe'), P: PDFString.of('/c calc') } }));
  const payload = ctx.register(ctx.flateStream('MZ payload', { Type: 'EmbeddedFile' }));
  const filespec = ctx.register(ctx.obj({ Type: 'Filespec', F: PDFString.of('evil.exe'), UF: PDFString.of('evil.exe'), EF: { F: payload } }));
  const appearance = ctx.register(ctx.stream('BT /F1 10 Tf 2 5 Td (Valeur saisie 4242) Tj ET', {
    Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 200, 20], Resources: { Font: { F1: fontRef } },
  }));
  const widget = ctx.register(ctx.obj({
    Type: 'Annot', Subtype: 'Widget', FT: 'Tx', T: PDFString.of('montant'), V: PDFString.of('Valeur saisie 4242'),
    Rect: [72, 600, 272, 620], AP: { N: appearance }, AA: { K: js('app.alert("K")'), F: js('app.alert("F")') }, A: js('app.alert("A")'),
  }));
  const annots = [
    ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, 700, 200, 720], A: js('app.launchURL("x")') }),
    ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, 680, 200, 700], A: launch }),
    ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, 660, 200, 680], A: { S: 'URI', URI: PDFString.of('https://www.amazon.fr/commande') }, AA: { E: js('1') } }),
    ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, 640, 200, 660], A: { S: 'URI', URI: PDFString.of('javascript:alert(1)') } }),
    ctx.obj({ Type: 'Annot', Subtype: 'FileAttachment', Rect: [300, 700, 320, 720], FS: filespec }),
    widget,
  ].map((o) => (o instanceof PDFRef ? o : ctx.register(o)));
  const first = pages[0]!.node;
  first.set(PDFName.of('Annots'), ctx.obj(annots));
  first.set(PDFName.of('AA'), ctx.obj({ O: js('app.alert("open")'), C: launch }));
  // A script stashed where only a careless copy would carry it along.
  first.Resources()?.set(PDFName.of('Cachette'), js('app.alert("cache")'));
  pages[1]!.node.set(PDFName.of('AA'), ctx.obj({ O: launch }));

  const catalog = doc.catalog;
  catalog.set(PDFName.of('OpenAction'), js('app.alert("doc")'));
  catalog.set(PDFName.of('Names'), ctx.obj({
    JavaScript: { Names: [PDFString.of('init'), js('app.alert("init")')] },
    EmbeddedFiles: { Names: [PDFString.of('evil.exe'), filespec] },
  }));
  catalog.set(PDFName.of('AcroForm'), ctx.obj({ Fields: [widget], XFA: ctx.register(ctx.stream('<xdp:xdp/>')) }));
  return doc.save({ useObjectStreams: true });
}

function emlWithExecutable(): string {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  return [
    'From: Vendeur <vendeur@exemple.com>', 'To: Karim Benali <karim.benali@exemple.fr>', 'Subject: Votre facture',
    'Date: Mon, 12 Oct 2026 10:15:00 +0200', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"', '',
    '--b', 'Content-Type: text/plain; charset=utf-8', '', 'Voici votre facture.',
    '--b', 'Content-Type: application/octet-stream; name="facture.pdf.exe"', 'Content-Disposition: attachment; filename="facture.pdf.exe"', 'Content-Transfer-Encoding: base64', '', b64('MZ\x90\x00 programme'),
    '--b', 'Content-Type: application/octet-stream; name="releve.dat"', 'Content-Disposition: attachment; filename="releve.dat"', 'Content-Transfer-Encoding: base64', '', b64('#!/bin/sh\nrm -rf ~\n'),
    '--b', 'Content-Type: text/plain; name="notice.txt"', 'Content-Disposition: attachment; filename="notice.txt"', '', 'Notice de retour',
    '--b--', '',
  ].join('\r\n');
}

/** Every name used as a key or a value anywhere in the document. */
function namesIn(doc: PDFDocument): Set<string> {
  const out = new Set<string>();
  const visit = (v: PDFObject | undefined, depth: number): void => {
    if (!v || depth > 100) return;
    if (v instanceof PDFName) out.add(v.decodeText());
    const dict = v instanceof PDFStream ? v.dict : v instanceof PDFDict ? v : undefined;
    if (dict) for (const [k, x] of dict.entries()) {
      out.add(k.decodeText());
      visit(x, depth + 1);
    }
    if (v instanceof PDFArray) for (const x of v.asArray()) visit(x, depth + 1);
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) visit(object, 0);
  return out;
}

function uris(doc: PDFDocument): string[] {
  const out: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const a = doc.context.lookupMaybe(object.get(PDFName.of('A')), PDFDict);
    const uri = a?.get(PDFName.of('URI'));
    if (uri instanceof PDFString || uri instanceof PDFHexString) out.push(uri.decodeText());
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'recours-actif-'));
let hostile: Uint8Array;
let result: DossierResult;
let mail: DossierResult;
let withOriginals: DossierResult;

beforeAll(async () => {
  mkdirSync(join(dir, 'pieces'));
  hostile = await hostilePdf();
  writeFileSync(join(dir, 'pieces', 'piegee.pdf'), hostile);
  writeFileSync(join(dir, 'pieces', 'message.eml'), emlWithExecutable());
  const c = caseWith([{ file: 'pieces/piegee.pdf', title: 'Facture du vendeur' }, { file: 'pieces/message.eml', title: 'Message du vendeur' }]);
  const letter = await letterFor(c);
  const request = { caseFile: c, caseDir: dir, letterPdf: letter.pdf, letterTitle: letter.title, today: '2026-11-25' };
  result = await assembleDossier({ ...request, caseFile: { ...c, evidence: c.evidence?.slice(0, 1) } });
  mail = await assembleDossier(request);
  withOriginals = await assembleDossier({ ...request, attachOriginals: true });
}, 60_000);

describe('active content in exhibits', () => {
  it('the hostile fixture really carries every kind of active content', async () => {
    const names = namesIn(await PDFDocument.load(hostile));
    for (const n of ['JavaScript', 'JS', 'Launch', 'AA', 'OpenAction', 'EmbeddedFile', 'XFA']) expect(names, n).toContain(n);
  });

  it('leaves no JavaScript, /Launch, /AA, /OpenAction, embedded file nor XFA anywhere in the dossier', async () => {
    const names = namesIn(await PDFDocument.load(result.dossierPdf));
    for (const n of FORBIDDEN) expect(names.has(n), `/${n}`).toBe(false);
    expect(await pdfAttachments(result.dossierPdf)).toEqual([]);
  });

  it('keeps the pages, the filled-in field as printed, and only the plain web link', async () => {
    const text = normaliseSpaces((await extractPdf(result.dossierPdf)).pages.join('\n'));
    expect(text).toContain('Facture piegee page 1');
    expect(text).toContain('Facture piegee page 2');
    expect(text).toContain('Valeur saisie 4242');
    expect(uris(await PDFDocument.load(result.dossierPdf))).toEqual(['https://www.amazon.fr/commande']);
  });

  it('warns, naming the exhibit, that its active content was removed', () => {
    const warning = result.warnings.map(normaliseSpaces).find((w) => w.startsWith('Pièce n° 1 (« piegee.pdf ») : contenu actif retiré du PDF'));
    expect(warning).toBeDefined();
    expect(warning).toContain('JavaScript');
    expect(warning).toContain('fichiers incorporés');
  });

  it('lists an e-mail’s executable attachments without embedding them, and says so', async () => {
    const text = normaliseSpaces((await extractPdf(mail.dossierPdf)).pages.join('\n'));
    expect(text).toContain('facture.pdf.exe');
    expect(text).toMatch(/facture\.pdf\.exe \([^)]*\) — fichier exécutable, non joint/);
    expect(text).toMatch(/releve\.dat \([^)]*\) — fichier exécutable, non joint/);
    expect(await pdfAttachments(mail.dossierPdf)).toEqual(['piece-02-pj3-notice.txt']);
    expect(mail.warnings.map(normaliseSpaces).some((w) => w.startsWith('Pièce n° 2 (« message.eml ») : les pièces jointes « facture.pdf.exe », « releve.dat » du message'))).toBe(true);
  });

  it('attaches the originals only when asked, as plain files, the pages still cleaned', async () => {
    expect(await pdfAttachments(withOriginals.dossierPdf)).toEqual(['piece-01-piegee.pdf', 'piece-02-message.eml', 'piece-02-pj1-facture.pdf.exe', 'piece-02-pj2-releve.dat', 'piece-02-pj3-notice.txt']);
    const doc = await PDFDocument.load(withOriginals.dossierPdf);
    const names = namesIn(doc);
    for (const n of ['JavaScript', 'JS', 'Launch', 'AA', 'OpenAction', 'XFA', 'AcroForm']) expect(names.has(n), `/${n}`).toBe(false);
  });
});
