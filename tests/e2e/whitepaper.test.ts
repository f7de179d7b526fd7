// The white-paper export in the real app: one click gives a zip whose every file equals, byte for byte, what the
// CLI writes for the same inputs; the report prints to a clean A4 PDF; the main thread stays free meanwhile.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { runAssess } from '../../src/cli/runAssess';
import { whitepaperTitle } from '../../src/whitepaper/bundle';
import { useApp } from './useApp';

const app = useApp();
const { openApp } = app;

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

describe('白皮书图表 export', () => {
  it('downloads a zip identical to the CLI output for the demo inputs, with a progress bar and no long main-thread task', async () => {
    const page = await openApp();
    await page.evaluate(() => {
      (window as unknown as { longTasks: number[] }).longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) (window as unknown as { longTasks: number[] }).longTasks.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: '导出白皮书图表 (ZIP)' }).click(),
      page.getByRole('progressbar', { name: '白皮书导出进度' }).waitFor(),
    ]);
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    expect(Math.max(0, ...longTasks)).toBeLessThan(200);
    const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));

    const out = mkdtempSync(join(tmpdir(), 'usrm-wp-'));
    await runAssess({
      whitepaper: true, crs: 'wgs84', out, title: whitepaperTitle('南京示例项目'),
      zones: 'data/demo/nanjing-districts.wgs84.geojson',
      sites: ['data/demo/nanjing-sites.fictitious.csv', 'data/demo/nanjing-osm.geojson'],
    });
    const cliFiles = listFiles(out).map((p) => relative(out, p).split('\\').join('/')).sort();
    expect(Object.keys(zip).sort()).toEqual(cliFiles);
    for (const path of cliFiles) {
      expect(Buffer.from(zip[path]!).equals(readFileSync(join(out, path))), path).toBe(true);
    }
    expect(cliFiles).toEqual(expect.arrayContaining([
      'figures/F1-zoning-map.svg', 'figures/F1-zoning-map.png', 'figures/F5-setback-compliance.csv', 'tables/T1-major-risks.xlsx',
      'tables/T3-method-data.csv', 'whitepaper.html', 'summary.json', 'checksums.sha256',
    ]));
    await page.close();
  });

  it('compares with a previous summary.json in F6; a file that is not a summary is refused and changes nothing', async () => {
    const page = await openApp();
    const input = page.getByLabel('上期评估 summary.json(图6)');
    await input.setInputFiles({ name: 'not-a-summary.json', mimeType: 'application/json', buffer: Buffer.from('{"rows": 3}') });
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('不是评估结果 summary.json');
    await expect.poll(() => page.getByTestId('previous-assessment').innerText()).toContain('未载入上期评估');
    const previous = { data_date: '2025-11-01', sites_by_level: { red: 30, orange: 1, yellow: 2, blue: 3, unscored: 0 }, zones_by_level: { red: 5, orange: 0, yellow: 0, blue: 0, unscored: 0 } };
    await input.setInputFiles({ name: 'summary-2025.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(previous)) });
    await expect.poll(() => page.getByTestId('previous-assessment').innerText()).toContain('summary-2025.json(2025-11-01)');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: '导出白皮书图表 (ZIP)' }).click(),
    ]);
    const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    const svg = new TextDecoder().decode(zip['figures/F6-change.svg']);
    expect(svg).toContain('上期:summary-2025.json(2025-11-01)');
    const csv = new TextDecoder().decode(zip['figures/F6-change.csv']);
    expect(csv.split('\n')[1]).toMatch(/^重大风险,30,/);
    await page.close();
  });

  it('prints whitepaper.html to an A4 PDF with landscape pages for the wide tables', async () => {
    const out = mkdtempSync(join(tmpdir(), 'usrm-wp-'));
    await runAssess({
      whitepaper: true, crs: 'wgs84', out, dataDate: '2026-11-01',
      zones: 'data/demo/nanjing-districts.wgs84.geojson',
      sites: ['data/demo/nanjing-sites.fictitious.csv', 'data/demo/nanjing-osm.geojson'],
    });
    const page = await app.session.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`file://${join(out, 'whitepaper.html')}`);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const text = pdf.toString('latin1');
    const sizes = [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(sizes.length).toBeGreaterThan(8);
    expect(sizes).toContainEqual([595, 842]); // A4 portrait, points
    expect(sizes).toContainEqual([842, 595]); // A4 landscape for T1/T2
    expect(errors).toEqual([]);
    await page.close();
  });
});
