import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { useApp } from './useApp';

// where the demo's DEMO-CTR-KNOWN station stands: 30 m east of 金陵中学 (WGS-84)
const KNOWN = readFileSync('data/demo/nanjing-sites.fictitious.csv', 'utf8')
  .split('\n')
  .find((l) => l.startsWith('DEMO-CTR-KNOWN'))!
  .split(',');
const [KNOWN_LON, KNOWN_LAT] = [KNOWN[3]!, KNOWN[4]!];
// One page for the file: each what-if replaces the proposal before it, the rule edit is put back with 恢复默认, the bad
// rule file is refused, and sorting and exporting change nothing.
const { sharedApp: openApp } = useApp();
/** the placed proposal as the view link carries it: its category and its points (lon,lat;lon,lat…) */
const linkedProposal = (page: Page) =>
  page.evaluate(() => {
    const p = new URLSearchParams(location.hash.slice(1));
    return { category: p.get('wi'), points: p.get('wig') };
  });

describe('what-if: a proposed site gets a verdict against everything loaded', () => {
  it('a petrol station typed at 30 m from 金陵中学 is 不符合, naming the school, rule and source; far away it is 符合', async () => {
    const page = await openApp();
    await page.getByLabel('类别', { exact: true }).selectOption('fuel_station');
    await page.getByLabel('站级').selectOption('2');
    await page.getByLabel('油气回收').selectOption('full');
    await page.getByLabel('经度', { exact: true }).fill(KNOWN_LON);
    await page.getByLabel('纬度', { exact: true }).fill(KNOWN_LAT);
    await page.getByRole('button', { name: '按坐标核查' }).click();
    await expect(page.getByTestId('proposal-verdict').textContent()).resolves.toBe('不符合');
    const findings = page.getByRole('table', { name: '拟建项目防护距离问题' });
    const row = findings.locator('tr', { has: page.locator('td', { hasText: /^金陵中学$/ }) });
    await expect(row.textContent()).resolves.toMatch(/不符合金陵中学30\.\d\d35.*gb50156-important-full:GB 50156/);
    await page.waitForSelector('[data-proposal-verdict="violation"]');
    await page.locator('[data-testid="map"]').screenshot({ path: 'tests/e2e/artifacts/what-if.png' });

    await page.getByLabel('经度', { exact: true }).fill('118.9000');
    await page.getByLabel('纬度', { exact: true }).fill('31.5000');
    await page.getByRole('button', { name: '按坐标核查' }).click();
    await expect.poll(() => page.getByTestId('proposal-verdict').textContent()).toBe('符合');
  });

  it('a proposed school converted from GCJ-02 lands ≈ 500 m from where WGS-84 would put it', async () => {
    const page = await openApp();
    await page.getByLabel('类别', { exact: true }).selectOption('school');
    await page.getByLabel('经度', { exact: true }).fill(KNOWN_LON);
    await page.getByLabel('纬度', { exact: true }).fill(KNOWN_LAT);
    await page.getByRole('button', { name: '按坐标核查' }).click();
    // in WGS-84 the school sits on the existing station: 不符合
    await expect.poll(() => page.getByTestId('proposal-verdict').textContent()).toBe('不符合');
    await page.getByRole('group', { name: '或输入坐标' }).getByLabel('坐标系').selectOption('gcj02');
    await page.getByRole('button', { name: '按坐标核查' }).click();
    // the same numbers read as GCJ-02 are ≈ 500 m south-west: clear of the 50 m rings
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: '拟建项目防护距离问题' })
          .locator('td', { hasText: '金陵中学东侧加油站(虚构)' })
          .count(),
      )
      .toBe(0);
  });

  it('places a proposal by clicking the map', async () => {
    const page = await openApp();
    await page.getByLabel('类别', { exact: true }).selectOption('fireworks_retail');
    // a proposal the tests before placed is re-judged as the new category where it stands: the click must move it
    await expect
      .poll(async () => (await linkedProposal(page)).category ?? 'fireworks_retail', { timeout: 10_000 })
      .toBe('fireworks_retail');
    const before = (await linkedProposal(page)).points;
    await page.getByRole('button', { name: '在地图上点选位置' }).click();
    const box = (await page.getByTestId('map').boundingBox())!;
    // beside the centre: a proposal placed before is framed there
    await page.mouse.click(box.x + box.width / 2 + 40, box.y + box.height / 2 + 30);
    await expect.poll(async () => (await linkedProposal(page)).points, { timeout: 10_000 }).not.toBe(before);
    expect((await linkedProposal(page)).points).toMatch(/^[\d.]+,[\d.]+$/); // one point
    await expect.poll(() => page.getByTestId('proposal-verdict').textContent()).toMatch(/^(符合|不符合|临界|未评估)$/);
  });
});

describe('what-if with a drawn area', () => {
  it('draws a proposed plant as a polygon of clicked vertices and judges it', async () => {
    const page = await openApp();
    await page.getByLabel('类别', { exact: true }).selectOption('hazchem_storage');
    await page.getByRole('button', { name: '在地图上绘制范围' }).click();
    const box = (await page.getByTestId('map').boundingBox())!;
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    for (const [dx, dy] of [
      [-20, -20],
      [20, -20],
      [20, 20],
      [-20, 20],
    ])
      await page.mouse.click(cx + dx!, cy + dy!);
    await page.getByRole('button', { name: '完成(4 个顶点)' }).click();
    await expect.poll(async () => (await linkedProposal(page)).points?.split(';').length, { timeout: 10_000 }).toBe(4); // the drawn area is the proposal
    // no assessed protection distance: any §19 target within 500 m makes it 未评估; otherwise 符合
    await expect.poll(() => page.getByTestId('proposal-verdict').textContent()).toMatch(/^(未评估|符合|不符合)$/);
    await page.getByLabel('外部安全防护距离 (m)').fill('300');
    await expect.poll(() => page.getByTestId('proposal-verdict').textContent()).toMatch(/^(符合|不符合|临界)$/);
  });
});

describe('rules and the violation list', () => {
  it('editing a rule re-assesses: 35 m → 25 m clears the violation at 金陵中学 (30 m)', async () => {
    const page = await openApp();
    const list = page.getByRole('table', { name: '防护距离问题清单' });
    const knownRow = list.locator('tr', { has: page.locator('td', { hasText: /^金陵中学$/ }) });
    expect(await knownRow.count()).toBe(1);
    await page.getByRole('button', { name: '查看/编辑规则表' }).click();
    const input = page.getByLabel('gb50156-important-full 距离(米)');
    await input.fill('25');
    await input.blur();
    await expect.poll(() => knownRow.count()).toBe(0);
    await page.getByRole('button', { name: '恢复默认', exact: true }).click(); // the rules' reset (the reach parameters have one too)
    await expect.poll(() => knownRow.count()).toBe(1);
    await expect(page.getByLabel('gb50156-important-full 距离(米)').inputValue()).resolves.toBe('35');
  });

  it('a bad rule file is refused with its line, and the table stays as it was', async () => {
    const page = await openApp();
    const before = await page.getByRole('table', { name: '防护距离问题清单' }).locator('tbody tr').count();
    const bad =
      'id,hazard_categories,target_classes,min_distance_m,source,status\nr1,fuel_station,important_public,abc,GB 50156,partly\n';
    await page
      .getByLabel(/导入规则表/)
      .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/bad\.csv.*line 2.*min_distance_m/);
    expect(await page.getByRole('table', { name: '防护距离问题清单' }).locator('tbody tr').count()).toBe(before);
  });

  it('sorts by distance and exports the list as XLSX with Chinese headers, a frozen header and every rule’s source', async () => {
    const page = await openApp();
    await page.getByRole('button', { name: /^实测 m/ }).click();
    const distances = await page.locator('table.violations tbody tr td:nth-child(4)').allTextContents();
    expect(distances.map(Number)).toEqual([...distances.map(Number)].sort((x, y) => x - y));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出当前列表 XLSX' }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('状态');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount - 1).toBe(distances.length);
    for (let r = 2; r <= sheet.rowCount; r++)
      expect(String(sheet.getRow(r).getCell(10).value)).toMatch(/GB|AQ \d|条例|办法|基本安全条件|城市自定规则/); // a national or sector standard (AQ: 安全生产行业标准), a regulation or a labelled city rule
  });
});
