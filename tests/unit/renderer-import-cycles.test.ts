/**
 * The renderer's modules import each other without a circle (issue 13 named one: the missing-fact links imported
 * the case screen to learn which tab holds a field; that routing now lives with the routes). Type-only imports
 * count too: a circle of types is still a knot in the design.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..', 'renderer', 'src');

function sources(): string[] {
  return readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => join(ROOT, f));
}

/** The renderer files a module imports (relative imports inside renderer/src). */
function importsOf(file: string, known: Set<string>): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/\bfrom\s+['"](\.[^'"]+)['"]/g)) {
    const base = resolve(dirname(file), (m[1] as string).replace(/\.js$/, ''));
    const target = [`${base}.ts`, `${base}.tsx`].find((c) => known.has(c));
    if (target) found.push(target);
  }
  return found;
}

function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    if (!state.has(node)) {
      const cycle = visit(node);
      if (cycle) return cycle;
    }
  }
  return null;
}

describe('renderer imports', () => {
  it('finds a circle when there is one (the check itself can fail)', () => {
    expect(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(new Map([['a', ['b']], ['b', []]]))).toBeNull();
  });

  it('has no circle', () => {
    const files = sources();
    const known = new Set(files);
    const graph = new Map(files.map((f) => [f, importsOf(f, known)]));
    expect(graph.size).toBeGreaterThan(50);
    expect(findCycle(graph)?.map((f) => relative(ROOT, f)) ?? null).toBeNull();
  });
});
