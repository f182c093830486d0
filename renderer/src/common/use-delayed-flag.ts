import { useEffect, useState } from 'react';

/** True once `active` has stayed true for `delayMs`: progress appears only for what takes more than half a second. */
export function useDelayedFlag(active: boolean, delayMs = 500): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!active) {
      setShown(false);
      return undefined;
    }
    const timer = setTimeout(() => setShown(true), delayMs);
    return () => clearTimeout(timer);
  }, [active, delayMs]);
  return shown;
}
