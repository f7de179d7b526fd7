// The 1 000 000-row import in the browser, this tree against a git ref, in alternating fresh browsers: the longest
// main-thread tasks from upload to import report, and the page's young-generation collections meanwhile (V8's trace).
// Usage: npm run bench:import-ab -- <git-ref> [rounds] [rows]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../tests/e2e/browser';
import { alternating, median, withBuildsOf } from './abBuilds';
import { captureGcTrace, GC_TRACE_ARGS } from './gcTrace';
import { generatedSitesCsv } from './generatedSites';

const [ref = 'HEAD~1', roundsArg = '3', rowsArg = '1000000'] = process.argv.slice(2);
const rounds = Number(roundsArg);
const rows = Number(rowsArg);
const gc = captureGcTrace();

await withBuildsOf(ref, async (builds, scratch) => {
  const csv = join(scratch, 'large.csv');
  writeFileSync(csv, generatedSitesCsv(rows));
  const runs: { longest: number; kept: number; pause: number }[][] = builds.map(() => []);
  console.log(`import of a generated ${rows.toLocaleString()}-row CSV, ${rounds} fresh browsers each, alternating`);
  for (let r = 0; r < rounds; r++) {
    for (const i of alternating(r)) {
      const session = await launchChromium(GC_TRACE_ARGS);
      try {
        const page = await session.newPage();
        await page.goto(builds[i]!.url);
        await page.waitForSelector('[data-save-status="saved"]', { timeout: 120_000 });
        await page.waitForSelector('[data-map-ready="true"]', { timeout: 120_000 });
        await page.waitForTimeout(1500);
        await page.evaluate(
          'window.tasks = []; new PerformanceObserver((l) => l.getEntries().forEach((e) => window.tasks.push(Math.round(e.duration)))).observe({ type: "longtask" })',
        );
        gc.take(); // the demo's collections are not the import's
        const t0 = Date.now();
        await page.getByLabel(/上传风险点\/场所文件/).setInputFiles(csv);
        await page.getByRole('region', { name: '导入报告 large.csv' }).waitFor({ timeout: 900_000 });
        const ms = Date.now() - t0;
        const tasks = ((await page.evaluate('window.tasks')) as number[]).sort((a, b) => b - a);
        const main = gc.take().find((t) => t.isolate === 0);
        runs[i]!.push({ longest: tasks[0] ?? 0, kept: main?.keptBytes ?? 0, pause: main?.pauseMs ?? 0 });
        console.log(
          `  ${builds[i]!.name}: ${(ms / 1000).toFixed(1)} s; long tasks ${tasks.length ? tasks.slice(0, 5).join(', ') : 'none'} ms; ` +
            `page's scavenges ${main?.scavenges ?? 0}, ${(main?.pauseMs ?? 0).toFixed(0)} ms in all (longest ${(main?.longestPauseMs ?? 0).toFixed(0)}), ${((main?.keptBytes ?? 0) / 2 ** 20).toFixed(0)} MB copied`,
        );
      } finally {
        await session.close();
      }
    }
  }
  builds.forEach((b, i) => {
    const rs = runs[i]!;
    console.log(
      `  ${b.name}, medians: longest task ${median(rs.map((x) => x.longest))} ms, scavenge pauses ${median(rs.map((x) => x.pause)).toFixed(0)} ms, copied ${(median(rs.map((x) => x.kept)) / 2 ** 20).toFixed(0)} MB`,
    );
  });
});
