/**
 * `npm run bench`: runs every bench/*.bench.ts in turn (or only those named on the command line) and prints
 * figures for the closing notes. Speed and memory goals are measured here, never asserted by unit tests.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RESULTS_FILE, goalSummary } from './goals.js';

const only = process.argv.slice(2);
const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const resultsDir = mkdtempSync(join(tmpdir(), 'recours-bench-'));
const results = join(resultsDir, 'goals.jsonl');
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file}`);
  // One process per benchmark, so that memory figures are not inflated by the previous one.
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(import.meta.dirname, file)], {
    stdio: 'inherit',
    env: { ...process.env, [RESULTS_FILE]: results },
  });
  if (result.status !== 0) failed += 1;
}
const summary = goalSummary(results);
if (summary.length > 0) console.log(`\n=== Objectifs, mesurés dans ce passage\n${summary.join('\n')}`);
rmSync(resultsDir, { recursive: true, force: true });
process.exitCode = failed > 0 ? 1 : 0;
