// What a planner does on the map, each measured as the longest main-thread task it causes (the page's `longtask`
// entries): a level filter switched off and on, a pan, a wheel zoom, a click; and a street-scale view reached by a link.
import type { Page } from 'playwright-core';
import { longestTask, resetLongTasks } from './longTasks';

export const attr = async (page: Page, name: string) => Number(await page.getByTestId('map').getAttribute(name));

/** A level filter switched off and on again: time until re-rendered, and the longest main-thread task meanwhile. */
export async function filterChange(page: Page): Promise<{ ms: number; longestTask: number }> {
  await resetLongTasks(page);
  const toggle = async () => {
    const before = await attr(page, 'data-filtered-at');
    const t0 = await page.evaluate(() => performance.now());
    await page.locator('.map-filters label', { hasText: '低风险' }).locator('input').click();
    await page.waitForFunction(
      (b) => Number(document.querySelector('[data-testid="map"]')!.getAttribute('data-filtered-at')) > b,
      before,
      { timeout: 120_000 },
    );
    return (await attr(page, 'data-filtered-at')) - t0;
  };
  const ms = await toggle();
  await toggle(); // restore, and let it render before anything else is measured
  await page.waitForTimeout(500);
  return { ms, longestTask: await longestTask(page) };
}

/** A click in the middle of the map (selects and explains whatever is there): the longest task it causes. */
export async function clickLongestTaskMs(page: Page): Promise<number> {
  await resetLongTasks(page);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(1500);
  const ms = await longestTask(page);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(500);
  return ms;
}

/**
 * Moves the map to a street-scale view through the URL hash (as a pasted link), and waits for it to be drawn: the
 * longest task meanwhile (the first street view compiles the site layers' shaders).
 */
export async function goToStreet(page: Page): Promise<number> {
  await resetLongTasks(page);
  await page.evaluate(() => (location.hash = 'map=14.00/31.95000/118.85000'));
  await page.waitForTimeout(4000);
  return longestTask(page);
}

export async function panLongestTaskMs(page: Page): Promise<number> {
  await resetLongTasks(page);
  const box = (await page.getByTestId('map').boundingBox())!;
  const cx = box.x + box.width / 2,
    cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 0; i < 40; i++)
    await page.mouse.move(cx + 200 * Math.sin(i / 6), cy + 120 * Math.cos(i / 6), { steps: 2 });
  await page.mouse.up();
  await page.waitForTimeout(1000);
  return longestTask(page);
}

/** Eight wheel notches in and eight out over the middle of the map: the longest task they cause. */
export async function zoomLongestTaskMs(page: Page): Promise<number> {
  await resetLongTasks(page);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (const dy of [...Array(8).fill(-120), ...Array(8).fill(120)]) {
    await page.mouse.wheel(0, dy);
    await page.waitForTimeout(150);
  }
  await page.waitForTimeout(1500);
  return longestTask(page);
}
