/**
 * Images for print, in the evidence worker: declared dimensions checked before anything is decoded, EXIF
 * orientation applied, transparency flattened on white, fitted to the page box at the requested resolution,
 * re-encoded as sRGB JPEG. sharp writes no metadata unless asked, so GPS position and camera data are dropped.
 * HEIC (HEVC) is decoded with heic-decode (libheif in wasm): sharp's prebuilt libvips has no HEVC decoder.
 */
import sharp from 'sharp';
import type { Metadata, Sharp } from 'sharp';
import { ownBytes } from './bytes.js';
import { MAX_IMAGE_FRAMES, MAX_IMAGE_PIXELS } from './limits.js';
import { isHeic } from './media-type.js';
import { EvidenceProblem } from './problem.js';
import type { ImageFrame, ImageTarget, Thumbnail } from './types.js';

type HeicImages = Awaited<ReturnType<Awaited<ReturnType<typeof heicDecoder>>['all']>>;

/** libheif's wasm (8.5 MB, plus its memory) is loaded only by a worker that meets a HEIC file. */
async function heicDecoder() {
  return (await import('heic-decode')).default;
}

// Each image is decoded once: libvips' operation cache (50 MB by default) would only hold memory.
sharp.cache(false);

/** A problem found with an image, phrased for the user (French). */
export class ImageProblem extends EvidenceProblem {}

const grouped = (n: number) => n.toLocaleString('fr-FR').replace(/[\u202f\u00a0]/g, '\u202f');

function checkPixels(width: number, height: number): void {
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new ImageProblem(
      `image aux dimensions démesurées (${grouped(width)} × ${grouped(height)} pixels, au-delà de ${MAX_IMAGE_PIXELS / 1e6} mégapixels) : non décodée par précaution`,
    );
  }
}

function damaged(e: unknown, heic: boolean): ImageProblem {
  if (e instanceof ImageProblem) return e;
  const message = e instanceof Error ? e.message : String(e);
  const [what, ending] = heic ? ['la photo HEIC', 'e'] : ['le fichier image', ''];
  if (/premature end|truncated|unexpected end|end of (file|stream)|not enough data|short read/i.test(message)) {
    return new ImageProblem(`${what} est tronqué${ending} (fichier incomplet)`);
  }
  if (/pixel limit/i.test(message)) return new ImageProblem('image aux dimensions démesurées : non décodée par précaution');
  return new ImageProblem(`${what} est endommagé${ending} ou illisible`);
}

/** The first image of a HEIC file, its size checked, handed to `use` before libheif's memory is released. */
async function withFirstHeicImage<T>(bytes: Uint8Array, use: (first: HeicImages[number], count: number) => T | Promise<T>): Promise<T> {
  let images: HeicImages;
  try {
    images = await (await heicDecoder()).all({ buffer: bytes });
  } catch (e) {
    throw damaged(e, true);
  }
  try {
    const first = images[0];
    if (!first) throw new ImageProblem('la photo HEIC ne contient aucune image');
    checkPixels(first.width, first.height);
    return await use(first, images.length);
  } finally {
    images.dispose();
  }
}

export interface ImageInfo {
  width: number;
  height: number;
  /** Frames reproduced (pages of a TIFF; 1 for everything else). */
  frames: number;
  /** Frames in the file (an animated GIF has many, only the first is reproduced). */
  framesInFile: number;
  hasAlpha: boolean;
}

/** Dimensions as displayed, from the header only: nothing is decoded. */
export async function imageInfo(bytes: Uint8Array, mediaType: string): Promise<ImageInfo> {
  if (isHeic(mediaType)) {
    return withFirstHeicImage(bytes, (first, count) => ({ width: first.width, height: first.height, frames: 1, framesInFile: count, hasAlpha: false }));
  }
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (e) {
    throw damaged(e, false);
  }
  const width = meta.width;
  const height = meta.pageHeight ?? meta.height;
  if (!width || !height) throw new ImageProblem('le fichier image ne déclare pas ses dimensions');
  checkPixels(width, height);
  const swap = (meta.orientation ?? 1) >= 5;
  const framesInFile = meta.pages ?? 1;
  const frames = mediaType === 'image/tiff' ? Math.min(framesInFile, MAX_IMAGE_FRAMES) : 1;
  return { width: swap ? height : width, height: swap ? width : height, frames, framesInFile, hasAlpha: meta.hasAlpha === true };
}

function encode(pipeline: Sharp, target: ImageTarget): Sharp {
  return pipeline
    .resize(target.maxWidth, target.maxHeight, { fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .jpeg({ quality: target.quality, mozjpeg: target.mozjpeg, chromaSubsampling: '4:2:0' });
}

async function heicPixels(bytes: Uint8Array): Promise<Sharp> {
  return withFirstHeicImage(bytes, async (first) => {
    const decoded = await first.decode().catch((e: unknown) => {
      throw damaged(e, true);
    });
    const raw = Buffer.from(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength);
    return sharp(raw, { raw: { width: decoded.width, height: decoded.height, channels: 4 } });
  });
}

/** The image's frames fitted to the target and re-encoded as JPEG, ready to embed. */
export async function imageForPrint(bytes: Uint8Array, mediaType: string, info: ImageInfo, target: ImageTarget): Promise<ImageFrame[]> {
  const frames: ImageFrame[] = [];
  for (let page = 0; page < info.frames; page++) {
    const source = isHeic(mediaType)
      ? await heicPixels(bytes)
      : sharp(bytes, { page, limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'warning' }).rotate();
    try {
      const { data, info: out } = await encode(source.flatten({ background: '#ffffff' }), target).toBuffer({ resolveWithObject: true });
      frames.push({ jpeg: ownBytes(data), width: out.width, height: out.height, sourceWidth: info.width, sourceHeight: info.height });
    } catch (e) {
      throw damaged(e, isHeic(mediaType));
    }
  }
  return frames;
}

/** Decodes the whole image at a tiny size: finds truncated or corrupt data cheaply (JPEG decodes at 1/8 scale). */
export async function verifyImage(bytes: Uint8Array, mediaType: string): Promise<void> {
  if (isHeic(mediaType)) return; // decoding HEIC costs as much at any size; the dossier finds damage when it decodes
  try {
    await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'warning' }).resize(64, 64, { fit: 'inside' }).raw().toBuffer();
  } catch (e) {
    throw damaged(e, false);
  }
}

/** A second, lighter encoding of an already prepared JPEG (size budget). */
export async function reencode(jpeg: Uint8Array, target: ImageTarget): Promise<{ jpeg: Uint8Array; width: number; height: number }> {
  const { data, info } = await encode(sharp(jpeg), target).toBuffer({ resolveWithObject: true });
  return { jpeg: ownBytes(data), width: info.width, height: info.height };
}

export async function thumbnail(bytes: Uint8Array, mediaType: string, maxSize: number): Promise<Thumbnail> {
  const info = await imageInfo(bytes, mediaType);
  const source = isHeic(mediaType) ? await heicPixels(bytes) : sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS }).rotate();
  const resized = source.resize(maxSize, maxSize, { fit: 'inside', withoutEnlargement: true });
  if (info.hasAlpha) return { bytes: ownBytes(await resized.png({ compressionLevel: 9, palette: true }).toBuffer()), mediaType: 'image/png' };
  return { bytes: ownBytes(await resized.jpeg({ quality: 75 }).toBuffer()), mediaType: 'image/jpeg' };
}
