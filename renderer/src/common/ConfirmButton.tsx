/**
 * A button for what cannot be undone (delete, remove): it first asks, in place, with the safe choice focused.
 * Escape or « Annuler » gives the focus back to the button.
 */
import { useEffect, useId, useRef, useState } from 'react';

interface Props {
  label: string;
  /** Accessible name when the visible label is not specific enough (« Supprimer le dossier … »). */
  ariaLabel?: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void | Promise<void>;
  className?: string;
}

export function ConfirmButton({ label, ariaLabel, question, confirmLabel, onConfirm, className }: Props) {
  const [asking, setAsking] = useState(false);
  const questionId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) cancelRef.current?.focus();
    else if (wasAsking.current) openerRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button ref={openerRef} type="button" className={className ?? 'button-quiet'} aria-label={ariaLabel} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div
      className="confirm"
      role="alertdialog"
      aria-labelledby={questionId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setAsking(false);
      }}
    >
      <p id={questionId}>{question}</p>
      <button type="button" className="button-danger" onClick={() => void onConfirm()}>
        {confirmLabel}
      </button>
      <button ref={cancelRef} type="button" className="button-quiet" onClick={() => setAsking(false)}>
        Annuler
      </button>
    </div>
  );
}
