/** Which facts a template needs that the case does not give: all reported at once, before rendering. */
import type { CaseFile } from '../case/schema.js';
import { FIELD_LABELS } from '../case/labels.js';
import type { Problem } from '../case/validate.js';
import type { TemplateMeta } from '../templates/metadata.js';
import { recipientProblems } from './recipients.js';

function present(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function valueAtPath(data: unknown, path: string): unknown {
  let cur: unknown = data;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

export function missingFacts(c: CaseFile, meta: Pick<TemplateMeta, 'requires' | 'title'> & Partial<Pick<TemplateMeta, 'recipient'>>): Problem[] {
  const fromRequires = meta.requires
    .filter((path) => !present(valueAtPath(c, path)))
    .map((path) => {
      const label = FIELD_LABELS[path] ?? path;
      return {
        path,
        message: `${label[0]?.toUpperCase()}${label.slice(1)} (${path}) : nécessaire pour « ${meta.title} »`,
      };
    });
  // The party the letter is addressed to (bank, mediator, court…), unless `requires` already names it.
  const toRecipient = recipientProblems(c, { title: meta.title, recipient: meta.recipient ?? 'respondent' });
  return [...fromRequires, ...toRecipient.filter((p) => !fromRequires.some((q) => q.path === p.path))];
}
