/**
 * Start-up benchmark (run by `npm run bench`, or `npm run bench start`): whole processes, as a user runs them.
 * Prints, measured in the same run, two ratios with their goals:
 *   - `recours --version` against `node -e 0` (goal ≤ 3);
 *   - a one-shot letter, PDF and DOCX (`recours generate … --out DIR`, process start included) against
 *     LibreOffice's conversion of that same DOCX to PDF (`soffice --headless --convert-to pdf`) (goal ≤ 0,1).
 * The bundled CLI (dist/bundle/, from dist/'s build) is what `recours` runs, so it is rebuilt first (as `npm run build:core`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { childCpuMs } from './child-cpu.js';
import { reportGoal } from './goals.js';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin/recours.js');
const example = join(root, 'examples/retard-livraison-marketplace.json');
const template = 'mise-en-demeure-livraison';
const work = mkdtempSync(join(tmpdir(), 'recours-bench-start-'));

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const built = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (built.status !== 0) throw new Error('build of the CLI failed');
const bundled = spawnSync(process.execPath, [join(root, 'scripts/bundle-cli.mjs')], { stdio: 'inherit' });
if (bundled.status !== 0) throw new Error('bundle of the CLI failed');

interface Timing {
  /** Median wall time of the whole process, in ms. */
  ms: number;
  /** Median CPU time (user + system, children included), in ms. */
  cpuMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Median wall and CPU time of a whole process, after one unmeasured run (disk cache). */
function timeProcess(label: string, command: string, args: string[], runs: number): Timing {
  const once = () => {
    const cpuBefore = childCpuMs();
    const start = performance.now();
    const result = spawnSync(command, args, { cwd: work, encoding: 'utf8' });
    const ms = performance.now() - start;
    if (result.status !== 0) throw new Error(`${label} failed: ${result.error?.message ?? result.stderr}`);
    return { ms, cpuMs: childCpuMs() - cpuBefore };
  };
  once();
  const times = Array.from({ length: runs }, once);
  const timing = { ms: median(times.map((t) => t.ms)), cpuMs: median(times.map((t) => t.cpuMs)) };
  const list = times.map((t) => t.ms.toFixed(0)).join(' ');
  console.log(`${label.padEnd(58)} median ${timing.ms.toFixed(0).padStart(6)} ms, CPU ${timing.cpuMs.toFixed(0).padStart(5)} ms   (${runs} runs, ${list})`);
  return timing;
}

const node = timeProcess('node -e 0', process.execPath, ['-e', '0'], 15);
const version = timeProcess('recours --version', process.execPath, [bin, '--version'], 15);
const letterDir = join(work, 'lettre');
const letter = timeProcess('recours generate (lettre PDF et DOCX, processus compris)', process.execPath, [bin, 'generate', example, '--template', template, '--out', letterDir], 7);

const docx = readdirSync(letterDir).find((f) => f.endsWith('.docx'));
if (!docx) throw new Error('no DOCX written');
// A profile of its own, so that a LibreOffice already running on the machine does not take the conversion over.
const profile = pathToFileURL(join(work, 'lo-profile')).href;
const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
const libreOffice =
  soffice.error || soffice.status !== 0
    ? undefined
    : timeProcess(
        'soffice --headless --convert-to pdf (même DOCX)',
        'soffice',
        [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', join(work, 'lo'), join(letterDir, docx)],
        3,
      );
const row = (label: string, value: string) => console.log(`${label.padEnd(58)} ${value}`);
console.log('');
// Other programs compete for the cores: the load says how much of the machine this run had.
row('Charge de la machine (load average 1 min) / cœurs', `${loadavg()[0]?.toFixed(1)} / ${availableParallelism()}`);
const versionGoal = { name: 'recours --version / node -e 0', ratio: version.ms / node.ms, cpuRatio: version.cpuMs / node.cpuMs, goal: 3 };
row('Rapport recours --version / node -e 0', `${versionGoal.ratio.toFixed(2)}, CPU ${versionGoal.cpuRatio.toFixed(2)}   (objectif ≤ 3)`);
reportGoal(versionGoal);
if (libreOffice === undefined) row('Rapport lettre / LibreOffice', 'LibreOffice absent (soffice)');
else {
  const letterGoal = { name: 'Lettre PDF et DOCX / LibreOffice', ratio: letter.ms / libreOffice.ms, cpuRatio: letter.cpuMs / libreOffice.cpuMs, goal: 0.1 };
  row('Rapport lettre / LibreOffice', `${letterGoal.ratio.toFixed(2)}, CPU ${letterGoal.cpuRatio.toFixed(2)}   (objectif ≤ 0,1)`);
  reportGoal(letterGoal);
}
rmSync(work, { recursive: true, force: true });
