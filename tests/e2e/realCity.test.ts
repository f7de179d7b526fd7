// A city that is not the demo, as a new user would start it: a blank project, that city's zones and sites, and
// nothing of the demo (Nanjing's sites, districts or credits) anywhere in the page or in the exported white paper; the
// demo project is unchanged.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { useApp } from './useApp';

const app = useApp();
const { openApp, ready } = app;

/** Words that only the demo can have put on the page: Nanjing's districts, the demo's ids and its credit. */
const DEMO_WORDS = [
  '南京',
  '玄武区',
  '秦淮区',
  '建邺区',
  '鼓楼区',
  '浦口区',
  '栖霞区',
  '雨花台区',
  '江宁区',
  '六合区',
  '溧水区',
  '高淳区',
  'DEMO-',
  '示例数据',
  'OpenStreetMap',
];

async function createBlankProject(page: Page): Promise<void> {
  await page.getByRole('button', { name: '新建空白项目' }).click();
  const form = page.getByRole('form', { name: '新建空白项目(不含示例数据)' });
  await form.getByLabel('项目名称').fill('上海市 2026 年城市安全风险评估');
  await form.getByLabel('城市/评估范围').fill('上海市');
  await form.getByLabel('评估基准日').fill('2026-10-31');
  await form.getByLabel('数据来源署名').fill('区划:DataV.GeoAtlas(示意);场所:测试数据');
  await form.getByRole('button', { name: '创建' }).click();
  await page.getByRole('note').filter({ hasText: '此项目尚无数据' }).waitFor();
}

const demoWordsOn = (text: string) => DEMO_WORDS.filter((w) => text.includes(w));

describe('a real city from a blank project', () => {
  it('starts empty, takes another city’s zones and sites, shows nothing of the demo, and leaves the demo project as it was', async () => {
    const page = await openApp();
    page.on('dialog', (d) => void d.accept());
    const demoRevision = await page.getByText(/已自动保存/).textContent();

    await createBlankProject(page);
    // the map's labels follow the state one task after the panels: within moments nothing of the demo is left
    await expect.poll(async () => demoWordsOn(await page.locator('body').innerText()), { timeout: 5_000 }).toEqual([]);
    await expect(page.locator('.demo-banner').count()).resolves.toBe(0);

    await page.getByLabel(/上传分区 GeoJSON/).setInputFiles('tests/fixtures/cities/shanghai_districts.wgs84.geojson');
    await page.getByLabel(/上传风险点\/场所文件/).setInputFiles('tests/fixtures/shanghai-sites.csv');
    await expect(
      page
        .getByRole('region', { name: '导入报告 shanghai-sites.csv' })
        .getByTestId('accepted')
        .textContent({ timeout: 60_000 }),
    ).resolves.toBe('6');
    await ready(page);

    const text = await page.locator('body').innerText();
    expect(demoWordsOn(text)).toEqual([]);
    // the project's own credit is the map's, and its sites are assessed: the station 22 m from the school
    await expect(page.locator('.maplibregl-ctrl-attrib').innerText()).resolves.toContain('场所:测试数据');
    expect(text).toContain('浦东新区');
    await expect(
      page.getByRole('table', { name: '防护距离问题清单' }).locator('tr', { hasText: '示例中学' }).count(),
    ).resolves.toBe(1);
    // no scored site: every zone is 未评级, none 低
    const legendRow = page.locator('.legend tr', { hasText: '未评级 / 未评分' });
    await expect(legendRow.locator('td').nth(1).innerText()).resolves.toBe('16');
    await expect(page.locator('.legend tr[data-level="blue"] td').nth(1).innerText()).resolves.toBe('0');
    // and the map's zone labels say 未评级 readably: white text on dark grey, not on the label's own white ground
    const unrated = page.locator('.zone-label.level-unscored b').first();
    await expect(unrated.textContent()).resolves.toBe('未评级');
    await expect(
      unrated.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]),
    ).resolves.toEqual(['rgb(255, 255, 255)', 'rgb(89, 89, 89)']);
    // no drinking-water source in the data: the 500 m rule checked nothing, and says so rather than 符合
    await expect(page.getByTestId('rules-unchecked').innerText()).resolves.toContain('无检查对象');
    await page.getByRole('button', { name: '查看/编辑规则表' }).click();
    await expect(
      page.locator('tr[data-rule-id="city-fuel-water-source-500"] [data-testid="rule-checked"]').innerText(),
    ).resolves.toMatch(/^无检查对象.*4 个危险源未作核查/);

    // the exported white paper: named after the project and date, the project's credit on every figure, and nothing
    // of the demo in any of its files
    await page.getByRole('button', { name: '导出白皮书图表 (ZIP)' }).click();
    const form = page.getByRole('form', { name: '白皮书图表的评估基准日与数据来源' });
    await expect(form.getByLabel('评估基准日').inputValue()).resolves.toBe('2026-10-31');
    await form.getByRole('button', { name: '生成白皮书图表' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      form.getByRole('button', { name: '仍然导出' }).click(), // the gaps (未评级 zones, 无检查对象 rules) are listed first
    ]);
    expect(download.suggestedFilename()).toBe('上海市 2026 年城市安全风险评估-2026-10-31-白皮书图表.zip');
    const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    const textFiles = Object.keys(zip).filter((f) => /\.(csv|svg|html|json|geojson|sha256)$/.test(f));
    expect(textFiles.length).toBeGreaterThan(20);
    for (const f of textFiles) expect(demoWordsOn(new TextDecoder().decode(zip[f])), f).toEqual([]);
    for (const f of textFiles.filter((x) => x.startsWith('figures/') && x.endsWith('.svg'))) {
      const svg = new TextDecoder().decode(zip[f]);
      expect(svg, f).toContain('场所:测试数据');
      expect(svg, f).toContain('2026-10-31');
    }
    const f5 = new TextDecoder().decode(zip['figures/F5-setback-compliance.csv']);
    expect(f5).toContain('无检查对象');

    // after a reload the same project opens, still without the demo
    await page.reload();
    await ready(page);
    await expect(page.getByLabel('项目名称').first().inputValue()).resolves.toBe('上海市 2026 年城市安全风险评估');
    expect(demoWordsOn(await page.locator('body').innerText())).toEqual([]);

    // the demo project is still there and unchanged
    await page.getByRole('button', { name: '项目列表' }).click();
    await page
      .getByRole('row', { name: /南京示例项目/ })
      .getByRole('button', { name: '打开' })
      .click();
    await expect.poll(() => page.getByLabel('项目名称').first().inputValue()).toBe('南京示例项目');
    await ready(page);
    await expect(page.getByText(/已自动保存/).textContent()).resolves.toBe(demoRevision);
    await expect(page.locator('.demo-banner').count()).resolves.toBe(1);
    await page.close();
  });

  it('turns a copy of the demo into another city: the demo’s files are removed, its credit goes with them', async () => {
    const page = await openApp();
    page.on('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: '复制项目' }).click();
    await expect.poll(() => page.getByLabel('项目名称').first().inputValue()).toBe('南京示例项目 副本');
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: '移除示例数据' }).first().click(); // the demo's sites, OSM and rescue files
    await expect.poll(() => page.getByRole('button', { name: '移除示例数据' }).count()).toBe(0);
    await page.getByLabel(/上传分区 GeoJSON/).setInputFiles('tests/fixtures/cities/shanghai_districts.wgs84.geojson');
    await page.getByLabel(/上传风险点\/场所文件/).setInputFiles('tests/fixtures/shanghai-sites.csv');
    await expect(
      page
        .getByRole('region', { name: '导入报告 shanghai-sites.csv' })
        .getByTestId('accepted')
        .textContent({ timeout: 60_000 }),
    ).resolves.toBe('6');
    await ready(page);
    expect(demoWordsOn(await page.locator('body').innerText())).toEqual([]);
    await expect(page.getByLabel('数据来源署名').first().inputValue()).resolves.toBe('');
    await page.close();
  });
});
