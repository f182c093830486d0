/**
 * Upload benchmark (`npm run bench upload`): files sent to the web bridge the way the browser UI sends them,
 * against a bridge started in a child process as `npm run web` starts it. Prints the time and the bridge's peak
 * resident memory (VmHWM of /proc/<pid>/status, Linux: the main thread and the worker), for each way of sending:
 *   - « JSON base64 »: POST /api/<method> with the bytes as { $bytes: base64 } (the UI before the upload route;
 *     the bridge now refuses a body past twice a case's limit, and a piece inline past 5 Mo);
 *   - « flux brut »: POST /api/upload/<kind> with the file itself as the body (the UI now), when the bridge has it.
 * Two files: a 150 MB piece added to a case, and a `.recours` archive of a case holding that piece, imported.
 * Each way gets a fresh bridge, so that one peak does not hide the other.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { createApiDispatcher } from '../core/node/api/index.js';
import { createMemorySettingsStore } from '../core/node/settings/index.js';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

const root = join(import.meta.dirname, '..');
const SIZE = Number(process.env.RECOURS_UPLOAD_MB ?? 150) * 1024 * 1024;
const work = mkdtempSync(join(tmpdir(), 'recours-bench-upload-'));
const file = join(work, 'video.mp4');
// Random bytes: incompressible, like a real video.
const chunk = Buffer.alloc(16 * 1024 * 1024);
for (let i = 0; i < chunk.length; i += 4) chunk.writeUInt32LE((Math.random() * 0x1_0000_0000) >>> 0, i);
writeFileSync(file, Buffer.alloc(0));
for (let done = 0; done < SIZE; done += chunk.length) writeFileSync(file, chunk.subarray(0, Math.min(chunk.length, SIZE - done)), { flag: 'a' });

interface Bridge {
  child: ChildProcess;
  port: number;
}

function startBridge(dataDir: string): Promise<Bridge> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'core/node/web-bridge/main.ts')], {
    cwd: root,
    env: { ...process.env, RECOURS_DATA_DIR: dataDir, RECOURS_PORT: '0', RECOURS_STATIC_DIR: join(work, 'pas-d-interface') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal !== 'SIGTERM') console.error(`le pont s’est arrêté (code ${code}, signal ${signal})`);
      reject(new Error(`bridge exited: ${out}`));
    });
  });
}

function send(port: number, path: string, headers: Record<string, string>, body: string | Readable): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, agent: false, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }));
    });
    req.on('error', (e) => reject(new Error(`${path}: ${e.message}`)));
    if (typeof body === 'string') req.end(body);
    else body.pipe(req);
  });
}

const api = (port: number, method: string, params: unknown) => send(port, `/api/${method}`, { 'content-type': 'application/json' }, JSON.stringify(params));

function peakRss(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(0)} Mo`;

async function once(label: string, upload: (port: number) => Promise<{ status: number; text: string }>): Promise<void> {
  const dataDir = join(work, `donnees-${label.replace(/\W+/g, '-')}`);
  const bridge = await startBridge(dataDir);
  try {
    const before = peakRss(bridge.child.pid!);
    const start = performance.now();
    const answer = await upload(bridge.port);
    const ms = performance.now() - start;
    if (answer.status === 404 || answer.status === 415) {
      console.log(`${label.padEnd(28)} (pas de telle route dans ce pont)`);
      return;
    }
    if (answer.status === 413) {
      const message = (JSON.parse(answer.text) as { error: { message: string } }).error.message;
      console.log(`${label.padEnd(28)} refusé en ${(ms / 1000).toFixed(1)} s (pic ${mb(peakRss(bridge.child.pid!))}, au repos ${mb(before)}) : ${message}`);
      return;
    }
    if (answer.status !== 200) throw new Error(`${label}: HTTP ${answer.status} ${answer.text.slice(0, 300)}`);
    console.log(`${label.padEnd(28)} en ${(ms / 1000).toFixed(1)} s   pic de mémoire du pont ${mb(peakRss(bridge.child.pid!))} (au repos ${mb(before)})`);
  } finally {
    bridge.child.kill('SIGTERM');
  }
}

async function newCase(port: number): Promise<string> {
  const created = await api(port, 'createCase', { disputeType: 'non-delivery' });
  return (JSON.parse(created.text) as { result: { id: string } }).result.id;
}

const raw = (port: number, path: string, name: string, source: string) =>
  send(port, path, { 'content-type': 'application/octet-stream', 'x-recours-file-name': encodeURIComponent(name), 'content-length': String(statSync(source).size) }, createReadStream(source));

/** The `.recours` export of a case holding the video, made by core in this process (not measured). */
async function archiveOfVideo(): Promise<string> {
  const dispatcher = createApiDispatcher({ dataDir: join(work, 'source'), settings: createMemorySettingsStore(), log: () => {} });
  const created = (await dispatcher.call('createCase', { disputeType: 'non-delivery' })) as { id: string };
  await dispatcher.host.addEvidenceFile(created.id, file);
  const exported = (await dispatcher.call('exportCase', { id: created.id })) as { bytes: Uint8Array };
  const path = join(work, 'sauvegarde.recours');
  writeFileSync(path, exported.bytes);
  return path;
}

try {
  console.log(`pièce de ${mb(SIZE)} :`);
  await once('  JSON base64', async (port) =>
    api(port, 'addEvidence', { id: await newCase(port), name: 'video.mp4', bytes: { $bytes: readFileSync(file).toString('base64') } }),
  );
  await once('  flux brut', async (port) => raw(port, `/api/upload/evidence?id=${encodeURIComponent(await newCase(port))}`, 'video.mp4', file));
  const archive = await archiveOfVideo();
  console.log(`import d’une sauvegarde .recours de ${mb(statSync(archive).size)} :`);
  await once('  JSON base64', async (port) => api(port, 'importCase', { bytes: { $bytes: readFileSync(archive).toString('base64') } }));
  await once('  flux brut', async (port) => raw(port, '/api/upload/archive', 'sauvegarde.recours', archive));
} finally {
  rmSync(work, { recursive: true, force: true });
}
