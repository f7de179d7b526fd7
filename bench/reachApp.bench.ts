// Rescue within reach in the app (issue #21): a generated road network of ≈ 200 000 segments over the demo city's
// extent and 2 000 fire stations, uploaded through the app's own inputs. Prints the file sizes, the time from the road
// upload to the assessment done (the road file read and checksummed in the engine worker, then the assessment with
// its reach), the page's longest main-thread task meanwhile (target: none over 100 ms; the road file is never parsed
// on the page), and the renderer's peak RSS (page + engine worker, read from /proc: a worker's heap is not visible to
// the page). The same engine host run in this process gives the baseline and the engine's own heap.
// Usage: npx tsx bench/reachApp.bench.ts [LATTICE STATIONS]   (default 317 2000: 200 344 segments)
//        CELL_M=100 …: the app's reach grid at 100 m (a city's reach profile imported in the method panel)
//        PROFILE=1 …: the app built unminified and the page's CPU profile taken, each long task listed with the
//        functions that took most of its time (self time), as bench/profileLongTasks.ts does for an import
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { DEFAULT_REACH_PROFILE, defaultConfig, type Site } from '../src/engine';
import { bboxOf } from '../src/engine/geo/bbox';
import { importSites, readZones } from '../src/io';
import { createEngineHost } from '../src/worker/engineHost';
import { roadsFrom } from '../src/worker/roadsFrom';
import { serialize } from 'node:v8';
import { assessedReach } from '../src/state/assessedReach';
import { reachForPage } from '../src/worker/reachMessage';
import { longestTask, watchLongTasks } from './longTasks';
import type { Page } from 'playwright-core';
import { withServedApp } from './servedApp';

const [lattice = 317, stationCount = 2000] = process.argv.slice(2).map(Number);
const rng = xoroshiro128plus(21);
const random = () => uniformInt(rng, 0, 2 ** 30 - 1) / 2 ** 30;
const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// the demo city's extent (its districts' bounding box)
const districtsText = readFileSync('data/demo/nanjing-districts.wgs84.geojson', 'utf8');
const zones = readZones(districtsText);
const [west, south, east, north] = zones
  .map((z) => bboxOf(z.geometry))
  .reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);

// streets: a lattice of two-point segments (as an OSM export split at junctions), jittered; every 8th a primary
const dx = (east - west) / (lattice - 1);
const dy = (north - south) / (lattice - 1);
const jitter = Array.from(
  { length: lattice * lattice },
  () => [(random() - 0.5) * 0.4 * dx, (random() - 0.5) * 0.4 * dy] as const,
);
const vertex = (i: number, j: number) => [
  +(west + i * dx + jitter[i * lattice + j]![0]).toFixed(6),
  +(south + j * dy + jitter[i * lattice + j]![1]).toFixed(6),
];
const features: string[] = [];
const street = (a: number[], b: number[], cls: string, oneway: boolean) =>
  features.push(
    JSON.stringify({
      type: 'Feature',
      properties: { highway: cls, ...(oneway ? { oneway: 'yes' } : {}) },
      geometry: { type: 'LineString', coordinates: [a, b] },
    }),
  );
for (let i = 0; i < lattice; i++) {
  for (let j = 0; j < lattice; j++) {
    const cls = (k: number) => (k % 8 === 0 ? 'primary' : 'residential');
    if (i + 1 < lattice) street(vertex(i, j), vertex(i + 1, j), cls(j), cls(j) === 'residential' && random() < 0.1);
    if (j + 1 < lattice) street(vertex(i, j), vertex(i, j + 1), cls(i), cls(i) === 'residential' && random() < 0.1);
  }
}
const roadsText = `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}\n`;
const stationsCsv =
  [
    '编号,名称,类别,经度,纬度,站级',
    ...Array.from(
      { length: stationCount },
      (_, i) =>
        `BENCH-XF-${i},站${i},消防站,${(west + random() * (east - west)).toFixed(6)},${(south + random() * (north - south)).toFixed(6)},一级`,
    ),
  ].join('\n') + '\n';
const dir = mkdtempSync(join(tmpdir(), 'usrm-reach-app-'));
const roadsPath = join(dir, 'bench-roads.geojson');
const stationsPath = join(dir, 'bench-stations.csv');
writeFileSync(roadsPath, roadsText);
writeFileSync(stationsPath, stationsCsv);
console.log(
  `reach in the app: ${features.length.toLocaleString()} road segments (${lattice}×${lattice} lattice over the demo city's ${(east - west).toFixed(2)}° × ${(north - south).toFixed(2)}°), road file ${mb(roadsText.length)}; ${stationCount} fire stations (${(stationsCsv.length / 1024).toFixed(0)} KB CSV); node ${process.version}`,
);

// baseline: the engine host in this process, with the demo's sites and the stations, assessed without and with roads
const host = createEngineHost();
const demoSites: Site[] = [];
for (const f of ['nanjing-sites.fictitious.csv', 'nanjing-osm.geojson', 'nanjing-rescue.fictitious.csv']) {
  for (const site of importSites(f, new Uint8Array(readFileSync(`data/demo/${f}`)), { crs: 'wgs84', zones }).sites)
    demoSites.push(site);
}
await host.hold('demo', demoSites);
await host.hold(
  'stations',
  importSites('bench-stations.csv', new TextEncoder().encode(stationsCsv), { crs: 'wgs84', zones }).sites,
);
const config = defaultConfig();
const heap = () => process.memoryUsage().heapUsed;
let t = performance.now();
host.assess({ datasets: ['demo', 'stations'], zones }, config);
const screenedMs = performance.now() - t;
const heap0 = heap();
t = performance.now();
const held = host.holdRoads('roads', await roadsFrom(new Uint8Array(readFileSync(roadsPath)), 'wgs84'));
const readMs = performance.now() - t;
t = performance.now();
const networkAssessment = host.assess({ datasets: ['demo', 'stations'], zones, roads: 'roads' }, config);
const networkMs = performance.now() - t;
// what the page receives with the assessment for the reach (structured clone: the page deserialises it in one task)
const reachNoted = reachForPage(assessedReach.of(networkAssessment)!, networkAssessment.sites); // as the engine worker sends it
const cloneMs = (x: unknown) => {
  const t0 = performance.now();
  structuredClone(x);
  return performance.now() - t0;
};
const bytesOf = (x: unknown) => serialize(x).length;
console.log(
  `  the reach sent to the page: ${mb(bytesOf(reachNoted))} serialised (result ${mb(bytesOf(reachNoted.result))}, bands as a data: URL ${mb(bytesOf(reachNoted.bands))}); structured clone here ${cloneMs(reachNoted).toFixed(0)} ms (result ${cloneMs(reachNoted.result).toFixed(0)} ms, bands ${cloneMs(reachNoted.bands).toFixed(0)} ms)`,
);
{
  const r = reachNoted.result;
  const parts: [string, unknown][] = [
    ['grids', [r.reachGrid, r.districtGrid]],
    ['cover', r.cover],
    ['stations', r.stations],
    ['resources', r.resources],
    ['zones', r.zones],
    ['shelters', r.shelters],
    ['assessment', { ...networkAssessment }],
  ];
  console.log(`  parts: ${parts.map(([n, x]) => `${n} ${mb(bytesOf(x))} ${cloneMs(x).toFixed(0)} ms`).join('; ')}`);
}
const heap1 = heap();
// the app's reach grid is the profile's (250 m); a city's profile may ask for 100 m
t = performance.now();
host.assess(
  { datasets: ['demo', 'stations'], zones, roads: 'roads', reachProfile: { ...DEFAULT_REACH_PROFILE, gridCellM: 100 } },
  config,
);
const fineMs = performance.now() - t;
console.log(
  `  engine in Node (baseline): road file read ${s(readMs)} (${held.lines.toLocaleString()} lines held); assessment with screening ${s(screenedMs)}, with the road network ${s(networkMs)} (250 m reach grid; heap +${mb(heap1 - heap0)} over the screened one, roads held), with a 100 m grid ${s(fineMs)}; peak rss ${mb(process.resourceUsage().maxRSS * 1024)}`,
);

/** RSS of this process's Chromium renderers (the page and its workers live there), in bytes. */
function rendererRss(): number {
  const parent = new Map<number, number>();
  const renderer = new Set<number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      parent.set(Number(name), Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${name}/status`, 'utf8'))![1]));
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('--type=renderer')) renderer.add(Number(name));
    } catch {
      /* the process ended meanwhile */
    }
  }
  const mine = (pid: number): boolean => {
    for (let p = pid; p > 1; p = parent.get(p) ?? 0) if (p === process.pid) return true;
    return false;
  };
  let total = 0;
  for (const pid of renderer) {
    if (!mine(pid)) continue;
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
    } catch {
      /* ended */
    }
  }
  return total;
}

const profiling = process.env.PROFILE === '1';
/** CELL_M=100 …: the app's reach grid at that cell size (a city's reach profile), not the shipped 250 m */
const cellM = Number(process.env.CELL_M ?? DEFAULT_REACH_PROFILE.gridCellM);

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

/** Start the page's CPU profiler; the returned function stops it and lists the long tasks' heaviest functions. */
async function profilePage(page: Page): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  // a named busy loop at a known performance.now(): aligns the profile's clock with the page's
  const markAt = await page.evaluate<number>(
    `(() => { const at = performance.now(); function clockMarker() { const end = performance.now() + 20; while (performance.now() < end); } clockMarker(); return at; })()`,
  );
  return async () => {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const spans = await page.evaluate(() => (window as unknown as { longTaskSpans: [number, number][] }).longTaskSpans);
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const times: number[] = [];
    let t = profile.startTime;
    for (const d of profile.timeDeltas) times.push((t += d));
    const mark = profile.samples.findIndex((id) => byId.get(id)!.callFrame.functionName === 'clockMarker');
    const pageMs = (us: number) => (us - times[mark]!) / 1000 + markAt;
    for (const [start, duration] of spans) {
      const self = new Map<string, number>();
      profile.samples.forEach((id, i) => {
        const at = pageMs(times[i]!);
        if (at < start || at > start + duration) return;
        const n = byId.get(id)!.callFrame;
        const key = `${n.functionName || '(anonymous)'} ${n.url.split('/').pop()}:${n.lineNumber + 1}`;
        self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
      });
      const top = Array.from(self)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([k, ms]) => `      ${ms.toFixed(0).padStart(5)} ms ${k}`);
      console.log(`    task of ${duration.toFixed(0)} ms:\n${top.join('\n')}`);
    }
  };
}

await withServedApp(
  async (page) => {
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 120_000 });
    await page.waitForSelector('[data-save-status="saved"]', { timeout: 120_000 });
    const assessed = () =>
      page.getByRole('progressbar', { name: '评估进度' }).waitFor({ state: 'detached', timeout: 900_000 });
    await page.getByLabel(/上传风险点\/场所文件/).setInputFiles(stationsPath);
    await page.getByRole('region', { name: '导入报告 bench-stations.csv' }).waitFor({ timeout: 300_000 });
    await assessed();
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 300_000 });
    if (cellM !== DEFAULT_REACH_PROFILE.gridCellM) {
      // the city's reach profile with a finer grid, imported as a planner would (method panel)
      await page.getByLabel(/导入本市救援可达参数/).setInputFiles({
        name: `reach-profile-${cellM}m.json`,
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ ...DEFAULT_REACH_PROFILE, gridCellM: cellM })),
      });
      await assessed();
      await page.waitForSelector('[data-map-ready="true"]', { timeout: 300_000 });
    }
    await page.waitForTimeout(1500);
    await watchLongTasks(page);
    const rssBefore = rendererRss();
    let rssPeak = rssBefore;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        rssPeak = Math.max(rssPeak, rendererRss());
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const stopProfile = profiling ? await profilePage(page) : null;
    const t0 = await page.evaluate(() => performance.now());
    await page.getByLabel(/上传路网 GeoJSON/).setInputFiles(roadsPath);
    await page.getByTestId('roads-in-use').filter({ hasText: '条线' }).waitFor({ timeout: 900_000 });
    const t1 = await page.evaluate(() => performance.now());
    await assessed();
    const t2 = await page.evaluate(() => performance.now());
    const longestAssessing = await longestTask(page);
    await page.waitForSelector('[data-save-status="saved"]', { timeout: 300_000 });
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 300_000 });
    const t3 = await page.evaluate(() => performance.now());
    const longest = await longestTask(page);
    sampling = false;
    await sampler;
    console.log(
      `  browser (${cellM} m reach grid): road file read in the engine worker ${s(t1 - t0)} (${await page.getByTestId('roads-in-use').innerText()}); then the assessment with reach ${s(t2 - t1)}; saved and drawn ${s(t3 - t2)} later`,
    );
    console.log(
      `  longest main-thread task: ${longestAssessing.toFixed(0)} ms from the upload to the assessment done; ${longest.toFixed(0)} ms counting the save and the map's draw (target < 100 ms)`,
    );
    console.log(`  renderer RSS (page + engine worker): ${mb(rssBefore)} before the upload, peak ${mb(rssPeak)}`);
    const spans = await page.evaluate(() => (window as unknown as { longTaskSpans: [number, number][] }).longTaskSpans);
    const at = (ms: number) => `${((ms - t0) / 1000).toFixed(2)} s`;
    console.log(
      `  long tasks (start after the upload, duration): ${spans.map(([start, d]) => `${at(start)} ${d.toFixed(0)} ms`).join('; ') || 'none'} (road file read by ${at(t1)}, assessed by ${at(t2)}, drawn by ${at(t3)})`,
    );
    await stopProfile?.();
  },
  { minify: !profiling },
);
