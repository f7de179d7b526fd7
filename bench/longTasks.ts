// Main-thread long tasks (> 50 ms) seen by the page, via PerformanceObserver: the benchmarks' measure of stalls.
import type { Page } from 'playwright-core';

type Tasks = { longTasks: number[] };

export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as Tasks;
    w.longTasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
  });
}

export const longestTask = (page: Page): Promise<number> => page.evaluate(() => Math.max(0, ...(window as unknown as Tasks).longTasks));
export const resetLongTasks = (page: Page): Promise<void> => page.evaluate(() => void ((window as unknown as Tasks).longTasks = []));
