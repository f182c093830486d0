/**
 * How zod should parse with a schema. On an object schema's first fast parse, zod writes and compiles a parser for
 * its shape (`new Function`), which pays back only over many parses: the app validates the same case again and
 * again, a command validates it once or twice — and a letter from the command line paid ~10 ms for the case's parsers.
 * So a schema's first parses in a process go without (`jitless`, the same checks and results); later ones get the
 * compiled parser.
 */
const INTERPRETED_PARSES = 3;

const parses = new WeakMap<object, number>();

export function parseContext(schema: object): { jitless: true } | undefined {
  const count = parses.get(schema) ?? 0;
  if (count >= INTERPRETED_PARSES) return undefined;
  parses.set(schema, count + 1);
  return { jitless: true };
}
