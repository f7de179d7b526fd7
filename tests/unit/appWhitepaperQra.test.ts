// The app's white paper with QRA contours and F–N curves equals the CLI's for the same files, byte for byte: the app
// passes the contours and curves it keeps (ui/ExportPanel.whitepaperInput) and lists their files with their reports
// and checksums as the CLI lists --contours and --fn. In-process engine; the contour rings are built with
// geographiclib round a demo hazchem store.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writtenPaths } from '../helpers/files';
import { createAppStore } from '../../src/state/store';
import { createEngineClient } from '../../src/worker/engineClient';
import { whitepaperInput } from '../../src/ui/ExportPanel';
import { whitepaperFilesInNode } from '../../src/cli/writeWhitepaper';
import { fileBytes } from '../../src/whitepaper/bundle';
import { whitepaperTitle } from '../../src/whitepaper/title';
import { runAssess } from '../../src/cli/runAssess';
import { geodesicCircle } from '../helpers/geodesicCircle';
import { loadDemo } from '../../src/state/slices/project';
import { importFnCurves } from '../../src/state/fnFiles';
import { importContours } from '../../src/state/contourFiles';

const SITE_FILES = ['nanjing-sites.fictitious.csv', 'nanjing-osm.geojson'];
const ZONES = 'nanjing-districts.wgs84.geojson';
const demo = (name: string) => new Uint8Array(readFileSync(`data/demo/${name}`));
const STORE: [number, number] = [118.7707, 32.0405]; // near DEMO-CTR-018; the rings only need to be round it

describe('the app’s white paper with QRA contours and F–N curves', () => {
  it('is the CLI’s white paper for the same files, byte for byte', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'usrm-app-qra-'));
    const sites = readFileSync(`data/demo/${SITE_FILES[0]}`, 'utf8');
    const row = sites
      .split('\n')
      .find((l) => l.startsWith('DEMO-CTR-018,'))!
      .split(',');
    const at: [number, number] = [Number(row[3]), Number(row[4])];
    expect(Math.abs(at[0] - STORE[0]) + Math.abs(at[1] - STORE[1])).toBeLessThan(0.01);
    const contours = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        [1e-5, 100],
        [1e-6, 250],
        [3e-7, 420],
      ].map(([risk, m]) => ({
        type: 'Feature',
        properties: { installation_id: 'DEMO-CTR-018', individual_risk: risk, installation_status: '在役' },
        geometry: geodesicCircle(at, m!),
      })),
    });
    const fn = 'installation_id,N,F\nDEMO-CTR-018,1,5e-4\nDEMO-CTR-018,10,8e-5\nDEMO-CTR-018,100,2e-6\n';
    writeFileSync(join(dir, 'qra.geojson'), contours);
    writeFileSync(join(dir, 'fn.csv'), fn);

    const store = createAppStore();
    const services = { store, engine: createEngineClient() };
    await loadDemo(
      services,
      {
        zones: { file: ZONES, bytes: demo(ZONES) },
        sites: SITE_FILES.map((file) => ({ file, bytes: demo(file), crs: 'wgs84' as const })),
      },
      { id: 'p', name: '定量风险项目', city: '', assessmentDate: '', dataCredit: '', notes: '' },
    );
    await importContours(services, 'qra.geojson', new TextEncoder().encode(contours));
    await importFnCurves(services, 'fn.csv', new TextEncoder().encode(fn));
    expect(store.getState().contourFiles[0]?.contours).toHaveLength(3);
    expect(store.getState().assessment!.findings.some((v) => v.risk)).toBe(true);
    const app = new Map(
      (await whitepaperFilesInNode((await whitepaperInput(store.getState()))!)).map((f) => [f.path, fileBytes(f)]),
    );

    const out = join(dir, 'cli');
    await runAssess({
      whitepaper: true,
      crs: 'wgs84',
      out,
      title: whitepaperTitle('定量风险项目'),
      zones: `data/demo/${ZONES}`,
      sites: SITE_FILES.map((f) => `data/demo/${f}`),
      contours: [join(dir, 'qra.geojson')],
      fn: [join(dir, 'fn.csv')],
    });
    const cli = writtenPaths(out);
    expect([...app.keys()].sort()).toEqual(cli);
    expect(cli).toEqual(expect.arrayContaining(['societal-risk.csv']));
    const differing = cli.filter((path) => !Buffer.from(app.get(path)!).equals(readFileSync(join(out, path))));
    for (const p of differing) writeFileSync(join(dir, `app-${p.replace(/\//g, '_')}`), app.get(p)!);
    if (differing.length) console.info(`differing: ${differing.join(', ')}; the app's copies are in ${dir}`);
    expect(differing).toEqual([]);
  });
});
