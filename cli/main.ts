/**
 * The `recours` command line: scripting, tests and machines without a display.
 * Exit codes: 0 done; 1 the case is invalid or incomplete; 2 the command was misused.
 */
import { UsageError, type Io } from './command.js';
import { COMMANDS } from './commands/index.js';
import { isVersionRequest, versionLine } from './version.js';

export type { Io } from './command.js';

/**
 * Lines to a standard stream. A reader that stops early (`recours templates | head -1`) closes the pipe: what is left
 * is dropped quietly, as Unix tools do, instead of a crash with a stack trace; the command keeps its exit code.
 */
function lineWriter(stream: NodeJS.WriteStream): (line: string) => void {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    closed = true;
  });
  return (line) => {
    if (!closed) stream.write(`${line}\n`);
  };
}

let processIo: Io | undefined;
/** The process's own streams, set up on first use (not when a test imports this module). */
const defaultIo = (): Io => (processIo ??= { out: lineWriter(process.stdout), err: lineWriter(process.stderr) });

/** The usage text: every command's lines (loading each command module, which imports its heavy parts only when run). */
export async function usage(): Promise<string> {
  const commands = await Promise.all(COMMANDS.map((c) => c.load()));
  return `Usage :\n${commands.map((c) => c.usage).join('\n')}\n  recours --help | --version`;
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (isVersionRequest(argv)) {
      io.out(versionLine());
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
