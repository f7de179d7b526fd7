// Real headless Chromium (Debian's package) driven by playwright-core; flags that make WebGL render
// headless (SwiftShader through ANGLE; without them the map canvas stays blank).
// Every page gets a fresh context (its own IndexedDB and storage), so tests share nothing.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserSession {
  browser: Browser;
  /** a page in a new, empty context */
  newPage(): Promise<Page>;
  /** a context of its own, for tests that open several pages on the same storage (service workers blocked unless allowed) */
  newContext(options?: { serviceWorkers?: 'allow' | 'block' }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** `extraArgs`: more Chromium flags (benchmarks: V8's GC trace) */
export async function launchChromium(extraArgs: string[] = []): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      ...extraArgs,
    ],
  });
  // The app's service worker precaches the whole build (~10 MB) in every fresh context: blocked unless a test asks
  // for it (the offline test), so the other pages do not all pay for it.
  const newContext = (options: { serviceWorkers?: 'allow' | 'block' } = {}) =>
    browser.newContext({
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
      serviceWorkers: options.serviceWorkers ?? 'block',
    });
  return {
    browser,
    newContext,
    async newPage() {
      const context = await newContext();
      const page = await context.newPage();
      page.on('close', () => void context.close().catch(() => undefined)); // already gone when the browser shuts down
      return page;
    },
    close: () => browser.close(),
  };
}
