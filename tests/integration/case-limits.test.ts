/**
 * Limits of a case file, as a user meets them: the CLI's loader and the store answer a huge, deep, mis-encoded
 * or over-long case with a French sentence naming the file or the field, and never save what could not be
 * opened again.
 */
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASE_LIMITS } from '../../core/common/case/limits.js';
import { loadCaseFile } from '../../core/node/case-file.js';
import { createCaseStore } from '../../core/node/store/index.js';
import { loadExample } from '../support/examples.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'recours-limits-'));
const fr = (n: number) => n.toLocaleString('fr-FR');
const deepJson = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const messages = (loaded: Awaited<ReturnType<typeof loadCaseFile>>) => (loaded.ok ? [] : loaded.problems.map((p) => p.message));

async function sofa(): Promise<Record<string, any>> {
  const { evidence: _e, ...c } = (await loadExample('retard-livraison-marketplace.json')) as Record<string, any>;
  return c;
}

describe('reading a case file (CLI)', () => {
  it('refuses a 136 MB case by its size, before reading it, in French', async () => {
    const path = join(tempDir(), 'enorme.json');
    writeFileSync(path, '{"format":"recours/case@1","dispute":{"facts":"');
    truncateSync(path, 136 * 1024 * 1024); // sparse: no disk used, and nothing to parse if it were read
    const before = process.memoryUsage().rss;
    const loaded = await loadCaseFile(path);
    expect(messages(loaded)).toEqual([`Dossier « ${path} » est trop gros (136 Mo) : un dossier en accepte au plus 10 Mo, pièces non comprises. Raccourcissez les textes les plus longs.`]);
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses JSON nested 3 000 levels deep with a French message, not a stack overflow or a type error', async () => {
    const path = join(tempDir(), 'profond.json');
    writeFileSync(path, `{"format":"recours/case@1","dispute":{"facts":${deepJson(3_000)}}}`);
    expect(messages(await loadCaseFile(path))).toEqual([
      `Dossier « ${path} » est imbriqué trop profondément (plus de 32 niveaux de { } ou [ ]) : ce n’est pas un dossier Recours.`,
    ]);
  });

  it('refuses invalid UTF-8 and gives the position of the first invalid byte', async () => {
    const path = join(tempDir(), 'latin1.json');
    const c = await sofa();
    const text = JSON.stringify({ ...c, claimant: { ...c.claimant, lastName: 'BenXali' } });
    const bytes = Buffer.from(text, 'utf8');
    const at = bytes.indexOf('BenXali') + 3;
    bytes[at] = 0xe9; // « é » in Latin-1: « Ben��ali » once read as UTF-8
    writeFileSync(path, bytes);
    const [message] = messages(await loadCaseFile(path));
    expect(message).toBe(
      `Dossier « ${path} » n’est pas un texte UTF-8 : octet invalide 0xE9 à la position ${fr(at)} (en octets depuis le début du fichier). Enregistrez-le en UTF-8 et recommencez.`,
    );
  });

  it('accepts facts of 100 000 characters and refuses a field past the limit, naming it', async () => {
    const dir = tempDir();
    const c = await sofa();
    const write = (facts: string) => {
      const path = join(dir, `${facts.length}.json`);
      writeFileSync(path, JSON.stringify({ ...c, dispute: { ...c.dispute, facts } }));
      return path;
    };
    expect((await loadCaseFile(write('Le colis n’est pas arrivé. '.repeat(4_000)))).ok).toBe(true);
    const tooLong = await loadCaseFile(write('x'.repeat(CASE_LIMITS.fieldLength + 1)));
    expect(messages(tooLong)).toEqual([
      `Récit des faits (dispute.facts) : texte trop long (${fr(CASE_LIMITS.fieldLength + 1)} caractères, au plus ${fr(CASE_LIMITS.fieldLength)}). Raccourcissez-le ou mettez le détail dans une pièce jointe.`,
    ]);
    expect(tooLong.ok ? '' : tooLong.problems[0]?.path).toBe('dispute.facts');
  });
});

describe('saving and reopening a case (store)', () => {
  it('never saves a case too deep to be opened again, and keeps the case as it was', async () => {
    const dataDir = tempDir();
    const store = createCaseStore({ dataDir });
    const { id } = await store.create({});
    const good = await sofa();
    await store.saveDraft(id, good);
    let deep: unknown = 'fond';
    for (let i = 0; i < 2_900; i++) deep = [deep];
    await expect(store.saveDraft(id, { ...good, dispute: { ...good.dispute, facts: deep } })).rejects.toThrow(
      'Rien n’a été enregistré. Le dossier est imbriqué trop profondément',
    );
    expect((await createCaseStore({ dataDir }).get(id)).draft).toEqual(good);
  });

  it('refuses to save a field past the limit, naming it, and reopens a case with long facts', async () => {
    const store = createCaseStore({ dataDir: tempDir() });
    const { id } = await store.create({});
    const good = await sofa();
    const longFacts = 'Le colis n’est pas arrivé. '.repeat(4_000);
    await store.saveDraft(id, { ...good, dispute: { ...good.dispute, facts: longFacts } });
    await expect(store.saveDraft(id, { ...good, dispute: { ...good.dispute, facts: 'x'.repeat(600_000) } })).rejects.toThrow(
      `Récit des faits (dispute.facts) : texte trop long (${fr(600_000)} caractères, au plus ${fr(CASE_LIMITS.fieldLength)})`,
    );
    expect(((await store.get(id)).draft as any).dispute.facts).toBe(longFacts);
  });

  it('sets aside a stored case.json that is not UTF-8, saying where, instead of showing « Ben��ali »', async () => {
    const dataDir = tempDir();
    const store = createCaseStore({ dataDir });
    const { id } = await store.create({ claimant: { lastName: 'BenXali' } });
    const path = join(dataDir, id, 'case.json');
    const bytes = readFileSync(path);
    bytes[bytes.indexOf('BenXali') + 3] = 0xe9;
    writeFileSync(path, bytes);
    await expect(createCaseStore({ dataDir }).get(id)).rejects.toThrow(/n’est pas un texte UTF-8 : octet invalide 0xE9 à la position/);
  });
});
