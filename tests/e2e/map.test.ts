import { describe, expect, it } from 'vitest';
import { useApp } from './useApp';

const { openApp } = useApp();

describe('finding things on the map', () => {
  it('search finds a school, flies to it and explains it; 全市 frames the whole city again', async () => {
    const page = await openApp();
    const scale = page.locator('.maplibregl-ctrl-scale');
    await expect(scale.textContent()).resolves.toMatch(/km/);
    await page.getByLabel('搜索场所或分区').fill('金陵中学');
    const results = page.getByRole('list', { name: '搜索结果' });
    await results.getByRole('button', { name: '金陵中学', exact: true }).click();
    await expect(page.locator('.maplibregl-popup .explain h3').textContent()).resolves.toBe('金陵中学');
    await expect.poll(() => scale.textContent()).toMatch(/^\d+\s?m$/); // street scale
    await page.getByRole('button', { name: '全市' }).click();
    await expect.poll(() => scale.textContent()).toMatch(/km/);
    await page.close();
  });

  it('finds zones by name and says when nothing matches', async () => {
    const page = await openApp();
    await page.getByLabel('搜索场所或分区').fill('高淳');
    await expect(page.getByRole('list', { name: '搜索结果' }).textContent()).resolves.toContain('分区 · 低风险');
    await page.getByLabel('搜索场所或分区').fill('不存在的地方');
    await expect(page.getByRole('status').filter({ hasText: '没有找到' }).textContent()).resolves.toContain('不存在的地方');
    await page.close();
  });
});
