/**
 * The chosen letter's missing facts and the conditions of its remedy that fail (core's checkTemplate on the draft
 * being typed): at once, then after each pause.
 */
import { useEffect, useRef, useState } from 'react';
import type { ConditionInfo } from '../../../../core/common/api/contract.js';
import { useApi } from '../../api/api-context.js';
import { userMessage } from '../../api/errors.js';
import type { Draft } from '../../draft/paths.js';
import type { Problem } from '../../draft/problems.js';

const CHECK_DELAY_MS = 200;

export function useMissingFacts(caseId: string, templateId: string | null, draft: Draft) {
  const api = useApi();
  const [result, setResult] = useState<{ templateId: string; problems: readonly Problem[]; conditions: readonly ConditionInfo[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const checkedOnce = useRef<string | null>(null);

  useEffect(() => {
    if (!templateId) return undefined;
    let live = true;
    const delay = checkedOnce.current === templateId ? CHECK_DELAY_MS : 0;
    const timer = setTimeout(() => {
      checkedOnce.current = templateId;
      api.checkTemplate({ id: caseId, templateId, draft }).then(
        (r) => {
          if (!live) return;
          setResult({ templateId, problems: r.problems, conditions: r.conditions });
          setError(null);
        },
        (e: unknown) => live && setError(userMessage(e, 'la vérification de la lettre')),
      );
    }, delay);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, caseId, templateId, draft]);

  const current = result && result.templateId === templateId ? result : null;
  return { problems: current?.problems ?? null, conditions: current?.conditions ?? [], error };
}
