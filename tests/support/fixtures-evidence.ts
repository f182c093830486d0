/**
 * Evidence files made by the tests themselves: phone photos with EXIF orientation and GPS, a screenshot with
 * transparency, a HEIC (needs Debian's libheif-examples for heif-enc), PDFs with a rotated page or a password,
 * an e-mail, a message export, and broken files (truncated, empty, decompression bomb, wrong extension).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Noise over a two-colour split, so that JPEG sizes are realistic and the orientation can be told apart. */
async function photoPixels(width: number, height: number): Promise<Buffer> {
  const noise = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 25 } } }).png().toBuffer();
  const topHalf = await sharp({ create: { width, height: Math.floor(height / 2), channels: 3, background: { r: 200, g: 30, b: 30 } } }).png().toBuffer();
  return sharp({ create: { width, height, channels: 3, background: { r: 30, g: 30, b: 200 } } })
    .composite([{ input: topHalf, top: 0, left: 0 }, { input: noise, blend: 'soft-light' }])
    .png()
    .toBuffer();
}

/**
 * A phone photo stored 1200 × 900 (landscape) with EXIF orientation 6 (displayed portrait, 900 × 1200), taken on
 * 2026-10-03, with a GPS position that must not reach the dossier.
 */
export async function photoOrientation6(): Promise<Buffer> {
  return sharp(await photoPixels(1200, 900))
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'Telephone', Model: 'Essai' },
      IFD2: { DateTimeOriginal: '2026:10:03 14:03:22' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '45/1 45/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '4/1 50/1 0/1' },
    })
    .toBuffer();
}

/** A 3-megapixel photo (2000 × 1500), noisy: heavy enough for the size budget to matter. */
export async function mediumPhoto(): Promise<Buffer> {
  return sharp(await photoPixels(2000, 1500)).jpeg({ quality: 92 }).toBuffer();
}

/** A 12-megapixel phone photo (4000 × 3000), noisy like a real one. */
export async function largePhoto(seedSigma = 10): Promise<Buffer> {
  const base = await sharp({ create: { width: 500, height: 375, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
    .resize(4000, 3000, { kernel: 'cubic' })
    .png({ compressionLevel: 0 })
    .toBuffer();
  const fine = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: seedSigma } } })
    .png({ compressionLevel: 0 })
    .toBuffer();
  return sharp(base).composite([{ input: fine, blend: 'overlay' }]).jpeg({ quality: 90 }).toBuffer();
}

/** A screenshot with a transparent background (corners fully transparent). */
export async function pngWithAlpha(): Promise<Buffer> {
  const card = await sharp({ create: { width: 400, height: 200, channels: 4, background: { r: 20, g: 120, b: 20, alpha: 1 } } }).png().toBuffer();
  return sharp({ create: { width: 600, height: 400, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite([{ input: card, top: 100, left: 100 }])
    .png()
    .toBuffer();
}

async function frames(colours: string[]): Promise<Buffer[]> {
  return Promise.all(colours.map((c) => sharp({ create: { width: 300, height: 200, channels: 3, background: c } }).png().toBuffer()));
}

/** A fax-like TIFF of three pages. */
export async function multiPageTiff(): Promise<Buffer> {
  return sharp(await frames(['#ff0000', '#00aa00', '#0000ff']), { join: { animated: true } }).tiff().toBuffer();
}

/** An animated GIF of three frames (only the first is printed). */
export async function animatedGif(): Promise<Buffer> {
  return sharp(await frames(['#ff0000', '#00aa00', '#0000ff']), { join: { animated: true } }).gif().toBuffer();
}

export async function webpImage(): Promise<Buffer> {
  return sharp((await frames(['#336699']))[0]).webp().toBuffer();
}

export function heifEncAvailable(): boolean {
  return spawnSync('heif-enc', ['--version'], { stdio: 'ignore' }).error === undefined;
}

/** An iPhone-like HEIC (HEVC) photo made with heif-enc (Debian package libheif-examples). */
export async function heicPhoto(dir: string): Promise<Buffer> {
  const source = join(dir, 'heic-source.jpg');
  const target = join(dir, 'heic-photo.heic');
  const jpeg = await sharp(await photoPixels(640, 480))
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: 'Apple' }, IFD2: { DateTimeOriginal: '2026:10:05 09:12:00' } })
    .toBuffer();
  writeFileSync(source, jpeg);
  execFileSync('heif-enc', ['-q', '60', '-o', target, source], { stdio: 'ignore' });
  return readFileSync(target);
}

/** A two-page invoice; page 2 has /Rotate 90 (a landscape table scanned sideways). */
export async function pdfWithRotatedPage(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const one = doc.addPage([595.28, 841.89]);
  one.drawText('FACTURE 2026-118 page un', { x: 72, y: 760, size: 18, font });
  const two = doc.addPage([595.28, 841.89]);
  two.drawText('Detail des articles page deux', { x: 72, y: 760, size: 18, font });
  two.setRotation(degrees(90));
  return doc.save();
}

/** A plain two-page PDF with a recognisable line per page. */
export async function simplePdf(label: string, pages = 2): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) doc.addPage([595.28, 841.89]).drawText(`${label} page ${i}`, { x: 72, y: 760, size: 16, font });
  return doc.save();
}

export function emlMessage(): string {
  return [
    'From: Service client Amazon <service-client@amazon.fr>',
    'To: Karim Benali <karim.benali@exemple.fr>',
    'Subject: =?UTF-8?Q?Votre_r=C3=A9clamation_n=C2=B0_12345?=',
    'Date: Mon, 12 Oct 2026 10:15:00 +0200',
    'Message-ID: <abc123@amazon.fr>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="frontiere"',
    '',
    '--frontiere',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Bonjour,',
    '',
    'Nous avons bien reçu votre réclamation : une enquête est ouverte auprès du transporteur.',
    'Cordialement,',
    'Le service client',
    '--frontiere',
    'Content-Type: text/plain; name="enquete.txt"',
    'Content-Disposition: attachment; filename="enquete.txt"',
    '',
    'Enquête transporteur n° 998877',
    '--frontiere--',
    '',
  ].join('\r\n');
}

export function messageExport(): string {
  return [
    '[02/10/2026 18:04] Karim : Bonjour, le suivi indique « livré » mais je n’ai rien reçu.',
    '[02/10/2026 18:06] Agent Amazon : Je comprends 😕 Pouvez-vous vérifier auprès de vos voisins ?',
    '',
    '[02/10/2026 18:09] Karim : C’est fait, personne n’a le colis. L’ordinateur coûte 1 299,00 €.',
    '[02/10/2026 18:12] Agent Amazon : Une enquête est ouverte, réponse sous 48 h.',
  ].join('\n');
}

export async function truncatedJpeg(): Promise<Buffer> {
  const full = await sharp(await photoPixels(800, 600)).jpeg({ quality: 90 }).toBuffer();
  return full.subarray(0, Math.floor(full.length / 2));
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A few kilobytes declaring 50 000 × 50 000 RGBA pixels (10 GB once decoded): a decompression bomb. */
export function pngBomb(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(50_000, 0);
  header.writeUInt32BE(50_000, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1_000_000))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The start of an MP4 video: an ISO BMFF 'ftyp' box, then an 'mdat' box. */
export function mp4Video(): Buffer {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom', 'latin1'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2', 'latin1')]);
  const payload = Buffer.alloc(4096, 7);
  const mdatHeader = Buffer.alloc(8);
  mdatHeader.writeUInt32BE(8 + payload.length);
  mdatHeader.write('mdat', 4, 'latin1');
  return Buffer.concat([ftyp, mdatHeader, payload]);
}

// ---- a password-protected PDF, encrypted by hand (standard security handler, RC4 40 bits, ISO 32000-1 §7.6) ----

const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  let i = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
const padded = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);

/** A one-page PDF that opens only with the user password « secret » (RC4 40 bits, revision 2). */
export function encryptedPdf(): Buffer {
  const id = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');
  const permissions = -44;
  const owner = rc4(md5(padded('proprietaire')).subarray(0, 5), padded('secret'));
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const key = md5(padded('secret'), owner, p, id).subarray(0, 5);
  const user = rc4(key, PAD);
  const objectKey = (num: number) => md5(key, Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0])).subarray(0, 10);
  const content = Buffer.from('BT /F1 24 Tf 72 700 Td (Document confidentiel) Tj ET', 'latin1');
  const stream = rc4(objectKey(4), content);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null, // the encrypted content stream
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${owner.toString('hex')}> /U <${user.toString('hex')}> /P ${permissions} >>`,
  ];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = chunks[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const obj = body === null
      ? Buffer.concat([Buffer.from(`${i + 1} 0 obj\n<< /Length ${stream.length} >>\nstream\n`, 'latin1'), stream, Buffer.from('\nendstream\nendobj\n', 'latin1')])
      : Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    chunks.push(obj);
    length += obj.length;
  });
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
  const trailer = `\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 6 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>] >>\nstartxref\n${length}\n%%EOF\n`;
  chunks.push(Buffer.from(xref + trailer, 'latin1'));
  return Buffer.concat(chunks);
}
