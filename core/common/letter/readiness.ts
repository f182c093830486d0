/**
 * Can this letter be produced, and what is missing: the one answer the CLI (`check --template`, `generate`), the API
 * (check, preview, production) and the UI all show. Format problems first, then the facts the letter needs, the
 * dispute types it serves, and the conditions of its remedy (core/common/letter/conditions.ts).
 */
import { DISPUTE_LABELS } from '../case/labels.js';
import type { CaseFile, DisputeType } from '../case/schema.js';
import { validateCase, type Problem } from '../case/validate.js';
import { servesDispute, type TemplateMeta } from '../templates/metadata.js';
import { failedConditions, type ConditionFailure } from './conditions.js';
import { missingFacts } from './requirements.js';

export type ReadinessMeta = Pick<TemplateMeta, 'title' | 'requires' | 'disputes' | 'conditions'> & Partial<Pick<TemplateMeta, 'recipient'>>;

export interface LetterReadiness {
  /** The case, when it is valid. */
  caseFile: CaseFile | null;
  /** Format problems and the facts the letter needs: the letter cannot be produced while there are any. */
  problems: Problem[];
  /** The letter is not written for this type of dispute (said, not blocking: a user may adapt it). */
  mismatch: Problem | null;
  /** Conditions of the remedy that fail on the case (checked only on a valid case): production needs --force. */
  conditions: ConditionFailure[];
}

function disputeMismatch(draft: unknown, meta: ReadinessMeta): Problem | null {
  const type = (draft as { dispute?: { type?: unknown } } | null)?.dispute?.type;
  if (typeof type !== 'string' || servesDispute(meta, type)) return null;
  const label = DISPUTE_LABELS[type as DisputeType] ?? type;
  return { path: 'dispute.type', message: `Type de litige (dispute.type) : « ${meta.title} » ne traite pas le cas « ${label} »` };
}

/** Everything that keeps `meta`'s letter from being produced from `draft` (a case being typed, or a loaded case) on `today`. */
export function letterReadiness(draft: unknown, meta: ReadinessMeta, today: string): LetterReadiness {
  const validation = validateCase(draft);
  const problems: Problem[] = validation.ok ? [] : [...validation.problems];
  const seen = problems.map((p) => p.path);
  // missingFacts only reads paths: it works on an incomplete draft too. A fact already reported as wrong is not repeated.
  for (const p of missingFacts(draft as CaseFile, meta)) {
    if (!seen.some((path) => path === p.path || path.startsWith(`${p.path}.`) || path.startsWith(`${p.path}[`))) problems.push(p);
  }
  const caseFile = validation.ok ? validation.value : null;
  return {
    caseFile,
    problems,
    mismatch: disputeMismatch(draft, meta),
    conditions: caseFile ? failedConditions(caseFile, meta.conditions, today) : [],
  };
}

/** « Modèle qui convient : … » for a failure, with the title of the template that serves when the catalogue has it. */
export function conditionAdvice(failure: ConditionFailure, titleOf: (templateId: string) => string | undefined): string {
  if (!failure.instead) return failure.message;
  const title = titleOf(failure.instead);
  return `${failure.message} Lettre qui convient : « ${title ?? failure.instead} » (modèle « ${failure.instead} »).`;
}
