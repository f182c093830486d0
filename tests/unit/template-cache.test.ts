/**
 * The template cache (dist/template-cache/, written by the build): a template whose file is unchanged is rebuilt
 * from its precompiled parts and writes the same letter; an edited or broken file, or a missing, corrupt or
 * foreign entry, is compiled from its source as without the cache.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeLetter } from '../../core/common/letter/compose.js';
import { missingFacts } from '../../core/common/letter/requirements.js';
import { servesDispute } from '../../core/common/templates/metadata.js';
import { cachedTemplate, writeTemplateCache } from '../../core/node/template-cache.js';
import { defaultTemplatesDir, loadTemplateRegistry } from '../../core/node/template-registry.js';
import { exampleFiles, loadExample } from '../support/examples.js';

const TODAY = '2026-11-25';
const ID = 'mise-en-demeure-livraison';
const work = mkdtempSync(join(tmpdir(), 'recours-template-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const delivery = await loadExample('retard-livraison-marketplace.json');
const shipped = readdirSync(defaultTemplatesDir()).filter((f) => f.endsWith('.hbs')).map((f) => f.slice(0, -4));

/** A templates folder holding copies of the shipped `ids`, and the cache the build writes for it. */
function folder(name: string, ids: string[]) {
  const templates = join(work, name, 'templates');
  const cache = join(work, name, 'cache');
  mkdirSync(templates, { recursive: true });
  for (const id of ids) copyFileSync(join(defaultTemplatesDir(), `${id}.hbs`), join(templates, `${id}.hbs`));
  return { templates, cache, written: writeTemplateCache(templates, cache) };
}

const letter = (templates: string, cache: string | false) => {
  const template = loadTemplateRegistry(templates, undefined, cache).get(ID);
  return template && composeLetter(delivery, template, { today: TODAY });
};

describe('a template the build precompiled', () => {
  const { templates, cache, written } = folder('all', shipped);

  it('is cached for every shipped template, and writes the letter its source writes, for every example it serves', async () => {
    expect(written.errors).toEqual([]);
    expect(written.cached.sort()).toEqual([...shipped].sort());
    const fromCache = loadTemplateRegistry(templates, undefined, cache);
    const fromSource = loadTemplateRegistry(templates, undefined, false);
    let letters = 0;
    for (const file of exampleFiles) {
      const c = await loadExample(file);
      for (const id of shipped) {
        const text = readFileSync(join(templates, `${id}.hbs`), 'utf8');
        const cached = cachedTemplate(cache, id, text);
        expect(cached, id).toBeDefined();
        const source = fromSource.get(id)!;
        expect(fromCache.get(id)!.meta).toEqual(source.meta);
        if (!servesDispute(source.meta, c.dispute.type) || missingFacts(c, source.meta).length > 0) continue;
        expect(composeLetter(c, cached!, { today: TODAY }), `${id} × ${file}`).toEqual(composeLetter(c, source, { today: TODAY }));
        letters += 1;
      }
    }
    expect(letters).toBeGreaterThan(30);
  });

  it('reports a failure at render time as its source does (same message)', () => {
    const text = readFileSync(join(templates, `${ID}.hbs`), 'utf8');
    const source = loadTemplateRegistry(templates, undefined, false).get(ID)!;
    const cached = cachedTemplate(cache, ID, text)!;
    const failure = (render: () => string) => {
      try {
        return render();
      } catch (e) {
        return (e as Error).message;
      }
    };
    const fromCache = failure(() => cached.renderBody({}));
    expect(fromCache).toMatch(/^Modèle « mise-en-demeure-livraison »/);
    expect(fromCache).toBe(failure(() => source.renderBody({})));
    const subject = failure(() => cached.renderSubject({}));
    expect(subject).toMatch(/^Modèle « mise-en-demeure-livraison » \(champ « subject » de l’en-tête\) : /);
    expect(subject).toBe(failure(() => source.renderSubject({})));
  });
});

describe('a template the user changed since the build', () => {
  it('is compiled from its file: an added sentence shows in the letter', () => {
    const { templates, cache } = folder('edited', [ID]);
    const file = join(templates, `${ID}.hbs`);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/\n--}}\n/, '\n--}}\nPhrase ajoutée par l’utilisateur.\n'));
    expect(cachedTemplate(cache, ID, readFileSync(file, 'utf8'))).toBeUndefined();
    const body = JSON.stringify(letter(templates, cache));
    expect(body).toContain('Phrase ajoutée par l’utilisateur.');
    expect(letter(templates, cache)).toEqual(letter(templates, false));
  });

  it('gives, broken, the error it gives without the cache', () => {
    const { templates, cache } = folder('broken', [ID]);
    const file = join(templates, `${ID}.hbs`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n--}}\n/, '\n--}}\n{{commande.numero}}\n'));
    const withCache = loadTemplateRegistry(templates, undefined, cache);
    expect(withCache.get(ID)).toBeUndefined();
    expect(withCache.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^Modèle « mise-en-demeure-livraison », ligne \d+, colonne 3 : champ inconnu « commande\.numero »$/)]);
    expect(withCache.errors).toEqual(loadTemplateRegistry(templates, undefined, false).errors);
  });
});

describe('a cache entry that cannot serve', () => {
  const setUp = (name: string, spoil: (entry: string) => string | undefined) => {
    const { templates, cache } = folder(name, [ID]);
    const entry = join(cache, `${ID}.json`);
    const spoilt = spoil(readFileSync(entry, 'utf8'));
    if (spoilt === undefined) rmSync(entry);
    else writeFileSync(entry, spoilt);
    return { templates, cache };
  };

  it.each([
    ['missing', () => undefined],
    ['cut short', (entry: string) => entry.slice(0, entry.length / 2)],
    ['not JSON', () => '\u0000\u0001 pas du JSON'],
    ['with a spec that is not JavaScript', (entry: string) => JSON.stringify({ ...JSON.parse(entry), specs: { ...JSON.parse(entry).specs, corps: '{ "main": function (' } })],
    ['with a header that is not the metadata', (entry: string) => JSON.stringify({ ...JSON.parse(entry), header: { id: ID } })],
  ])('is ignored when %s: the template is compiled from its file', (name, spoil) => {
    const { templates, cache } = setUp(name.replace(/\W+/g, '-'), spoil);
    const text = readFileSync(join(templates, `${ID}.hbs`), 'utf8');
    expect(cachedTemplate(cache, ID, text)).toBeUndefined();
    expect(letter(templates, cache)).toBeDefined();
    expect(letter(templates, cache)).toEqual(letter(templates, false));
  });

  it('is not used when another compiler made it (other Handlebars, options or fields)', () => {
    // Same text, but its spec says something else and its compiler key is another one: the file's text wins.
    const { templates, cache } = setUp('foreign', (entry) => {
      const e = JSON.parse(entry);
      return JSON.stringify({ ...e, compiler: 'autre', specs: { ...e.specs, subject: e.specs.subject.replace(/"main":function\(/, '"main":function(){return "FAUX"},"x":function(') } });
    });
    expect(letter(templates, cache)?.subject).not.toContain('FAUX');
    expect(letter(templates, cache)).toEqual(letter(templates, false));
  });
});
