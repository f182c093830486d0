/**
 * Child process of store-crash.test.ts: saves the same case again and again, each version a little different and
 * large enough (about 300 kB) that a kill often lands in the middle of a write. Before each save it writes
 * « start N » on stdout, synchronously, so that the parent knows which versions may be on disk.
 *
 *   node --import tsx store-crash-writer.ts DATA_DIR CASE_ID FIRST_VERSION
 */
import { writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCaseStore } from '../../core/node/store/index.js';

/** Version N of the case: the parent rebuilds it to compare, field for field. */
export function versionDraft(n: number): Record<string, unknown> {
  const paragraph = `Version ${n}. Le colis indiqué livré n’a jamais été reçu ; le service client a promis une enquête. `;
  return {
    format: 'recours/case@1',
    claimant: { firstName: 'Karim', lastName: `Benali ${n}`, address: { lines: ['27 rue Paul Bert'], postalCode: '69003', city: 'Lyon' } },
    dispute: { type: 'non-delivery', demand: 'refund', facts: paragraph.repeat(2500) },
    contacts: Array.from({ length: n % 7 }, (_, i) => ({ date: '2026-10-02', channel: 'phone', summary: `Appel ${i} de la version ${n}` })),
  };
}

// Run as a script (not imported by the test for versionDraft).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dataDir, id, first] = process.argv.slice(2);
  const store = createCaseStore({ dataDir: dataDir as string });
  for (let n = Number(first); ; n += 1) {
    writeSync(1, `start ${n}\n`);
    await store.saveDraft(id as string, versionDraft(n));
    writeSync(1, `done ${n}\n`);
  }
}
