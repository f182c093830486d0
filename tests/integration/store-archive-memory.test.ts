/**
 * Importing a large `.recours` file costs a few MiB, not its size: each entry is inflated a chunk at a time into the
 * case being built; exporting one writes it to its file a chunk at a time. Measured in a child process of its own
 * (its peak resident memory, VmHWM, Linux), the file given by its path as the web bridge's upload route gives it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCaseStore } from '../../core/node/store/index.js';
import { writeBigArchive, type BigPiece } from '../support/big-archive.js';

const MB = 1024 * 1024;
/** What an import may add to the process's memory at rest, whatever the archive's size (about 35 MB measured). */
const BOUND = 60 * MB;
const CHILD = join(import.meta.dirname, '../support/import-child.ts');
const EXPORT_CHILD = join(import.meta.dirname, '../support/export-child.ts');
const work = mkdtempSync(join(tmpdir(), 'recours-archive-memory-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function importInChild(name: string, pieces: BigPiece[]) {
  const archive = join(work, `${name}.recours`);
  await writeBigArchive(archive, pieces);
  const dataDir = join(work, `donnees-${name}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', CHILD, dataDir, archive, 'path'], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  rmSync(archive);
  const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { id: string; atRest: number; peakRss: number };
  const imported = await createCaseStore({ dataDir }).get(result.id);
  const sizes = (imported.draft.evidence as { file: string }[]).map((e) => statSync(join(imported.dir, e.file)).size);
  return { added: result.peakRss - result.atRest, sizes, dataDir, id: result.id };
}

describe.runIf(process.platform === 'linux')('importing a large archive', () => {
  it('installs 100 MB of videos with its memory bounded, not holding the archive, and exports them to a file the same way', async () => {
    const { added, sizes, dataDir, id } = await importInChild('videos', [{ size: 50 * MB }, { size: 50 * MB }]);
    expect(sizes).toEqual([50 * MB, 50 * MB]);
    expect(added).toBeLessThan(BOUND);

    const archive = join(work, 'export.recours');
    const run = spawnSync(process.execPath, ['--import', 'tsx', EXPORT_CHILD, dataDir, id, archive], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const exported = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { size: number; atRest: number; peakRss: number };
    expect(statSync(archive).size).toBe(exported.size);
    expect(exported.size).toBeGreaterThan(100 * MB);
    expect(exported.peakRss - exported.atRest).toBeLessThan(BOUND);
  }, 120_000);

  it('installs 200 MB of text deflated into 1 MB with its memory bounded, not inflating it in memory', async () => {
    const { added, sizes } = await importInChild('texte', [{ size: 200 * MB, text: true }]);
    expect(sizes).toEqual([200 * MB]);
    expect(added).toBeLessThan(BOUND);
  }, 120_000);
});
