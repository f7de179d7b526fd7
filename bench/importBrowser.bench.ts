// The import in the browser: a generated CSV uploaded through the app's own file input, read in the Web Worker.
// Prints rows per second (upload → import report shown) and the longest main-thread task meanwhile (target: none
// over 100 ms), against the same file imported in Node in this process as the baseline; then the assessment, the
// map's draw, and a filter, pan, zoom and click at city and street scale, each with its longest task.
// Usage: npm run bench:import-browser   (or npx tsx bench/importBrowser.bench.ts [rows])
//        FILE=sites.csv npx tsx bench/importBrowser.bench.ts   (a CSV of one's own instead, e.g. bench/pointPairsCsv.mjs's
//        hazards beside targets, whose findings the generated city lacks)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSites } from '../src/io';
import { benchSitesCsv } from './generatedSites';
import { longestTask, longestTaskOfLastDraw, watchLongTasks, watchMapDraws } from './longTasks';
import { withServedApp } from './servedApp';
import { clickLongestTaskMs, filterChange, goToStreet, panLongestTaskMs, zoomLongestTaskMs } from './mapInteractions';

const { text, rows } = benchSitesCsv(Number(process.argv[2] ?? 1_000_000));
const path = join(mkdtempSync(join(tmpdir(), 'usrm-import-')), 'large.csv');
writeFileSync(path, text);
const bytes = new TextEncoder().encode(text);

const n0 = performance.now();
importSites('large.csv', bytes, { crs: 'wgs84', zones: [] });
const nodeMs = performance.now() - n0;

await withServedApp(async (page) => {
  await page.waitForSelector('[data-save-status="saved"]', { timeout: 120_000 });
  // let the demo city's first render finish, so the tasks counted are the import's
  await page.waitForSelector('[data-map-ready="true"]', { timeout: 120_000 });
  // and the shader programs compiled ahead in idle time after it (map/warmPrograms): load work, reported on its own
  await watchLongTasks(page);
  const warmStart = await page.evaluate(() => performance.now());
  await page.waitForSelector('[data-programs-warmed="true"]', { state: 'attached', timeout: 120_000 });
  const warmMs = (await page.evaluate(() => performance.now())) - warmStart;
  const warmLongest = await longestTask(page);
  await page.waitForTimeout(1500);
  await watchLongTasks(page);
  await watchMapDraws(page);
  // the page's heaps (JavaScript and Blink's), sampled every 100 ms through the DevTools protocol: the peak is reported
  const cdp = await page.context().newCDPSession(page);
  const heapNow = async () => {
    const h = await cdp.send('Runtime.getHeapUsage');
    return (
      h.usedSize +
      (h as { embedderHeapUsedSize?: number }).embedderHeapUsedSize! +
      (h as { backingStorageSize?: number }).backingStorageSize!
    );
  };
  const heapBefore = await heapNow();
  let heapPeak = heapBefore;
  // the step the sampler is in, and each step's peak (where the peak falls says whose memory it is)
  let phase = 'import';
  const peakOf = new Map<string, number>();
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const used = await heapNow();
      heapPeak = Math.max(heapPeak, used);
      peakOf.set(phase, Math.max(peakOf.get(phase) ?? 0, used));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  // every change of the save status, timed: a small file is assessed and saved before a wait for "saving" could start
  await page.evaluate(() => {
    const w = window as unknown as { saveLog: { status: string; at: number }[] };
    w.saveLog = [];
    new MutationObserver((changes) => {
      for (const c of changes)
        w.saveLog.push({ status: (c.target as Element).getAttribute('data-save-status') ?? '', at: performance.now() });
    }).observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-save-status'] });
  });
  const t0 = await page.evaluate(() => performance.now());
  await page.getByLabel(/上传风险点\/场所文件/).setInputFiles(path);
  const report = page.getByRole('region', { name: '导入报告 large.csv' });
  await report.waitFor({ timeout: 900_000 });
  const t1 = await page.evaluate(() => performance.now());
  phase = 'assessment';
  const longest = await longestTask(page);
  const accepted = await report.getByTestId('accepted').textContent();
  // Then the assessment and the project autosave (sites stored in chunks of records, one IndexedDB put per task).
  // the first "saved" after a "saving" since the upload
  const savedAfterSaving = () => {
    const log = (window as unknown as { saveLog: { status: string; at: number }[] }).saveLog;
    const saving = log.findIndex((e) => e.status === 'saving');
    return saving < 0 ? null : (log.slice(saving).find((e) => e.status === 'saved')?.at ?? null);
  };
  await page.waitForFunction(savedAfterSaving, undefined, { timeout: 900_000, polling: 100 });
  const assessedAt = (await page.evaluate(savedAfterSaving))!;
  await page.getByRole('progressbar', { name: '评估进度' }).waitFor({ state: 'detached', timeout: 900_000 });
  const t2 = await page.evaluate(() => performance.now());
  const longestWithSave = await longestTask(page);
  // then the map draws the assessment
  phase = 'draw';
  await page.waitForSelector('[data-map-ready="true"]', { timeout: 900_000 });
  const draw = await longestTaskOfLastDraw(page);
  // then what a planner does with it: at city scale, and at street scale (a link to zoom 14), where sites are drawn
  await page.waitForTimeout(1500);
  phase = 'city';
  const city = {
    filter: await filterChange(page),
    pan: await panLongestTaskMs(page),
    zoom: await zoomLongestTaskMs(page),
    click: await clickLongestTaskMs(page),
  };
  phase = 'street';
  const arrive = await goToStreet(page);
  const street = {
    pan: await panLongestTaskMs(page),
    zoom: await zoomLongestTaskMs(page),
    click: await clickLongestTaskMs(page),
    filter: await filterChange(page),
  };
  sampling = false;
  await sampler;
  // what stays once the garbage is collected (the peak above counts garbage not yet collected)
  await cdp.send('HeapProfiler.collectGarbage');
  const heapRetained = await heapNow();
  const ms = t1 - t0;
  console.log(
    `import of ${process.env.FILE ? `${process.env.FILE}, a` : 'a generated'} ${rows.toLocaleString()}-row CSV (${(bytes.length / 2 ** 20).toFixed(0)} MB, UTF-8)`,
  );
  console.log(
    `  Node (same process, baseline): ${(nodeMs / 1000).toFixed(1)} s → ${Math.round(rows / (nodeMs / 1000)).toLocaleString()} rows/s`,
  );
  console.log(
    `  before the upload, the demo's programs compiled ahead in idle time: done ${(warmMs / 1000).toFixed(1)} s after the map was ready, longest task ${warmLongest.toFixed(0)} ms`,
  );
  console.log(
    `  browser worker (upload → report shown, incl. file read and transfer): ${(ms / 1000).toFixed(1)} s → ${Math.round(rows / (ms / 1000)).toLocaleString()} rows/s (${(ms / nodeMs).toFixed(1)}× Node); accepted ${accepted}`,
  );
  console.log(
    `  longest main-thread task meanwhile: ${longest.toFixed(0)} ms (target < 100 ms); counting the assessment and autosave that follow: ${longestWithSave.toFixed(0)} ms`,
  );
  console.log(
    `  report → saved and assessed: ${((t2 - t1) / 1000).toFixed(1)} s (the assessment still ran ${((t2 - assessedAt) / 1000).toFixed(1)} s after the save)`,
  );
  console.log(
    `  the map's first draw of the assessment: ${(draw.drawMs / 1000).toFixed(1)} s from being handed it, longest main-thread task ${draw.ms.toFixed(0)} ms`,
  );
  const line = (v: typeof city) =>
    `filter ${v.filter.longestTask.toFixed(0)} ms (re-rendered in ${v.filter.ms.toFixed(0)} ms), pan ${v.pan.toFixed(0)} ms, zoom ${v.zoom.toFixed(0)} ms, click ${v.click.toFixed(0)} ms`;
  console.log(`  longest main-thread task (target 100 ms), city view: ${line(city)}`);
  console.log(`  street view (zoom 14): arrive ${arrive.toFixed(0)} ms, ${line(street)}`);
  console.log(
    `  page heap (JavaScript, DOM, array buffers): ${(heapBefore / 2 ** 20).toFixed(0)} MB before the upload, peak ${(heapPeak / 2 ** 20).toFixed(0)} MB through import, assessment and autosave, ${(heapRetained / 2 ** 20).toFixed(0)} MB retained after a full collection at the end (the worker's heap not included)`,
  );
  console.log(`  peak by step: ${[...peakOf].map(([k, v]) => `${k} ${(v / 2 ** 20).toFixed(0)} MB`).join(', ')}`);
});
