/**
 * Draws the application icon (build/icon.png, 1024 px, from which electron-builder derives the Windows .ico and
 * the macOS .icns) and the Linux size set (build/icons/NxN.png). Shapes only — no text, so no font dependency:
 * a letter in its envelope, sealed. Run again after changing the drawing: `tsx scripts/make-icons.ts`.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

export const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512] as const;

export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024" viewBox="0 0 1024 1024">
  <rect x="64" y="64" width="896" height="896" rx="192" fill="#1d3557"/>
  <rect x="212" y="300" width="600" height="424" rx="36" fill="#f1faee"/>
  <path d="M236 330 L512 540 L788 330" fill="none" stroke="#1d3557" stroke-width="40" stroke-linejoin="round" stroke-linecap="round"/>
  <circle cx="740" cy="680" r="120" fill="#e63946"/>
  <path d="M684 684 L726 726 L800 640" fill="none" stroke="#f1faee" stroke-width="36" stroke-linejoin="round" stroke-linecap="round"/>
</svg>`;

export async function makeIcons(buildDir: string): Promise<string[]> {
  mkdirSync(join(buildDir, 'icons'), { recursive: true });
  const svg = Buffer.from(ICON_SVG);
  const written = [join(buildDir, 'icon.png')];
  await sharp(svg).png({ compressionLevel: 9 }).toFile(written[0]!);
  for (const size of LINUX_SIZES) {
    const path = join(buildDir, 'icons', `${size}x${size}.png`);
    await sharp(svg, { density: Math.max(1, (72 * size) / 1024) }).resize(size, size).png({ compressionLevel: 9 }).toFile(path);
    written.push(path);
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const buildDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'build');
  for (const path of await makeIcons(buildDir)) process.stdout.write(`${path}\n`);
}
