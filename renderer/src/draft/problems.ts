/** Matching the problems core reports (with their field paths) to the fields that show them. */
import type { Problem } from '../../../core/common/case/validate.js';

export type { Problem };

export function problemsAt(problems: readonly Problem[], path: string): Problem[] {
  return problems.filter((p) => p.path === path);
}

/** The message without its « Date de commande (order.date) : » prefix: next to the field, its label already says it. */
export function messageForField(problem: Problem): string {
  const marker = `(${problem.path}) : `;
  const at = problem.message.indexOf(marker);
  const text = at >= 0 ? problem.message.slice(at + marker.length) : problem.message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The id of the element showing a field, from its path: « champ-order-items-0-unitPrice ». */
export function fieldId(path: string): string {
  return `champ-${path.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;
}
