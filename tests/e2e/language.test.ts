// The English switch: every heading, label, button, table header and accessible name of the app's own chrome reads
// in English (names from the data stay as written), the map's labels and attribution follow, and the choice
// survives a reload. Chinese is the default and comes back with the switch.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './useApp';

const app = useApp();
const HAN = /[\u3400-\u9fff]/;

/** Texts of the app's own chrome that contain Chinese: headings, labels, legends, table headers, summaries,
 *  buttons that are not data links, placeholders and accessible names. Values from the data the UI marks as
 *  <bdi class="data"> (a file's name, a rule's citation) are left out. */
async function chineseChrome(page: Page): Promise<string[]> {
  return page.evaluate((hanSource) => {
    const han = new RegExp(hanSource);
    const texts: string[] = [];
    const ownText = (el: HTMLElement): string => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const data of copy.querySelectorAll('bdi.data')) data.remove();
      return copy.textContent ?? '';
    };
    const chrome =
      'h1, h2, h3:not(.explain h3), h4:not(.import-report h4), legend, label, th[scope="col"], summary, caption, dt, button:not(.link):not(.lang-switch), .pager span';
    for (const el of document.querySelectorAll<HTMLElement>(chrome)) texts.push(ownText(el));
    for (const el of document.querySelectorAll<HTMLElement>('[placeholder]'))
      texts.push(el.getAttribute('placeholder')!);
    for (const el of document.querySelectorAll<HTMLElement>('[aria-label]:not(.lang-switch)'))
      texts.push(el.getAttribute('aria-label')!);
    for (const el of document.querySelectorAll<HTMLElement>('.zone-label b, .maplibregl-ctrl-attrib-inner'))
      texts.push(ownText(el));
    return texts.filter((t) => han.test(t));
  }, HAN.source);
}

describe('languages', () => {
  it('switches the whole UI to English and back, keeps the choice after a reload, and leaves data names alone', async () => {
    const page = await app.openApp();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await chineseChrome(page)).not.toEqual([]); // the check can see Chinese when it is there

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect(page.locator('h1').innerText()).resolves.toContain('Urban Safety Risk Map');
    // open what is closed by default, so its words are checked too
    await page.getByRole('button', { name: 'View or edit the rules' }).click();
    await page.getByRole('button', { name: 'Project list' }).click();
    await page.getByLabel('Find a site or zone').fill('金陵中学');
    await page
      .getByRole('list', { name: 'Search results' })
      .getByRole('button', { name: '金陵中学', exact: true })
      .click();
    const panel = page.getByTestId('detail-panel');
    await expect(panel.locator('dt').allInnerTexts()).resolves.toEqual(
      expect.arrayContaining(['Id', 'Category', 'Risk level']),
    );
    await expect(panel.locator('dd').allInnerTexts()).resolves.toContain('School');
    expect(await chineseChrome(page)).toEqual([]);
    // textContent: a label may be hidden where it would overlap another at this zoom
    await expect(page.locator('.zone-label b').first().textContent()).resolves.toMatch(
      /^(Major|Significant|General|Low|Not rated)$/,
    );

    await page.reload();
    await app.ready(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect(page.getByRole('heading', { name: 'Legend' }).isVisible()).resolves.toBe(true);

    await page.getByRole('button', { name: '切换到中文' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toContain('城市安全风险四色图');
    await expect(page.getByRole('heading', { name: '图例' }).isVisible()).resolves.toBe(true);
    await page.close();
  });
});
