/**
 * Archive import benchmark (`npm run bench archive`): a `.recours` file of about 150 MB (a case with three
 * incompressible 50 MB pieces, as videos are) imported in a child process of its own, once as the upload route
 * does (the file's path) and once as the JSON API does (its bytes). Prints the time, the CPU used (user + sys:
 * the machine is shared) and the child's peak resident memory (VmHWM). The archive is written, not measured.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBigArchive } from '../tests/support/big-archive.js';

const MB = 1024 * 1024;
const pieceMb = Number(process.env.RECOURS_ARCHIVE_PIECE_MB ?? 50);
const work = mkdtempSync(join(tmpdir(), 'recours-bench-archive-'));
const child = join(import.meta.dirname, '../tests/support/import-child.ts');
try {
  const archive = join(work, 'sauvegarde.recours');
  const size = await writeBigArchive(archive, [pieceMb * MB, pieceMb * MB, pieceMb * MB]);
  console.log(`sauvegarde .recours de ${(size / MB).toFixed(0)} Mo (3 pièces de ${pieceMb} Mo, incompressibles)`);
  for (const mode of ['path', 'bytes']) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', child, join(work, `donnees-${mode}`), archive, mode], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`import (${mode}) : ${run.stderr}`);
    const r = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { ms: number; cpuMs: number; atRest: number; peakRss: number };
    const label = mode === 'path' ? 'import du fichier (upload)' : 'import des octets (API JSON)';
    console.log(`${label.padEnd(30)} ${(r.ms / 1000).toFixed(2)} s (CPU ${(r.cpuMs / 1000).toFixed(2)} s)   pic de mémoire ${(r.peakRss / MB).toFixed(0)} Mo (au repos ${(r.atRest / MB).toFixed(0)} Mo)`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
