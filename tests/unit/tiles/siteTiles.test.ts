// The tile worker's tiles, decoded with the vector-tile reader MapLibre's own parser is built on: every site in
// exactly one tile with the properties of the GeoJSON path, finding lines where they run, and city-scale counts
// equal to what the lists count for the same filters.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PbfReader } from 'pbf';
import { VectorTile } from '@mapbox/vector-tile';
import { mapSources } from '../../../src/map/mapData';
import { filteredView, NO_FILTERS, type MapFilters } from '../../../src/state/mapFilters';
import { LEVELS_AND_UNSCORED } from '../../../src/engine';
import { buildSiteTable, type SiteTable } from '../../../src/tiles/siteTable';
import { SiteTiles } from '../../../src/tiles/siteTiles';
import { COUNTS_LAYER, FINDINGS_LAYER, SITES_LAYER } from '../../../src/tiles/layerNames';
import { tileUnit, worldX, worldY, type TileId } from '../../../src/tiles/tileGrid';
import type { Assessment, Role } from '../../../src/engine';

const DISTRICTS = ['鼓楼区', '玄武区', ''];
const CATEGORIES = ['fuel_station', 'school', 'construction'];

function tableOf(a: Assessment): SiteTable {
  const steps = buildSiteTable(a);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

const decode = (bytes: Uint8Array) => new VectorTile(new PbfReader(bytes));

/** The tile that holds a point at zoom z. */
function tileOf(lon: number, lat: number, z: number): TileId {
  return { z, x: Math.floor(worldX(lon) * 2 ** z), y: Math.floor(worldY(lat) * 2 ** z) };
}

function tilesOf(a: Assessment, z: number): TileId[] {
  const seen = new Map<string, TileId>();
  for (const s of a.sites) {
    const t = tileOf(s.lon, s.lat, z);
    seen.set(`${t.x}/${t.y}`, t);
  }
  return [...seen.values()];
}

const site = fc.record({
  lon: fc.double({ min: 118.5, max: 119.1, noNaN: true }),
  lat: fc.double({ min: 31.5, max: 32.4, noNaN: true }),
  level: fc.constantFrom('red', 'orange', 'yellow', 'blue', null),
  role: fc.constantFrom('hazard', 'target', 'risk', null),
  domain: fc.constantFrom('危险化学品', '道路交通', ''),
  district: fc.constantFrom(...DISTRICTS),
  category: fc.constantFrom(...CATEGORIES),
});

const assessment = fc
  .record({
    sites: fc.array(site, { minLength: 1, maxLength: 60 }),
    // hazard ids past the last site name no site (a finding whose hazard is not loaded)
    findings: fc.array(
      fc.record({
        h: fc.nat(65),
        t: fc.nat(59),
        status: fc.constantFrom('violation', 'borderline', 'not_assessed', 'compliant'),
      }),
      { maxLength: 40 },
    ),
  })
  .map(({ sites, findings: violations }) => {
    const all = sites.map((s, i) => ({ ...s, id: `S${i}`, geometry: { type: 'Point', coordinates: [s.lon, s.lat] } }));
    return {
      grid: null,
      zones: [],
      sites: all,
      findings: violations.map((v) => {
        const h = all[v.h % all.length]!,
          t = all[v.t % all.length]!;
        return {
          hazardId: `S${v.h}`,
          targetId: `S${v.t}`,
          status: v.status,
          closest: [
            [h.lon, h.lat],
            [t.lon, t.lat],
          ],
        };
      }),
    } as unknown as Assessment;
  });

const filters = fc.record<MapFilters>({
  levels: fc.subarray([...LEVELS_AND_UNSCORED]),
  domains: fc.subarray(['危险化学品', '道路交通', '']),
  districts: fc.subarray(DISTRICTS),
  categories: fc.subarray(CATEGORIES),
  violationsOnly: fc.boolean(),
});

describe('site tiles', () => {
  it("put every site in exactly one tile of a zoom, with the GeoJSON path's properties and its index as id", () => {
    fc.assert(
      fc.property(assessment, fc.integer({ min: 12, max: 16 }), (a, z) => {
        const tiles = new SiteTiles(tableOf(a));
        const expected = new Map(mapSources(a).sitePoints.features.map((f) => [f.id as number, f.properties]));
        const seen = new Map<number, number>();
        for (const t of tilesOf(a, z)) {
          const layer = decode(tiles.siteTile(t)).layers[SITES_LAYER]!;
          for (let k = 0; k < layer.length; k++) {
            const f = layer.feature(k);
            seen.set(f.id!, (seen.get(f.id!) ?? 0) + 1);
            expect(f.properties).toEqual(expected.get(f.id!));
            const [lon, lat] = (f.toGeoJSON(t.x, t.y, t.z).geometry as GeoJSON.Point).coordinates as [number, number];
            const s = a.sites[f.id!]!;
            // one tile unit: under 0.6 m at zoom 12 in Nanjing
            expect(Math.abs(lon - s.lon)).toBeLessThan(360 / 2 ** (z + 12));
            expect(Math.abs(lat - s.lat)).toBeLessThan(360 / 2 ** (z + 12));
          }
        }
        expect(seen.size).toBe(a.sites.length);
        for (const n of seen.values()) expect(n).toBe(1);
      }),
      { numRuns: 60 },
    );
  });

  it('draw each finding line in the tiles at both its ends, with the properties the layer filters read', () => {
    fc.assert(
      fc.property(assessment, (a) => {
        const tiles = new SiteTiles(tableOf(a));
        const expected = mapSources(a).violations.features;
        a.findings.forEach((v, i) => {
          for (const [lon, lat] of v.closest) {
            const t = tileOf(lon, lat, 13);
            const layer = decode(tiles.siteTile(t)).layers[FINDINGS_LAYER]!;
            const found = Array.from({ length: layer.length }, (_, k) => layer.feature(k)).find((f) => f.id === i);
            expect(found?.properties).toEqual(expected[i]!.properties);
            expect(found?.type).toBe(2);
          }
        });
      }),
      { numRuns: 40 },
    );
  });

  it('count at city scale what the lists count, per level, for any filters and role toggles', () => {
    const roles = fc.subarray<Role>(['hazard', 'target', 'risk']);
    fc.assert(
      fc.property(assessment, filters, roles, fc.integer({ min: 6, max: 11 }), (a, f, shown, z) => {
        const tiles = new SiteTiles(tableOf(a));
        const counted = Object.fromEntries(LEVELS_AND_UNSCORED.map((l) => [l, 0]));
        for (const t of tilesOf(a, z)) {
          const layer = decode(tiles.countTile(t, { filters: f, roles: shown })).layers[COUNTS_LAYER];
          for (let k = 0; k < (layer?.length ?? 0); k++) {
            const p = layer!.feature(k).properties;
            counted[p.level as string]! += p.count as number;
          }
        }
        const listed = Object.fromEntries(LEVELS_AND_UNSCORED.map((l) => [l, 0]));
        for (const s of filteredView(a, f).sites)
          if (shown.includes(s.role ?? 'risk')) listed[s.level ?? 'unscored']!++;
        expect(counted).toEqual(listed);
      }),
      { numRuns: 150 },
    );
  });

  it("nests a cell's counts at the mean position of its sites, largest first, so every level present shows", () => {
    const at = (lon: number, lat: number, level: string | null, i: number) => ({
      id: `S${i}`,
      lon,
      lat,
      level,
      role: 'risk',
      domain: '',
      district: '',
      category: 'school',
      geometry: { type: 'Point', coordinates: [lon, lat] },
    });
    const a = {
      grid: null,
      zones: [],
      findings: [],
      sites: [
        at(118.8, 32.05, 'blue', 0),
        at(118.8, 32.05, 'red', 1),
        at(118.8002, 32.0502, 'red', 2),
        at(118.8001, 32.0501, 'orange', 3),
      ],
    } as unknown as Assessment;
    const tiles = new SiteTiles(tableOf(a));
    const t = tileOf(118.8, 32.05, 8);
    const layer = decode(tiles.countTile(t, { filters: NO_FILTERS, roles: ['risk'] })).layers[COUNTS_LAYER]!;
    const features = Array.from({ length: layer.length }, (_, k) => layer.feature(k));
    // red has the most; blue and orange tie, and the graver is drawn on top
    expect(features.map((f) => [f.properties.level, f.properties.count])).toEqual([
      ['red', 2],
      ['blue', 1],
      ['orange', 1],
    ]);
    expect(features.map((f) => f.properties.total)).toEqual([4, 4, 4]); // each disc knows its cell's total (its share sizes it)
    const mean = (w: (d: number) => number, ds: number[], tile: number) =>
      Math.round(ds.reduce((sum, d) => sum + tileUnit(w(d), 8, tile), 0) / ds.length);
    for (const f of features) {
      const [p] = f.loadGeometry()[0]!;
      expect([p!.x, p!.y]).toEqual([
        mean(worldX, [118.8, 118.8, 118.8002, 118.8001], t.x),
        mean(worldY, [32.05, 32.05, 32.0502, 32.0501], t.y),
      ]);
    }
  });

  it('leave fire stations, rescue teams and shelters out of the city-scale counts (their own layer draws them; they are not 未评级)', () => {
    const at = (category: string, level: string | null, i: number) => ({
      id: `S${i}`,
      lon: 118.8,
      lat: 32.05,
      level,
      role: 'risk',
      domain: '',
      district: '',
      category,
      geometry: { type: 'Point', coordinates: [118.8, 32.05] },
    });
    const a = {
      grid: null,
      zones: [],
      findings: [],
      sites: [
        at('construction', null, 0),
        at('fire_station', null, 1),
        at('rescue_team', null, 2),
        at('shelter', null, 3),
        at('construction', 'red', 4),
      ],
    } as unknown as Assessment;
    const tiles = new SiteTiles(tableOf(a));
    const layer = decode(tiles.countTile(tileOf(118.8, 32.05, 8), { filters: NO_FILTERS, roles: ['risk'] })).layers[
      COUNTS_LAYER
    ]!;
    const counts = Array.from({ length: layer.length }, (_, k) => layer.feature(k).properties);
    expect(counts.map((p) => [p.level, p.count, p.total]).sort()).toEqual([
      ['red', 1, 2],
      ['unscored', 1, 2],
    ]);
    // at street scale they are still in the tiles (the risk layers' own filter leaves them to the rescue layer)
    expect(decode(tiles.siteTile(tileOf(118.8, 32.05, 13))).layers[SITES_LAYER]!.length).toBe(5);
  });

  it('answer an empty tile where there is nothing', () => {
    const a = { grid: null, zones: [], findings: [], sites: [] } as unknown as Assessment;
    const tiles = new SiteTiles(tableOf(a));
    expect(Object.keys(decode(tiles.siteTile({ z: 12, x: 3000, y: 1600 })).layers)).toEqual([]);
    expect(
      Object.keys(decode(tiles.countTile({ z: 8, x: 200, y: 100 }, { filters: NO_FILTERS, roles: ['risk'] })).layers),
    ).toEqual([]);
  });
});
