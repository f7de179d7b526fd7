import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assess, LEVEL_RANK, type AssessedZone } from '../../../src/engine';
import { createConfig, createSite, createSquareZone } from '../../helpers/sites';
import { latitudeNorthOf } from '../../helpers/ellipsoid';

// Two 0.01° squares side by side (west W, east E) around 118.78E 32.04N; the shared edge is at lon 118.79.
const W = createSquareZone('W', 118.78, 32.04, 0.01);
const E = createSquareZone('E', 118.79, 32.04, 0.01);

function zonesById(zones: AssessedZone[]) {
  return { w: zones.find((z) => z.id === 'W'), e: zones.find((z) => z.id === 'E') };
}

describe('就高 (max) zoning', () => {
  it('colours a zone by its highest point, and never averages a red point away', () => {
    const sites = [
      createSite({ id: 'r', category: 'construction', at: [118.785, 32.045], likelihood: 5, severity: 5 }),
      ...Array.from({ length: 20 }, (_, i) =>
        createSite({
          id: `b${i}`,
          category: 'traffic',
          at: [118.781 + i * 0.0004, 32.042],
          likelihood: 1,
          severity: 1,
        }),
      ),
    ];
    const zone = assess({ sites, zones: [W] }, createConfig()).zones[0]!;
    expect(zone.level).toBe('red');
    expect(zone.score).toBe(25);
    expect(zone.mode).toBe('max');
    expect(zone.contributors[0]).toMatchObject({ siteId: 'r', how: 'inside' });
    expect(zone.contributors).toHaveLength(21);
  });

  it('counts a red point lying exactly on the shared boundary in both zones', () => {
    const onEdge = createSite({
      id: 'edge',
      category: 'construction',
      at: [118.79, 32.045],
      likelihood: 5,
      severity: 4,
    });
    const { w, e } = zonesById(assess({ sites: [onEdge], zones: [W, E] }, createConfig()).zones);
    expect(w!.level).toBe('red');
    expect(e!.level).toBe('red');
  });

  it('lets a hazard’s footprint reach across a zone edge, and says so', () => {
    // A grade-2 fuel station with full vapour recovery (largest rule: 35 m to 重要公共建筑物) 20 m west of the edge.
    const station = createSite({
      id: 'fs',
      category: 'fuel_station',
      at: [118.79 - 20 / 94_450, 32.045],
      likelihood: 4,
      severity: 4,
      stationGrade: 2,
      vapourRecovery: 'full',
    });
    const { w, e } = zonesById(assess({ sites: [station], zones: [W, E] }, createConfig()).zones);
    expect(w!.contributors[0]).toMatchObject({ siteId: 'fs', how: 'inside' });
    expect(e!.level).toBe('orange');
    expect(e!.contributors[0]).toMatchObject({ siteId: 'fs', how: 'footprint' });
    expect(e!.contributors[0]!.distanceM).toBeGreaterThan(19);
    expect(e!.contributors[0]!.distanceM).toBeLessThan(21);
    expect(e!.reason).toContain('防护范围覆盖本区');
  });

  it('uses the site’s own assessed protection distance as its footprint', () => {
    const store = createSite({
      id: 'hz',
      category: 'hazchem_storage',
      at: [118.785, latitudeNorthOf(32.05, -300)],
      likelihood: 5,
      severity: 5,
      protectionDistanceM: 400,
    });
    const north = createSquareZone('N', 118.78, 32.05, 0.01);
    const [n] = assess({ sites: [store], zones: [north] }, createConfig()).zones;
    expect(n!.level).toBe('red');
    expect(n!.contributors[0]!.how).toBe('footprint');
    const far = { ...store, protectionDistanceM: 299 };
    expect(assess({ sites: [far], zones: [north] }, createConfig()).zones[0]!.contributors).toHaveLength(0);
  });

  it('leaves a zone without data 未评级, never 低 (absence is not safety)', () => {
    const [w] = assess({ sites: [], zones: [W] }, createConfig()).zones;
    expect(w).toMatchObject({ level: null, score: 0, contributors: [] });
    expect(w!.reason).toContain('未评级');
    expect(w!.reason).not.toMatch(/→ 低风险/);
    // an unscored school inside is data, but no score: still 未评级
    const school = createSite({ id: 's', category: 'school', at: [118.785, 32.045] });
    expect(assess({ sites: [school], zones: [W] }, createConfig()).zones[0]!.level).toBeNull();
    // one blue point makes it assessed and low
    const low = createSite({ id: 'c', category: 'construction', at: [118.785, 32.045], likelihood: 1, severity: 1 });
    expect(assess({ sites: [low], zones: [W] }, createConfig()).zones[0]!.level).toBe('blue');
  });

  it('ignores unscored sites (no L/S) when colouring', () => {
    const school = createSite({ id: 's', category: 'school', at: [118.785, 32.045] });
    expect(assess({ sites: [school], zones: [W] }, createConfig()).zones[0]!.contributors).toHaveLength(0);
  });

  const arbitrarySite = fc.record({
    lon: fc.double({ min: 118.775, max: 118.805, noNaN: true }),
    lat: fc.double({ min: 32.035, max: 32.055, noNaN: true }),
    l: fc.integer({ min: 1, max: 5 }),
    s: fc.integer({ min: 1, max: 5 }),
    category: fc.constantFrom('construction', 'fuel_station', 'crowded_place', 'fireworks_retail'),
  });
  const toSites = (xs: { lon: number; lat: number; l: number; s: number; category: string }[]) =>
    xs.map((x, i) =>
      createSite({
        id: `p${String(i).padStart(3, '0')}`,
        category: x.category,
        at: [x.lon, x.lat],
        likelihood: x.l,
        severity: x.s,
      }),
    );

  it('never lowers a zone when a site is added (property)', () => {
    fc.assert(
      fc.property(fc.array(arbitrarySite, { maxLength: 12 }), arbitrarySite, (xs, extra) => {
        const before = assess({ sites: toSites(xs), zones: [W, E] }, createConfig()).zones;
        const after = assess({ sites: toSites([...xs, extra]), zones: [W, E] }, createConfig()).zones;
        // 未评级 ranks below blue: adding data can only raise a zone
        const rank = (l: (typeof after)[number]['level']) => (l === null ? 4 : LEVEL_RANK[l]);
        after.forEach((z, i) => expect(rank(z.level)).toBeLessThanOrEqual(rank(before[i]!.level)));
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same assessment whatever the input order (property)', () => {
    fc.assert(
      fc.property(
        fc
          .array(arbitrarySite, { minLength: 1, maxLength: 12 })
          .chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(toSites(xs), { minLength: xs.length }))),
        ([xs, shuffled]) => {
          const a = assess({ sites: toSites(xs), zones: [W, E] }, createConfig());
          const b = assess({ sites: shuffled, zones: [E, W] }, createConfig());
          expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('就高 zoning on real district outlines', () => {
  it('places every site as a full edge-to-edge measurement against every zone would (inside, footprint or not at all)', async () => {
    const { readFileSync } = await import('node:fs');
    const { readZones } = await import('../../../src/io');
    const { edgeToEdge } = await import('../../../src/engine');
    const zones = readZones(readFileSync('data/demo/nanjing-districts.wgs84.geojson', 'utf8'));
    // sites strewn over the city, many close to district boundaries: scored construction sites (no footprint) and
    // scored fuel stations (footprints of tens of metres)
    const sites = Array.from({ length: 1500 }, (_, i) =>
      createSite({
        id: `s${String(i).padStart(4, '0')}`,
        category: i % 2 ? 'construction' : 'fuel_station',
        at: [118.5 + (((i * 7919) % 1000) / 1000) * 0.8, 31.5 + (((i * 104729) % 997) / 997) * 1.0],
        likelihood: 1 + (i % 5),
        severity: 1 + (i % 4),
      }),
    );
    const assessed = assess({ sites, zones }, createConfig());
    const footprint = new Map(assessed.sites.map((s) => [s.id, s.footprintM]));
    for (const zone of assessed.zones) {
      const expected = sites
        .flatMap((s) => {
          const d = edgeToEdge(s.geometry, zone.geometry).distanceM;
          return d === 0 ? [`${s.id} inside`] : d <= footprint.get(s.id)! ? [`${s.id} footprint`] : [];
        })
        .sort();
      expect(zone.contributors.map((c) => `${c.siteId} ${c.how}`).sort(), zone.name).toEqual(expected);
    }
    expect(assessed.zones.some((z) => z.contributors.some((c) => c.how === 'footprint'))).toBe(true);
  });
});
