/**
 * The `recours` command line: scripting, tests and machines without a display.
 * Exit codes: 0 done; 1 the case is invalid or incomplete; 2 the command was misused.
 */
import { createRequire } from 'node:module';
import { UsageError, type Io } from './command.js';
import { COMMANDS } from './commands/index.js';

export type { Io } from './command.js';

const defaultIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** The usage text: every command's lines (loading each command module, which imports its heavy parts only when run). */
export async function usage(): Promise<string> {
  const commands = await Promise.all(COMMANDS.map((c) => c.load()));
  return `Usage :\n${commands.map((c) => c.usage).join('\n')}\n  recours --help | --version`;
}

function version(): string {
  // package.json sits two folders up, from cli/ in source and from dist/cli/ once compiled.
  const require = createRequire(import.meta.url);
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const pkg = require(path) as { name?: string; version?: string };
      if (pkg.name === 'recours' && pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return 'inconnue';
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === '--version' || name === '-v') {
      io.out(`recours ${version()}`);
      return 0;
    }
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.out(await usage());
      return name === undefined ? 2 : 0;
    }
    const entry = COMMANDS.find((c) => c.name === name);
    if (!entry) throw new UsageError(`commande inconnue « ${name} »`);
    return await (await entry.load()).run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`Erreur : ${e.message}.`);
      io.err(await usage());
      return 2;
    }
    io.err(`Erreur : ${(e as Error).message}`);
    return 1;
  }
}
