// Main-thread long tasks (> 50 ms) seen by the page, via PerformanceObserver: the benchmarks' measure of stalls.
import type { Page } from 'playwright-core';

type Tasks = { longTasks: number[]; longTaskSpans: [start: number, duration: number][]; mapDrawStarts: number[] };

export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as Tasks;
    w.longTasks = [];
    w.longTaskSpans = [];
    new PerformanceObserver((l) =>
      l.getEntries().forEach((e) => (w.longTasks.push(e.duration), w.longTaskSpans.push([e.startTime, e.duration]))),
    ).observe({ type: 'longtask' });
  });
}

export const longestTask = (page: Page): Promise<number> =>
  page.evaluate(() => Math.max(0, ...(window as unknown as Tasks).longTasks));
export const resetLongTasks = (page: Page): Promise<void> =>
  page.evaluate(() => void ((window as unknown as Tasks).longTasks = []));

/** Notes each time the map starts drawing new data (its container's data-map-ready turns "false"). */
export async function watchMapDraws(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as Tasks;
    w.mapDrawStarts = [];
    const map = document.querySelector<HTMLElement>('[data-testid="map"]')!;
    new MutationObserver(() => {
      if (map.dataset.mapReady === 'false') w.mapDrawStarts.push(performance.now());
    }).observe(map, { attributes: true, attributeFilter: ['data-map-ready'] });
  });
}

/**
 * The longest task of the map's last draw: tasks overlapping the time from when the map last began drawing new data
 * (the task that hands it the data included) to when it reported the data drawn (`data-ready-at`).
 */
export const longestTaskOfLastDraw = (page: Page): Promise<{ ms: number; drawMs: number }> =>
  page.evaluate(() => {
    const w = window as unknown as Tasks;
    const readyAt = Number(document.querySelector('[data-testid="map"]')!.getAttribute('data-ready-at'));
    const start = Math.max(...w.mapDrawStarts.filter((t) => t <= readyAt));
    const ms = Math.max(0, ...w.longTaskSpans.filter(([s, d]) => s + d >= start && s <= readyAt).map(([, d]) => d));
    return { ms, drawMs: readyAt - start };
  });
