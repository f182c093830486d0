/**
 * What the browser tests and the UI benchmark share: the renderer built by Vite into a temporary folder, the real
 * web bridge on a temporary data folder (the real core — no mocks), and Debian's Chromium driven by playwright-core.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { startWebBridge, type WebBridge } from '../../core/node/web-bridge/index.js';

export const CHROMIUM = process.env.RECOURS_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(import.meta.dirname, '..', '.output', 'screenshots');
const RENDERER_CONFIG = join(import.meta.dirname, '..', '..', 'renderer', 'vite.config.ts');

/** Builds the UI as `npm run build:renderer` does, into `outDir` (so that runs never share a folder). */
export async function buildRenderer(outDir: string): Promise<void> {
  // Vitest sets NODE_ENV=test, which would give React's development build: build what users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: RENDERER_CONFIG, mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium introuvable (${CHROMIUM}) : installez-le (apt-get install chromium) ou indiquez son chemin dans RECOURS_CHROMIUM.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface UiSession {
  bridge: WebBridge;
  browser: Browser;
  dataDir: string;
  staticDir: string;
  close(): Promise<void>;
}

/** Built UI + bridge on an empty data folder + browser. `today` fixes the date core computes deadlines from. */
export async function startUi(options: { today?: string; staticDir?: string } = {}): Promise<UiSession> {
  const work = await mkdtemp(join(tmpdir(), 'recours-ui-'));
  const dataDir = join(work, 'donnees');
  const staticDir = options.staticDir ?? join(work, 'renderer');
  if (!options.staticDir) await buildRenderer(staticDir);
  const logs: string[] = [];
  const bridge = await startWebBridge({
    dataDir,
    staticDir,
    port: 0,
    log: (m) => logs.push(m),
    ...(options.today ? { today: () => options.today as string } : {}),
  });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (e) {
    await bridge.close();
    throw e;
  }
  return {
    bridge,
    browser,
    dataDir,
    staticDir,
    async close() {
      await browser.close().catch(() => undefined);
      await bridge.close().catch(() => undefined);
      await rm(work, { recursive: true, force: true });
      if (logs.length > 0) console.error(`Pont web (journal) :\n${logs.join('\n')}`);
    },
  };
}

/** Calls the API like the page does (POST /api/<method>), for set-up and checks from the test itself. */
export async function callApi<T>(bridge: WebBridge, method: string, params: unknown): Promise<T> {
  const { encodeWire, decodeWire } = await import('../../core/common/api/wire.js');
  const response = await fetch(`${bridge.url}api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(encodeWire(params)),
  });
  const answer = (await response.json()) as { ok: boolean; result?: unknown; error?: { message: string } };
  if (!answer.ok) throw new Error(`${method} : ${answer.error?.message ?? response.status}`);
  return decodeWire(answer.result) as T;
}
