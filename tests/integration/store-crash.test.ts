/**
 * A crash or a kill in the middle of a save leaves the old case or the new one, never a broken one: a child process
 * saves a case in a loop and is killed (SIGKILL) at random moments, many times; after each kill the case is read
 * back by a fresh store and must equal one of the two versions that could be on disk.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCaseStore } from '../../core/node/store/index.js';
import { versionDraft } from './store-crash-writer.js';

const KILLS = 40;
const WRITER = join(import.meta.dirname, 'store-crash-writer.ts');

/** Starts the writer at version `first`, kills it a random time after its first save began; returns its output. */
function runAndKill(dataDir: string, id: string, first: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, id, String(first)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!armed && out.includes('start')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), Math.random() * 150);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(out) : reject(new Error(`writer stopped by itself: ${err}`))));
  });
}

describe('atomic save under a crash', () => {
  it(`the case always loads as the old or the new version (${KILLS} kills)`, { timeout: 300_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'recours-crash-'));
    const { id } = await createCaseStore({ dataDir }).create(versionDraft(0));
    let onDisk = 0;
    let killedMidSave = 0;
    for (let kill = 0; kill < KILLS; kill += 1) {
      const out = await runAndKill(dataDir, id, onDisk + 1);
      const started = [...out.matchAll(/start (\d+)/g)].map((m) => Number(m[1]));
      const done = [...out.matchAll(/done (\d+)/g)].map((m) => Number(m[1]));
      const last = started[started.length - 1] ?? onDisk;
      if (done[done.length - 1] !== last) killedMidSave += 1;

      const record = await createCaseStore({ dataDir }).get(id);
      const version = Number(/^Version (\d+)\./.exec(String((record.draft.dispute as { facts?: unknown }).facts))?.[1]);
      // The last save begun may or may not have reached the disk; the one before it did.
      expect([last - 1, last]).toContain(version);
      expect(record.draft).toEqual(versionDraft(version));
      expect(record.meta.format).toBe('recours/case-meta@1');
      // What a killed writer left behind (temporary files) is cleaned when the case is next read.
      expect(readdirSync(record.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      onDisk = version;
    }
    expect(await createCaseStore({ dataDir }).setAside()).toEqual([]);
    console.log(`${KILLS} kills, ${killedMidSave} during a save; last version on disk: ${onDisk}`);
    expect(killedMidSave).toBeGreaterThan(0);
  });
});
