// Where the page's long tasks go during an upload: a CPU profile of the page (DevTools protocol) from the upload to
// the map drawn (the app built unminified, so functions keep their names), each main-thread task over 50 ms listed with the functions that took most of its time (self time of
// the samples inside it). A diagnostic for the "no task over 100 ms" target of bench:import-browser, not a benchmark.
// With INTERACT=1 the profile goes on through what a planner then does (bench/mapInteractions.ts: filter, pan, zoom,
// click at city scale, then at street scale), and each task is named by the step it fell in.
// Usage: npx tsx bench/profileLongTasks.ts [rows]   (default 300 000; load average inflates every figure)
//        FILE=sites.csv npx tsx bench/profileLongTasks.ts   (a CSV of one's own instead of the generated city)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchSitesCsv } from './generatedSites';
import { withServedApp } from './servedApp';
import { watchLongTasks } from './longTasks';
import { clickLongestTaskMs, filterChange, goToStreet, panLongestTaskMs, zoomLongestTaskMs } from './mapInteractions';

const { text, rows } = benchSitesCsv(Number(process.argv[2] ?? 300_000));
const path = join(mkdtempSync(join(tmpdir(), 'usrm-profile-')), 'large.csv');
writeFileSync(path, text);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

await withServedApp(
  async (page) => {
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 120_000 });
    await page.waitForTimeout(1500);
    await watchLongTasks(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    // a marker the profile and the page both see: a named busy loop at a known performance.now(), to align the clocks
    // (a string: the bundler's function-name helper does not exist in the page)
    const markAt = await page.evaluate<number>(`(() => {
    const at = performance.now();
    function clockMarker() { const end = performance.now() + 20; while (performance.now() < end); }
    clockMarker();
    return at;
  })()`);
    await page.getByLabel(/上传风险点\/场所文件/).setInputFiles(path);
    await page.getByRole('region', { name: '导入报告 large.csv' }).waitFor({ timeout: 900_000 });
    await page.getByRole('progressbar', { name: '评估进度' }).waitFor({ state: 'detached', timeout: 900_000 });
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 900_000 });
    await page.waitForTimeout(1000);
    // each step's start on the page's clock, to name the step a task fell in
    const steps: [name: string, at: number][] = [['upload → drawn', markAt]];
    const step = async (name: string, run: () => Promise<unknown>) => {
      steps.push([name, await page.evaluate(() => performance.now())]);
      await run();
    };
    if (process.env.INTERACT) {
      await step('city: filter', () => filterChange(page));
      await step('city: pan', () => panLongestTaskMs(page));
      await step('city: zoom', () => zoomLongestTaskMs(page));
      await step('city: click', () => clickLongestTaskMs(page));
      await step('street: link', () => goToStreet(page));
      await step('street: pan', () => panLongestTaskMs(page));
      await step('street: zoom', () => zoomLongestTaskMs(page));
      await step('street: click', () => clickLongestTaskMs(page));
      await step('street: filter', () => filterChange(page));
    }
    const stepOf = (at: number) => steps.filter(([, s]) => s <= at).pop()?.[0] ?? '';
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile)); // for a closer look (DevTools loads it)
    const spans = await page.evaluate(() => (window as unknown as { longTaskSpans: [number, number][] }).longTaskSpans);
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parentOf = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
    const times: number[] = [];
    let t = profile.startTime;
    for (const d of profile.timeDeltas) times.push((t += d));
    const firstMark = profile.samples.findIndex((id) => byId.get(id)!.callFrame.functionName === 'clockMarker');
    if (firstMark < 0) throw new Error('the clock marker is not in the profile');
    const pageMs = (us: number) => (us - times[firstMark]!) / 1000 + markAt;
    console.log(`${rows.toLocaleString()} rows; ${spans.length} long tasks`);
    for (const [start, duration] of [...spans].sort((a, b) => b[1] - a[1]).slice(0, process.env.INTERACT ? 16 : 8)) {
      const self = new Map<string, number>();
      profile.samples.forEach((id, i) => {
        const at = pageMs(times[i]!);
        if (at < start || at > start + duration) return;
        const name = (n: ProfileNode | undefined) =>
          n
            ? `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`
            : '';
        const node = byId.get(id)!;
        const caller = name(byId.get(parentOf.get(node.id) ?? -1));
        const key = `${name(node)}${caller ? `  ← ${caller}` : ''}`;
        self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
      });
      const top = [...self]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([k, ms]) => `    ${ms.toFixed(0).padStart(5)} ms ${k}`);
      console.log(
        `task at ${(start / 1000).toFixed(2)} s (${stepOf(start)}), ${duration.toFixed(0)} ms:\n${top.join('\n') || '    (no samples inside: clocks not aligned?)'}`,
      );
    }
  },
  { minify: false },
);
