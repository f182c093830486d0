/**
 * Archive import benchmark (`npm run bench archive`): `.recours` files imported in a child process of its own,
 * once as the upload route does (the file's path) and once as the JSON API does (its bytes):
 *   - about 150 MB: a case with three incompressible 50 MB pieces (videos), stored as is;
 *   - about 1 MB that holds 300 MB: a long text piece, deflated.
 * then the first case exported again (a child process too). Prints the time, the CPU used (user + sys: the machine
 * is shared) and the child's peak resident memory (VmHWM) beside its memory at rest. The archives are written,
 * not measured.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBigArchive, type BigPiece } from '../tests/support/big-archive.js';

const MB = 1024 * 1024;
const pieceMb = Number(process.env.RECOURS_ARCHIVE_PIECE_MB ?? 50);
const work = mkdtempSync(join(tmpdir(), 'recours-bench-archive-'));
const child = join(import.meta.dirname, '../tests/support/import-child.ts');
const exportChild = join(import.meta.dirname, '../tests/support/export-child.ts');

interface Figures {
  ms: number;
  cpuMs: number;
  atRest: number;
  peakRss: number;
}

function runChild(script: string, args: string[]): Figures & { id?: string; size?: number } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${script} : ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Figures;
}

const line = (label: string, r: Figures) =>
  console.log(`${label.padEnd(32)} ${(r.ms / 1000).toFixed(2)} s (CPU ${(r.cpuMs / 1000).toFixed(2)} s)   pic de mémoire ${(r.peakRss / MB).toFixed(0)} Mo (au repos ${(r.atRest / MB).toFixed(0)} Mo)`);

async function bench(label: string, pieces: BigPiece[], reexport = false): Promise<void> {
  const archive = join(work, `${label.replace(/\W+/g, '-')}.recours`);
  const size = await writeBigArchive(archive, pieces);
  console.log(`sauvegarde .recours de ${(size / MB).toFixed(1)} Mo (${label}) :`);
  for (const mode of ['path', 'bytes']) {
    const dataDir = join(work, `donnees-${mode}`);
    const r = runChild(child, [dataDir, archive, mode]);
    line(mode === 'path' ? '  import du fichier (upload)' : '  import des octets (API JSON)', r);
    if (reexport && mode === 'path') line('  export du dossier importé', runChild(exportChild, [dataDir, r.id!, join(work, 'export.recours')]));
    rmSync(dataDir, { recursive: true, force: true });
  }
  rmSync(archive, { force: true });
}

try {
  await bench(`3 pièces de ${pieceMb} Mo, incompressibles`, [{ size: pieceMb * MB }, { size: pieceMb * MB }, { size: pieceMb * MB }], true);
  await bench('une pièce texte de 300 Mo, compressée', [{ size: 300 * MB, text: true }]);
} finally {
  rmSync(work, { recursive: true, force: true });
}
