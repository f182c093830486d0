/**
 * Static check of the fields a template names, against the view of a fully filled case:
 * every unknown field is reported with its line and column before anything is rendered.
 */
import type {} from 'handlebars'; // loads the global `hbs` AST types
import { BUILTIN_HELPERS, HELPERS } from './helpers.js';
import { buildView } from './view-model.js';
import { REFERENCE_CASE } from './reference-case.js';

type AST = hbs.AST.Program;
type Node = hbs.AST.Node;

export interface FieldReference {
  /** A field that the view of a case does not have, or a function (helper) that does not exist. */
  kind: 'field' | 'helper';
  path: string;
  line: number;
  /** 0-based, as Handlebars reports it. */
  column: number;
}

const HELPER_NAMES = new Set<string>([...Object.keys(HELPERS), ...BUILTIN_HELPERS]);
const CONTEXT_HELPERS = new Set(['each', 'with']);
const DATA_VARIABLES = new Set(['index', 'first', 'last', 'key', 'root']);

let reference: unknown;
/** The view of a fully filled case: the fields a template may name (the template cache keys its entries on it too). */
export function referenceView(): unknown {
  reference ??= buildView(REFERENCE_CASE, { today: '2026-11-25', defaultResponseDays: 8 });
  return reference;
}

/** Follows `parts` into a shape; undefined when a part does not exist. Arrays stand for their items. */
function resolve(shape: unknown, parts: readonly string[]): { found: boolean; shape: unknown } {
  let cur = shape;
  for (const part of parts) {
    if (Array.isArray(cur)) {
      if (part === 'length') return { found: true, shape: 0 };
      cur = cur[0];
    }
    if (cur === null || typeof cur !== 'object' || !(part in (cur as object))) return { found: false, shape: undefined };
    cur = (cur as Record<string, unknown>)[part];
  }
  return { found: true, shape: cur };
}

export function checkFieldReferences(ast: AST): FieldReference[] {
  const problems: FieldReference[] = [];
  const root = referenceView();

  const checkPath = (p: hbs.AST.PathExpression, stack: unknown[]): unknown => {
    const at = { line: p.loc.start.line, column: p.loc.start.column };
    if (p.data) {
      const [head, ...rest] = p.parts;
      if (head === 'root') {
        const r = resolve(root, rest);
        if (!r.found) problems.push({ kind: 'field', path: p.original, ...at });
        return r.shape;
      }
      if (!DATA_VARIABLES.has(head ?? '')) problems.push({ kind: 'field', path: p.original, ...at });
      return undefined;
    }
    const context = stack[stack.length - 1 - p.depth];
    if (p.parts.length === 0) return context; // this, .
    const r = resolve(context, p.parts);
    if (!r.found) problems.push({ kind: 'field', path: p.original, ...at });
    return r.shape;
  };

  const checkHelperName = (path: hbs.AST.PathExpression | hbs.AST.Literal) => {
    if (path.type !== 'PathExpression') return;
    const p = path as hbs.AST.PathExpression;
    if (!HELPER_NAMES.has(p.original)) {
      problems.push({ kind: 'helper', path: p.original, line: p.loc.start.line, column: p.loc.start.column });
    }
  };

  const checkExpr = (e: hbs.AST.Expression, stack: unknown[]): unknown => {
    if (e.type === 'PathExpression') return checkPath(e as hbs.AST.PathExpression, stack);
    if (e.type === 'SubExpression') {
      const s = e as hbs.AST.SubExpression;
      checkHelperName(s.path);
      s.params.forEach((x) => checkExpr(x, stack));
      s.hash?.pairs.forEach((pair) => checkExpr(pair.value, stack));
    }
    return undefined;
  };

  const isHelperCall = (path: hbs.AST.PathExpression | hbs.AST.Literal, params: unknown[]): boolean =>
    path.type === 'PathExpression' && (HELPER_NAMES.has((path as hbs.AST.PathExpression).original) || params.length > 0);

  const walk = (node: Node | undefined | null, stack: unknown[]): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        (node as hbs.AST.Program).body.forEach((n) => walk(n, stack));
        break;
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        if (isHelperCall(m.path, m.params)) {
          checkHelperName(m.path);
          m.params.forEach((x) => checkExpr(x, stack));
          m.hash?.pairs.forEach((pair) => checkExpr(pair.value, stack));
        } else checkExpr(m.path as hbs.AST.Expression, stack);
        break;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        const name = (b.path as hbs.AST.PathExpression).original;
        const shapes = b.params.map((x) => checkExpr(x, stack));
        b.hash?.pairs.forEach((pair) => checkExpr(pair.value, stack));
        let inner = stack;
        if (CONTEXT_HELPERS.has(name)) {
          const target = shapes[0];
          inner = [...stack, name === 'each' && Array.isArray(target) ? target[0] : target];
        } else if (!HELPER_NAMES.has(name)) {
          checkPath(b.path as hbs.AST.PathExpression, stack);
        }
        walk(b.program, inner);
        walk(b.inverse, stack);
        break;
      }
      default:
        break;
    }
  };

  walk(ast, [root]);
  return problems;
}
