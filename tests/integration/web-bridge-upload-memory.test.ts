/**
 * A big video added from the browser costs the bridge a few buffers, not the video: the bridge runs as `npm run web`
 * runs it (a child process), a 100 MB piece is streamed to it (made on the fly, never held by the test), and the
 * bridge's peak resident memory (VmHWM, Linux) grows by far less than the file — while it keeps answering the page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postApi } from './web-bridge-client.js';

const MB = 1024 * 1024;
const SIZE = 100 * MB;
/**
 * Growth allowed over the bridge's resident memory before the upload. Streamed, the bridge grows by some 30 to 50 MB
 * whatever the file's size (socket buffers that V8 frees late); with the file read whole once, by the bridge or its
 * worker, some 125 MB (as before examination read only a video's head).
 */
const ALLOWED_GROWTH = 80 * MB;

let child: ChildProcess;
let port: number;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'recours-upload-memory-'));
  child = spawn(process.execPath, ['--import', 'tsx', join('core', 'node', 'web-bridge', 'main.ts')], {
    env: { ...process.env, RECOURS_DATA_DIR: dataDir, RECOURS_PORT: '0', RECOURS_STATIC_DIR: join(tmpdir(), 'nulle-part-recours') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', () => reject(new Error(`bridge exited early: ${out}`)));
  });
}, 60_000);

afterAll(() => {
  child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** An MP4's first box, then random bytes (incompressible, like a real video), made chunk by chunk as the socket takes them. */
function video(size: number, onSent: (sent: number) => void): Readable {
  const ftyp = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= size) return void this.push(null);
      const chunk = randomFillSync(Buffer.allocUnsafe(Math.min(MB, size - sent)));
      if (sent === 0) ftyp.copy(chunk);
      sent += chunk.length;
      onSent(sent);
      this.push(chunk);
    },
  });
}

function uploadPiece(id: string, name: string, size: number, onSent: (sent: number) => void = () => {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/upload/evidence?id=${id}`,
        headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/octet-stream', 'x-recours-file-name': encodeURIComponent(name), 'content-length': String(size) },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }));
      },
    );
    req.on('error', reject);
    video(size, onSent).pipe(req);
  });
}

describe('a 100 MB video uploaded to the bridge', () => {
  it('is stored and listed while the bridge’s memory grows by far less than the file, and other requests are answered meanwhile', async () => {
    const id = (await postApi(port, 'createCase', { disputeType: 'non-delivery' })).json().result.id as string;
    // A small piece and a list first: the evidence worker is started and the code loaded, so that what follows measures the file.
    expect((await uploadPiece(id, 'petite.mp4', 64 * 1024)).status).toBe(200);
    expect((await postApi(port, 'listCases', {})).status).toBe(200);
    const idle = memory(child.pid!);

    let halfway: () => void;
    const started = new Promise<void>((resolve) => (halfway = resolve));
    let answered = false;
    const upload = uploadPiece(id, 'video.mp4', SIZE, (sent) => sent >= SIZE / 4 && halfway()).finally(() => (answered = true));
    await started;
    // Asked while the video is on its way: the list of cases comes back within a second.
    const times: number[] = [];
    while (!answered) {
      const at = performance.now();
      expect((await postApi(port, 'listCases', {})).status).toBe(200);
      if (!answered) times.push(performance.now() - at);
      await new Promise((r) => setTimeout(r, 50));
    }
    const done = await upload;
    const after = memory(child.pid!);
    if (process.env.RECOURS_MEASURE) {
      console.log(`au repos ${Math.round(idle.rss / MB)} Mo (pic ${Math.round(idle.peak / MB)} Mo), pic pendant l’envoi ${Math.round(after.peak / MB)} Mo ; réponses ${times.map(Math.round).join(', ')} ms`);
    }
    expect(done.status, done.text.slice(0, 300)).toBe(200);
    const evidence = (JSON.parse(done.text) as { result: { evidence: { originalName: string }[] } }).result.evidence;
    expect(evidence.find((e) => e.originalName === 'video.mp4')).toMatchObject({ mediaType: 'video/mp4', size: SIZE, problems: [] });

    expect(times.length).toBeGreaterThan(0);
    expect(Math.max(...times)).toBeLessThan(1000);
    expect(after.peak - Math.max(idle.rss, 0)).toBeLessThan(ALLOWED_GROWTH);
  }, 120_000);
});
