/**
 * Export benchmark (`npm run bench download`): a case holding a 150 MB video exported from the web bridge the way
 * the browser UI does it, against a bridge started in a child process as `npm run web` starts it. Prints the time,
 * the bridge's CPU time and its peak resident memory (VmHWM, Linux: the main thread and the worker, reset before
 * the export) beside its memory at rest, for each way:
 *   - « JSON base64 »: POST /api/exportCase, the archive's bytes as { $bytes: base64 } in the answer (the UI before
 *     the download route; the bridge now refuses an archive past its body limit there, 413, and says so);
 *   - « téléchargement »: POST /api/download/case/<id> then GET of the URL it gives, the archive as itself (the UI now),
 *     when the bridge has the route.
 * The answer is written to the disk as it comes. Each way gets a fresh bridge, so that one peak does not hide the other.
 */
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createCaseStore, importCase } from '../core/node/store/index.js';
import { writeBigArchive } from '../tests/support/big-archive.js';
import { MB, memory, startBridgeProcess } from '../tests/support/bridge-process.js';

const SIZE = Number(process.env.RECOURS_EXPORT_MB ?? 150) * MB;
const work = mkdtempSync(join(tmpdir(), 'recours-bench-download-'));
const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} Mo`;

/** utime + stime of `pid` (/proc/<pid>/stat, clock ticks of 10 ms): the main thread and the worker. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** `method` to `path` on the bridge; the answer's status, and its body written to `file`. */
function fetchTo(port: number, method: string, path: string, body: string | null, file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: `127.0.0.1:${port}`, ...(body !== null ? { 'content-type': 'application/json' } : {}) };
    const req = request({ host: '127.0.0.1', port, method, path, agent: false, headers }, (res) => {
      pipeline(res, createWriteStream(file)).then(() => resolve(res.statusCode ?? 0), reject);
    });
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

const ways = {
  'JSON base64': async (port: number, id: string, file: string) => fetchTo(port, 'POST', '/api/exportCase', JSON.stringify({ id }), file),
  téléchargement: async (port: number, id: string, file: string) => {
    const status = await fetchTo(port, 'POST', `/api/download/case/${id}`, null, file);
    if (status !== 200) return status;
    const { url } = (JSON.parse(readFileSync(file, 'utf8')) as { result: { url: string } }).result;
    return fetchTo(port, 'GET', url, null, file);
  },
};

async function once(label: keyof typeof ways): Promise<void> {
  const dataDir = join(work, `donnees-${label.replace(/\W+/g, '-')}`);
  const store = createCaseStore({ dataDir });
  const ids: string[] = [];
  for (const size of [MB, SIZE]) {
    const archive = join(work, 'source.recours');
    await writeBigArchive(archive, [{ size }]);
    ids.push((await importCase(store, { path: archive })).id);
    rmSync(archive);
  }
  await store.flush();
  const [small, big] = ids as [string, string];
  const bridge = await startBridgeProcess(dataDir);
  const pid = bridge.child.pid!;
  try {
    const out = join(work, 'sortie');
    // A small export first: the worker started and the code loaded.
    const warm = await ways[label](bridge.port, small, out);
    if (warm === 404 || warm === 415) {
      console.log(`  ${label.padEnd(16)} (pas de telle route dans ce pont)`);
      return;
    }
    const atRest = memory(pid).rss;
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    const cpu = cpuMs(pid);
    const start = performance.now();
    const status = await ways[label](bridge.port, big, out);
    const ms = performance.now() - start;
    if (status === 413) {
      console.log(`  ${label.padEnd(16)} refusé (413) en ${(ms / 1000).toFixed(1)} s : ${(JSON.parse(readFileSync(out, 'utf8')) as { error: { message: string } }).error.message}`);
      console.log(`  ${''.padEnd(16)} pic de mémoire du pont ${mb(memory(pid).peak)} (au repos ${mb(atRest)})`);
      return;
    }
    if (status !== 200) throw new Error(`${label}: HTTP ${status} ${readFileSync(out, 'utf8').slice(0, 300)}`);
    const peak = memory(pid).peak;
    console.log(
      `  ${label.padEnd(16)} en ${(ms / 1000).toFixed(1)} s (CPU du pont ${(cpuMs(pid) - cpu) / 1000} s)   pic de mémoire du pont ${mb(peak)} (au repos ${mb(atRest)}, +${mb(peak - atRest)})`,
    );
  } finally {
    bridge.child.kill('SIGTERM');
  }
}

try {
  console.log(`export d’un dossier avec une vidéo de ${mb(SIZE)} :`);
  await once('JSON base64');
  await once('téléchargement');
} finally {
  rmSync(work, { recursive: true, force: true });
}
