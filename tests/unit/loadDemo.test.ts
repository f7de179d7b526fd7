import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createAppStore } from '../../src/state/store';
import { createEngineClient, type EngineClient } from '../../src/worker/engineClient';
import { DEFAULT_PROFILE, DEFAULT_RULES } from '../../src/engine';
import { PROJECT_SCHEMA } from '../../src/io';
import { applyProject, loadDemo } from '../../src/state/slices/project';

const demoFile = (name: string) => new Uint8Array(readFileSync(`data/demo/${name}`));
const files = {
  zones: { file: 'nanjing-districts.wgs84.geojson', bytes: demoFile('nanjing-districts.wgs84.geojson') },
  sites: [
    { file: 'nanjing-sites.fictitious.csv', bytes: demoFile('nanjing-sites.fictitious.csv'), crs: 'wgs84' as const },
    { file: 'nanjing-osm.geojson', bytes: demoFile('nanjing-osm.geojson'), crs: 'wgs84' as const },
  ],
};

describe('loading the demo city as a new project', () => {
  it('arrives in one state change with its project, and is assessed once', async () => {
    const store = createAppStore();
    const engine = createEngineClient(); // in-process here: Node has no Worker
    let assessments = 0;
    const counting: EngineClient = { ...engine, assess: (...args) => (assessments++, engine.assess(...args)) };
    const services = { store, engine: counting };
    store.setState({
      project: { id: 'old', name: 'last year', city: '', assessmentDate: '2025-01-01', dataCredit: '', notes: '' },
      selection: { kind: 'zone', id: 'gone' },
    });
    const seen: { project: string | undefined; datasets: number }[] = [];
    store.subscribe((s) => seen.push({ project: s.project?.id, datasets: s.datasets.length }));

    await loadDemo(services, files, {
      id: 'demo-1',
      name: 'demo',
      city: '',
      assessmentDate: '',
      dataCredit: '',
      notes: '',
    });

    expect(assessments).toBe(1);
    // no state ever pairs the old project with the demo's data (autosave would write it into the old project)
    expect(seen.filter((s) => s.project === 'old' && s.datasets > 0)).toEqual([]);
    const s = store.getState();
    expect(s.project?.id).toBe('demo-1');
    expect(s.selection).toBeNull();
    expect(s.datasets.map((d) => [d.file, d.demo])).toEqual([
      ['nanjing-sites.fictitious.csv', true],
      ['nanjing-osm.geojson', true],
    ]);
    expect(new Set(s.datasets.map((d) => d.id)).size).toBe(2);
    // ids are unique across the two files, and every accepted site was assessed
    const ids = (s.assessment?.sites ?? []).map((site) => site.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(s.datasets[0]!.count + s.datasets[1]!.count);
    expect(ids.length).toBeGreaterThan(0);
  });
});

describe('switching projects', () => {
  it('never shows the last project’s results beside the next project’s name', async () => {
    const store = createAppStore();
    const services = { store, engine: createEngineClient() };
    await loadDemo(services, files, {
      id: 'demo-1',
      name: 'demo',
      city: '',
      assessmentDate: '',
      dataCredit: '',
      notes: '',
    });
    expect(store.getState().assessment?.zones.length).toBe(11);
    const seen: { project: string | undefined; zones: string[] }[] = [];
    store.subscribe((s) =>
      seen.push({ project: s.project?.id, zones: (s.assessment?.zones ?? []).map((z) => z.name) }),
    );

    await applyProject(services, {
      schema: PROJECT_SCHEMA,
      id: 'blank',
      name: '上海',
      city: '上海市',
      assessmentDate: '',
      dataCredit: '',
      notes: '',
      datasets: [],
      zones: [],
      zonesSource: '',
      zonesDigest: null,
      zoning: { kind: 'polygons' },
      profile: DEFAULT_PROFILE,
      rules: DEFAULT_RULES,
      revision: 0,
    });

    expect(seen.filter((s) => s.project === 'blank' && s.zones.includes('玄武区'))).toEqual([]);
    expect(store.getState().assessment?.zones).toEqual([]);
  });
});
