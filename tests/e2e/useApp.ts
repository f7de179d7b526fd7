// Shared set-up for the browser tests: one Chromium per test file, a fresh context per page, and openApp() that
// loads the built app and waits until the map is drawn and the project is saved.
//
// Loading the demo costs a few seconds of CPU per page on the 2-core machine, so a file's tests that only look at
// the demo (or change it in ways the tests after them allow) share one page: sharedApp() opens it on first use and
// closes it after the file. A test that stores, reloads or needs the demo as first loaded opens its own page.
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type BrowserSession } from './browser';

export interface AppHarness {
  readonly session: BrowserSession;
  /** open the app in `page` (default: a new page in a fresh context); `watch` may attach listeners before loading */
  openApp(page?: Page, watch?: (page: Page) => void): Promise<Page>;
  /** wait until the map is drawn and the project saved */
  ready(page: Page): Promise<void>;
  /**
   * The file's shared page of the demo: opened (in a fresh context, `watch` attached before loading) by the first test
   * that asks, the same page for every later test, closed after the file (or after a test that failed: the next test
   * gets a fresh one). Run alone, a test still gets it fresh.
   */
  sharedApp(watch?: (page: Page) => void): Promise<Page>;
}

export function useApp(): AppHarness {
  const baseUrl = inject('baseUrl');
  let session: BrowserSession | undefined;
  let shared: Promise<Page> | undefined;
  beforeAll(async () => {
    // Compositing in software: the map's WebGL still draws through SwiftShader, but the page's layers are no longer
    // composited through it too (the GPU process took 3.3 CPU-s per demo load with it, 1.8 s without; the benchmarks,
    // which time rendering, keep Chromium's default)
    session = await launchChromium(['--disable-gpu-compositing']);
  });
  // a test that failed may have left the shared page in any state: the next test gets a fresh one, so one failure is
  // reported once rather than again by every test after it
  afterEach(async (ctx) => {
    if (shared && ctx.task.result?.state === 'fail') {
      const page = shared;
      shared = undefined;
      await (await page.catch(() => undefined))?.close();
    }
  });
  afterAll(async () => {
    if (shared) await (await shared.catch(() => undefined))?.close();
    await session?.close();
  });
  const ready = async (page: Page) => {
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 45_000 });
    await page.waitForSelector('[data-save-status="saved"]', { timeout: 20_000 });
  };
  const openApp: AppHarness['openApp'] = async (page, watch) => {
    const p = page ?? (await session!.newPage());
    watch?.(p);
    await p.goto(baseUrl);
    await ready(p);
    return p;
  };
  return {
    get session() {
      if (!session) throw new Error('the browser starts in beforeAll');
      return session;
    },
    ready,
    openApp,
    sharedApp(watch) {
      if (!shared) {
        shared = openApp(undefined, watch);
        shared.catch(() => (shared = undefined)); // a failed load is not handed to the next test
      }
      return shared;
    },
  };
}
