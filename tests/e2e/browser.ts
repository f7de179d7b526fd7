// Real headless Chromium (Debian's package) driven by playwright-core; flags from STACK.md that render WebGL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserSession {
  browser: Browser | BrowserContext;
  newPage: BrowserContext['newPage'];
  close(): Promise<void>;
}

export async function launchChromium(): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'usrm-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
    args: [
      '--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    ],
  });
  return {
    browser: context,
    newPage: context.newPage.bind(context),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
