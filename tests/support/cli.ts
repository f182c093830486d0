/** The `recours` command run in-process, as the CLI tests drive it: its exit code and what it printed. */
import { main } from '../../cli/main.js';

type Show = (text: string) => string;
const asPrinted: Show = (text) => text;

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/**
 * A runner of `recours ARGS…`; `show` turns what was printed into what a test compares (no-break spaces as plain
 * ones, say), for both streams or for each.
 */
export function cliRunner(show: Show | { out?: Show; err?: Show } = asPrinted) {
  const { out: showOut = asPrinted, err: showErr = asPrinted } = typeof show === 'function' ? { out: show, err: show } : show;
  return async (...args: string[]): Promise<CliResult> => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: showOut(out.join('\n')), err: showErr(err.join('\n')) };
  };
}
