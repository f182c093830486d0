/** The case store on a real disk: cases saved and listed, older files migrated, unreadable ones set aside. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCaseStore, matchesQuery } from '../../core/node/store/index.js';
import { loadExample } from '../support/examples.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'recours-store-'));

async function laptop(): Promise<Record<string, any>> {
  const { evidence: _e, ...c } = (await loadExample('ordinateur-livre-jamais-recu.json')) as Record<string, any>;
  return c;
}

describe('saving and listing', () => {
  it('creates a case folder with case.json and meta.json, and reads back what was saved', async () => {
    const dataDir = tempDir();
    const store = createCaseStore({ dataDir });
    const created = await store.create({ dispute: { type: 'non-delivery' } });
    expect(readdirSync(join(dataDir, created.id)).sort()).toEqual(['case.json', 'documents', 'meta.json', 'pieces']);
    const draft = await laptop();
    await store.saveDraft(created.id, draft);
    const reopened = await createCaseStore({ dataDir }).get(created.id);
    expect(reopened.draft).toEqual(draft);
    expect(JSON.parse(readFileSync(join(dataDir, created.id, 'case.json'), 'utf8'))).toEqual(draft);
    expect(reopened.meta.updatedAt >= reopened.meta.createdAt).toBe(true);
  });

  it('keeps an incomplete draft as typed', async () => {
    const store = createCaseStore({ dataDir: tempDir() });
    const { id } = await store.create({});
    const draft = { format: 'recours/case@1', claimant: { firstName: 'Kar' }, order: { total: '84' } };
    await store.saveDraft(id, draft);
    expect((await store.get(id)).draft).toEqual(draft);
  });

  it('lists cases newest first, finds them by name, order number or facts, and sees changes made since', async () => {
    const dataDir = tempDir();
    let clock = Date.parse('2026-11-25T10:00:00Z');
    const store = createCaseStore({ dataDir, now: () => new Date((clock += 1000)) });
    const a = await store.create(await laptop());
    const sofa = (await loadExample('retard-livraison-marketplace.json')) as Record<string, any>;
    delete sofa.evidence;
    const b = await store.create(sofa);
    const list = await store.list();
    expect(list.map((e) => e.id)).toEqual([b.id, a.id]);
    const byId = new Map(list.map((e) => [e.id, e]));
    expect(matchesQuery(byId.get(a.id)!.facts, 'benali')).toBe(true);
    expect(matchesQuery(byId.get(a.id)!.facts, '402-7719254')).toBe(true);
    expect(matchesQuery(byId.get(a.id)!.facts, 'GARDIEN telétravail')).toBe(true); // facts, any case, accents ignored
    expect(matchesQuery(byId.get(b.id)!.facts, 'benali')).toBe(false);

    // A second store (a restarted app) reads the index, and still sees a change made behind its back.
    const changed = { ...(await laptop()), claimant: { ...(await laptop()).claimant, lastName: 'Benali-Roux' } };
    await createCaseStore({ dataDir }).list();
    await store.saveDraft(a.id, changed);
    const again = await createCaseStore({ dataDir }).list();
    expect(again.find((e) => e.id === a.id)?.facts.claimantName).toBe('Karim Benali-Roux');
  });

  it('sees a case file edited by hand', async () => {
    const dataDir = tempDir();
    const store = createCaseStore({ dataDir });
    const { id } = await store.create(await laptop());
    await store.list();
    const edited = await laptop();
    edited.order.number = '402-0000000-0000001';
    writeFileSync(join(dataDir, id, 'case.json'), JSON.stringify(edited));
    expect((await store.list())[0]?.facts.orderNumber).toBe('402-0000000-0000001');
  });

  it('recomputes stage and deadlines the next day, after the list is shown', async () => {
    const dataDir = tempDir();
    let day = '2026-11-25';
    const annotated: string[] = [];
    const options = {
      dataDir,
      today: () => day,
      annotate: (r: { id: string }, d: string) => {
        annotated.push(d);
        return { stage: `vu le ${d}`, deadlines: [] };
      },
    };
    const store = createCaseStore(options);
    await store.create(await laptop());
    await store.create(await laptop());
    expect((await store.list()).map((e) => e.annotation.stage)).toEqual(['vu le 2026-11-25', 'vu le 2026-11-25']);
    await store.flush();
    // A restart the same day: nothing recomputed, the index on disk is enough.
    const restarted = createCaseStore(options);
    annotated.length = 0;
    await restarted.list();
    expect(annotated).toEqual([]);
    // The next day: yesterday's entries are shown at once, then recomputed in the background.
    day = '2026-11-26';
    expect((await restarted.list()).map((e) => e.annotation.stage)).toEqual(['vu le 2026-11-25', 'vu le 2026-11-25']);
    await restarted.flush();
    expect(annotated).toEqual(['2026-11-26', '2026-11-26']);
    expect((await restarted.list()).map((e) => e.annotation.stage)).toEqual(['vu le 2026-11-26', 'vu le 2026-11-26']);
  });

  it('duplicates a case with its evidence, archives and deletes', async () => {
    const dataDir = tempDir();
    const store = createCaseStore({ dataDir });
    const { id } = await store.create(await laptop());
    const piece = await store.writePiece(id, 'facture.pdf', new TextEncoder().encode('%PDF-1.4 facture'));
    await store.update(id, (r) => ({ draft: { ...r.draft, evidence: [{ file: piece.file, originalName: 'facture.pdf', title: 'Facture' }] } }));
    const copy = await store.duplicate(id);
    expect(copy.id).not.toBe(id);
    expect(readFileSync(join(copy.dir, piece.file), 'utf8')).toBe('%PDF-1.4 facture');
    expect(copy.draft.evidence).toEqual([{ file: piece.file, originalName: 'facture.pdf', title: 'Facture' }]);

    await store.setArchived(id, true);
    expect((await store.list()).find((e) => e.id === id)?.archived).toBe(true);
    await store.remove(id);
    expect(existsSync(join(dataDir, id))).toBe(false);
    expect((await store.list()).map((e) => e.id)).toEqual([copy.id]);
    await expect(store.get(id)).rejects.toThrow(`Dossier « ${id} » introuvable`);
  });

  it('keeps the stored evidence list when a draft arrives without it (evidence changes through its own methods)', async () => {
    const store = createCaseStore({ dataDir: tempDir() });
    const { id } = await store.create(await laptop());
    const piece = await store.writePiece(id, 'photo.jpg', new Uint8Array([0xff, 0xd8, 0xff]));
    const evidence = [{ file: piece.file, title: 'Photo' }];
    await store.update(id, (r) => ({ draft: { ...r.draft, evidence } }));
    await store.saveDraft(id, { ...(await laptop()), evidence: [{ file: '/etc/passwd', title: 'x' }] });
    expect((await store.get(id)).draft.evidence).toEqual(evidence);
  });

  it('ignores folders that are not cases', async () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, 'Cache'));
    mkdirSync(join(dataDir, 'databases'));
    writeFileSync(join(dataDir, 'settings.json'), '{}');
    const store = createCaseStore({ dataDir });
    await store.create(await laptop());
    expect(await store.list()).toHaveLength(1);
    expect(existsSync(join(dataDir, 'databases'))).toBe(true);
  });
});

describe('migration on load', () => {
  it('brings a v0 case to v1, rewrites it, and keeps the original beside it', async () => {
    const dataDir = tempDir();
    const store = createCaseStore({ dataDir });
    const { id } = await store.create({});
    const { contacts, ...rest } = await laptop();
    const v0 = { ...rest, format: 'recours/case@0', journal: contacts.map(({ summary, ...k }: any) => ({ ...k, resume: summary })) };
    writeFileSync(join(dataDir, id, 'case.json'), JSON.stringify(v0));

    const record = await createCaseStore({ dataDir }).get(id);
    expect(record.draft).toEqual(await laptop());
    expect(JSON.parse(readFileSync(join(dataDir, id, 'case.json'), 'utf8')).format).toBe('recours/case@1');
    expect(JSON.parse(readFileSync(join(dataDir, id, 'case.avant-migration-recours-case-0.json'), 'utf8'))).toEqual(v0);
  });
});

describe('a case that cannot be read', () => {
  it('is moved into _a-verifier with a French note naming the file; the other cases still list', async () => {
    const dataDir = tempDir();
    const store = createCaseStore({ dataDir });
    const good = await store.create(await laptop());
    const broken = await store.create(await laptop());
    const future = await store.create(await laptop());
    writeFileSync(join(dataDir, broken.id, 'case.json'), '{ "format": "recours/case@1", "claimant": ');
    writeFileSync(join(dataDir, future.id, 'case.json'), JSON.stringify({ format: 'recours/case@2', claimant: {} }));

    const list = await createCaseStore({ dataDir }).list();
    expect(list.map((e) => e.id)).toEqual([good.id]);
    const aside = await store.setAside();
    expect(aside.map((a) => a.folder).sort()).toEqual([broken.id, future.id].sort());
    const brokenNote = aside.find((a) => a.folder === broken.id)!;
    expect(brokenNote.message).toContain(`Le dossier « ${broken.id} » n’a pas pu être lu : « case.json » n’est pas du JSON valide`);
    expect(brokenNote.message).toContain('rien n’a été effacé');
    expect(aside.find((a) => a.folder === future.id)!.message).toContain('version plus récente de Recours');
    // Nothing was rewritten: the broken text is there, byte for byte.
    expect(readFileSync(join(dataDir, '_a-verifier', broken.id, 'case.json'), 'utf8')).toBe('{ "format": "recours/case@1", "claimant": ');
  });

  it('never overwrites a case already set aside under the same name', async () => {
    const dataDir = tempDir();
    const store = createCaseStore({ dataDir });
    const { id } = await store.create(await laptop());
    writeFileSync(join(dataDir, id, 'meta.json'), 'pas du json');
    await expect(store.get(id)).rejects.toThrow('« meta.json » n’est pas du JSON valide');
    // The same folder name shows up again (restored by hand), still broken.
    mkdirSync(join(dataDir, id));
    writeFileSync(join(dataDir, id, 'case.json'), '');
    await store.list();
    expect(readdirSync(join(dataDir, '_a-verifier')).sort()).toEqual([id, `${id}-2`, `${id}-2.txt`, `${id}.txt`]);
    expect(readFileSync(join(dataDir, '_a-verifier', id, 'meta.json'), 'utf8')).toBe('pas du json');
    expect(readFileSync(join(dataDir, '_a-verifier', `${id}-2.txt`), 'utf8')).toContain('le fichier est vide');
  });

  it('rebuilds a missing meta.json instead of setting the case aside', async () => {
    const dataDir = tempDir();
    const store = createCaseStore({ dataDir });
    const { id } = await store.create(await laptop());
    const { rmSync } = await import('node:fs');
    rmSync(join(dataDir, id, 'meta.json'));
    const record = await createCaseStore({ dataDir }).get(id);
    expect(record.draft).toEqual(await laptop());
    expect(record.meta.documents).toEqual([]);
  });
});
