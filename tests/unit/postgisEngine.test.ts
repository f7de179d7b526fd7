// One engine semantics, two executors: `assess --engine postgis` (PostGIS finds and measures the pairs, the engine
// judges them) must write the findings the in-process engine writes — same pairs, rules, statuses and levels,
// distances within 1 cm — on the demo city (points and OSM polygons) and on fixtures built to hit every kind of
// finding. Against a real PostgreSQL/PostGIS (tests/helpers/throwawayPostgis.ts); skipped, and saying so, where none
// can be had, unless USRM_REQUIRE_POSTGIS=1 (CI), where a missing PostGIS fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Geometry } from 'geojson';
import { assess, defaultConfig, type AssessConfig, type Assessment, type Site } from '../../src/engine';
import { importSitesFile, readZones } from '../../src/io';
import { assessInPostgis } from '../../src/cli/postgis/assessInPostgis';
import { InputError, runAssess } from '../../src/cli/runAssess';
import { startTestDatabase, unavailableReason, type TestDatabase } from '../helpers/throwawayPostgis';
import { expectSameViolationsCsv, sql } from '../helpers/postgisCompare';
import { fixtureSites } from '../helpers/postgisFixtures';

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
