// The small things a planner hits, in one browser and mostly one page (issue 16): labels that do not hide each other,
// Enter in search, pasted links, the detail panel beside (not over) the selection, "violations only" framing what
// it shows, a field left unchanged saving nothing, what-if rings both ways with labels, the proposal surviving a
// reload, skip links, and the what-if fitting its panel in English.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { useApp } from './useApp';
import { probeMap } from './mapProbe';

const app = useApp();

// the demo's DEMO-CTR-KNOWN station: 二级站 with 卸油+加油 vapour recovery, 30 m east of 金陵中学 (WGS-84)
const KNOWN = readFileSync('data/demo/nanjing-sites.fictitious.csv', 'utf8')
  .split('\n')
  .find((l) => l.startsWith('DEMO-CTR-KNOWN'))!
  .split(',');
const [KNOWN_LON, KNOWN_LAT] = [Number(KNOWN[3]), Number(KNOWN[4])];
// GB 50156-2012 表4.0.4: 汽油设备 to 重要公共建筑物 with full vapour recovery, 35 m. A kindergarten of unstated size is
// taken as 重要公共建筑物 (附录B, > 200 children; 从严).
const KNOWN_TO_KINDERGARTEN_M = 35;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
const overlap = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

const paste = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);
const revisionText = (page: Page) => page.locator('[data-save-status]').textContent();

let page: Page;
beforeAll(async () => {
  page = await app.openApp();
});

describe('finding one’s way', () => {
  it('the first tab stops are the skip links; "跳到地图" puts the focus on the map', async () => {
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('跳到地图');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('跳到侧栏');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.matches('[data-testid="map"] canvas'))).resolves.toBe(
      true,
    );
    expect(page.url()).not.toMatch(/#map$/); // the skip link is not read as a view link
  });

  it('labels every district it can at the first view, 玄武区 included, with no two labels overlapping', async () => {
    const labels = await page.locator('.zone-label').evaluateAll((els) =>
      els
        .filter((e) => getComputedStyle(e).visibility !== 'hidden')
        .map((e) => {
          const r = e.getBoundingClientRect();
          return {
            name: e.querySelector('span')!.textContent!,
            box: { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom },
          };
        }),
    );
    expect(labels.map((l) => l.name)).toContain('玄武区');
    expect(labels.length).toBeGreaterThanOrEqual(9); // of 11: at most the two smallest central ones wait for a closer view
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++)
        expect(overlap(labels[i]!.box, labels[j]!.box), `${labels[i]!.name} / ${labels[j]!.name}`).toBe(false);
    await page.getByTestId('map').screenshot({ path: 'tests/e2e/artifacts/planner-labels.png' });
  });

  it('Enter in the search box takes the first match', async () => {
    await page.getByLabel('搜索场所或分区').fill('金陵中学');
    await page.getByLabel('搜索场所或分区').press('Enter');
    await expect.poll(() => page.locator('[data-testid="detail-panel"] .explain h3').textContent()).toBe('金陵中学');
    await page.keyboard.press('Escape');
  });

  it('follows a link pasted into the open tab (position, filters, selection), and shows the selection beside the detail panel', async () => {
    await paste(page, '#map=11.00/32.05000/118.80000&lv=red,orange');
    await expect.poll(async () => (await probeMap(page)).camera.zoom).toBeCloseTo(11, 2);
    const camera = (await probeMap(page)).camera;
    expect(camera.lon).toBeCloseTo(118.8, 4);
    expect(camera.lat).toBeCloseTo(32.05, 4);
    await expect(page.getByRole('checkbox', { name: /^一般风险/ }).isChecked()).resolves.toBe(false);
    await expect(page.getByRole('checkbox', { name: /^较大风险/ }).isChecked()).resolves.toBe(true);

    // 溧水区 lies south-east, under where the detail panel opens
    await paste(page, '#map=9.00/31.90000/119.00000&sel=zone:320117');
    await expect.poll(() => page.locator('[data-testid="detail-panel"] .explain h3').textContent()).toBe('溧水区');
    const panel = (await page.getByTestId('detail-panel').boundingBox())!;
    const map = (await page.getByTestId('map').boundingBox())!;
    await expect
      .poll(async () => (await probeMap(page)).selectedBox!.x1 + map.x, { timeout: 10_000 })
      .toBeLessThanOrEqual(panel.x);
    const box = (await probeMap(page)).selectedBox!;
    expect(box.x0).toBeGreaterThanOrEqual(0);
    expect(box.y0).toBeGreaterThanOrEqual(0);
    expect(box.y1).toBeLessThanOrEqual(map.height);
    await page.screenshot({ path: 'tests/e2e/artifacts/planner-beside-panel.png' });
    await page.keyboard.press('Escape');
  });

  it('"violations only" frames the flagged sites, and leaves the map where it is when nothing is left', async () => {
    await paste(page, '#map=9.00/31.90000/119.00000');
    await expect.poll(async () => (await probeMap(page)).camera.zoom).toBeCloseTo(9, 2);
    await paste(page, '#map=9.00/31.90000/119.00000&lv=&only=1'); // no level shown: nothing to frame
    await expect.poll(() => page.getByTestId('map').getAttribute('data-visible-sites')).toBe('0');
    expect((await probeMap(page)).camera.zoom).toBeCloseTo(9, 2);

    await paste(page, '#map=9.00/31.90000/119.00000');
    await expect.poll(() => page.getByLabel('仅显示有防护距离问题(不符合/临界)的场所').isChecked()).toBe(false);
    await page.getByLabel('仅显示有防护距离问题(不符合/临界)的场所').check();
    await expect.poll(async () => (await probeMap(page)).camera.zoom).toBeGreaterThan(11);
    // every site left on the map is in view
    const visible = Number(await page.getByTestId('map').getAttribute('data-visible-sites'));
    expect(visible).toBeGreaterThan(0);
    await expect.poll(async () => (await probeMap(page)).sites).toBe(visible);
    // turned off without moving the map in between: back to where the map was
    await page.getByLabel('仅显示有防护距离问题(不符合/临界)的场所').uncheck();
    await expect.poll(async () => (await probeMap(page)).camera.zoom).toBeCloseTo(9, 2);
  });

  it('a project field focused and left unchanged saves nothing (no new version)', async () => {
    const before = await revisionText(page);
    expect(before).toMatch(/第 \d+ 版/);
    await page.getByLabel('项目名称').focus();
    await page.getByLabel('项目名称').blur();
    await page
      .getByLabel('评估基准日')
      .focus()
      .catch(() => undefined);
    await page
      .getByLabel('评估基准日')
      .blur()
      .catch(() => undefined);
    await page.waitForTimeout(1000); // autosave waits 400 ms
    await expect(revisionText(page)).resolves.toBe(before);
    // an actual change still saves
    await page.getByLabel('项目名称').fill('南京示例(改名)');
    await page.getByLabel('项目名称').blur();
    await expect.poll(() => revisionText(page)).not.toBe(before);
  });
});

describe('what-if', () => {
  it('draws, for a proposed kindergarten, the ring of each nearby hazard with its distance and clause, and keeps the proposal on reload', async () => {
    await page.getByLabel('类别', { exact: true }).selectOption('kindergarten');
    // ≈ 38 m west of the station: clear of its 35 m
    await page.getByLabel('经度', { exact: true }).fill(String(KNOWN_LON - 0.0004));
    await page.getByLabel('纬度', { exact: true }).fill(String(KNOWN_LAT));
    await page.getByRole('button', { name: '按坐标核查' }).click();
    await page.waitForSelector('[data-proposal-verdict]:not([data-proposal-verdict=""])');
    const expected = new RegExp(`^${KNOWN_TO_KINDERGARTEN_M} m · 金陵中学东侧加油站\\(虚构\\) · GB 50156 表4\\.0\\.4$`);
    const ring = page.locator('.ring-label.ring-around-hazard', { hasText: '金陵中学东侧加油站' });
    await expect.poll(() => ring.textContent()).toMatch(expected);
    await expect(ring.evaluate((e) => getComputedStyle(e).visibility)).resolves.toBe('visible');
    await expect.poll(async () => (await probeMap(page)).rings).toBeGreaterThan(0);
    await expect(page.getByTestId('ring-list').textContent()).resolves.toContain(
      `${KNOWN_TO_KINDERGARTEN_M} m · 金陵中学东侧加油站(虚构)`,
    );
    await page.getByTestId('map').screenshot({ path: 'tests/e2e/artifacts/planner-kindergarten-rings.png' });

    await page.reload();
    await app.ready(page);
    await expect.poll(() => page.getByTestId('proposal-verdict').textContent(), { timeout: 20_000 }).toBe('符合');
    await expect(page.getByLabel('类别', { exact: true }).inputValue()).resolves.toBe('kindergarten');
    await expect
      .poll(() => page.locator('.ring-label.ring-around-hazard', { hasText: '金陵中学东侧加油站' }).textContent())
      .toMatch(expected);
  });

  it('a proposed petrol station gets a labelled ring per rule, and the what-if fits its panel in English', async () => {
    await page.getByLabel('类别', { exact: true }).selectOption('fuel_station');
    // one circle for the rules at 50 m (重要公共建筑物, and 表4.0.4 note 3's main entrances): one label names both
    const ringAt50 = async () =>
      (await page.locator('.ring-label.ring-around-proposal').allTextContents()).find((x) => x.startsWith('50 m · '));
    await expect.poll(ringAt50).toMatch(/^50 m · 重要公共建筑物.*主要出入口.* · GB 50156 表4\.0\.4$/);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForSelector('html[lang="en"]');
    await expect.poll(ringAt50).toMatch(/^50 m · Important public building.* · GB 50156 表4\.0\.4$/);
    const panel = page.locator('section[aria-labelledby="whatif-h"]');
    await panel.scrollIntoViewIfNeeded();
    const overflowing = await panel.evaluate((root) =>
      [root, ...root.querySelectorAll<HTMLElement>('*')]
        .filter((e) => e.clientWidth > 0 && e.scrollWidth > e.clientWidth)
        .map((e) => `${e.tagName}.${e.className}: ${e.scrollWidth} > ${e.clientWidth}`),
    );
    expect(overflowing).toEqual([]);
    await panel.screenshot({ path: 'tests/e2e/artifacts/planner-whatif-en.png' });
  });
});
