// A basemap host given in a .env file must reach the page's CSP, as it reaches the UI through import.meta.env.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from 'vite';
import { cspBasemapHosts } from '../../scripts/cspBasemapHosts';

const PAGE = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data: blob:; connect-src 'self' blob:">`;

async function cspFor(envFile: string | null): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'usrm-env-'));
  if (envFile !== null) writeFileSync(join(dir, '.env'), envFile);
  const plugin = cspBasemapHosts();
  await resolveConfig({ configFile: false, root: dir, envDir: dir, logLevel: 'silent', plugins: [plugin] }, 'build');
  const transform = plugin.transformIndexHtml as (html: string) => string;
  return /content="([^"]*)"/.exec(transform(PAGE))![1]!;
}

describe('the CSP of index.html', () => {
  it('lists a basemap host set in .env in img-src and connect-src', async () => {
    const csp = await cspFor('VITE_BASEMAP_HOSTS=t0.tianditu.gov.cn\n');
    expect(csp).toMatch(/img-src [^;]*https:\/\/t0\.tianditu\.gov\.cn/);
    expect(csp).toMatch(/connect-src [^;]*https:\/\/t0\.tianditu\.gov\.cn/);
  });

  it('allows no outside host when none is set', async () => {
    expect(await cspFor(null)).not.toMatch(/https:/);
  });
});
