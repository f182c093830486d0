/**
 * Text typed but not saved yet (a journal entry half written, a draft whose save has not gone through), kept per
 * browser tab in sessionStorage: switching tabs or reloading the page brings it back. Each tab keeps its own, so
 * two windows on one case never mix their unsaved text.
 */
import { useCallback, useEffect, useState } from 'react';

const PREFIX = 'recours:non-enregistre:';

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage refused (privacy settings): the text is only kept on screen
  }
}

export function readKept<T>(key: string): T | null {
  const raw = storage()?.getItem(PREFIX + key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function keep(key: string, value: unknown): void {
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Quota reached: the text stays on screen, and closing the page still warns.
  }
}

export function forget(key: string): void {
  storage()?.removeItem(PREFIX + key);
}

/** Whether some text of this tab is not saved yet: closing the page then asks first. */
export function hasKeptText(): boolean {
  const s = storage();
  if (!s) return false;
  for (let i = 0; i < s.length; i += 1) if (s.key(i)?.startsWith(PREFIX)) return true;
  return false;
}

/**
 * State of a form that survives its component: restored from the tab's storage, kept there while it holds
 * something typed (`typed`), forgotten once empty again.
 */
export function useKeptState<T>(key: string, initial: () => T, typed: (value: T) => boolean): [T, (next: T | ((previous: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => readKept<T>(key) ?? initial());
  useEffect(() => {
    if (typed(value)) keep(key, value);
    else forget(key);
  }, [key, value, typed]);
  const set = useCallback((next: T | ((previous: T) => T)) => setValue(next), []);
  return [value, set];
}

/** Closing or reloading the page with unsaved text asks first (the browser shows its own question). */
export function useWarnBeforeLeaving(unsaved: () => boolean): void {
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (!unsaved() && !hasKeptText()) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
}
