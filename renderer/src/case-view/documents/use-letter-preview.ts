/**
 * The preview follows every keystroke without piling up requests: one request at a time, and when it answers,
 * the latest draft is sent if it changed meanwhile. The screen always ends on the last state typed.
 */
import { useEffect, useRef, useState } from 'react';
import type { ApiResults } from '../../../../core/common/api/contract.js';
import { useApi } from '../../api/api-context.js';
import { userMessage } from '../../api/errors.js';
import type { Draft } from '../../draft/paths.js';

type Preview = ApiResults['previewLetter'];

export function useLetterPreview(caseId: string, templateId: string | null, draft: Draft) {
  const api = useApi();
  const [preview, setPreview] = useState<{ templateId: string; result: Preview } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const wanted = useRef<{ templateId: string; draft: Draft } | null>(null);
  const running = useRef(false);
  const alive = useRef(true);
  const current = useRef(templateId);
  current.current = templateId;

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  useEffect(() => {
    if (!templateId) return;
    wanted.current = { templateId, draft };
    if (running.current) return;
    running.current = true;
    setBusy(true);
    void (async () => {
      while (wanted.current && alive.current) {
        const request = wanted.current;
        wanted.current = null;
        try {
          const result = await api.previewLetter({ id: caseId, templateId: request.templateId, draft: request.draft });
          if (alive.current && request.templateId === current.current) {
            setPreview({ templateId: request.templateId, result });
            setError(null);
          }
        } catch (e) {
          if (alive.current) setError(userMessage(e, 'l’aperçu de la lettre'));
        }
      }
      running.current = false;
      if (alive.current) setBusy(false);
    })();
  }, [api, caseId, templateId, draft]);

  return { preview: preview && preview.templateId === templateId ? preview.result : null, error, busy };
}
