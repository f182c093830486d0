/**
 * Exports one case as a `.recours` file in a process of its own and prints, as one JSON line, the archive's size,
 * the time taken, the CPU used and the process's peak resident memory (VmHWM, Linux) beside its memory at rest.
 * Run as `node --import tsx export-child.ts <dataDir> <caseId> <archive>`.
 */
import { readFileSync } from 'node:fs';
import { createCaseStore, exportCaseFile } from '../../core/node/store/index.js';

const peakRss = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN) * 1024;

const [dataDir, id, archive] = process.argv.slice(2);
if (!dataDir || !id || !archive) throw new Error('usage: export-child.ts <dataDir> <caseId> <archive>');
const store = createCaseStore({ dataDir });
await store.list();
const atRest = peakRss();
const started = performance.now();
const cpu = process.cpuUsage();
const file = await exportCaseFile(store, id, () => archive);
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ size: file?.size, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, atRest, peakRss: peakRss() }));
