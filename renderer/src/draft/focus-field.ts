/**
 * Puts the focus on the field that shows a path: the exact field, else the first field under it
 * (« order » → the first order field), else the nearest parent's field. Opens a closed <details> on the way.
 */
import { parsePath } from './paths.js';

function parentPath(path: string): string | null {
  const m = /^(.*)(?:\.[^.[\]]+|\[\d+\])$/.exec(path);
  return m && m[1] ? m[1] : null;
}

function find(root: ParentNode, path: string): HTMLElement | null {
  const fields = Array.from(root.querySelectorAll<HTMLElement>('[data-field-path]'));
  return (
    fields.find((el) => el.dataset.fieldPath === path) ??
    fields.find((el) => {
      const p = el.dataset.fieldPath ?? '';
      return p.startsWith(`${path}.`) || p.startsWith(`${path}[`);
    }) ??
    null
  );
}

export function focusField(root: ParentNode, path: string): boolean {
  let current: string | null = path;
  while (current !== null && parsePath(current).length > 0) {
    const el = find(root, current);
    if (el) {
      for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
      el.focus();
      el.scrollIntoView?.({ block: 'center' });
      return true;
    }
    current = parentPath(current);
  }
  return false;
}
