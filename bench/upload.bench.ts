/**
 * Upload benchmark (`npm run bench upload`): a 150 MB piece added to a case through the web bridge, the way the
 * browser UI sends it, against a bridge started in a child process as `npm run web` starts it. Prints the time
 * and the bridge's peak resident memory (VmHWM of /proc/<pid>/status, Linux), once for each way of sending:
 *   - « JSON base64 »: POST /api/addEvidence with the bytes as { $bytes: base64 } (the UI before the upload route);
 *   - « flux brut »: POST /api/upload/evidence with the file itself as the body (the UI now), when the bridge has it.
 * Each way gets a fresh bridge, so that one peak does not hide the other.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
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

async function once(label: string, upload: (port: number, id: string) => Promise<{ status: number; text: string }>): Promise<void> {
  const dataDir = join(work, `donnees-${label.replace(/\W+/g, '-')}`);
  const bridge = await startBridge(dataDir);
  try {
    const created = await api(bridge.port, 'createCase', { disputeType: 'non-delivery' });
    const id = (JSON.parse(created.text) as { result: { id: string } }).result.id;
    const before = peakRss(bridge.child.pid!);
    const start = performance.now();
    const answer = await upload(bridge.port, id);
    const ms = performance.now() - start;
    if (answer.status === 404 || answer.status === 415) {
      console.log(`${label.padEnd(16)} (pas de telle route dans ce pont)`);
      return;
    }
    if (answer.status !== 200) throw new Error(`${label}: HTTP ${answer.status} ${answer.text.slice(0, 300)}`);
    console.log(`${label.padEnd(16)} ${mb(SIZE)} en ${(ms / 1000).toFixed(1)} s   pic de mémoire du pont ${mb(peakRss(bridge.child.pid!))} (au repos ${mb(before)})`);
  } finally {
    bridge.child.kill('SIGTERM');
  }
}

try {
  await once('JSON base64', (port, id) =>
    api(port, 'addEvidence', { id, name: 'video.mp4', bytes: { $bytes: readFileSync(file).toString('base64') } }),
  );
  await once('flux brut', (port, id) =>
    send(
      port,
      `/api/upload/evidence?id=${encodeURIComponent(id)}`,
      { 'content-type': 'application/octet-stream', 'x-recours-file-name': encodeURIComponent('video.mp4'), 'content-length': String(SIZE) },
      createReadStream(file),
    ),
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
