/**
 * What reading an archive entry by entry into the case being built adds: each entry's CRC-32 is checked, an archive
 * given by its path is read where it lies, and a refused one leaves nothing behind, not even its staging folder.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createCaseStore, exportCase, importCase } from '../../core/node/store/index.js';

async function exported() {
  const dataDir = mkdtempSync(join(tmpdir(), 'recours-archive-stream-'));
  const store = createCaseStore({ dataDir });
  const { id } = await store.create({ disputeType: 'non-delivery' });
  const piece = await store.writePiece(id, 'IMG_2041.JPG', new Uint8Array(200_000).map((_, i) => (i * 7919) % 251));
  await store.update(id, (r) => ({ draft: { ...r.draft, evidence: [{ id: 'photo', file: piece.file, originalName: 'IMG_2041.JPG', title: 'Photo' }] } }));
  return { store, dataDir, id, piece: piece.file, bytes: (await exportCase(store, id)).bytes };
}

/** Sets the CRC-32 an entry declares, in its local header and in the central directory. */
function declareCrc(zip: Uint8Array, name: string, crc: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const encoded = strToU8(name);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    const [nameAt, crcAt] = sig === 0x04034b50 ? [30, 14] : sig === 0x02014b50 ? [46, 16] : [0, 0];
    if (nameAt === 0) continue;
    if (out.subarray(i + nameAt, i + nameAt + encoded.length).every((b, k) => b === encoded[k])) view.setUint32(i + crcAt, crc, true);
  }
  return out;
}

describe('a .recours archive read entry by entry', () => {
  it('refuses an entry whose CRC-32 is not the one it declares, naming it, and lists nothing new', async () => {
    const { store, piece, bytes } = await exported();
    await expect(importCase(store, declareCrc(bytes, piece, 0x12345678))).rejects.toThrow(
      `Fichier .recours non importé : « ${piece} » est abîmé (somme de contrôle CRC-32 différente).`,
    );
    expect(await store.list()).toHaveLength(1);
  });

  it('imports an archive given by its path, as the upload route gives it', async () => {
    const { store, dataDir, bytes } = await exported();
    const file = join(dataDir, 'sauvegarde.recours');
    writeFileSync(file, bytes);
    const imported = await importCase(store, { path: file });
    expect((imported.draft.evidence as { title: string }[]).map((e) => e.title)).toEqual(['Photo']);
    expect(await store.list()).toHaveLength(2);
  });

  it('leaves no staging folder in the data folder when an entry is refused half-way through', async () => {
    const { store, dataDir, bytes } = await exported();
    const files = unzipSync(bytes);
    // A valid piece first (written to the staging folder), then a document the manifest does not list.
    const file = join(dataDir, 'sauvegarde.recours');
    writeFileSync(file, zipSync({ ...files, 'documents/2026-11-25-abcdef1234/ajout.pdf': strToU8('%PDF') }));
    await expect(importCase(store, { path: file })).rejects.toThrow('Fichier .recours non importé : « documents/2026-11-25-abcdef1234/ajout.pdf » n’est pas dans le manifeste.');
    expect(readdirSync(dataDir).filter((n) => n.startsWith('.en-cours-'))).toEqual([]);
    expect(await store.list()).toHaveLength(1);
  });
});
