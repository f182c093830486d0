/** Timing helper shared by the benchmarks: warm-up runs, then the median and 90th percentile. */
export async function measure(label: string, fn: () => Promise<unknown>, runs = 40, warmup = 5): Promise<number> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? NaN;
  const p90 = times[Math.floor(times.length * 0.9)] ?? NaN;
  console.log(`${label.padEnd(44)} median ${median.toFixed(1).padStart(7)} ms   p90 ${p90.toFixed(1).padStart(7)} ms   (${runs} runs)`);
  return median;
}
