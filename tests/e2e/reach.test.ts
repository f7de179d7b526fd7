// Rescue within reach (issue #21) in the browser, on the demo (its 104 invented fire stations, teams and shelters;
// no road network, so every minute is a straight-line screening, 初筛): the reach layer off, then on and drawn; an
// uncovered red or orange site clicked on the map; the panel names the nearest station and the minutes, which this
// test works out on its own from the rescue file and the reach profile (Vincenty on WGS-84 × detour ÷ speed + the
// dispatch delay), not from the app. Screenshots of the map and the panel are written for a person to look at.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { useApp } from './useApp';
import { probeMap } from './mapProbe';
import { createAppStore } from '../../src/state/store';
import { createEngineClient } from '../../src/worker/engineClient';
import { assessedReach } from '../../src/state/assessedReach';
import type { CoverRow } from '../../src/engine';
import { vincentyMeters } from '../helpers/vincenty';
import { loadDemo } from '../../src/state/slices/project';

const app = useApp();
const SHOTS = process.env.SCREENSHOT_DIR ?? tmpdir();

const demoFile = (name: string) => new Uint8Array(readFileSync(`data/demo/${name}`));
const profile = JSON.parse(readFileSync('data/rules/reach-profile.json', 'utf8')) as {
  resources: Record<'fire_station' | 'rescue_team', { alarmMinutes: number; turnoutMinutes: number }>;
  screening: { speedKmh: number; detourFactor: number };
};

/** The demo as the app assesses it (the same engine, in-process here): which sites are red or orange and out of reach. */
async function demoCover(): Promise<{
  row: CoverRow;
  site: { name: string; lon: number; lat: number };
  unscored: number;
  rescue: number;
}> {
  const store = createAppStore();
  const services = { store, engine: createEngineClient() };
  await loadDemo(
    services,
    {
      zones: { file: 'nanjing-districts.wgs84.geojson', bytes: demoFile('nanjing-districts.wgs84.geojson') },
      sites: ['nanjing-sites.fictitious.csv', 'nanjing-osm.geojson', 'nanjing-rescue.fictitious.csv'].map((file) => ({
        file,
        bytes: demoFile(file),
        crs: 'wgs84' as const,
      })),
    },
    { id: 'reach-e2e', name: 'demo', city: '', assessmentDate: '', dataCredit: '', notes: '' },
  );
  const a = store.getState().assessment!;
  const cover = assessedReach.of(a)!.result.cover!;
  // the red ones first; names the search finds once
  const names = new Map<string, number>();
  for (const s of a.sites) names.set(s.name, (names.get(s.name) ?? 0) + 1);
  const candidates = cover
    .filter((c) => c.highRiskUncovered && names.get(c.name) === 1)
    .sort((x, y) => (x.level === y.level ? (x.siteId < y.siteId ? -1 : 1) : x.level === 'red' ? -1 : 1));
  const row = candidates[0]!;
  const site = a.sites.find((s) => s.id === row.siteId)!;
  return {
    row,
    site,
    unscored: a.stats.sitesByLevel.unscored,
    rescue: a.stats.reachSites.fire_station + a.stats.reachSites.rescue_team + a.stats.reachSites.shelter,
  };
}

/** Nearest resource and minutes from the alarm by hand: every station and team of the file, straight line × detour at the screening speed. */
function byHand(at: [number, number]): { id: string; name: string; minutes: number } {
  const rows = Papa.parse<Record<string, string>>(
    readFileSync('data/demo/nanjing-rescue.fictitious.csv', 'utf8').replace(/^\uFEFF/, ''),
    { header: true, skipEmptyLines: true },
  ).data;
  const speed = (profile.screening.speedKmh * 1000) / 60; // metres a minute
  let best: { id: string; name: string; minutes: number } | null = null;
  for (const r of rows) {
    if (/避难/.test(r['类别']!)) continue;
    const kind = /救援队/.test(r['类别']!) ? 'rescue_team' : 'fire_station';
    const delay = profile.resources[kind].alarmMinutes + profile.resources[kind].turnoutMinutes;
    const minutes =
      delay + (vincentyMeters(at, [Number(r['经度']), Number(r['纬度'])]) * profile.screening.detourFactor) / speed;
    if (!best || minutes < best.minutes) best = { id: r['编号']!, name: r['名称']!, minutes };
  }
  return best!;
}

describe('rescue within reach on the map', () => {
  it('draws the reach bands when asked, and explains an uncovered red site with the nearest station and its minutes', async () => {
    const { row, site, unscored, rescue } = await demoCover();
    // the demo has them: its districts give no area type, so the 5-minute 135 circle applies (从严) and most red
    // and orange sites farther than ~700 m from a station are out of reach
    expect(row.highRiskUncovered).toBe(true);
    const expected = byHand([site.lon, site.lat]);
    console.info(
      `clicked: ${row.siteId} ${row.name} (${row.level}); nearest ${expected.id} ${expected.name}, ${expected.minutes.toFixed(2)} min; screenshots in ${SHOTS}`,
    );
    expect(row.nearestResourceId).toBe(expected.id);
    expect(row.minutes!).toBeCloseTo(expected.minutes, 6);

    const page = await app.openApp();
    const map = page.getByTestId('map');
    // off by default (they cover the four colours); the rescue symbols are on, drawn as their own, never as 未评级
    let probe = await probeMap(page);
    expect(probe.reach.bands).toEqual([]);
    expect(probe.reach.rescue).toEqual(expect.arrayContaining(['fire_station:station', 'shelter:shelter']));
    // the legend's 未评级 counts no rescue site; they have their own count, and 初筛 is said with its sentence
    await expect(
      page.locator('.legend tr').filter({ hasText: '未评级' }).locator('td:nth-child(3)').textContent(),
    ).resolves.toBe(String(unscored));
    await expect(page.getByTestId('reach-site-count').textContent()).resolves.toBe(`${rescue} 处`);
    const legend = page.getByTestId('reach-legend');
    await expect(legend.locator('h3').textContent()).resolves.toContain('初筛');
    await expect(legend.textContent()).resolves.toContain('绕行系数 1.4、车速 30 千米/小时估算(城市自定),须以路网复核');

    await page.getByLabel('救援到场时间').check();
    await expect.poll(async () => (await probeMap(page)).reach.bands.length, { timeout: 15_000 }).toBeGreaterThan(2);
    expect(probe.reach.shelterAreas).toBe(0);
    await page.getByLabel('避难场所服务范围').check();
    await expect.poll(async () => (await probeMap(page)).reach.shelterAreas, { timeout: 15_000 }).toBeGreaterThan(10);
    await page.screenshot({ path: join(SHOTS, 'reach-map.png') });

    // to the site (search flies there at street scale), then a real click on its symbol
    await page.getByLabel('搜索场所或分区').fill(row.name);
    await page.getByRole('list', { name: '搜索结果' }).getByRole('button', { name: row.name, exact: true }).click();
    await expect.poll(() => map.getAttribute('data-selected')).toBe(`site:${row.siteId}`);
    probe = await probeMap(page);
    const box = probe.selectedBox!;
    expect(box).not.toBeNull();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('detail-panel').count()).resolves.toBe(0);
    const mapBox = (await map.boundingBox())!;
    await page.mouse.click(mapBox.x + (box.x0 + box.x1) / 2, mapBox.y + (box.y0 + box.y1) / 2);
    await expect.poll(() => map.getAttribute('data-selected')).toBe(`site:${row.siteId}`);

    const panel = page.getByTestId('detail-panel');
    await expect(panel.locator('h3').textContent()).resolves.toBe(row.name);
    const value = (label: string) =>
      panel
        .locator('dl > div')
        .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
        .locator('dd')
        .textContent();
    await expect(value('最近救援力量')).resolves.toBe(`${expected.name}(${expected.id})`);
    await expect(value('到场时间')).resolves.toBe(
      `自接警起 ${expected.minutes.toFixed(1)} 分钟(含接警、出动 4 分钟)(初筛:直线估算)`,
    );
    await expect(value('救援可达')).resolves.toBe('未覆盖:重大/较大风险点无救援力量可及');
    await expect(value('适用救援圈')).resolves.toBe('135快速救援圈:自接警起5分钟内到达');
    await page.screenshot({ path: join(SHOTS, 'reach-panel.png') });
    await page.close();
  });
});
