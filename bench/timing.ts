// Benchmarks time each measured call three times and report the median: this VM's timings vary run to run.
export function medianOfThree<T>(fn: () => T): { result: T; ms: number } {
  let result!: T;
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  return { result, ms: times.sort((a, b) => a - b)[1]! };
}
