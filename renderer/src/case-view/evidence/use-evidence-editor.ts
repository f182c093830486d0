/** Title, date and note of a piece are saved like the rest of the case: as typed, after a short pause. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EvidenceInfo, StoredCase } from '../../../../core/common/api/contract.js';
import { useApi } from '../../api/api-context.js';
import { userMessage } from '../../api/errors.js';

type Editable = { title: string; date: string; note: string };
const DELAY_MS = 400;

export function useEvidenceEditor(caseId: string, piece: EvidenceInfo, onSaved: (stored: StoredCase) => void) {
  const api = useApi();
  const [values, setValues] = useState<Editable>({ title: piece.title, date: piece.date ?? '', note: piece.note ?? '' });
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<Partial<Editable>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const send = useCallback(() => {
    timer.current = null;
    const changes = pending.current;
    pending.current = {};
    if (Object.keys(changes).length === 0) return;
    const params: Parameters<typeof api.updateEvidence>[0] = { id: caseId, evidenceId: piece.id };
    if (changes.title !== undefined && changes.title.trim() !== '') params.title = changes.title;
    if (changes.date !== undefined) params.date = changes.date === '' ? null : changes.date;
    if (changes.note !== undefined) params.note = changes.note.trim() === '' ? null : changes.note;
    api.updateEvidence(params).then(
      (stored) => {
        setError(null);
        onSavedRef.current(stored);
      },
      (e: unknown) => setError(userMessage(e, `l’enregistrement de la pièce « ${piece.title} »`)),
    );
  }, [api, caseId, piece.id, piece.title]);

  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        send();
      }
    },
    [send],
  );

  const change = (key: keyof Editable, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    pending.current = { ...pending.current, [key]: value };
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(send, DELAY_MS);
  };
  const titleMissing = values.title.trim() === '';
  return { values, change, error, titleMissing };
}
