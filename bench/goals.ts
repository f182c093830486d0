/**
 * The goals of the benchmarks, gathered: each benchmark reports its ratio here, and `npm run bench` prints them
 * all together at the end of one run (the file named by RECOURS_BENCH_RESULTS collects them across processes).
 */
import { appendFileSync, readFileSync } from 'node:fs';

export interface GoalResult {
  /** What is compared, in French, as the summary prints it. */
  name: string;
  /** Elapsed time of ours over the reference's. */
  ratio: number;
  /** The highest ratio that meets the goal. */
  goal: number;
  /** CPU time of ours over the reference's, where measured: on a loaded machine it says more than elapsed time. */
  cpuRatio?: number;
}

const RESULTS_FILE = 'RECOURS_BENCH_RESULTS';

/** Records a ratio for the summary of `npm run bench` (no-op when a benchmark runs on its own). */
export function reportGoal(result: GoalResult): void {
  const file = process.env[RESULTS_FILE];
  if (file) appendFileSync(file, `${JSON.stringify(result)}\n`);
}

const decimal = (n: number) => n.toFixed(2).replace('.', ',');

/** The summary lines, one per goal, in the order the benchmarks reported them. */
export function goalSummary(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as GoalResult)
    .map((r) => {
      const met = r.ratio <= r.goal ? 'atteint' : 'non atteint';
      const cpu = r.cpuRatio === undefined ? '' : `, CPU ${decimal(r.cpuRatio)}`;
      return `${r.name.padEnd(52)} ${decimal(r.ratio).padStart(6)}${cpu}   (objectif ≤ ${String(r.goal).replace('.', ',')} : ${met})`;
    });
}

export { RESULTS_FILE };
