/**
 * Smoke test of the real desktop app with Playwright's Electron support: it starts the built app in a throw-away
 * data folder, checks the window is locked down, creates a case through `window.recours` (the preload, the IPC
 * channel and core, all real), produces a PDF and reads its text.
 *
 * It needs Electron's binary, which build machines without network do not have (Electron ≥ 42 downloads it on
 * first use): there the test is reported as skipped, with the reason in its name and on the console.
 * Set ELECTRON_PATH to use a binary installed elsewhere.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ElectronApplication } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** Where Electron's executable is, or why there is none — without loading the `electron` module (it would download). */
function findElectron(): { path: string } | { reason: string } {
  const fromEnv = process.env.ELECTRON_PATH;
  if (fromEnv) return existsSync(fromEnv) ? { path: fromEnv } : { reason: `ELECTRON_PATH=${fromEnv} n’existe pas` };
  const pkg = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return { reason: 'node_modules/electron/path.txt absent — lancez « npx install-electron » sur une machine reliée au réseau' };
  const executable = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? { path: executable } : { reason: `${executable} absent` };
}

const electron = findElectron();
const missing = 'reason' in electron ? electron.reason : null;
if (missing) console.warn(`[electron-smoke] skipped: Electron binary absent (offline build machine): ${missing}`);

const title = missing
  ? `skipped: Electron binary absent (offline build machine) — ${missing}`
  : 'starts the real app, creates a case and produces a PDF';

describe('desktop app (real Electron)', () => {
  let app: ElectronApplication | null = null;
  let userData = '';

  afterAll(async () => {
    await app?.close();
    if (userData) await rm(userData, { recursive: true, force: true });
  });

  it.skipIf(missing !== null)(title, { timeout: 240_000 }, async () => {
    if ('reason' in electron) return;
    // Loaded here so that the skipped case costs nothing.
    const { _electron } = await import('playwright-core');
    const { extractPdf, normaliseSpaces } = await import('../support/pdf-text.js');
    // The app as `npm run build` makes it: compiled core, then main, preload and renderer.
    execFileSync('npm', ['run', 'build:core'], { cwd: root, stdio: 'inherit' });
    execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
    userData = await mkdtemp(join(tmpdir(), 'recours-electron-'));

    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main?: string };
    app = await _electron.launch({
      executablePath: electron.path,
      // Chromium refuses its own sandbox when run as root (CI containers).
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), pkg.main ? root : join(root, 'out', 'main', 'index.js')],
      env: { ...process.env, RECOURS_USER_DATA: userData, NODE_ENV: 'production' },
    });
    const window = await app.firstWindow();
    await window.waitForLoadState('domcontentloaded');

    // The page runs on app://recours/, without Node, with exactly the two bridges.
    const page = await window.evaluate(() => ({
      // Runs in the page: the test's own types know no DOM, hence the casts.
      protocol: (globalThis as unknown as { location: { protocol: string } }).location.protocol,
      require: typeof (globalThis as Record<string, unknown>).require,
      process: typeof (globalThis as Record<string, unknown>).process,
      recours: typeof (globalThis as Record<string, unknown>).recours,
      desktop: typeof (globalThis as Record<string, unknown>).recoursDesktop,
    }));
    expect(page).toMatchObject({ protocol: 'app:', require: 'undefined', process: 'undefined', recours: 'object', desktop: 'object' });
    const csp = await window.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'));
    expect(csp).toContain("script-src 'self'");

    // A case, through the preload and the IPC channel, down to the real store.
    const example = JSON.parse(await readFile(join(root, 'examples', 'ordinateur-livre-jamais-recu.json'), 'utf8')) as Record<string, unknown>;
    delete example.evidence; // its files live beside the example, not in the new case folder
    const bytes = await window.evaluate(async (draft) => {
      type Api = Record<string, (p: unknown) => Promise<any>>;
      const api = (globalThis as unknown as { recours: Api }).recours;
      const created = await api.createCase!({ disputeType: 'non-delivery', markedDelivered: true });
      await api.saveCase!({ id: created.id, draft });
      const { document } = await api.generateDocument!({ id: created.id, templateId: 'mise-en-demeure-livraison', formats: ['pdf'] });
      const file = await api.documentFile!({ id: created.id, documentId: document.id, format: 'pdf' });
      return Array.from(file.bytes as Uint8Array);
    }, example);
    const pdf = await extractPdf(new Uint8Array(bytes));
    const text = normaliseSpaces(pdf.text);
    expect(text).toContain('Mise en demeure');
    expect(text).toContain('402-7719254-3381946');
    expect(text).toContain('Karim Benali');

    // A malformed call gets the French structured error, not a crash.
    const refused = await window.evaluate(async () => {
      const api = (globalThis as unknown as { recours: Record<string, (p: unknown) => Promise<unknown>> }).recours;
      return api.getCase!({ id: '../../etc/passwd' }).then(() => 'accepted', (e: Error) => e.message);
    });
    expect(refused).toMatch(/^Demande « getCase » mal formée/);
  });
});
