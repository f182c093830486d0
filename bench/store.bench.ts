/**
 * Case store benchmark (run by `npm run bench`):
 * - the Cases screen with 1 000 stored cases: listCases as the UI calls it, after a restart (index on disk) and
 *   while the app runs; and the first listing without an index (every case read, validated, its deadlines computed);
 * - the live preview: previewLetter with the draft just typed (a two-page mise en demeure), in process and over HTTP;
 * - an autosave (saveCase: two atomic, flushed writes).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure } from './measure.js';
import { createApiDispatcher } from '../core/node/api/index.js';
import { createCaseStore } from '../core/node/store/index.js';
import { newId } from '../core/node/store/layout.js';
import { createMemorySettingsStore } from '../core/node/settings/index.js';
import { startWebBridge } from '../core/node/web-bridge/index.js';
import { encodeWire } from '../core/common/api/wire.js';

const CASES = 1000;
interface ExampleCase {
  claimant: { lastName: string };
  order?: { number?: string };
  dispute: { facts: string };
  [key: string]: unknown;
}
const examples = ['ordinateur-livre-jamais-recu.json', 'retard-livraison-marketplace.json', 'telephone-defectueux.json'].map((f) => {
  const { evidence: _e, ...c } = JSON.parse(readFileSync(join(import.meta.dirname, '../examples', f), 'utf8')) as ExampleCase;
  return c as ExampleCase;
});

// The fixture is written directly (a store would flush 4 000 times): the same files the store writes.
const dataDir = mkdtempSync(join(tmpdir(), 'recours-bench-store-'));
for (let i = 0; i < CASES; i += 1) {
  const draft = structuredClone(examples[i % examples.length]) as ExampleCase;
  draft.claimant.lastName = `${draft.claimant.lastName} ${i}`;
  if (draft.order?.number) draft.order.number = `402-${String(1000000 + i).padStart(7, '0')}-${String(3000000 + i).padStart(7, '0')}`;
  const dir = join(dataDir, newId(new Date(Date.UTC(2026, 0, 1) + i * 3_600_000)));
  mkdirSync(join(dir, 'pieces'), { recursive: true });
  mkdirSync(join(dir, 'documents'));
  writeFileSync(join(dir, 'case.json'), JSON.stringify(draft, null, 2));
  const at = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
  writeFileSync(join(dir, 'meta.json'), JSON.stringify({ format: 'recours/case-meta@1', createdAt: at, updatedAt: at, archived: false, pieces: {}, documents: [] }, null, 2));
}

const settings = createMemorySettingsStore();
const today = () => '2026-11-25';
const dispatcherFor = () => createApiDispatcher({ dataDir, settings, today });

console.log(`\nCases screen, ${CASES} stored cases`);
// Timed by hand: the index written in the background by one run must be on disk, then removed, before the next.
const coldTimes: number[] = [];
for (let run = 0; run < 6; run += 1) {
  rmSync(join(dataDir, '.index.json'), { force: true });
  const d = dispatcherFor();
  const start = performance.now();
  await d.call('listCases', {});
  if (run > 0) coldTimes.push(performance.now() - start);
  await d.store.flush();
}
coldTimes.sort((a, b) => a - b);
console.log(`${'listCases, first listing without index'.padEnd(44)} median ${(coldTimes[2] ?? NaN).toFixed(1).padStart(7)} ms   max ${(coldTimes[4] ?? NaN).toFixed(1).padStart(7)} ms   (5 runs)`);
const list = (await dispatcherFor().call('listCases', {})) as unknown[];
if (list.length !== CASES) throw new Error(`expected ${CASES} cases, listed ${list.length}`);
await measure('listCases after a restart (index on disk)', () => dispatcherFor().call('listCases', {}), 20, 2);
const running = dispatcherFor();
await measure('listCases while the app runs', () => running.call('listCases', {}), 40, 5);
await measure('listCases with a search (« benali 12 »)', () => running.call('listCases', { query: 'benali 12' }), 40, 5);

console.log('\nLive preview: previewLetter from the draft just typed (two-page mise en demeure)');
const store = createCaseStore({ dataDir: mkdtempSync(join(tmpdir(), 'recours-bench-preview-')) });
const api = createApiDispatcher({ store, settings, today });
const sofa = examples[1] as ExampleCase;
const { id } = await store.create(sofa);
let keystrokes = 0;
const typed = () => {
  keystrokes += 1;
  return { ...sofa, dispute: { ...sofa.dispute, facts: `${sofa.dispute.facts} ${'x'.repeat(keystrokes % 40)}` } };
};
await measure('previewLetter (in process, as over IPC)', () => api.call('previewLetter', { id, templateId: 'mise-en-demeure-livraison', draft: typed() }), 100, 10);

const bridge = await startWebBridge({ dataDir: mkdtempSync(join(tmpdir(), 'recours-bench-web-')), today, settings, log: () => {} });
const created = (await (await fetch(`${bridge.url}api/createCase`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"disputeType":"late-delivery"}' })).json()) as { result: { id: string } };
const overHttp = async () => {
  const res = await fetch(`${bridge.url}api/previewLetter`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(encodeWire({ id: created.result.id, templateId: 'mise-en-demeure-livraison', draft: typed() })),
  });
  const body = (await res.json()) as { ok: boolean; result?: { document: unknown } };
  if (!body.ok || !body.result?.document) throw new Error('preview failed');
};
await measure('previewLetter over HTTP (web bridge)', overHttp, 100, 10);
await bridge.close();

console.log('\nAutosave');
await measure('saveCase (atomic + fsync of case.json and meta.json)', () => api.call('saveCase', { id, draft: typed() }), 40, 5);

rmSync(dataDir, { recursive: true, force: true });
