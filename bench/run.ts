/**
 * `npm run bench`: runs every bench/*.bench.ts in turn (or only those named on the command line) and prints
 * figures for the closing notes. Speed and memory goals are measured here, never asserted by unit tests.
 */
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const only = process.argv.slice(2);
const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file}`);
  // One process per benchmark, so that memory figures are not inflated by the previous one.
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(import.meta.dirname, file)], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exitCode = failed > 0 ? 1 : 0;
