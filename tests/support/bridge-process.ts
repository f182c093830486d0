/**
 * The web bridge as `npm run web` runs it, in a child process, for the tests that measure its memory: its port,
 * its resident memory (VmRSS) and peak (VmHWM) read from /proc (Linux), and files made on the fly to send it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

export const MB = 1024 * 1024;

export interface BridgeProcess {
  child: ChildProcess;
  port: number;
}

/** Starts the bridge on a free port over `dataDir`, without the built UI; resolves once it listens. */
export function startBridgeProcess(dataDir: string): Promise<BridgeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join('core', 'node', 'web-bridge', 'main.ts')], {
    env: { ...process.env, RECOURS_DATA_DIR: dataDir, RECOURS_PORT: '0', RECOURS_STATIC_DIR: join(tmpdir(), 'nulle-part-recours') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise<BridgeProcess>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on('exit', () => reject(new Error(`bridge exited early: ${out}`)));
  });
}

export function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** `size` bytes made chunk by chunk (`chunk(offset, length)`) as the socket takes them: the test never holds the file. */
export function generated(size: number, chunk: (offset: number, length: number) => Buffer, onSent: (sent: number) => void = () => {}): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= size) return void this.push(null);
      const next = chunk(sent, Math.min(MB, size - sent));
      sent += next.length;
      onSent(sent);
      this.push(next);
    },
  });
}

/** An MP4's first box, then random bytes (incompressible, like a real video). */
const FTYP = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');
export function video(offset: number, length: number): Buffer {
  const chunk = randomFillSync(Buffer.allocUnsafe(length));
  if (offset === 0) FTYP.copy(chunk);
  return chunk;
}
