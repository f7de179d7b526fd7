import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LEVELS } from '../../src/engine';
import { LEVEL_FILL } from '../../src/figures/palette';
import { BACKGROUND, ZONE_OPACITY } from '../../src/map/style';
import { useApp } from './useApp';
import { blend, countPixelsNear, hexToRgb } from './pixels';

// The grid test has a page of its own; the other three share one, in this order: the refused threshold edit changes
// nothing, scheme C is compared with A (the default), and relative mode comes last.
const { openApp, sharedApp } = useApp();

const legendCount = (page: Page, level: string, column: 1 | 2) =>
  page.locator(`.legend tr[data-level="${level}"] td`).nth(column).textContent();

describe('method and zoning in the app', () => {
  it('zones the city by a 2 km square grid in a worker, in four colours, and says so in the legend', async () => {
    const page = await openApp();
    await page.getByLabel('网格尺寸 (m)').fill('2000');
    await page.getByRole('radio', { name: /方形网格/ }).check();
    // wait for the grid assessment itself to be drawn (the district map has 11 zones)
    await page.waitForFunction(
      () => {
        const map = document.querySelector<HTMLElement>('[data-testid="map"]');
        return map?.dataset.mapReady === 'true' && Number(map.dataset.zoneCount) > 60;
      },
      undefined,
      { timeout: 60_000 },
    );
    await expect(page.locator('.legend').textContent()).resolves.toContain('2000 m 方形网格');
    expect(Number(await legendCount(page, 'red', 1))).toBeGreaterThan(0);
    const shot = await page.getByTestId('map').screenshot({ path: 'tests/e2e/artifacts/grid-2km.png' });
    for (const level of LEVELS) {
      const shown = blend(hexToRgb(LEVEL_FILL[level]), hexToRgb(BACKGROUND), ZONE_OPACITY);
      expect(countPixelsNear(shot, shown), `${level} pixels`).toBeGreaterThan(300);
    }
    expect(await page.locator('.zone-label').count()).toBe(0);
    await page.close();
  });

  it('refuses an invalid threshold edit with the field named, keeping the profile in force', async () => {
    const page = await sharedApp();
    const input = page.getByLabel('重大风险 D >');
    await input.fill('10'); // below the orange band's 160: bands must run from the highest down
    await input.blur();
    await expect(page.getByRole('alert').filter({ hasText: '方法设置未采用' }).textContent()).resolves.toMatch(
      /lec\.bands/,
    );
    await expect(page.getByLabel('重大风险 D >').inputValue()).resolves.toBe('320');
  });

  it('changing the matrix scheme re-scores the sites (scheme C has fewer orange cells than A)', async () => {
    const page = await sharedApp();
    const orangeBefore = Number(await legendCount(page, 'orange', 2));
    await page.getByLabel('方案').selectOption('matrix-C');
    await expect.poll(async () => Number(await legendCount(page, 'orange', 2))).toBeLessThan(orangeBefore);
  });

  it('switching to relative mode tells the reader the colours are relative ranks', async () => {
    const page = await sharedApp();
    await page.getByRole('radio', { name: /相对分级/ }).check();
    await expect(page.getByRole('note').filter({ hasText: '相对排名' }).textContent()).resolves.toContain(
      '不代表绝对风险',
    );
  });
});
