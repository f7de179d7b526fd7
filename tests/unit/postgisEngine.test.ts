// One engine semantics, two executors: `assess --engine postgis` (PostGIS finds and measures the pairs, the engine
// judges them) must write the findings the in-process engine writes — same pairs, rules, statuses and levels,
// distances within 1 cm — on the demo city (points and OSM polygons) and on fixtures built to hit every kind of
// finding. Against a real PostgreSQL/PostGIS (tests/helpers/throwawayPostgis.ts); skipped, and saying so, where none
// can be had, unless USRM_REQUIRE_POSTGIS=1 (CI), where a missing PostGIS fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import type { Geometry, Position } from 'geojson';
import {
  assess,
  defaultConfig,
  geodesicDestination,
  type AssessConfig,
  type Assessment,
  type Site,
} from '../../src/engine';
import { importSitesFile, readZones } from '../../src/io';
import { assessInPostgis } from '../../src/cli/postgis/assessInPostgis';
import { InputError, runAssess } from '../../src/cli/runAssess';
import { startTestDatabase, unavailableReason, type TestDatabase } from '../helpers/throwawayPostgis';
import { expectSameViolationsCsv, sql } from '../helpers/postgisCompare';

const reason = unavailableReason();
const required = process.env.USRM_REQUIRE_POSTGIS === '1';
if (reason) console.warn(`[postgisEngine] ${required ? 'FAILING (USRM_REQUIRE_POSTGIS=1)' : 'SKIPPED'}: ${reason}`);

const DEMO = {
  sites: ['data/demo/nanjing-sites.fictitious.csv', 'data/demo/nanjing-osm.geojson'],
  zones: 'data/demo/nanjing-districts.wgs84.geojson',
  crs: 'wgs84',
};
const SCHEMA = `usrm_test_${process.pid}`;

describe.skipIf(reason !== null && !required)(
  "assess --engine postgis gives the in-process engine's findings (real PostGIS)",
  () => {
    let db: TestDatabase;
    const dirs: string[] = [];
    beforeAll(() => {
      if (reason) throw new Error(`USRM_REQUIRE_POSTGIS=1, but ${reason}`);
      db = startTestDatabase();
    }, 120_000);
    afterAll(async () => {
      if (db) {
        await sql(db.db, `drop schema if exists ${SCHEMA} cascade`);
        db.stop();
      }
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    });
    const outDir = () => {
      const d = mkdtempSync(join(tmpdir(), 'usrm-pgcli-'));
      dirs.push(d);
      return d;
    };

    it('fixtures of every kind of finding: points, lines, polygons, borderline pairs, not assessed, inside an area', async () => {
      const sites = fixtureSites();
      const config = defaultConfig();
      const js = assess({ sites, zones: [] }, config);
      const inDb = await assessInPostgis({ sites, zones: [] }, config, { db: db.db });
      // the fixtures reach what they were built for (else the comparison below could pass on nothing)
      const statuses = new Set(js.findings.map((v) => v.status));
      expect([...statuses].sort()).toEqual(['borderline', 'not_assessed', 'violation']);
      expect(js.findings.some((v) => v.ruleId === 'fireworks-not-in-residential')).toBe(true);
      expect(js.findings.some((v) => v.ruleId === 'site-protection-distance')).toBe(true);
      expect(js.findings.some((v) => v.measuredBetween === 'Polygon–Polygon')).toBe(true);
      expect(js.findings.some((v) => v.measuredBetween.startsWith('Point–LineString'))).toBe(true);
      expect(js.findings.length).toBeGreaterThan(40);
      expect(
        js.findings
          .filter((v) => v.hazardId.startsWith('P-') && v.status === 'not_assessed')
          .map((v) => v.targetId)
          .sort(),
      ).toEqual(['P-T58542', 'P-T72734']);
      expectSameAssessment(inDb, js);
    }, 60_000);

    it('the demo city under every aggregation mode (zones and site levels too)', async () => {
      const input = await demoInput();
      for (const mode of ['max', 'index', 'relative'] as const) {
        const config = withMode(defaultConfig(), mode);
        const js = assess(input, config);
        const inDb = await assessInPostgis(input, config, { db: db.db });
        expect(js.findings.length).toBeGreaterThan(0);
        expectSameAssessment(inDb, js);
      }
    }, 120_000);

    it('the CLI writes the same five files with --engine postgis --db (distances to the centimetre), and --write-tables leaves the results', async () => {
      const js = outDir();
      const inDb = outDir();
      await runAssess({ ...DEMO, out: js });
      await runAssess({ ...DEMO, out: inDb, engine: 'postgis', db: db.db, writeTables: SCHEMA });
      for (const f of ['import-report.json', 'sites.csv', 'zones.geojson'])
        expect(readFileSync(join(inDb, f), 'utf8'), f).toBe(readFileSync(join(js, f), 'utf8'));
      const summary = (dir: string) => {
        const s = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
        delete s.pairs_examined; // what each executor's search looked at: its index's candidates, PostGIS's pairs within reach
        return s;
      };
      expect(summary(inDb)).toEqual(summary(js));
      const b = expectSameViolationsCsv(inDb, js);
      const counts = await sql(
        db.db,
        `select (select count(*) from ${SCHEMA}.violations) v, (select count(*) from ${SCHEMA}.sites) s, (select count(*) from ${SCHEMA}.zones) z`,
      );
      const siteRows = Papa.parse(readFileSync(join(js, 'sites.csv'), 'utf8'), { header: true, skipEmptyLines: true })
        .data.length;
      const zones = JSON.parse(readFileSync(join(js, 'zones.geojson'), 'utf8')).features.length;
      expect(counts.rows[0]).toEqual({ v: String(b.length), s: String(siteRows), z: String(zones) });
    }, 120_000);

    it('whitepaper --engine postgis writes the in-process white paper: every figure, table and file the same bytes, but the pairs each search examined', async () => {
      const js = outDir();
      const inDb = outDir();
      await runAssess({ ...DEMO, out: js, whitepaper: true, dataDate: '2026-11-30' });
      await runAssess({ ...DEMO, out: inDb, whitepaper: true, dataDate: '2026-11-30', engine: 'postgis', db: db.db });
      const files = (dir: string, under = ''): string[] =>
        readdirSync(join(dir, under), { withFileTypes: true })
          .flatMap((e) => (e.isDirectory() ? files(dir, join(under, e.name)) : [join(under, e.name)]))
          .sort();
      expect(files(inDb)).toEqual(files(js));
      expect(files(js).length).toBeGreaterThan(20);
      const differ = files(js).filter((f) => !readFileSync(join(inDb, f)).equals(readFileSync(join(js, f))));
      // summary.json counts the candidate pairs of each executor's own search (and checksums.sha256 lists its digest)
      expect(differ).toEqual(['checksums.sha256', 'summary.json']);
      const withoutPairs = (dir: string) => ({
        ...JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')),
        pairs_examined: null,
      });
      expect(withoutPairs(inDb)).toEqual(withoutPairs(js));
    }, 180_000);

    it('reads sites from an existing table (--sites-table) as from the same features in a file', async () => {
      const features = JSON.parse(readFileSync(DEMO.sites[1]!, 'utf8')).features as {
        geometry: Geometry;
        properties: Record<string, string>;
      }[];
      await sql(
        db.db,
        `create schema if not exists ${SCHEMA}; create table ${SCHEMA}.osm (id text, name text, category text, geom geometry(Geometry, 4326))`,
      );
      await sql(
        db.db,
        `insert into ${SCHEMA}.osm select f->'properties'->>'id', f->'properties'->>'name', f->'properties'->>'category', ST_SetSRID(ST_GeomFromGeoJSON(f->'geometry'), 4326)
      from jsonb_array_elements($1::jsonb) f`,
        [JSON.stringify(features)],
      );
      const js = outDir();
      const inDb = outDir();
      await runAssess({ ...DEMO, out: js });
      await runAssess({
        ...DEMO,
        sites: [DEMO.sites[0]!],
        sitesTable: [`${SCHEMA}.osm`],
        out: inDb,
        engine: 'postgis',
        db: db.db,
      });
      for (const f of ['sites.csv', 'zones.geojson'])
        expect(readFileSync(join(inDb, f), 'utf8'), f).toBe(readFileSync(join(js, f), 'utf8'));
      const report = (dir: string) => JSON.parse(readFileSync(join(dir, 'import-report.json'), 'utf8')).files[1];
      expect(report(inDb)).toMatchObject({
        file: `table ${SCHEMA}.osm`,
        rows: features.length,
        accepted: report(js).accepted,
        rejected: report(js).rejected,
      });
      expectSameViolationsCsv(inDb, js);
      // a view whose columns the automatic mapping does not know, mapped with --column as a file's would be
      await sql(
        db.db,
        `create view ${SCHEMA}.osm_view as select id as site_code, name, category as kind_of_site, geom::geography as g from ${SCHEMA}.osm`,
      );
      const viaView = outDir();
      await runAssess({
        ...DEMO,
        sites: [DEMO.sites[0]!],
        sitesTable: [`${SCHEMA}.osm_view`],
        column: ['site_code=id', 'kind_of_site=category'],
        out: viaView,
        engine: 'postgis',
        db: db.db,
      });
      expect(readFileSync(join(viaView, 'sites.csv'), 'utf8')).toBe(readFileSync(join(js, 'sites.csv'), 'utf8'));
      expectSameViolationsCsv(viaView, js);
      await expect(
        runAssess({ ...DEMO, sitesTable: [`${SCHEMA}.missing`], out: outDir(), engine: 'postgis', db: db.db }),
      ).rejects.toThrow(/no such table/);
    }, 120_000);

    it('says so, with exit status 1 (InputError), when it cannot connect or the server refuses a statement', async () => {
      await expect(
        runAssess({
          ...DEMO,
          out: outDir(),
          engine: 'postgis',
          db: 'postgresql://nobody@/none?host=/nonexistent-socket-dir',
        }),
      ).rejects.toThrow(/cannot connect to PostgreSQL/);
      const refused = runAssess({ ...DEMO, out: outDir(), engine: 'postgis', db: db.db, writeTables: 'pg_catalog' });
      await expect(refused).rejects.toBeInstanceOf(InputError);
      await expect(refused).rejects.toThrow(/^PostgreSQL: /);
    });
  },
);

/** Same findings in the same order, same statuses, rules, classes and notes; distances within 1 cm; same levels. */
function expectSameAssessment(inDb: Assessment, js: Assessment): void {
  const key = (v: Assessment['findings'][number]) => `${v.hazardId}|${v.targetId}|${v.ruleId}|${v.status}`;
  expect(inDb.findings.map(key)).toEqual(js.findings.map(key));
  let worst = 0;
  inDb.findings.forEach((v, i) => {
    const w = js.findings[i]!;
    worst = Math.max(worst, Math.abs(v.distanceM - w.distanceM));
    expect(Math.abs(v.distanceM - w.distanceM), key(v)).toBeLessThanOrEqual(0.01);
    expect(Math.abs((v.shortfallM ?? 0) - (w.shortfallM ?? 0)), key(v)).toBeLessThanOrEqual(0.01);
    expect([
      v.requiredM,
      v.targetClass,
      v.targetClassReason,
      v.source,
      v.note,
      v.screening,
      v.measuredBetween,
      v.otherRequirements,
    ]).toEqual([
      w.requiredM,
      w.targetClass,
      w.targetClassReason,
      w.source,
      w.note,
      w.screening,
      w.measuredBetween,
      w.otherRequirements,
    ]);
  });
  console.log(
    `[postgisEngine] ${js.findings.length} findings, largest distance difference ${(worst * 1000).toFixed(3)} mm`,
  );
  expect(inDb.sites.map((s) => [s.id, s.level, s.score, s.district])).toEqual(
    js.sites.map((s) => [s.id, s.level, s.score, s.district]),
  );
  expect(inDb.zones.map((z) => [z.id, z.level, z.score, z.mode])).toEqual(
    js.zones.map((z) => [z.id, z.level, z.score, z.mode]),
  );
  const { pairsExamined: _a, ...statsDb } = inDb.stats;
  const { pairsExamined: _b, ...statsJs } = js.stats;
  expect(statsDb).toEqual(statsJs);
}

function withMode(config: AssessConfig, mode: 'max' | 'index' | 'relative'): AssessConfig {
  return { ...config, method: { ...config.method, aggregation: { ...config.method.aggregation, mode } } };
}

async function demoInput() {
  const zones = readZones(readFileSync(DEMO.zones, 'utf8'));
  const sites: Site[] = [];
  for (const path of DEMO.sites) {
    const { sites: accepted } = await importSitesFile(path, new Uint8Array(readFileSync(path)), {
      crs: 'wgs84',
      zones,
      existingIds: new Set(sites.map((s) => s.id)),
    });
    for (const s of accepted) sites.push(s);
  }
  return { sites, zones };
}

// ---- fixtures, placed by geodesic offsets from a few origins so each pair's distance is known ----

const at = (from: Position, bearing: number, metres: number): [number, number] =>
  geodesicDestination([from[0]!, from[1]!], bearing, metres);

/** A square area `half` metres either side of `centre` (corners by geodesic offsets). */
function square(centre: Position, half: number): Geometry {
  const n = at(centre, 0, half)[1];
  const s = at(centre, 180, half)[1];
  const e = at(centre, 90, half)[0];
  const w = at(centre, 270, half)[0];
  return {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  };
}

function point(p: Position): Geometry {
  return { type: 'Point', coordinates: [p[0]!, p[1]!] };
}

function site(id: string, category: string, geometry: Geometry, extra: Partial<Site> = {}): Site {
  return { id, name: id, category, geometry, ...extra };
}

function fixtureSites(): Site[] {
  const sites: Site[] = [];
  // A petrol station (grade and recovery unknown → 一级站, no recovery, 从严) and targets at chosen distances
  const f = [118.8, 32.05];
  sites.push(site('F1', 'fuel_station', point(f)));
  sites.push(site('F1-school-borderline', 'school', point(at(f, 90, 49.5)))); // 50 m, short by 0.5 → 临界
  sites.push(site('F1-school-violation', 'school', point(at(f, 0, 45))));
  sites.push(site('F1-hospital-over', 'hospital', point(at(f, 200, 50.7)))); // clears by 0.7 → still 临界
  sites.push(site('F1-kindergarten-clear', 'kindergarten', point(at(f, 300, 52)))); // clears by 2: nothing
  sites.push(site('F1-residential-area', 'residential', square(at(f, 180, 30), 20))); // edge 10 m away, 16 m required
  sites.push(site('F1-metro', 'metro_entrance', point(at(f, 45, 30.3))));
  sites.push(site('F1-water', 'water_source', square(at(f, 120, 480), 60))); // edge ~420 m, city rule 500 m
  sites.push(
    site('F1-railway', 'railway', {
      type: 'LineString',
      coordinates: [at(f, 270, 21.4), at(at(f, 270, 21.4), 0, 300)],
    }),
  ); // 22 m, short by 0.6
  // A grade-3 station with full recovery: smaller distances
  const f3 = [118.81, 32.05];
  sites.push(site('F3', 'fuel_station', square(f3, 8), { stationGrade: 3, vapourRecovery: 'full' }));
  sites.push(site('F3-school', 'school', square(at(f3, 90, 8 + 30 + 25), 25))); // ~30 m edge to edge, 35 m required
  sites.push(site('F3-venue', 'venue', point(at(f3, 0, 8 + 12)), { users: 900 })); // 一类: 11 m
  // Hazardous-chemical storage without an assessed distance (条例 §19: not assessed within 500 m) and one with 300 m
  const h = [118.8, 32.06];
  sites.push(site('HS1', 'hazchem_storage', square(h, 40)));
  sites.push(site('HS1-residential', 'residential', square(at(h, 90, 40 + 200 + 50), 50)));
  sites.push(site('HS1-school', 'school', square(at(h, 0, 40 + 30 + 20), 20))); // gb50016 50 m violation + not assessed
  sites.push(site('HS1-park-far', 'park', point(at(h, 180, 40 + 520)))); // beyond the screening radius
  sites.push(site('HS1-government', 'government', point(at(h, 270, 40 + 100)))); // city rule, not assessed
  const h2 = [118.82, 32.06];
  sites.push(site('HS2', 'hazchem_storage', point(h2), { protectionDistanceM: 300 }));
  sites.push(site('HS2-residential', 'residential', point(at(h2, 90, 250))));
  sites.push(site('HS2-school-borderline', 'school', point(at(h2, 0, 300.6))));
  sites.push(site('HS2-hospital-clear', 'hospital', point(at(h2, 180, 303))));
  // Fireworks: one inside a residential compound, spacing between shops, crowded places within 100 m
  const w = [118.83, 32.05];
  sites.push(
    site('FW-compound', 'residential', {
      type: 'MultiPolygon',
      coordinates: [
        (square(w, 60) as { coordinates: Position[][] }).coordinates,
        (square(at(w, 90, 400), 30) as { coordinates: Position[][] }).coordinates,
      ],
    }),
  );
  sites.push(site('FW1', 'fireworks_retail', point(at(w, 30, 10))));
  sites.push(site('FW2', 'fireworks_retail', point(at(at(w, 30, 10), 90, 49.2))));
  sites.push(site('FW-school', 'school', point(at(w, 200, 80))));
  sites.push(
    site('FW-petrol', 'fuel_station', point(at(w, 330, 95)), { stationGrade: 2, vapourRecovery: 'unloading' }),
  );
  // A gas station (tables not read: not assessed) and a gas facility as an area
  const g = [118.84, 32.06];
  sites.push(site('GS1', 'gas_station', point(g)));
  sites.push(site('GS1-school', 'school', point(at(g, 90, 120))));
  sites.push(site('GF1', 'gas_facility', square(at(g, 0, 600), 30)));
  sites.push(site('GF1-hospital', 'hospital', square(at(g, 0, 600 + 30 + 150 + 40), 40)));
  // Two pairs of 20-gons from bench/polygonPairsGeojson.mjs where PostGIS's own polygon distance (closest edges
  // chosen on the sphere) was 0.22 m too long, and 500.00x m for a pair the engine measures at 499.99x m (inside the
  // screening radius): PostGIS must leave such pairs to the engine's measuring
  const far = JSON.parse(readFileSync(resolve(__dirname, '../fixtures/postgis-polygon-pairs.geojson'), 'utf8')) as {
    features: { geometry: Geometry; properties: { id: string; category: string } }[];
  };
  for (const f of far.features) sites.push(site(`P-${f.properties.id}`, f.properties.category, f.geometry));
  // A seeded scatter of points around the fixtures: many pairs at arbitrary distances
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const hazards = ['fuel_station', 'hazchem_storage', 'fireworks_retail', 'gas_station', 'hazchem_production'];
  const targets = [
    'school',
    'hospital',
    'residential',
    'kindergarten',
    'park',
    'station',
    'metro_entrance',
    'water_source',
    'commercial',
    'heritage',
  ];
  for (let i = 0; i < 300; i++) {
    const p = [118.795 + rand() * 0.05, 32.045 + rand() * 0.02];
    const isHazard = rand() < 0.3;
    const category = isHazard
      ? hazards[Math.floor(rand() * hazards.length)]!
      : targets[Math.floor(rand() * targets.length)]!;
    const extra: Partial<Site> =
      category === 'hazchem_storage' && rand() < 0.5 ? { protectionDistanceM: Math.round(rand() * 400) } : {};
    sites.push(
      site(`R${String(i).padStart(3, '0')}`, category, rand() < 0.3 ? square(p, 5 + rand() * 40) : point(p), extra),
    );
  }
  return sites;
}
