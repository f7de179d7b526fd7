// A city of 100 000 generated sites: drawn from tiles cut in a worker (src/map/tiledSites.ts), counts per level at
// city scale and symbols at street scale, with selection, search, filters and tables working as on the small path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './useApp';
import { probeMap } from './mapProbe';
import { generatedSitesCsv } from '../../bench/generatedSites';

const app = useApp();
const SITES = 100_000;
const ONLY_FLAGGED = '仅显示有防护距离问题(不符合/临界)的场所';
let page: Page;

const mapAttr = (name: string) => page.getByTestId('map').getAttribute(name);
const visibleSites = async () => Number(await mapAttr('data-visible-sites'));
/** rows in the sites table, from its pager ("第 1 / n 页,共 N 行") */
async function siteRows(): Promise<number> {
  await page.getByRole('tab', { name: /场所/ }).click();
  const pager = page.getByRole('navigation', { name: /场所清单 分页/ });
  const m = /共 (\d+) 行/.exec((await pager.textContent()) ?? '');
  return Number(m?.[1]);
}

beforeAll(async () => {
  page = await app.openApp();
  await page
    .getByLabel(/上传风险点/)
    .setInputFiles({ name: 'city.csv', mimeType: 'text/csv', buffer: Buffer.from(generatedSitesCsv(SITES)) });
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="map"]')?.getAttribute('data-visible-sites')) >= n,
    SITES,
    { timeout: 100_000 },
  );
  await page.waitForSelector('[data-map-ready="true"]', { timeout: 30_000 });
}, 150_000);
afterAll(async () => {
  await page?.close();
});

describe('a city of 100 000 sites', () => {
  it('draws counts per level at city scale, every shown site counted once, and a zone click names its contributors', async () => {
    expect(await mapAttr('data-sites-drawn-from')).toBe('tiles');
    const probe = await probeMap(page);
    expect(probe.drawnFrom).toBe('tiles');
    expect(probe.camera.zoom).toBeLessThan(12);
    expect(probe.symbols).toEqual([]); // no single sites at city scale
    // but the demo's fire stations and shelters, with their own symbols (a GeoJSON layer of their own beside the tiles)
    expect(probe.reach.rescue).toEqual(expect.arrayContaining(['fire_station:station', 'shelter:shelter']));
    expect(probe.counted.circles).toBeGreaterThan(100);
    expect(probe.counted.sites).toBe(await visibleSites());

    const label = page.locator('.zone-label', { hasText: '高淳区' });
    const box = (await label.boundingBox())!;
    for (const [dx, dy] of [
      [0, 40],
      [40, 30],
      [-40, 30],
      [0, -40],
    ] as const) {
      await page.mouse.click(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy);
      if ((await mapAttr('data-selected')) === 'zone:320118') break;
    }
    await expect.poll(() => mapAttr('data-selected')).toBe('zone:320118');
    const panel = page.getByTestId('detail-panel');
    await expect(panel.locator('h3').textContent()).resolves.toBe('高淳区');
    await expect(panel.textContent()).resolves.toContain('定级依据');
    expect(await panel.locator('li').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
  });

  it('at street scale, a click on a site selects it, the panel explains it and the map highlights it', async () => {
    await page.getByLabel('搜索场所或分区').fill('示例风险点43210');
    await page
      .getByRole('list', { name: '搜索结果' })
      .getByRole('button', { name: '示例风险点43210', exact: true })
      .click();
    await expect.poll(() => mapAttr('data-selected')).toBe('site:R43210');
    let probe = await probeMap(page);
    await expect.poll(async () => (probe = await probeMap(page)).sites, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(probe.camera.zoom).toBeGreaterThanOrEqual(12);
    expect(probe.symbols.length).toBeGreaterThan(0);
    expect(probe.selectedDrawn).toBe(1);
    const at = probe.selectedBox!;
    // deselect, then pick the same site off the map by its position
    await page.keyboard.press('Escape');
    await expect.poll(() => mapAttr('data-selected')).toBe('');
    expect((await probeMap(page)).selectedDrawn).toBe(0);
    const map = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(map.x + (at.x0 + at.x1) / 2, map.y + (at.y0 + at.y1) / 2);
    await expect.poll(() => mapAttr('data-selected')).toBe('site:R43210');
    await expect(page.getByTestId('detail-panel').locator('h3').textContent()).resolves.toBe('示例风险点43210');
    await expect(page.getByTestId('detail-panel').textContent()).resolves.toContain('R43210');
    await expect.poll(async () => (await probeMap(page)).selectedDrawn).toBe(1);
  });

  it('"violations only" counts at city scale what the tables list, and at street scale leaves only the flagged sites', async () => {
    await page.keyboard.press('Escape');
    await page.getByLabel(ONLY_FLAGGED).check();
    await expect.poll(visibleSites).toBeLessThan(SITES);
    const shown = await visibleSites();
    expect(shown).toBeGreaterThan(0);
    // the panels follow one deferred render behind the map
    // of every site: the generated ones, the demo's 477 risk sites and targets and its 104 fire stations, teams and
    // shelters (the demo loads nanjing-rescue.fictitious.csv; never flagged, so "violations only" hides them)
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '筛选中' }).textContent())
      .toContain(`显示 ${shown} / ${SITES + 581} 个场所`);
    expect(await siteRows()).toBe(shown);
    // the whole city: the counts are re-cut for the filter and add up to the tables' rows
    await page.getByRole('button', { name: '全市' }).click();
    await expect.poll(async () => (await probeMap(page)).counted.sites, { timeout: 30_000 }).toBe(shown);

    // a finding from the list is shown at street scale: only flagged sites are drawn there, more without the filter
    await page.getByRole('table', { name: '防护距离问题清单' }).locator('tbody tr.status-violation').first().click();
    await expect.poll(() => mapAttr('data-selected')).toMatch(/^violation:\d+$/);
    await expect.poll(async () => (await probeMap(page)).camera.zoom).toBeGreaterThanOrEqual(12);
    const flagged = (await probeMap(page)).sites;
    expect(flagged).toBeGreaterThan(0);
    await page.getByLabel(ONLY_FLAGGED).uncheck();
    await expect.poll(async () => (await probeMap(page)).sites, { timeout: 20_000 }).toBeGreaterThan(flagged);
  });
});
