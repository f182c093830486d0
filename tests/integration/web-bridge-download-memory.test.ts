/**
 * Exporting a big case from the browser costs the bridge a few buffers, not the archive: the bridge runs as
 * `npm run web` runs it (a child process), a case holding 100 MB of video is downloaded (written to the test's
 * disk as it comes), and the bridge's peak resident memory (VmHWM, Linux) grows by far less than the archive.
 * The downloaded file imports back with every piece's fingerprint.
 */
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseStore, importCase } from '../../core/node/store/index.js';
import { writeBigArchive } from '../support/big-archive.js';
import { MB, memory, startBridgeProcess } from '../support/bridge-process.js';
import { postApi } from './web-bridge-client.js';

/**
 * Growth allowed over the bridge's resident memory before the export. Streamed from a file the worker wrote
 * piecewise, some 10 to 30 MB; with the archive built in memory and sent whole (as before, base64 in JSON), four
 * times the archive and more.
 */
const ALLOWED_GROWTH = 60 * MB;

let child: ChildProcess;
let port: number;
const work = mkdtempSync(join(tmpdir(), 'recours-download-memory-'));
const dataDir = join(work, 'donnees');
const pieces: { sha256: string; size: number }[] = [];
let big = '';
let small = '';

/** VmHWM back to the current resident memory (Linux ≥ 4.0): the peak measured is the export's alone. */
function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

beforeAll(async () => {
  // The cases are put in the data folder before the bridge starts: only the export is measured.
  const store = createCaseStore({ dataDir });
  for (const [name, sizes] of [
    ['grand', [60 * MB, 40 * MB]],
    ['petit', [MB]],
  ] as const) {
    const archive = join(work, `${name}.recours`);
    await writeBigArchive(archive, sizes.map((size) => ({ size })));
    const record = await importCase(store, { path: archive });
    rmSync(archive);
    if (name === 'petit') small = record.id;
    else {
      big = record.id;
      // A piece is stored under its SHA-256.
      (record.draft.evidence as { file: string }[]).forEach((e, i) => pieces.push({ sha256: /([0-9a-f]{64})\./.exec(e.file)![1]!, size: sizes[i]! }));
    }
  }
  await store.flush();
  ({ child, port } = await startBridgeProcess(dataDir));
}, 120_000);

afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

/** Prepares the case's export and downloads it to `file`, hashed on the way; its size and SHA-256. */
async function download(id: string, file: string): Promise<{ size: number; sha256: string; disposition: string }> {
  const prepared = await postApi(port, `download/case/${id}`, {});
  expect(prepared.status, prepared.text).toBe(200);
  const { url } = prepared.json().result as { url: string };
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: url, headers: { host: `127.0.0.1:${port}` } }, (res) => {
      expect(res.statusCode).toBe(200);
      const hash = createHash('sha256');
      let size = 0;
      const count = new Transform({
        transform(chunk: Buffer, _e, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      });
      pipeline(res, count, createWriteStream(file)).then(() => resolve({ size, sha256: hash.digest('hex'), disposition: String(res.headers['content-disposition']) }), reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe.runIf(process.platform === 'linux')('a case holding 100 MB exported from the bridge', () => {
  it('is downloaded while the bridge’s memory grows by far less than the archive, and imports back identical', async () => {
    // A small export first: the worker is started and the code loaded, so that what follows measures the archive.
    await download(small, join(work, 'petit.recours'));
    const idle = memory(child.pid!);
    resetPeak(child.pid!);
    const archive = join(work, 'telecharge.recours');
    const got = await download(big, archive);
    const after = memory(child.pid!);
    if (process.env.RECOURS_MEASURE) {
      console.log(`export de ${Math.round(got.size / MB)} Mo : au repos ${Math.round(idle.rss / MB)} Mo, pic pendant l’export ${Math.round(after.peak / MB)} Mo (+${Math.round((after.peak - idle.rss) / MB)} Mo)`);
    }
    expect(got.size).toBeGreaterThan(100 * MB);
    expect(got.disposition).toBe(`attachment; filename="benali-402-7719254-3381946.recours"; filename*=UTF-8''benali-402-7719254-3381946.recours`);
    expect(after.peak - idle.rss).toBeLessThan(ALLOWED_GROWTH);
    // Nothing left in the data folder: the temporary archive went once opened.
    expect(readdirSync(dataDir).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    const copy = await importCase(createCaseStore({ dataDir: join(work, 'copie') }), { path: archive });
    // The import checks every entry against the manifest's SHA-256; the installed files once more here.
    const installed = [];
    for (const e of copy.draft.evidence as { file: string }[]) {
      const hash = createHash('sha256');
      await pipeline(createReadStream(join(copy.dir, e.file)), hash);
      installed.push({ sha256: hash.digest('hex'), size: statSync(join(copy.dir, e.file)).size });
    }
    expect(installed).toEqual(pieces);
  }, 180_000);
});
