// Work cut into steps, each run as a task of its own, so the page can paint and take input between them (a task over
// 100 ms is a stall the user feels). The steps stop when `still()` turns false: newer data is on its way to the map.

export function runInTasks(steps: readonly (() => void)[], still: () => boolean): void {
  let next = 0;
  const run = (): void => {
    if (next >= steps.length || !still()) return;
    steps[next++]!();
    setTimeout(run, 0);
  };
  setTimeout(run, 0);
}
