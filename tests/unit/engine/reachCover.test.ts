// Straight-line screening and cover findings, against hand computations: minutes = delay + d × detour / speed.
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { assess, assessReach, DEFAULT_REACH_PROFILE, type Site, type Zone } from '../../../src/engine';
import { createConfig } from '../../helpers/sites';
import { latitudeNorthOf } from '../../helpers/ellipsoid';

const LON = 118.78;
const LAT = 32.04;
const at = (northM: number): [number, number] => [LON, latitudeNorthOf(LAT, northM)];
const point = (c: [number, number]) => ({ type: 'Point' as const, coordinates: c });
const site = (id: string, category: string, c: [number, number], extra: Partial<Site> = {}): Site => ({
  id,
  name: id,
  category,
  geometry: point(c),
  ...extra,
});
const zone = (id: string, areaType?: Zone['areaType']): Zone => {
  const g: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [LON - 0.2, LAT - 0.2],
        [LON + 0.2, LAT - 0.2],
        [LON + 0.2, LAT + 0.2],
        [LON - 0.2, LAT + 0.2],
        [LON - 0.2, LAT - 0.2],
      ],
    ],
  };
  return { id, name: id, geometry: g, ...(areaType ? { areaType } : {}) };
};

function run(sites: Site[], zones: Zone[]) {
  const a = assess({ sites, zones }, createConfig());
  return assessReach({ sites, assessed: a.sites, zones });
}

// the default profile, restated by hand: 1 min alarm + 3 min turn-out; 30 km/h = 500 m/min; detour 1.4
const DELAY = 4;
const M_PER_MIN = 500;
const DETOUR = 1.4;

describe('straight-line screening (初筛)', () => {
  it('the profile holds the values this test restates', () => {
    expect(DEFAULT_REACH_PROFILE.screening).toMatchObject({ speedKmh: 30, detourFactor: 1.4 });
    expect(DEFAULT_REACH_PROFILE.resources.fire_station).toMatchObject({ alarmMinutes: 1, turnoutMinutes: 3 });
  });

  it('3 000 m from the station: 4 + 3000 × 1.4 / 500 = 12.4 minutes, inside the 15-minute circle of a suburb', () => {
    const r = run(
      [site('F1', 'fire_station', at(0), { rescueGrade: 'standard1' }), site('S1', 'school', at(3000))],
      [zone('z', 'suburban')],
    );
    expect(r.mode).toBe('screening');
    const row = r.cover!.find((c) => c.siteId === 'S1')!;
    expect(row.minutes).toBeCloseTo(4 + (3000 * 1.4) / 500, 6);
    expect(row).toMatchObject({
      nearestResourceId: 'F1',
      circle: '15min',
      targetMinutes: 15,
      status: 'covered',
      mode: 'screening',
    });
    expect(row.note).toContain('初筛');
  });

  it('the 15-minute radius by hand: (15 − 4) × 500 / 1.4 = 3 928.57 m — 3 920 m is covered, 3 940 m is not', () => {
    const radius = ((15 - DELAY) * M_PER_MIN) / DETOUR;
    expect(radius).toBeCloseTo(3928.571, 3);
    const r = run(
      [site('F1', 'fire_station', at(0)), site('in', 'school', at(3920)), site('out', 'school', at(3940))],
      [zone('z', 'rural')],
    );
    expect(r.cover!.find((c) => c.siteId === 'in')!.status).toBe('covered');
    expect(r.cover!.find((c) => c.siteId === 'out')!.status).toBe('uncovered');
  });

  it('the 135 circle in a built-up area: (5 − 4) × 500 / 1.4 = 357.14 m', () => {
    const r = run(
      [site('F1', 'fire_station', at(0)), site('in', 'school', at(350)), site('out', 'school', at(365))],
      [zone('z', 'built_up')],
    );
    expect(r.cover!.find((c) => c.siteId === 'in')).toMatchObject({ circle: '135', status: 'covered' });
    expect(r.cover!.find((c) => c.siteId === 'out')).toMatchObject({ circle: '135', status: 'uncovered' });
  });

  it('a zone without an area type takes the stricter 135 circle and says so', () => {
    const r = run([site('F1', 'fire_station', at(0)), site('S1', 'school', at(1000))], [zone('z')]);
    const row = r.cover![0]!;
    expect(row).toMatchObject({ circle: '135', status: 'uncovered' });
    expect(row.note).toContain('从严');
  });

  it('the nearest in time, not in distance: a closer station with a longer delay loses', () => {
    // a rescue team 1 000 m away that needs 10 minutes to leave, a fire station 1 200 m away that needs 4
    const profile = {
      ...DEFAULT_REACH_PROFILE,
      resources: {
        ...DEFAULT_REACH_PROFILE.resources,
        rescue_team: { ...DEFAULT_REACH_PROFILE.resources.rescue_team, alarmMinutes: 5, turnoutMinutes: 5 },
      },
    };
    const sites = [
      site('T-near', 'rescue_team', at(1000)),
      site('F-far', 'fire_station', at(-1200)),
      site('S1', 'school', at(0)),
    ];
    const a = assess({ sites, zones: [zone('z', 'rural')] }, createConfig());
    const r = assessReach({ sites, assessed: a.sites, zones: [zone('z', 'rural')] }, profile);
    const row = r.cover![0]!;
    expect(row.nearestResourceId).toBe('F-far');
    expect(row.minutes).toBeCloseTo(4 + (1200 * 1.4) / 500, 6);
  });
});

describe('cover findings', () => {
  it('one row per scored risk site and protection target; unscored risk points and rescue kinds have none', () => {
    const sites = [
      site('F1', 'fire_station', at(0)),
      site('H1', 'fuel_station', at(200), { likelihood: 5, severity: 5 }), // red
      site('R1', 'construction', at(300)), // unscored risk point: no row
      site('R2', 'construction', at(400), { likelihood: 2, severity: 2 }), // blue
      site('SH', 'shelter', at(100), { users: 100 }),
      site('S1', 'school', at(500)),
    ];
    const r = run(sites, [zone('z', 'built_up')]);
    expect(r.cover!.map((c) => c.siteId)).toEqual(['H1', 'R2', 'S1']);
  });

  it('a red site outside its circle is flagged as a high-risk site without rescue in reach', () => {
    const sites = [
      site('F1', 'fire_station', at(0)),
      site('H1', 'hazchem_storage', at(5000), { likelihood: 5, severity: 5, protectionDistanceM: 100 }),
    ];
    const r = run(sites, [zone('z', 'industrial_park')]);
    expect(r.cover![0]).toMatchObject({
      siteId: 'H1',
      level: 'red',
      circle: '135',
      status: 'uncovered',
      highRiskUncovered: true,
    });
  });

  it('no rescue resource in the data: no cover rows at all and 无救援力量数据 — never covered', () => {
    const r = run(
      [site('S1', 'school', at(0)), site('H1', 'fuel_station', at(200), { likelihood: 5, severity: 5 })],
      [zone('z', 'built_up')],
    );
    expect(r.cover).toBeNull();
    expect(r.notes.join()).toContain('无救援力量数据');
  });

  it('is deterministic: input order does not change the rows', () => {
    const sites = [
      site('F2', 'fire_station', at(-800)),
      site('F1', 'fire_station', at(800)),
      site('S1', 'school', at(0)),
      site('S2', 'school', at(100)),
    ];
    const a = run(sites, [zone('z', 'rural')]);
    const b = run([...sites].reverse(), [zone('z', 'rural')]);
    expect(b.cover).toEqual(a.cover);
  });
});
