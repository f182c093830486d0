/** « Enregistré à 14 h 32 »: the auto-save state, announced politely to screen readers. */
import type { SaveState } from '../draft/use-auto-save.js';
import { timeOfDay } from './format.js';

function text(state: SaveState): string {
  switch (state.kind) {
    case 'pending':
      return 'Modifications en cours…';
    case 'saving':
      return 'Enregistrement…';
    case 'saved':
      return state.at ? `Enregistré à ${timeOfDay(state.at)}` : 'Enregistré';
    case 'error':
      return state.message;
  }
}

export function SaveStatus({ state }: { state: SaveState }) {
  return (
    <p className={`save-status save-${state.kind}`} role={state.kind === 'error' ? 'alert' : 'status'} aria-live={state.kind === 'error' ? 'assertive' : 'polite'}>
      {text(state)}
    </p>
  );
}
