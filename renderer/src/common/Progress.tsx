import { useDelayedFlag } from './use-delayed-flag.js';

/** « Production du PDF… » with an indeterminate bar, shown only when the work lasts more than half a second. */
export function Progress({ active, label, value, max }: { active: boolean; label: string; value?: number; max?: number }) {
  const shown = useDelayedFlag(active);
  return (
    <div className="progress" role="status" aria-live="polite">
      {shown && (
        <>
          <progress aria-label={label} value={value} max={max} />
          <span>{label}</span>
        </>
      )}
    </div>
  );
}
