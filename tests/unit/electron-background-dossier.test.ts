/**
 * The dossier as the desktop app makes it: core's generateDocument hands the assembly to the background
 * assembler (core-services.ts), which runs core's real assembler on the other side of a message boundary
 * (structured clones, as between Electron's main and utility processes), reports progress, and can be cancelled.
 */
import type { CaseFile } from '../../core/common/case/schema.js';
import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StoredCase } from '../../core/common/api/contract.js';
import { createMemorySettingsStore } from '../../core/node/settings/index.js';
import { assembleInBackground, createCore } from '../../electron/main/core-services.js';
import { runDossierJob } from '../../electron/main/jobs/dossier-job.js';
import { CANCELLED_MESSAGE, createJobHost, type JobHost, type WorkerProcess } from '../../electron/main/jobs/job-host.js';
import type { ToWorker } from '../../electron/main/jobs/protocol.js';
import { createWorkerRuntime } from '../../electron/main/jobs/worker-runtime.js';
import { extractPdf, normaliseSpaces } from '../support/pdf-text.js';

const root = new URL('../..', import.meta.url).pathname;

/** Electron's utility process, played in memory: messages are cloned and delivered later, as over IPC. */
class InMemoryUtilityProcess extends EventEmitter implements WorkerProcess {
  private readonly deliver = createWorkerRuntime({ dossier: runDossierJob }, (m) => {
    const copy = structuredClone(m);
    setImmediate(() => this.emit('message', copy));
  });
  postMessage(message: ToWorker): void {
    const copy = structuredClone(message);
    setImmediate(() => this.deliver(copy));
  }
  kill(): boolean {
    this.emit('exit', 15);
    return true;
  }
}

describe('assembler handed to core', () => {
  it('maps progress, cancels its job when core’s signal aborts, and never starts when already aborted', async () => {
    let progress: ((p: { done: number; total: number; label: string }) => void) | undefined;
    let release: (value: unknown) => void = () => {};
    const jobs: Pick<JobHost, 'run' | 'cancel'> = {
      run: vi.fn((_kind, _params, _jobId, onProgress) => {
        progress = onProgress;
        return new Promise((resolve) => (release = resolve));
      }),
      cancel: vi.fn(() => true),
    };
    const onProgress = vi.fn();
    const controller = new AbortController();
    const input = { caseFile: {} as CaseFile, caseDir: '/d', letterPdf: new Uint8Array([1]), letterTitle: 'Lettre', today: '2026-11-25' };
    const result = assembleInBackground(jobs, { ...input, onProgress, signal: controller.signal });
    expect(jobs.run).toHaveBeenCalledWith('dossier', input, expect.stringMatching(/^dossier-/), expect.any(Function));
    progress?.({ done: 1, total: 4, label: 'Pièce n° 1 : facture.pdf' });
    expect(onProgress).toHaveBeenCalledWith(1, 4, 'Pièce n° 1 : facture.pdf');
    controller.abort();
    const jobId = vi.mocked(jobs.run).mock.calls[0]?.[2];
    expect(jobs.cancel).toHaveBeenCalledWith(jobId);
    release('fin');
    expect(await result).toBe('fin');

    const aborted = new AbortController();
    aborted.abort();
    await expect(assembleInBackground(jobs, { ...input, signal: aborted.signal })).rejects.toMatchObject({ payload: { message: CANCELLED_MESSAGE } });
    expect(jobs.run).toHaveBeenCalledTimes(1);
  });
});

describe('dossier generated through core, assembled in the background', () => {
  let dataDir = '';
  let jobs: JobHost;
  let core: ReturnType<typeof createCore>;
  let stored: StoredCase;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'recours-background-'));
    jobs = createJobHost({ spawn: () => new InMemoryUtilityProcess(), log: vi.fn() });
    core = createCore({ dataDir, settings: createMemorySettingsStore(), jobs, log: vi.fn() });
    const created = (await core.call('createCase', { disputeType: 'non-delivery', markedDelivered: true })) as StoredCase;
    const example = JSON.parse(await readFile(join(root, 'examples', 'ordinateur-livre-jamais-recu.json'), 'utf8')) as Record<string, unknown>;
    delete example.evidence;
    await core.call('saveCase', { id: created.id, draft: example });
    for (const piece of ['confirmation-commande.txt', 'attestation-gardien.txt']) {
      stored = await core.host.addEvidenceFile(created.id, join(root, 'examples', 'pieces', piece));
    }
  });
  afterAll(async () => {
    jobs.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('records the letter and the dossier, with progress for each exhibit', async () => {
    const onProgress = vi.fn();
    const { document, warnings } = await core.host.generateDocument(
      { id: stored.id, templateId: 'mise-en-demeure-livraison', formats: ['pdf', 'dossier'] },
      { onProgress },
    );
    expect(warnings).toEqual([]);
    expect(document.files.map((f) => f.format)).toEqual(['pdf', 'bordereau-pdf', 'bordereau-docx', 'dossier']);
    // Labels come from core's assembler, with French no-break spaces: compared as a reader sees them.
    const labels = onProgress.mock.calls.map((c) => normaliseSpaces(c[2] as string));
    expect(labels[0]).toBe('Lecture des pièces');
    expect(labels).toContain('Pièce n° 1 : confirmation-commande.txt');
    expect(labels).toContain('Pièce n° 2 : attestation-gardien.txt');
    expect(labels.at(-1)).toBe('Dossier assemblé');
    const dossier = await core.host.documentPath(stored.id, document.id, 'dossier');
    const text = normaliseSpaces((await extractPdf(new Uint8Array(await readFile(dossier.path)))).text);
    expect(text).toContain('Mise en demeure');
    expect(text).toMatch(/Bordereau/i);
    expect(text).toContain('Pièce n° 2');
  });

  it('stops when cancelled, records nothing, and says so in French', async () => {
    const before = ((await core.call('getCase', { id: stored.id })) as StoredCase).documents.length;
    const controller = new AbortController();
    const generation = core.host.generateDocument(
      { id: stored.id, templateId: 'mise-en-demeure-livraison', formats: ['pdf', 'dossier'] },
      { signal: controller.signal, onProgress: () => controller.abort() },
    );
    await expect(generation).rejects.toMatchObject({ payload: { code: 'failed', message: CANCELLED_MESSAGE } });
    expect(((await core.call('getCase', { id: stored.id })) as StoredCase).documents).toHaveLength(before);
  });
});
