// Shared set-up for the browser tests: one Chromium per test file, a fresh context per page, and openApp() that
// loads the built app and waits until the map is drawn and the project is saved.
import { afterAll, beforeAll, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type BrowserSession } from './browser';

export interface AppHarness {
  readonly session: BrowserSession;
  /** open the app in `page` (default: a new page in a fresh context); `watch` may attach listeners before loading */
  openApp(page?: Page, watch?: (page: Page) => void): Promise<Page>;
  /** wait until the map is drawn and the project saved */
  ready(page: Page): Promise<void>;
}

export function useApp(): AppHarness {
  const baseUrl = inject('baseUrl');
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
  });
  const ready = async (page: Page) => {
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 45_000 });
    await page.waitForSelector('[data-save-status="saved"]', { timeout: 20_000 });
  };
  return {
    get session() {
      if (!session) throw new Error('the browser starts in beforeAll');
      return session;
    },
    ready,
    async openApp(page, watch) {
      const p = page ?? (await session!.newPage());
      watch?.(p);
      await p.goto(baseUrl);
      await ready(p);
      return p;
    },
  };
}
