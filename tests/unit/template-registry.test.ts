/**
 * The catalogue reads a template when it is first needed: a one-shot letter reads, parses and compiles its own
 * template only, and a broken template elsewhere in the folder neither slows it nor shows up in its warnings.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { defaultTemplatesDir, loadTemplateRegistry } from '../../core/node/template-registry.js';
import type { TemplateError } from '../../core/common/templates/template-error.js';

vi.mock('node:fs', async (original) => {
  const real = await original<typeof fs>();
  return { ...real, readFileSync: vi.fn(real.readFileSync) };
});

const dir = mkdtempSync(join(tmpdir(), 'recours-registry-'));
copyFileSync(join(defaultTemplatesDir(), 'signalconso.hbs'), join(dir, 'signalconso.hbs'));
copyFileSync(join(defaultTemplatesDir(), 'plainte-ddpp.hbs'), join(dir, 'plainte-ddpp.hbs'));
writeFileSync(join(dir, 'casse.hbs'), 'Bonjour sans en-tête.\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The .hbs files of the folder read since the spy was last cleared. */
const templatesRead = () =>
  vi
    .mocked(fs.readFileSync)
    .mock.calls.map(([path]) => basename(String(path)))
    .filter((f) => f.endsWith('.hbs'));

describe('the template catalogue, loaded on demand', () => {
  it('get() reads and compiles only the template asked for, and does not report a broken one beside it', () => {
    const reported: TemplateError[] = [];
    vi.mocked(fs.readFileSync).mockClear();
    const registry = loadTemplateRegistry(dir, (e) => reported.push(e));
    expect(registry.get('signalconso')?.meta.title).toBe('Texte du signalement SignalConso (DGCCRF)');
    expect(templatesRead()).toEqual(['signalconso.hbs']);
    expect(reported).toEqual([]);

    // Asked again: the compiled template is kept, the file is not read twice.
    expect(registry.get('signalconso')).toBe(registry.get('signalconso'));
    expect(templatesRead()).toEqual(['signalconso.hbs']);
  });

  it('the full list loads every file once, and reports the broken one once, by its file name', () => {
    const reported: TemplateError[] = [];
    const registry = loadTemplateRegistry(dir, (e) => reported.push(e));
    expect(registry.get('casse')).toBeUndefined();
    expect(registry.templates.map((t) => t.meta.id)).toEqual(['plainte-ddpp', 'signalconso']);
    expect(registry.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^Modèle « casse », ligne 1 : en-tête manquant/)]);
    expect(reported).toEqual(registry.errors);
  });

  it('an id that is not a file of the folder is unknown, not a path', () => {
    const registry = loadTemplateRegistry(dir);
    expect(registry.get('../signalconso')).toBeUndefined();
    expect(registry.get('absent')).toBeUndefined();
  });
});

describe('a template asked for by the command line', () => {
  it('names the one to mend when it is broken, and lists the others when the id is unknown', async () => {
    const { unknownTemplate, UsageError } = await import('../../cli/command.js');
    const registry = loadTemplateRegistry(dir);
    expect(registry.get('casse')).toBeUndefined();
    const broken = unknownTemplate('casse', registry);
    expect(broken).not.toBeInstanceOf(UsageError);
    expect(broken.message).toBe('le modèle « casse » ne peut pas servir tant que l’erreur signalée ci-dessus n’est pas corrigée (templates/casse.hbs).');
    const unknown = unknownTemplate('absent', registry);
    expect(unknown).toBeInstanceOf(UsageError);
    expect(unknown.message).toBe('modèle inconnu « absent ». Modèles disponibles : plainte-ddpp, signalconso');
  });
});
