// The app's road network and population grid for rescue within reach (issue #21): uploaded, used by the assessment,
// refused whole when bad (what was loaded stays), removed; carried by the project file. The city's zone raise is
// switched through its action. In-process engine (Node has no Worker); IndexedDB is covered by tests/e2e.
// Each test loads the demo city and assesses it a few times: seconds on a loaded 2-core machine (hence the timeouts).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createAppStore } from '../../src/state/store';
import { projectFromState } from '../../src/state/projects';
import { assessedReach } from '../../src/state/assessedReach';
import { createEngineClient } from '../../src/worker/engineClient';
import { whitepaperInput } from '../../src/ui/ExportPanel';
import { activeReach } from '../../src/whitepaper/bundle';
import { NANJING_CENTRE, populationBoxGeoJson, roadGridGeoJson } from '../helpers/roadGrid';
import { setReachRaise } from '../../src/state/slices/method';
import { applyProject, loadDemo } from '../../src/state/slices/project';
import { setZoning } from '../../src/state/slices/data';
import { importPopulation, importRoads, removePopulation, removeRoads } from '../../src/state/reachInputs';

const demoFile = (name: string) => new Uint8Array(readFileSync(`data/demo/${name}`));
const files = {
  zones: { file: 'nanjing-districts.wgs84.geojson', bytes: demoFile('nanjing-districts.wgs84.geojson') },
  sites: [
    { file: 'nanjing-sites.fictitious.csv', bytes: demoFile('nanjing-sites.fictitious.csv'), crs: 'wgs84' as const },
    { file: 'nanjing-rescue.fictitious.csv', bytes: demoFile('nanjing-rescue.fictitious.csv'), crs: 'wgs84' as const },
  ],
};
const meta = { id: 'p1', name: 'demo', city: '', assessmentDate: '', dataCredit: '', notes: '' };
const text = (s: string) => new TextEncoder().encode(s);
const roadFile = new Blob([roadGridGeoJson(NANJING_CENTRE, 12)]);
/** one square unit over central Nanjing with 50 000 people */
const populationFile = text(populationBoxGeoJson(NANJING_CENTRE, 50000));

async function demo() {
  const store = createAppStore();
  const engine = createEngineClient();
  const services = { store, engine };
  await loadDemo(services, files, meta);
  const reach = () => assessedReach.of(store.getState().assessment!);
  return { store, engine, services, reach };
}

describe('road network and population grid in the app', { timeout: 60_000 }, () => {
  it('screens without roads; an uploaded road network is used (network mode) and can be removed', async () => {
    const { store, services, reach } = await demo();
    expect(reach()?.result.mode).toBe('screening');
    await importRoads(services, 'streets.geojson', roadFile);
    const roads = store.getState().roads!;
    expect(roads).toMatchObject({ file: 'streets.geojson', lines: 24 });
    expect(roads.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(reach()?.result.mode).toBe('network');
    expect(reach()?.result.road?.edges).toBeGreaterThan(0);
    await removeRoads(services);
    expect(store.getState().roads).toBeNull();
    expect(reach()?.result.mode).toBe('screening');
  });

  it('refuses a bad road file with the reason and keeps the road network in use', async () => {
    const { store, services, reach } = await demo();
    await importRoads(services, 'streets.geojson', roadFile);
    const before = store.getState();
    const points = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [118.8, 32] } }],
    });
    await importRoads(services, 'points.geojson', new Blob([points]));
    expect(store.getState().reachFileError).toMatchObject({ params: { file: 'points.geojson' } });
    expect(JSON.stringify(store.getState().reachFileError)).toContain('LineString');
    expect(store.getState().roads).toBe(before.roads);
    expect(store.getState().assessment).toBe(before.assessment);
    await importRoads(services, 'empty.geojson', new Blob(['{"type":"FeatureCollection","features":[]}']));
    expect(store.getState().reachFileError).toMatchObject({ params: { message: { key: 'reach.roadsEmpty' } } });
    expect(store.getState().roads).toBe(before.roads);
    // the roads held are still the engine's (a refused file did not replace them)
    await setZoning(services, { kind: 'polygons' });
    expect(reach()?.result.mode).toBe('network');
  });

  it('uses a population grid for the shelters, refuses one without population, and removes it', async () => {
    const { store, services, reach } = await demo();
    expect(reach()?.result.shelters?.populationSource).not.toBe('grid');
    const noPeople = text(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { id: 'x' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [118.7, 31.95],
                  [118.9, 31.95],
                  [118.9, 32.12],
                  [118.7, 31.95],
                ],
              ],
            },
          },
        ],
      }),
    );
    await importPopulation(services, 'no-people.geojson', noPeople);
    expect(store.getState().reachFileError).toMatchObject({
      params: { file: 'no-people.geojson', message: { key: 'reach.populationNone' } },
    });
    expect(store.getState().population).toBeNull();
    await importPopulation(services, 'people.geojson', populationFile);
    expect(store.getState().reachFileError).toBeNull();
    expect(store.getState().population).toMatchObject({
      file: 'people.geojson',
      zones: [{ id: 'g1', population: 50000 }],
    });
    expect(reach()?.result.shelters?.populationSource).toBe('grid');
    await importPopulation(services, 'broken.geojson', text('{"type":'));
    expect(store.getState().population?.file).toBe('people.geojson');
    await removePopulation(services);
    expect(store.getState().population).toBeNull();
    expect(reach()?.result.shelters?.populationSource).not.toBe('grid');
  });

  it('carries both in the project file: read back, the roads are held again and used', async () => {
    const { store, engine, services, reach } = await demo();
    await importRoads(services, 'streets.geojson', roadFile);
    await importPopulation(services, 'people.geojson', populationFile);
    const { bytes } = await engine.writeProjectFile(projectFromState(store.getState())!);
    const { project } = await engine.readProjectFile(bytes);
    expect(project.roads).toMatchObject({ file: 'streets.geojson', lines: 24, sha256: store.getState().roads!.sha256 });
    expect(project.roads!.id).not.toBe(store.getState().roads!.id);
    expect(await project.roads!.source.text()).toBe(await roadFile.text());
    expect(project.population?.zones).toHaveLength(1);

    const other = createAppStore();
    const otherServices = { store: other, engine };
    await applyProject(otherServices, { ...project, datasets: [] });
    // no sites: the roads are still read (network mode), but there is nothing to cover
    expect(assessedReach.of(other.getState().assessment!)?.result).toMatchObject({ mode: 'network', cover: null });
    await removeRoads(services);
    expect(reach()?.result.mode).toBe('screening');
    // the imported roads are held under their own id: removing the first project's roads left them
    await applyProject(otherServices, { ...project, datasets: store.getState().datasets });
    expect(assessedReach.of(other.getState().assessment!)?.result.mode).toBe('network');
  });
});

describe('the app’s white paper input', { timeout: 60_000 }, () => {
  it('carries the reach the engine assessed, and lists the road and population files with the inputs', async () => {
    const { store, services, reach } = await demo();
    expect(activeReach((await whitepaperInput(store.getState()))!)?.result).toBe(reach()!.result);
    await importRoads(services, 'streets.geojson', roadFile);
    await importPopulation(services, 'people.geojson', populationFile);
    const input = (await whitepaperInput(store.getState()))!;
    expect(input.reach).toEqual({ result: reach()!.result, profile: reach()!.profile });
    expect(input.reach?.result.mode).toBe('network');
    expect(input.digests.map((d) => d.file)).toEqual(expect.arrayContaining(['streets.geojson', 'people.geojson']));
    expect(input.digests.find((d) => d.file === 'streets.geojson')?.sha256).toBe(store.getState().roads!.sha256);
  });
});

describe('the city’s zone raise in the app', { timeout: 60_000 }, () => {
  it('is off by default; switched on, zones with red/orange sites out of reach go up one level and say why', async () => {
    const { store, services } = await demo();
    expect(store.getState().profile.reachRaise.enabled).toBe(false);
    const before = store.getState().assessment!;
    expect(before.zones.some((z) => z.reason.includes('城市自定规则'))).toBe(false);
    await setReachRaise(services, true);
    expect(store.getState().profile.reachRaise.enabled).toBe(true);
    const raised = store.getState().assessment!.zones.filter((z) => z.reason.includes('救援可达(城市自定规则,非标准)'));
    expect(raised.length).toBeGreaterThan(0);
    await setReachRaise(services, false);
    expect(store.getState().assessment!.zones.map((z) => z.level)).toEqual(before.zones.map((z) => z.level));
  });
});
