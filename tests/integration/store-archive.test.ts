/** A whole case as one .recours file, and back: evidence byte-identical, every entry checked against its fingerprint. */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeArchive } from '../../core/node/store/archive-write.js';
import { createCaseStore, exportCase, exportCaseFile, importCase } from '../../core/node/store/index.js';
import { loadExample } from '../support/examples.js';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function caseWithEvidence() {
  const store = createCaseStore({ dataDir: mkdtempSync(join(tmpdir(), 'recours-archive-')) });
  const { evidence: _e, ...laptop } = (await loadExample('ordinateur-livre-jamais-recu.json')) as Record<string, any>;
  const { id } = await store.create(laptop);
  const photo = new Uint8Array(randomBytes(300_000)); // incompressible, like a JPEG
  const text = new TextEncoder().encode('Attestation du gardien : aucun colis reçu le 2 octobre.\n');
  const p1 = await store.writePiece(id, 'IMG_2041.JPG', photo);
  const p2 = await store.writePiece(id, 'attestation gardien.txt', text);
  await store.update(id, (r) => ({
    draft: {
      ...r.draft,
      evidence: [
        { id: 'photo', file: p1.file, originalName: 'IMG_2041.JPG', title: 'Photo de la boîte aux lettres' },
        { id: 'attestation', file: p2.file, originalName: 'attestation gardien.txt', title: 'Attestation du gardien' },
      ],
    },
  }));
  await store.writeDocument(id, '2026-11-25-abcdef1234', [{ name: 'mise-en-demeure-livraison_2026-11-25.pdf', bytes: strToU8('%PDF-1.7 lettre') }]);
  await store.update(id, (r) => ({
    meta: {
      ...r.meta,
      documents: [
        {
          id: '2026-11-25-abcdef1234',
          templateId: 'mise-en-demeure-livraison',
          title: 'Mise en demeure',
          generatedAt: '2026-11-25T10:00:00.000Z',
          files: [{ format: 'pdf' as const, name: 'mise-en-demeure-livraison_2026-11-25.pdf', size: 15 }],
          sent: { date: '2026-11-26', mode: 'lrar', registeredNumber: '1A 198 765 4321 0' },
        },
      ],
    },
  }));
  return { store, id, photo, text, files: [p1.file, p2.file] };
}

function rezip(bytes: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes);
  change(files);
  return zipSync(files);
}

describe('.recours export and import', () => {
  it('round-trips a case as a new case, evidence byte-identical, documents and their history kept', async () => {
    const { store, id, photo, text, files } = await caseWithEvidence();
    const exported = await exportCase(store, id);
    expect(exported.name).toBe('benali-402-7719254-3381946.recours');

    const imported = await importCase(store, exported.bytes);
    expect(imported.id).not.toBe(id);
    const original = await store.get(id);
    expect(imported.draft).toEqual(original.draft);
    expect(new Uint8Array(readFileSync(join(imported.dir, files[0]!)))).toEqual(photo);
    expect(new Uint8Array(readFileSync(join(imported.dir, files[1]!)))).toEqual(text);
    expect(sha256(readFileSync(join(imported.dir, files[0]!)))).toBe(sha256(photo));
    expect(imported.meta.documents).toEqual(original.meta.documents);
    expect(readFileSync(join(imported.dir, 'documents', '2026-11-25-abcdef1234', 'mise-en-demeure-livraison_2026-11-25.pdf'), 'utf8')).toBe('%PDF-1.7 lettre');
    expect((await store.list()).map((e) => e.id).sort()).toEqual([id, imported.id].sort());
  });

  it('lists every entry in the manifest with its SHA-256', async () => {
    const { store, id, photo } = await caseWithEvidence();
    const files = unzipSync((await exportCase(store, id)).bytes);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(manifest.format).toBe('recours/export@1');
    expect(manifest.entries.map((e: any) => e.path).sort()).toEqual(Object.keys(files).filter((n) => n !== 'manifest.json').sort());
    expect(manifest.entries.find((e: any) => e.path.endsWith('.jpg'))).toEqual({ path: `pieces/${sha256(photo)}.jpg`, size: photo.length, sha256: sha256(photo) });
  });

  it('refuses an archive whose evidence was altered, and writes nothing', async () => {
    const { store, id, files } = await caseWithEvidence();
    const { bytes } = await exportCase(store, id);
    const tampered = rezip(bytes, (f) => {
      const piece = f[files[1]!]!;
      piece[0] = piece[0]! ^ 1;
    });
    await expect(importCase(store, tampered)).rejects.toThrow(`Fichier .recours non importé : « ${files[1]} » a été modifié ou abîmé (empreinte SHA-256 différente).`);
    expect(await store.list()).toHaveLength(1);
  });

  it('refuses entries outside the case (path traversal), files that are not archives, and unknown formats', async () => {
    const { store, id } = await caseWithEvidence();
    const { bytes } = await exportCase(store, id);
    const traversal = rezip(bytes, (f) => {
      f['../../.bashrc'] = strToU8('echo pwned');
    });
    await expect(importCase(store, traversal)).rejects.toThrow('il contient des fichiers inattendus (« ../../.bashrc »)');
    await expect(importCase(store, strToU8('bonjour'))).rejects.toThrow('ce n’est pas une archive .recours lisible');
    const future = rezip(bytes, (f) => {
      const m = JSON.parse(new TextDecoder().decode(f['manifest.json']));
      f['manifest.json'] = strToU8(JSON.stringify({ ...m, format: 'recours/export@9' }));
    });
    await expect(importCase(store, future)).rejects.toThrow('format « recours/export@9 » inconnu');
    expect(await store.list()).toHaveLength(1);
  });

  it('refuses a case whose evidence points outside the archive', async () => {
    const { store, id } = await caseWithEvidence();
    const { bytes } = await exportCase(store, id);
    const sneaky = rezip(bytes, (f) => {
      const c = JSON.parse(new TextDecoder().decode(f['case.json']));
      c.evidence[0].file = '../../../etc/passwd';
      f['case.json'] = strToU8(JSON.stringify(c));
      const m = JSON.parse(new TextDecoder().decode(f['manifest.json']));
      const entry = m.entries.find((e: any) => e.path === 'case.json');
      entry.size = f['case.json']!.length;
      entry.sha256 = sha256(f['case.json']!);
      f['manifest.json'] = strToU8(JSON.stringify(m));
    });
    await expect(importCase(store, sneaky)).rejects.toThrow('la pièce « ../../../etc/passwd » citée par le dossier n’est pas dans l’archive');
  });
});

/** Sets the uncompressed size an entry declares, in its local header and in the central directory. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const encoded = strToU8(name);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    const [nameAt, sizeAt] = sig === 0x04034b50 ? [30, 22] : sig === 0x02014b50 ? [46, 24] : [0, 0];
    if (nameAt === 0) continue;
    const candidate = out.subarray(i + nameAt, i + nameAt + encoded.length);
    if (candidate.every((b, k) => b === encoded[k])) view.setUint32(i + sizeAt, size, true);
  }
  return out;
}

describe('hostile .recours archives', () => {
  it('stops an entry that inflates past the size it declares, at once and with a French message', async () => {
    const { store, id } = await caseWithEvidence();
    const { bytes } = await exportCase(store, id);
    const name = `pieces/${'ab'.repeat(32)}.jpg`;
    // 64 MB of zeros in about 64 KB, declaring 1 000 bytes.
    const bomb = declareSize(rezip(bytes, (f) => {
      f[name] = new Uint8Array(64 * 1024 * 1024);
    }), name, 1000);
    const started = performance.now();
    const before = process.memoryUsage().rss;
    await expect(importCase(store, bomb)).rejects.toThrow(new RegExp(`Fichier .recours non importé : « ${name} » se décompresse en plus que les 1\\sKo qu’il annonce : archive falsifiée ou abîmée\\.`));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    expect(await store.list()).toHaveLength(1);
  });

  it('refuses an archive whose real content passes the limit, naming the limit', async () => {
    const { extractArchive } = await import('../../core/node/store/archive-read.js');
    const zip = zipSync({ 'a.txt': new Uint8Array(3000), 'b.txt': new Uint8Array(3000) });
    await expect(extractArchive(zip, { allowed: () => true, target: () => null, memoryLimit: 10_000, limit: 5000 })).rejects.toThrow(/son contenu dépasse 5\sKo une fois décompressé/);
  });

  it('refuses a symbolic link entry, a duplicate name and a « .. » entry, in French', async () => {
    const { store, id } = await caseWithEvidence();
    const { bytes } = await exportCase(store, id);
    const files = unzipSync(bytes);
    const piece = Object.keys(files).find((n) => n.startsWith('pieces/'))!;
    const link = zipSync(Object.fromEntries(Object.entries(files).map(([n, b]) => [n, n === piece ? [strToU8('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }] : b])) as never);
    await expect(importCase(store, link)).rejects.toThrow(`Fichier .recours non importé : « ${piece} » est un lien symbolique ou un fichier spécial, pas un fichier ordinaire.`);

    // Two entries of the same length, the second renamed as the first.
    const docName = Object.keys(files).find((n) => n.startsWith('documents/'))!;
    const twin = docName.replace(/\.pdf$/, '.xyz');
    const dup = zipSync({ ...files, [twin]: strToU8('autre') });
    const raw = Buffer.from(dup);
    let at = raw.indexOf(twin);
    while (at >= 0) {
      raw.write(docName, at, 'latin1');
      at = raw.indexOf(twin, at + 1);
    }
    await expect(importCase(store, new Uint8Array(raw))).rejects.toThrow(`Fichier .recours non importé : « ${docName} » y figure deux fois.`);

    const dots = `${docName.slice(0, docName.lastIndexOf('/'))}/..`;
    await expect(importCase(store, rezip(bytes, (f) => { f[dots] = strToU8('x'); }))).rejects.toThrow(`Fichier .recours non importé : « ${dots} » n’est pas un chemin de fichier accepté`);
    expect(await store.list()).toHaveLength(1);
  });
});

describe('.recours export to a file', () => {
  it('writes the archive where asked, all or nothing: a piece changed during the export leaves no file, with a French message', async () => {
    const { store, id, photo, files } = await caseWithEvidence();
    const out = mkdtempSync(join(tmpdir(), 'recours-export-'));
    const done = await exportCaseFile(store, id, (name) => join(out, name));
    expect(done).toMatchObject({ name: 'benali-402-7719254-3381946.recours', path: join(out, 'benali-402-7719254-3381946.recours') });
    expect(readdirSync(out)).toEqual(['benali-402-7719254-3381946.recours']);
    const written = readFileSync(done!.path);
    expect(written.length).toBe(done!.size);
    expect(unzipSync(written)[files[0]!]).toEqual(photo);

    // A piece shrinks once the archive is sized (the first call for the manifest), before it is copied.
    const piece = join(out, 'IMG_2041.JPG');
    writeFileSync(piece, photo);
    let calls = 0;
    const closing = () => {
      if (calls++ === 0) truncateSync(piece, 1000);
      return { name: 'manifest.json', bytes: strToU8('{}') };
    };
    const target = join(out, 'coupe.recours');
    await expect(writeArchive([{ name: 'pieces/IMG_2041.JPG', path: piece, deflate: false }], new Date(), closing, target)).rejects.toMatchObject({
      name: 'StoreError',
      message: '« pieces/IMG_2041.JPG » a changé pendant l’export : recommencez l’export.',
    });
    expect(readdirSync(out).sort()).toEqual(['IMG_2041.JPG', 'benali-402-7719254-3381946.recours']);
  });
});
