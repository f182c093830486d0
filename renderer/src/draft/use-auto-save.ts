/**
 * Saves as the user types: every change schedules a save after a short pause; one save at a time, and the last
 * state typed is always the one saved in the end. No save button.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { userMessage } from '../api/errors.js';

export type SaveState =
  | { kind: 'saved'; at: string | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string };

export const SAVE_DELAY_MS = 300;

export function useAutoSave<T>(
  initial: T,
  save: (value: T) => Promise<{ updatedAt?: string } | void>,
  options: { initialSavedAt?: string | null; delayMs?: number; what?: string } = {},
) {
  const [value, setValue] = useState(initial);
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: options.initialSavedAt ?? null });
  const latest = useRef(initial);
  const saved = useRef(initial);
  const running = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;
  const delay = options.delayMs ?? SAVE_DELAY_MS;
  const what = options.what ?? 'l’enregistrement';

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    while (running.current) await running.current;
    if (latest.current === saved.current) return;
    const toSave = latest.current;
    setState({ kind: 'saving' });
    const run = (async () => {
      try {
        const result = await saveRef.current(toSave);
        saved.current = toSave;
        setState(latest.current === toSave ? { kind: 'saved', at: (result && result.updatedAt) ?? new Date().toISOString() } : { kind: 'pending' });
      } catch (error) {
        setState({ kind: 'error', message: userMessage(error, what) });
        throw error;
      }
    })();
    running.current = run.catch(() => undefined).finally(() => {
      running.current = null;
    });
    await run;
    // Typed while saving: save that too.
    if (latest.current !== saved.current) await flush();
  }, [what]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      flush().catch(() => undefined);
    }, delay);
  }, [delay, flush]);

  /** Replaces the value (a user's edit): saved after the pause. */
  const change = useCallback(
    (next: T) => {
      latest.current = next;
      setValue(next);
      setState((s) => (s.kind === 'saving' ? s : { kind: 'pending' }));
      schedule();
    },
    [schedule],
  );

  /** Takes a value core already holds (after adding a file, marking a letter sent): nothing to save. */
  const adopt = useCallback((next: T, alreadySaved: T) => {
    const hadUnsaved = latest.current !== saved.current;
    latest.current = next;
    saved.current = hadUnsaved ? alreadySaved : next;
    setValue(next);
    if (hadUnsaved) schedule();
  }, [schedule]);

  // Leaving the screen never loses the last keystrokes.
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        timer.current = null;
        flush().catch(() => undefined);
      }
    },
    [flush],
  );

  /** Something typed is not saved yet (closing the page then asks first). */
  const hasUnsaved = useCallback(() => latest.current !== saved.current, []);

  return { value, state, change, flush, adopt, latest, hasUnsaved };
}
