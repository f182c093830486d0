/** The UI's API against the real core and a temporary data folder: what the screens get back, in French. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError, type ApiMethod, type ApiParams, type ApiResults, type Settings, type StoredCase } from '../../core/common/api/contract.js';
import { createApiDispatcher } from '../../core/node/api/index.js';
import { createCaseStore } from '../../core/node/store/index.js';
import { createJsonSettingsStore, createMemorySettingsStore } from '../../core/node/settings/index.js';
import { extractPdf, normaliseSpaces } from '../support/pdf-text.js';
import { extractDocx } from '../support/docx-text.js';
import { EXAMPLES_DIR, loadExample, readable } from '../support/examples.js';

const SETTINGS: Settings = {
  sender: {
    title: 'M.',
    firstName: 'Karim',
    lastName: 'Benali',
    address: { lines: ['Appartement 12', '27 rue Paul Bert'], postalCode: '69003', city: 'Lyon' },
    email: 'karim.benali@exemple.fr',
    phone: '',
  },
  defaultPlace: 'Villeurbanne',
  documentsDir: '',
  emailSizeLimit: 10_000_000,
};

function setup(settings: Settings = SETTINGS) {
  const dataDir = mkdtempSync(join(tmpdir(), 'recours-api-'));
  const logged: string[] = [];
  const dispatcher = createApiDispatcher({ dataDir, settings: createMemorySettingsStore(settings), today: () => '2026-11-25', log: (m) => logged.push(m) });
  const call = <M extends ApiMethod>(method: M, params: ApiParams<M>) => dispatcher.call(method, params) as Promise<ApiResults[M]>;
  return { dataDir, dispatcher, call, logged };
}

async function failure(p: Promise<unknown>): Promise<ApiError['payload']> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return (e as ApiError).payload;
  }
  throw new Error('the call should have failed');
}

async function laptopDraft(): Promise<Record<string, any>> {
  const { evidence: _e, ...c } = (await loadExample('ordinateur-livre-jamais-recu.json')) as Record<string, any>;
  return c;
}

describe('createCase', () => {
  it('starts from the sender in the settings, the default place, and the situation chosen', async () => {
    const { call } = setup();
    const c = await call('createCase', { disputeType: 'non-delivery', markedDelivered: true });
    expect(c.draft.claimant).toEqual({
      title: 'M.',
      firstName: 'Karim',
      lastName: 'Benali',
      address: { lines: ['Appartement 12', '27 rue Paul Bert'], postalCode: '69003', city: 'Lyon' },
      email: 'karim.benali@exemple.fr',
    });
    expect(c.draft.letter).toEqual({ place: 'Villeurbanne' });
    expect(c.draft.dispute).toMatchObject({ type: 'non-delivery', demand: 'refund' });
    expect((c.draft.dispute as any).facts).toMatch(/^Le suivi de ma commande indique que le colis a été livré/);
    expect((c.draft.respondent as any).name).toBe('Amazon EU S.à r.l.');
    // What is still to fill is reported field by field, in French.
    expect(c.problems.map((p) => p.message)).toContain('Date de commande (order.date) : champ obligatoire manquant');
  });

  it('asks for a delivery when the parcel is only late, and names every missing field without a sender', async () => {
    const { call } = setup({ ...SETTINGS, sender: null, defaultPlace: '' });
    const c = await call('createCase', { disputeType: 'late-delivery' });
    expect(c.draft.dispute).toMatchObject({ type: 'late-delivery', demand: 'delivery' });
    expect(c.draft.letter).toBeUndefined();
    expect(c.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['claimant.firstName', 'claimant.lastName', 'claimant.address.city']));
  });
});

describe('saving, checking, previewing', () => {
  it('saves the draft as typed and returns its problems', async () => {
    const { call } = setup();
    const { id } = await call('createCase', { disputeType: 'non-delivery' });
    const draft = await laptopDraft();
    draft.order.date = '2026-02-30';
    const saved = await call('saveCase', { id, draft });
    expect(saved.problems).toEqual([{ path: 'order.date', message: 'Date de commande (order.date) : « 2026-02-30 » n’est pas une date réelle (format attendu AAAA-MM-JJ, par exemple 2026-11-25)' }]);
    expect((await call('getCase', { id })).draft.order).toMatchObject({ date: '2026-02-30' });
  });

  it('lists the facts a template needs that the draft lacks, each with its field path', async () => {
    const { call } = setup();
    const { id } = await call('createCase', { disputeType: 'non-delivery' });
    const draft = await laptopDraft();
    delete draft.order;
    const { problems } = await call('checkTemplate', { id, templateId: 'mise-en-demeure-livraison', draft });
    expect(problems.map((p) => p.path)).toEqual(['order', 'order.date', 'order.items', 'order.total']);
    expect(problems[1]?.message).toBe('Date de commande (order.date) : nécessaire pour « Mise en demeure de livrer (colis non livré, en retard ou « livré » mais jamais reçu) »');
  });

  it('previews the letter from the draft being typed, before it is saved', async () => {
    const { call } = setup();
    const { id } = await call('createCase', { disputeType: 'non-delivery' });
    const draft = await laptopDraft();
    draft.order.number = '402-1111111-2222222';
    const preview = await call('previewLetter', { id, templateId: 'mise-en-demeure-livraison', draft });
    expect(preview.problems).toEqual([]);
    expect(readable(preview.document!.subject)).toBe('Mise en demeure de livrer — commande n° 402-1111111-2222222 du 28 septembre 2026');
    expect(preview.document!.placeDate).toBe('Lyon, le 25\u00a0novembre\u00a02026');
    // Nothing was saved by previewing.
    expect((await call('getCase', { id })).draft.order).toEqual({ platform: 'Amazon' });

    const incomplete = await call('previewLetter', { id, templateId: 'mise-en-demeure-livraison' });
    expect(incomplete.document).toBeNull();
    expect(incomplete.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['order.date', 'order.items', 'order.total']));
  });

  it('says when a template is unknown', async () => {
    const { call } = setup();
    const { id } = await call('createCase', { disputeType: 'non-delivery' });
    expect(await failure(call('previewLetter', { id, templateId: 'lettre-au-pere-noel' }))).toEqual({ code: 'not-found', message: 'Modèle de courrier « lettre-au-pere-noel » introuvable.' });
  });
});

describe('documents', () => {
  it('produces the PDF and the DOCX of the letter, records them, and serves their bytes', async () => {
    const { call, dataDir } = setup();
    const { id } = await call('createCase', { disputeType: 'non-delivery' });
    await call('saveCase', { id, draft: await laptopDraft() });
    const { document, warnings } = await call('generateDocument', { id, templateId: 'mise-en-demeure-livraison', formats: ['pdf', 'docx'] });
    expect(warnings).toEqual([]);
    expect(document.files.map((f) => [f.format, f.name])).toEqual([
      ['pdf', 'mise-en-demeure-livraison_2026-11-25.pdf'],
      ['docx', 'mise-en-demeure-livraison_2026-11-25.docx'],
    ]);
    const pdf = await call('documentFile', { id, documentId: document.id, format: 'pdf' });
    expect(pdf.mediaType).toBe('application/pdf');
    const text = normaliseSpaces((await extractPdf(pdf.bytes)).text);
    expect(text).toContain('Mise en demeure de livrer — commande n° 402-7719254-3381946');
    expect(text).toContain('Karim Benali');
    expect(new Uint8Array(readFileSync(join(dataDir, id, 'documents', document.id, 'mise-en-demeure-livraison_2026-11-25.pdf')))).toEqual(pdf.bytes);
    const docx = await extractDocx((await call('documentFile', { id, documentId: document.id, format: 'docx' })).bytes);
    expect(readable(docx.text)).toContain('je vous mets en demeure');
    expect((await call('getCase', { id })).documents).toEqual([document]);
    expect(await failure(call('documentFile', { id, documentId: document.id, format: 'dossier' }))).toMatchObject({ code: 'not-found' });
  });

  it('refuses to produce a letter from an incomplete case, with every problem', async () => {
    const { call } = setup();
    const { id } = await call('createCase', { disputeType: 'non-delivery' });
    const error = await failure(call('generateDocument', { id, templateId: 'mise-en-demeure-livraison', formats: ['pdf'] }));
    expect(error.code).toBe('invalid-case');
    expect(error.message).toMatch(/^« Mise en demeure de livrer .* » ne peut pas encore être produit : \d+ faits à compléter ou corriger\.$/);
    expect(error.problems?.map((p) => p.path)).toEqual(expect.arrayContaining(['order.date', 'dispute.facts']));
  });

  it('records a sending (not a contact) in the documents history and the case; the list shows the new stage', async () => {
    const { call } = setup();
    const { id } = await call('createCase', { disputeType: 'non-delivery' });
    await call('saveCase', { id, draft: await laptopDraft() });
    const { document } = await call('generateDocument', { id, templateId: 'mise-en-demeure-livraison', formats: ['pdf'] });
    const sent = await call('markSent', { id, documentId: document.id, date: '2026-11-26', mode: 'lrar', registeredNumber: '1A 198 765 4321 0' });
    expect(sent.documents[0]?.sent).toEqual({ date: '2026-11-26', mode: 'lrar', registeredNumber: '1A 198 765 4321 0', received: null });
    expect(sent.draft.contacts as any[]).toHaveLength(6);
    expect(sent.draft.sendings).toEqual([
      { template: 'mise-en-demeure-livraison', date: '2026-11-26', mode: 'lrar', registeredNumber: '1A 198 765 4321 0', documentId: document.id },
    ]);
    expect(sent.problems).toEqual([]);
    const [summary] = await call('listCases', {});
    expect(summary?.stage).toContain('Mise en demeure envoyée');
    const deadlines = await call('deadlines', { id });
    expect(deadlines.length).toBeGreaterThan(0);
    for (const d of deadlines) expect(d.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(summary?.nextDeadline).not.toBeNull();
  });

  it('moves the answer deadline to the date of receipt once it is entered', async () => {
    const { call } = setup();
    const { id } = await call('createCase', { disputeType: 'non-delivery' });
    await call('saveCase', { id, draft: await laptopDraft() });
    const { document } = await call('generateDocument', { id, templateId: 'mise-en-demeure-livraison', formats: ['pdf'] });
    await call('markSent', { id, documentId: document.id, date: '2026-11-26', mode: 'lrar' });
    const before = (await call('deadlines', { id })).find((d) => d.id === 'response-due');
    expect(before?.date).toBe('2026-12-04');
    expect(before?.note).toMatch(/^Estimation comptée depuis l’envoi/);
    const received = await call('markReceived', { id, documentId: document.id, received: '2026-11-30' });
    expect(received.documents[0]?.sent?.received).toBe('2026-11-30');
    expect((received.draft.sendings as any[])[0]?.received).toBe('2026-11-30');
    const after = (await call('deadlines', { id })).find((d) => d.id === 'response-due');
    expect(after?.date).toBe('2026-12-08');
    expect(after?.note?.replace(/\s/g, ' ')).toBe('Compté depuis la réception de la lettre, le 30 novembre 2026.');
    const early = await failure(call('markReceived', { id, documentId: document.id, received: '2026-11-20' }));
    expect(early.message).toContain('précède l’envoi');
  });

  it('refuses a save made from an older revision (another window saved in between) with a French message', async () => {
    const { call } = setup();
    const created = await call('createCase', { disputeType: 'non-delivery' });
    const draft = await laptopDraft();
    const first = await call('saveCase', { id: created.id, draft, revision: created.revision });
    expect(first.revision).toBe(created.revision + 1);
    // The second window still holds the revision it opened the case at.
    const stale = await failure(call('saveCase', { id: created.id, draft: { ...draft, dispute: { ...(draft.dispute as object), facts: 'autre' } }, revision: created.revision }));
    expect(stale.code).toBe('conflict');
    expect(stale.message).toContain('modifié entre-temps dans une autre fenêtre');
    expect(((await call('getCase', { id: created.id })).draft.dispute as { facts: string }).facts).toBe((draft.dispute as { facts: string }).facts);
    // Producing a document or adding a piece does not change the facts' revision: the window keeps saving.
    await call('generateDocument', { id: created.id, templateId: 'mise-en-demeure-livraison', formats: ['pdf'] });
    const again = await call('saveCase', { id: created.id, draft, revision: first.revision });
    expect(again.revision).toBe(first.revision);
  });

  it('copies produced files into the documents folder chosen in the settings', async () => {
    const documentsDir = join(mkdtempSync(join(tmpdir(), 'recours-docs-')), 'Mes courriers');
    const { call } = setup({ ...SETTINGS, documentsDir });
    const { id } = await call('createCase', { disputeType: 'non-delivery' });
    await call('saveCase', { id, draft: await laptopDraft() });
    await call('generateDocument', { id, templateId: 'mise-en-demeure-livraison', formats: ['pdf'] });
    await call('generateDocument', { id, templateId: 'mise-en-demeure-livraison', formats: ['pdf'] });
    expect(existsSync(join(documentsDir, 'mise-en-demeure-livraison_2026-11-25.pdf'))).toBe(true);
    expect(existsSync(join(documentsDir, 'mise-en-demeure-livraison_2026-11-25 (2).pdf'))).toBe(true);
  });
});

describe('evidence', () => {
  const piece = (name: string) => new Uint8Array(readFileSync(join(EXAMPLES_DIR, 'pieces', name)));

  it('stores each file once under its fingerprint, and lets the user title, reorder and remove them', async () => {
    const { call, dataDir } = setup();
    const { id } = await call('createCase', { disputeType: 'non-delivery' });
    await call('addEvidence', { id, name: 'suivi-colis.txt', bytes: piece('suivi-colis.txt') });
    await call('addEvidence', { id, name: 'attestation gardien.txt', bytes: piece('attestation-gardien.txt') });
    let c: StoredCase = await call('addEvidence', { id, name: 'copie.txt', bytes: piece('suivi-colis.txt') }); // same bytes again
    expect(c.evidence.map((e) => [e.number, e.originalName, e.title, e.mediaType])).toEqual([
      [1, 'suivi-colis.txt', 'Suivi colis', 'text/plain'],
      [2, 'attestation gardien.txt', 'Attestation gardien', 'text/plain'],
    ]);
    expect(c.evidence[0]?.size).toBe(piece('suivi-colis.txt').length);
    expect((c.draft.evidence as any[]).map((e) => e.id)).toEqual(['suivi-colis', 'attestation-gardien']);
    const [first, second] = c.evidence.map((e) => e.id) as [string, string];

    c = await call('updateEvidence', { id, evidenceId: second, title: 'Attestation du gardien', date: '2026-10-03', note: 'Signée' });
    expect(c.evidence[1]).toMatchObject({ title: 'Attestation du gardien', date: '2026-10-03', note: 'Signée' });
    c = await call('reorderEvidence', { id, order: [second, first] });
    expect(c.evidence.map((e) => [e.number, e.title])).toEqual([[1, 'Attestation du gardien'], [2, 'Suivi colis']]);
    expect(await failure(call('reorderEvidence', { id, order: [second] }))).toMatchObject({ code: 'invalid-request', message: expect.stringContaining('Ordre des pièces refusé') });

    const storedFile = (c.draft.evidence as any[])[1].file as string;
    expect(existsSync(join(dataDir, id, storedFile))).toBe(true);
    c = await call('removeEvidence', { id, evidenceId: first });
    expect(c.evidence.map((e) => e.title)).toEqual(['Attestation du gardien']);
    expect(existsSync(join(dataDir, id, storedFile))).toBe(false);
  });

  it('adds a file chosen on disk (desktop app) without touching the original, and gives document paths', async () => {
    const { call, dispatcher } = setup();
    const { id } = await call('createCase', { disputeType: 'non-delivery' });
    const original = join(EXAMPLES_DIR, 'pieces', 'attestation-gardien.txt');
    const before = readFileSync(original);
    const c = await dispatcher.host.addEvidenceFile(id, original);
    expect(c.evidence.map((e) => [e.originalName, e.size])).toEqual([['attestation-gardien.txt', before.length]]);
    expect(readFileSync(original)).toEqual(before);
    await call('saveCase', { id, draft: await laptopDraft() });
    const progress: string[] = [];
    const { document } = await dispatcher.host.generateDocument({ id, templateId: 'mise-en-demeure-livraison', formats: ['pdf', 'dossier'] }, { onProgress: (_d, _t, label) => progress.push(label) });
    expect(progress.length).toBeGreaterThan(0);
    const where = await dispatcher.host.documentPath(id, document.id, 'dossier');
    expect(where.name).toBe('mise-en-demeure-livraison_2026-11-25_dossier.pdf');
    expect(readFileSync(where.path).subarray(0, 5).toString()).toBe('%PDF-');
    await expect(dispatcher.host.documentPath(id, document.id, 'docx')).rejects.toThrow('n’a pas été produit dans ce format');
  });

  it('produces the dossier with the evidence', async () => {
    const { call } = setup();
    const { id } = await call('createCase', { disputeType: 'non-delivery' });
    await call('saveCase', { id, draft: await laptopDraft() });
    await call('addEvidence', { id, name: 'suivi-colis.txt', bytes: piece('suivi-colis.txt') });
    const { document } = await call('generateDocument', { id, templateId: 'mise-en-demeure-livraison', formats: ['dossier'] });
    // The bordereau comes with the dossier, offered as its own files (PDF to print, DOCX to edit).
    expect(document.files.map((f) => f.format)).toEqual(['bordereau-pdf', 'bordereau-docx', 'dossier']);
    const bordereau = normaliseSpaces((await extractPdf((await call('documentFile', { id, documentId: document.id, format: 'bordereau-pdf' })).bytes)).text);
    expect(bordereau).toMatch(/Bordereau/i);
    expect(bordereau).toContain('Suivi colis');
    const text = normaliseSpaces((await extractPdf((await call('documentFile', { id, documentId: document.id, format: 'dossier' })).bytes)).text);
    expect(text).toContain('Mise en demeure de livrer');
    expect(text).toContain('Suivi colis');
  });
});

describe('the list', () => {
  it('searches, hides archived cases unless asked, and names each dispute', async () => {
    const { call } = setup();
    const a = await call('createCase', { disputeType: 'non-delivery' });
    await call('saveCase', { id: a.id, draft: await laptopDraft() });
    const b = await call('createCase', { disputeType: 'defective' });
    expect((await call('listCases', { query: 'lenovo' })).map((s) => s.id)).toEqual([a.id]);
    expect((await call('listCases', { query: '402-7719254-3381946' }))[0]).toMatchObject({
      // The same title as the case's header.
      title: 'Colis non livré — commande n°\u00A0402-7719254-3381946',
      claimantName: 'Karim Benali',
      orderNumber: '402-7719254-3381946',
      disputeLabel: 'colis non livré',
    });
    const archived = await call('archiveCase', { id: b.id, archived: true });
    expect(archived.archived).toBe(true);
    expect((await call('listCases', {})).map((s) => s.id)).toEqual([a.id]);
    expect((await call('listCases', { includeArchived: true })).map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('duplicates and deletes', async () => {
    const { call } = setup();
    const a = await call('createCase', { disputeType: 'refund' });
    const copy = await call('duplicateCase', { id: a.id });
    expect(copy.draft).toEqual(a.draft);
    expect(await call('deleteCase', { id: a.id })).toEqual({ deleted: true });
    expect(await failure(call('getCase', { id: a.id }))).toEqual({ code: 'not-found', message: `Dossier « ${a.id} » introuvable : il a peut-être été supprimé.` });
  });

  it('reports cases that were set aside', async () => {
    const { call, dataDir } = setup();
    const a = await call('createCase', { disputeType: 'refund' });
    writeFileSync(join(dataDir, a.id, 'case.json'), '{');
    expect(await call('listCases', {})).toEqual([]);
    const [aside] = await call('unreadableCases', {});
    expect(aside?.message).toContain(`Le dossier « ${a.id} » n’a pas pu être lu : « case.json » n’est pas du JSON valide`);
  });
});

describe('failures', () => {
  it('refuses unknown methods and malformed parameters in French', async () => {
    const { dispatcher } = setup();
    expect(await failure(dispatcher.call('formatDisk', {}))).toEqual({ code: 'invalid-request', message: 'Demande inconnue : « formatDisk ».' });
    expect((await failure(dispatcher.call('getCase', { id: '../../etc' }))).message).toMatch(/^Demande « getCase » mal formée — id : /);
    expect((await failure(dispatcher.call('saveSettings', { settings: { ...SETTINGS, emailSizeLimit: -1 } }))).code).toBe('invalid-request');
  });

  it('turns an unexpected exception into « Erreur interne » and logs it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'recours-api-'));
    const store = createCaseStore({ dataDir });
    store.list = async () => {
      throw new TypeError('disque en panne');
    };
    const logged: string[] = [];
    const dispatcher = createApiDispatcher({ store, settings: createMemorySettingsStore(), log: (m) => logged.push(m) });
    expect(await failure(dispatcher.call('listCases', {}))).toEqual({ code: 'failed', message: 'Erreur interne : disque en panne' });
    expect(logged[0]).toContain('« listCases » a échoué : TypeError: disque en panne');
  });

  it('keeps settings in a JSON file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'recours-settings-')), 'settings.json');
    const dispatcher = createApiDispatcher({ dataDir: join(path, '..', 'data'), settings: createJsonSettingsStore(path) });
    expect(await dispatcher.call('getSettings', {})).toEqual({ sender: null, defaultPlace: '', documentsDir: '', emailSizeLimit: 10_000_000 });
    await dispatcher.call('saveSettings', { settings: SETTINGS });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(SETTINGS);
    expect(await createJsonSettingsStore(path).get()).toEqual(SETTINGS);
  });

  it('sets a damaged settings file aside and starts from the defaults', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recours-settings-'));
    const path = join(dir, 'settings.json');
    writeFileSync(path, '{ "defaultPlace": 12');
    const problems: string[] = [];
    expect((await createJsonSettingsStore(path, { onProblem: (m) => problems.push(m) }).get()).sender).toBeNull();
    expect(problems[0]).toMatch(/^Réglages « .*settings\.json » illisibles : réglages par défaut utilisés ; l’ancien fichier est conservé sous « .*settings\.json\.illisible-/);
    const kept = readdirSync(dir).filter((n) => n.startsWith('settings.json.illisible-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir, kept[0]!), 'utf8')).toBe('{ "defaultPlace": 12');
  });
});

describe('listTemplates', () => {
  it('lists the letters for a dispute in the order of the escalation ladder', async () => {
    const { call } = setup();
    const list = await call('listTemplates', { disputeType: 'non-delivery' });
    const kinds = list.map((t) => t.kind);
    expect(kinds[0]).toBe('complaint');
    expect(kinds.indexOf('formal-notice')).toBeLessThan(kinds.indexOf('mediation'));
    expect(kinds.indexOf('mediation')).toBeLessThan(kinds.indexOf('court'));
    expect(kinds.at(-1)).toBe('court');
    expect(list.map((t) => t.id)).toContain('mise-en-demeure-livraison');
  });
});
