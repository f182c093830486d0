/**
 * The packaging configuration, checked without packaging (which needs to download Electron): electron-builder's
 * own schema accepts it, the security fuses and the native-library rules are there, and the icons exist.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import sharp from 'sharp';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { LINUX_SIZES } from '../../scripts/make-icons.js';

const root = new URL('../..', import.meta.url).pathname;
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, log: unknown): Promise<void>;
};
const quiet = { isEnabled: false, add() {} };

describe('electron-builder.yml', () => {
  it('is accepted by electron-builder’s schema (which does refuse a misspelt option)', async () => {
    await expect(validateConfiguration(structuredClone(config), quiet)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...structuredClone(config), asarUnpak: ['x'] }, quiet)).rejects.toThrow(/asarUnpak/);
  });

  it('builds AppImage and deb, NSIS, dmg, and opens .recours files', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.fileAssociations).toEqual([
      { ext: 'recours', name: 'Dossier Recours', description: 'Dossier de litige Recours', mimeType: 'application/x-recours', role: 'Editor' },
    ]);
    expect(config.extraMetadata.main).toBe('out/main/index.js');
  });

  it('ships the built app, compiled core, the faces deflated at build time and templates, with sharp’s native files outside the archive', () => {
    expect(config.files).toEqual(
      expect.arrayContaining(['out/main/**/*', 'out/preload/**/*', 'out/renderer/**/*', 'dist/core/**/*', 'dist/font-tails/**/*', 'templates/**/*']),
    );
    expect(config.asarUnpack).toEqual(['**/node_modules/sharp/**/*', '**/node_modules/@img/**/*']);
    expect(config.npmRebuild).toBe(false);
  });

  it('sets the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('has its icons: 1024 px for Windows and macOS, the usual sizes for Linux', async () => {
    const main = await sharp(join(root, 'build', 'icon.png')).metadata();
    expect([main.format, main.width, main.height]).toEqual(['png', 1024, 1024]);
    for (const size of LINUX_SIZES) {
      const icon = await sharp(join(root, config.linux.icon, `${size}x${size}.png`)).metadata();
      expect([icon.format, icon.width, icon.height]).toEqual(['png', size, size]);
    }
  });
});
