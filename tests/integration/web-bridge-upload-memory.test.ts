/**
 * A big video or text added from the browser costs the bridge a few buffers, not the file: the bridge runs as
 * `npm run web` runs it (a child process), a 100 MB piece is streamed to it (made on the fly, never held by the test),
 * and the bridge's peak resident memory (VmHWM, Linux) grows by far less than the file — while it keeps answering.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generated, MB, memory, startBridgeProcess, video } from '../support/bridge-process.js';
import { postApi } from './web-bridge-client.js';

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
  ({ child, port } = await startBridgeProcess(dataDir));
}, 60_000);

afterAll(() => {
  child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** A long exported conversation, accents and apostrophes included (UTF-8). */
const LINES = Buffer.from('[02/10/2026 18:04] Karim : le suivi indique « livré » mais je n’ai rien reçu, l’ordinateur coûte 1 299,00 €.\n'.repeat(12_000));
const conversation = (_offset: number, length: number) => LINES.subarray(0, length);

function uploadPiece(id: string, name: string, size: number, chunk: (offset: number, length: number) => Buffer, onSent: (sent: number) => void = () => {}): Promise<{ status: number; text: string }> {
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
    generated(size, chunk, onSent).pipe(req);
  });
}

describe('a 100 MB piece uploaded to the bridge', () => {
  let id: string;
  beforeAll(async () => {
    id = (await postApi(port, 'createCase', { disputeType: 'non-delivery' })).json().result.id as string;
    // A small piece and a list first: the evidence worker is started and the code loaded, so that what follows measures the file.
    expect((await uploadPiece(id, 'petite.mp4', 64 * 1024, video)).status).toBe(200);
    expect((await postApi(port, 'listCases', {})).status).toBe(200);
  }, 60_000);

  it.each([
    { what: 'a video', name: 'video.mp4', chunk: video, expected: { mediaType: 'video/mp4', problems: [] } },
    {
      what: 'a long text export',
      name: 'conversation.txt',
      chunk: conversation,
      expected: { mediaType: 'text/plain', problems: ['texte très long : seul le début est reproduit (environ 80 pages) ; le fichier complet est joint au PDF'] },
    },
  ])('$what is stored while the bridge’s memory grows by far less than the file, and other requests are answered meanwhile', async ({ name, chunk, expected }) => {
    const idle = memory(child.pid!);
    let quarter: () => void;
    const started = new Promise<void>((resolve) => (quarter = resolve));
    let answered = false;
    const upload = uploadPiece(id, name, SIZE, chunk, (sent) => sent >= SIZE / 4 && quarter()).finally(() => (answered = true));
    await started;
    // Asked while the file is on its way or being examined: the list of cases comes back within a second.
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
      console.log(`${name} : au repos ${Math.round(idle.rss / MB)} Mo (pic ${Math.round(idle.peak / MB)} Mo), pic pendant l’envoi ${Math.round(after.peak / MB)} Mo ; réponses ${times.map(Math.round).join(', ')} ms`);
    }
    expect(done.status, done.text.slice(0, 300)).toBe(200);
    const evidence = (JSON.parse(done.text) as { result: { evidence: { originalName: string }[] } }).result.evidence;
    expect(evidence.find((e) => e.originalName === name)).toMatchObject({ ...expected, size: SIZE });

    expect(times.length).toBeGreaterThan(0);
    expect(Math.max(...times)).toBeLessThan(1000);
    expect(after.peak - idle.rss).toBeLessThan(ALLOWED_GROWTH);
  }, 120_000);
});
