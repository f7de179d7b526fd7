// Builds the app, serves it on 127.0.0.1 and opens it in headless Chromium for a browser benchmark; closes all after.
import type { Page } from 'playwright-core';
import { build, preview } from 'vite';
import { launchChromium } from '../tests/e2e/browser';

/** `minify: false` keeps the code's own function names (for profiles). */
export async function withServedApp(run: (page: Page) => Promise<void>, { minify = true } = {}): Promise<void> {
  await build({ logLevel: 'warn', ...(minify ? {} : { build: { minify: false } }) });
  const server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const session = await launchChromium();
  try {
    const page = await session.newPage();
    await page.goto(server.resolvedUrls!.local[0]!);
    await run(page);
  } finally {
    await session.close();
    await server.close();
  }
}
