/**
 * Imports one `.recours` file in a process of its own and prints, as one JSON line, the new case's id, the time
 * taken, the CPU used and the process's peak resident memory (VmHWM, Linux). Run as
 * `node --import tsx import-child.ts <dataDir> <archive> [path|bytes]`: `path` as the web bridge's upload
 * (the file is read where it is checked), `bytes` as the JSON API and the desktop app (the file read first).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createCaseStore, importCase } from '../../core/node/store/index.js';

const peakRss = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN) * 1024;

const [dataDir, archive, mode = 'path'] = process.argv.slice(2);
if (!dataDir || !archive) throw new Error('usage: import-child.ts <dataDir> <archive> [path|bytes]');
const store = createCaseStore({ dataDir });
await store.list();
const atRest = peakRss();
const started = performance.now();
const cpu = process.cpuUsage();
const source = mode === 'bytes' ? await readFile(archive) : { path: archive };
const imported = await importCase(store, source);
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ id: imported.id, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, atRest, peakRss: peakRss() }));
