// Map rendering in headless Chromium (software WebGL, this machine): the demo city, then a generated city of
// 100 000 sites and 10 000 zones loaded through the app's own upload. Prints time to first complete render
// ('idle'), time for a filter change to re-render, and the longest main-thread task during a filter change, a pan
// and a click, with the data sizes; the large city's times are also given as ratios to the demo's, measured in the same run.
// Usage: npm run bench:render   (or npx tsx bench/render.bench.ts [sites] [zonesPerSide])
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { longestTaskOfLastDraw, resetLongTasks, watchLongTasks, watchMapDraws } from './longTasks';
import { attr, clickLongestTaskMs, filterChange, goToStreet, panLongestTaskMs } from './mapInteractions';
import { withServedApp } from './servedApp';

const [siteCount = 100_000, side = 100] = process.argv.slice(2).map(Number);
const WEST = 118.4,
  SOUTH = 31.3,
  SPAN_LON = 0.9,
  SPAN_LAT = 1.3;

function generateCity(dir: string): { zones: string; sites: string } {
  const features = [];
  for (let i = 0; i < side; i++) {
    for (let j = 0; j < side; j++) {
      const w = WEST + (SPAN_LON * i) / side,
        s = SOUTH + (SPAN_LAT * j) / side;
      const e = w + SPAN_LON / side,
        n = s + SPAN_LAT / side;
      features.push({
        type: 'Feature',
        properties: { id: `Z${i}-${j}`, name: `片区${i}-${j}` },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [w, s],
              [e, s],
              [e, n],
              [w, n],
              [w, s],
            ],
          ],
        },
      });
    }
  }
  const zones = join(dir, 'zones.geojson');
  writeFileSync(zones, JSON.stringify({ type: 'FeatureCollection', features }));
  const rng = xoroshiro128plus(7);
  const random = () => uniformInt(rng, 0, 2 ** 30 - 1) / 2 ** 30;
  const categories = [
    'construction',
    'crowded_place',
    'traffic',
    'gas_user',
    'fuel_station',
    'school',
    'hazchem_storage',
  ];
  const lines = ['编号,名称,类别,经度,纬度,可能性,严重性'];
  for (let i = 0; i < siteCount; i++) {
    const c = categories[i % categories.length]!;
    lines.push(
      `B${i},场所${i},${c},${(WEST + random() * SPAN_LON).toFixed(6)},${(SOUTH + random() * SPAN_LAT).toFixed(6)},${1 + (i % 5)},${1 + ((i * 3) % 5)}`,
    );
  }
  const sites = join(dir, 'sites.csv');
  writeFileSync(sites, lines.join('\n'));
  return { zones, sites };
}

const dir = mkdtempSync(join(tmpdir(), 'usrm-render-'));
const files = generateCity(dir);
await withServedApp(async (page) => {
  await page.waitForSelector('[data-map-ready="true"]', { timeout: 120_000 });
  const demoFirst = await attr(page, 'data-ready-at');
  await page.waitForSelector('[data-save-status="saved"]');
  await watchLongTasks(page);
  await watchMapDraws(page);
  const demoFilter = await filterChange(page);
  const demoPan = await panLongestTaskMs(page);
  const demoClick = await clickLongestTaskMs(page);
  const demoSites = await page.getByTestId('map').getAttribute('data-visible-sites');

  // the large city through the app's own uploads: zones first, then the site file (read in the worker)
  const t0 = await page.evaluate(() => performance.now());
  await page.getByLabel(/上传分区 GeoJSON/).setInputFiles(files.zones);
  await page.waitForSelector(`[data-zone-count="${side * side}"][data-map-ready="true"]`, { timeout: 600_000 });
  const zonesMs = (await attr(page, 'data-ready-at')) - t0;
  const t1 = await page.evaluate(() => performance.now());
  await page.getByLabel(/上传风险点\/场所文件/).setInputFiles(files.sites);
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="map"]')!.getAttribute('data-visible-sites')) >= n,
    siteCount,
    { timeout: 900_000 },
  );
  await page.waitForSelector('[data-map-ready="true"]', { timeout: 600_000 });
  const largeFirst = (await attr(page, 'data-ready-at')) - t1;
  const largeDraw = await longestTaskOfLastDraw(page);
  await page.waitForTimeout(1000);
  await resetLongTasks(page);
  const largeFilter = await filterChange(page);
  const largePan = await panLongestTaskMs(page);
  const largeClick = await clickLongestTaskMs(page);
  const largeSites = await page.getByTestId('map').getAttribute('data-visible-sites');
  await goToStreet(page);
  const streetPan = await panLongestTaskMs(page);
  const streetClick = await clickLongestTaskMs(page);
  const streetFilter = await filterChange(page);

  console.log('render benchmark (headless Chromium, SwiftShader software WebGL, viewport 1400×900)');
  console.log(`demo city: ${demoSites} sites, 11 zones`);
  console.log(
    `  first complete render (navigation → idle, incl. demo load and assessment): ${demoFirst.toFixed(0)} ms`,
  );
  console.log(
    `  filter change → re-rendered: ${demoFilter.ms.toFixed(0)} ms; longest main-thread task: filter ${demoFilter.longestTask.toFixed(0)} ms, pan ${demoPan.toFixed(0)} ms, click ${demoClick.toFixed(0)} ms`,
  );
  console.log(`large city: ${largeSites} sites, ${side * side} zones`);
  console.log(
    `  zones upload → idle: ${zonesMs.toFixed(0)} ms; site file (${siteCount} rows) upload → assessed and rendered: ${largeFirst.toFixed(0)} ms`,
  );
  console.log(
    `  filter change → re-rendered: ${largeFilter.ms.toFixed(0)} ms (${(largeFilter.ms / demoFilter.ms).toFixed(1)}× demo)`,
  );
  console.log(
    `  first draw of the assessment (map handed the data → drawn): ${largeDraw.drawMs.toFixed(0)} ms, longest main-thread task ${largeDraw.ms.toFixed(0)} ms`,
  );
  console.log(
    `  longest main-thread task (target 100 ms), city view: filter ${largeFilter.longestTask.toFixed(0)} ms, pan ${largePan.toFixed(0)} ms, click ${largeClick.toFixed(0)} ms`,
  );
  console.log(
    `  street view (zoom 14): pan ${streetPan.toFixed(0)} ms, click ${streetClick.toFixed(0)} ms, filter ${streetFilter.longestTask.toFixed(0)} ms (re-rendered in ${streetFilter.ms.toFixed(0)} ms)`,
  );
});
