// The page's first script draws the map before the app loads (src/app/boot.ts), and the app takes that same map over.
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { useApp } from './useApp';

const app = useApp();
const APP_SCRIPT = /\/assets\/main-[\w-]+\.js$/;

describe('the map before the app', () => {
  it('shows the map while the app is still loading, and the app adopts that canvas instead of drawing a second', async () => {
    const page = await app.session.newPage();
    let release = (): void => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(APP_SCRIPT, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(inject('baseUrl'), { waitUntil: 'commit' });
    // the map is in the start frame, the app is not there yet
    const canvas = page.locator('#boot canvas.maplibregl-canvas');
    await canvas.waitFor({ state: 'attached', timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('#boot .maplibregl-ctrl-zoom-in') !== null);
    expect(await page.locator('#root').innerHTML()).toBe('');
    await canvas.evaluate((c) => {
      c.dataset.madeAtStart = 'yes';
    });

    release();
    // the app's map region holds a canvas once its map view has mounted (not waiting for the demo to be drawn)
    await page.locator('[data-testid="map"] canvas.maplibregl-canvas').waitFor({ state: 'attached', timeout: 30_000 });
    expect(await page.locator('#boot').count()).toBe(0);
    const canvases = page.locator('canvas.maplibregl-canvas');
    expect(await canvases.count()).toBe(1);
    expect(await canvases.first().getAttribute('data-made-at-start')).toBe('yes');
    // inside the app's map region, which the tests and the app's labels read
    expect(await page.locator('[data-testid="map"] canvas[data-made-at-start="yes"]').count()).toBe(1);
    await page.close();
  });

  it('says so, in both languages, when the app cannot load, and keeps the map', async () => {
    const page = await app.session.newPage();
    await page.route(APP_SCRIPT, (route) => route.abort());
    await page.goto(inject('baseUrl'), { waitUntil: 'commit' });
    const alert = page.locator('#boot [role="alert"]');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toMatch(/应用未能加载.*The app did not load/);
    expect(await page.locator('#boot canvas.maplibregl-canvas').count()).toBe(1);
    await page.close();
  });
});
