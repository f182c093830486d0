/**
 * CPU time of the child processes this process has waited for (Linux: /proc/self/stat's cutime and cstime, in clock
 * ticks of 10 ms), so that a benchmark can say how much CPU a whole command took, its own children included.
 */
import { readFileSync } from 'node:fs';

const TICK_MS = 10;

export function childCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // cutime and cstime are fields 16 and 17 of the line; the slice starts at field 3.
  return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
}
