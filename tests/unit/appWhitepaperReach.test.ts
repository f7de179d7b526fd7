// The app's white paper with a road network and a population grid equals the CLI's for the same files, byte for
// byte: the app passes the reach the engine assessed (ui/ExportPanel.whitepaperInput), and lists the road and
// population files with the inputs as the CLI lists --roads and --population. In-process engine; the browser's
// export of the demo (no roads: 初筛) is compared with the CLI in tests/e2e/whitepaper.test.ts.
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
import { NANJING_CENTRE, populationBoxGeoJson, roadGridGeoJson } from '../helpers/roadGrid';
import { loadDemo } from '../../src/state/slices/project';
import { importPopulation, importRoads } from '../../src/state/reachInputs';

const SITE_FILES = ['nanjing-sites.fictitious.csv', 'nanjing-rescue.fictitious.csv'];
const ZONES = 'nanjing-districts.wgs84.geojson';
const demo = (name: string) => new Uint8Array(readFileSync(`data/demo/${name}`));

describe('the app’s white paper with roads and population', () => {
  it('is the CLI’s white paper for the same files, byte for byte, reach computed on the roads', {
    timeout: 240_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'usrm-app-wp-'));
    const roads = roadGridGeoJson(NANJING_CENTRE, 12);
    const population = populationBoxGeoJson(NANJING_CENTRE, 50000);
    writeFileSync(join(dir, 'streets.geojson'), roads);
    writeFileSync(join(dir, 'people.geojson'), population);

    const store = createAppStore();
    const services = { store, engine: createEngineClient() };
    await loadDemo(
      services,
      {
        zones: { file: ZONES, bytes: demo(ZONES) },
        sites: SITE_FILES.map((file) => ({ file, bytes: demo(file), crs: 'wgs84' as const })),
      },
      { id: 'p', name: '路网项目', city: '', assessmentDate: '', dataCredit: '', notes: '' },
    );
    await importRoads(services, 'streets.geojson', new Blob([roads]));
    await importPopulation(services, 'people.geojson', new TextEncoder().encode(population));
    const input = (await whitepaperInput(store.getState()))!;
    expect(input.reach?.result.mode).toBe('network');
    const app = new Map((await whitepaperFilesInNode(input)).map((f) => [f.path, fileBytes(f)]));

    const out = join(dir, 'cli');
    await runAssess({
      whitepaper: true,
      crs: 'wgs84',
      out,
      title: whitepaperTitle('路网项目'),
      zones: `data/demo/${ZONES}`,
      sites: SITE_FILES.map((f) => `data/demo/${f}`),
      roads: join(dir, 'streets.geojson'),
      population: join(dir, 'people.geojson'),
    });
    const cli = writtenPaths(out);
    expect([...app.keys()].sort()).toEqual(cli);
    expect(cli).toEqual(expect.arrayContaining(['figures/F7-reach-map.svg', 'cover.csv', 'shelter-cells.csv']));
    for (const path of cli) expect(Buffer.from(app.get(path)!).equals(readFileSync(join(out, path))), path).toBe(true);
    expect(new TextDecoder().decode(app.get('figures/F7-reach-map.svg'))).not.toContain('初筛');
  });
});
