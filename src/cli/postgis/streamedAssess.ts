// `assess --engine postgis` for a province: the PostGIS executor holding no site. The sites are loaded row by row
// (streamedLoad.ts); then, each read back from the database in id order a batch at a time, the candidate pairs are
// judged and their findings written to violations.csv, the sites scored into sites.csv and counted, and their
// contributions to the zones stored in the database, from which zones.geojson is written a zone at a time. What the
// CLI holds: counts, the rule plan, the zones, one batch of rows, and one zone's contributors.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Flatbush from 'flatbush';
import pg from 'pg';
import {
  assessSite,
  bboxOf,
  compareFindings,
  densityBasis,
  findingTally,
  footprintBox,
  indexZone,
  insideContribution,
  LEVEL_RANK,
  maxContribution,
  maxZone,
  PairJudge,
  planKindPairs,
  pointInArea,
  preparedArea,
  relativeDensity,
  relativeZone,
  SiteCounts,
  targetsByRule,
  zoneLocator,
  zoneTally,
  type AssessmentStats,
  type Finding,
  type Level,
  type Site,
  type Zone,
  type ZoneContributor,
} from '../../engine';
import {
  sitesCsvWriter,
  zoneFeatureJson,
  ZONES_GEOJSON_END,
  ZONES_GEOJSON_START,
  type ContributorScoring,
} from '../../io';
import { InputError } from '../errors';
import { openFileSink } from '../fileSink';
import { openViolationsFile } from '../violationsFile';
import { connect } from './connect';
import { CopySpool, copyText } from './copySpool';
import { PLAIN_INDEX_SCANS, reachSql, tempBuffersSql } from './setbackSql';
import { loadSitesStreamed, type LoadedSites, type SiteSources } from './streamedLoad';
import {
  COPY_CONTRIBUTIONS,
  CREATE_CONTRIBUTIONS,
  HAZARD_BATCH_END,
  INDEX_CONTRIBUTIONS,
  INDEX_STREAMED_SITES,
  STREAMED_PAIRS,
  STREAMED_SITES,
  ZONE_CONTRIBUTORS,
} from './streamedSql';
import { streamRows } from './streamRows';
import { describer, sqlSession } from './sqlSession';
import { ResultTableSpools } from './writeTables';

export interface StreamedAssessOptions extends SiteSources {
  zones: Zone[];
  /** at most how many sites the files hold, for the session's temporary buffers (the tables are asked themselves) */
  expectedFileSites: number;
  out: string;
  /** leave the results as tables in this schema */
  writeTables?: string;
  log?: (text: string) => void;
  onProgress?: (stage: 'reading' | 'assessing' | 'writing', share: number) => void;
}

/** What is left for the caller to write (summary.json), or the sites read back when rescue reach needs them all. */
export type StreamedAssessResult =
  | { written: true; stats: AssessmentStats; zoneCount: number }
  | { written: false; sites: Site[] };

/**
 * Each batch's pair query is short, and its cost estimate (a probe per hazard) high enough for PostgreSQL to compile
 * it first: 0.47 of the 0.64 s a batch of 5 000 hazards took (EXPLAIN ANALYZE, 200 000 sites), every batch again.
 */
const NO_JIT = 'set jit = off';

/** usrm_site's bytes per site with its indexes, measured: 340 for a point with a short name (200 000: 65 MB) */
const SITE_TABLE_BYTES = 1_024;
const HAZARD_BATCH = 5_000;
const SITE_BATCH = 20_000;

export async function assessStreamed(o: StreamedAssessOptions): Promise<StreamedAssessResult> {
  const client = await connect(o.db);
  const spoolDir = mkdtempSync(join(tmpdir(), 'usrm-copy-'));
  const session = sqlSession(client, o.log);
  const { timed, run } = session;
  const cleanups: (() => void)[] = [];
  try {
    // before the session's first temporary table; usrm_site keeps each site's JSON beside its geography and index
    const expected = o.expectedFileSites + (await tableRowEstimate(client, o.tables));
    await run(tempBuffersSql(expected, SITE_TABLE_BYTES));
    await run(PLAIN_INDEX_SCANS);
    await run(NO_JIT);
    const loaded = await loadSitesStreamed({
      ...o,
      client,
      session,
      spoolDir,
      onProgress: (share) => o.onProgress?.('reading', share),
    });
    // rescue reach measures every site against every resource: a city-sized job the held executor does
    if (loaded.reachSites > 0) return { written: false, sites: await readAllSites(client) };
    for (const sql of INDEX_STREAMED_SITES) await run(sql);
    if (o.log)
      o.log(
        `-- usrm_site and its index: ${(await client.query(`select pg_size_pretty(pg_total_relation_size('usrm_site')) as size`)).rows[0].size}`,
      );
    const plan = planKindPairs(
      loaded.hazards.profiles,
      loaded.hazards.samples,
      loaded.kinds.kinds,
      (k) => ({ target: loaded.kinds.samples[k]!, classification: loaded.kinds.classify(loaded.kinds.samples[k]!) }),
      o.config,
    );
    for (const sql of reachSql(
      plan,
      describer((p) => loaded.hazards.samples[p]!, loaded.kinds.kinds),
    ))
      await run(sql);
    o.onProgress?.('assessing', 0.1);
    const judge = new PairJudge(plan, loaded.hazards.profiles, o.config);
    const tally = findingTally();
    const tables = o.writeTables ? new ResultTableSpools(o.writeTables, spoolDir) : null;
    cleanups.push(() => tables?.close());
    await timed(STREAMED_PAIRS, () => writeFindings(client, o, loaded, judge, tally, tables));
    o.onProgress?.('assessing', 0.6);
    const zones = [...o.zones].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    await run(CREATE_CONTRIBUTIONS);
    const { counts, perZone } = await timed(STREAMED_SITES, () =>
      writeSites(client, o, zones, join(spoolDir, 'contributions.copy'), tables),
    );
    for (const sql of INDEX_CONTRIBUTIONS) await run(sql);
    o.onProgress?.('writing', 0.5);
    const zoneLevels = await timed(ZONE_CONTRIBUTORS, () => writeZones(client, o, zones, perZone, tables));
    await tables?.finish(client, o.log);
    const stats = counts.stats(zoneLevels, tally, {
      hazardsChecked: loaded.hazardCount,
      targetsChecked: loaded.targetCount,
      pairsExamined: judge.examined,
      hazardsByRule: { ...loaded.hazards.hazardsByRule, ...loaded.hazards.insideHazardsByRule },
      targetsByRule: targetsByRule({ kinds: loaded.kinds.kinds }, o.config.rules),
    });
    return { written: true, stats, zoneCount: zones.length };
  } catch (e) {
    // the server's own words (disk full, permission denied, a cancelled query), without a stack trace
    if (e instanceof pg.DatabaseError) throw new InputError(`PostgreSQL: ${e.message}${e.hint ? ` (${e.hint})` : ''}`);
    throw e;
  } finally {
    for (const c of cleanups) c();
    rmSync(spoolDir, { recursive: true, force: true });
    await client.end();
  }
}

/**
 * violations.csv from the candidate pairs of each batch of hazards: a hazard's findings are sorted (target id, rule
 * id) and written when its rows end, so the file is in the engine's order (hazard id, target id, rule id).
 */
async function writeFindings(
  client: pg.Client,
  o: StreamedAssessOptions,
  loaded: LoadedSites,
  judge: PairJudge,
  tally: ReturnType<typeof findingTally>,
  tables: ResultTableSpools | null,
): Promise<void> {
  const violations = openViolationsFile(join(o.out, 'violations.csv'));
  let hazard: Site | null = null;
  let found: Finding[] = [];
  let targets = new Map<string, Site>();
  const flush = () => {
    for (const v of found.sort(compareFindings)) {
      tally.add(v);
      violations.add(v, hazard!, targets.get(v.targetId)!);
      tables?.finding(v);
    }
    found = [];
    targets = new Map();
  };
  try {
    let from: Buffer = Buffer.alloc(0);
    for (let done = false; !done; ) {
      const end = (await client.query<{ key: Buffer }>(HAZARD_BATCH_END, [from, HAZARD_BATCH])).rows[0]?.key ?? null;
      await streamRows(client, STREAMED_PAIRS, [from, end], (r) => {
        const [hazardJson, profile, targetJson, kind, area, metres, inside] = r as [
          string | null,
          number,
          string,
          number,
          boolean,
          number | null,
          boolean,
        ];
        if (hazardJson !== null) {
          flush();
          hazard = JSON.parse(hazardJson) as Site;
        }
        const site = JSON.parse(targetJson) as Site;
        targets.set(site.id, site);
        const target = { site, kind, classification: loaded.kinds.classify(site), isArea: area };
        if (inside) judge.inside(hazard!, profile, target, found);
        else judge.measured(hazard!, profile, target, metres, found);
      });
      flush();
      if (end === null) done = true;
      else from = end;
    }
    violations.end();
  } finally {
    violations.close();
  }
}

interface ZoneSearch {
  index: Flatbush | null;
  /** per zone: is a point inside (index and relative modes), or the prepared area (就高) */
  holds: ((lon: number, lat: number) => boolean)[];
  areas: ReturnType<typeof preparedArea>[];
}

/**
 * sites.csv from the sites read back in id order, each scored and located (the engine's assessSite); each scored
 * site's contributions to the zones go to usrm_contrib (a zone's list can be as long as its sites).
 */
async function writeSites(
  client: pg.Client,
  o: StreamedAssessOptions,
  zones: Zone[],
  spoolPath: string,
  tables: ResultTableSpools | null,
): Promise<{ counts: SiteCounts; perZone: Int32Array }> {
  const aggregation = o.config.method.aggregation;
  const max = aggregation.mode === 'max';
  const search: ZoneSearch = {
    index: zones.length ? new Flatbush(zones.length) : null,
    holds: max ? [] : zones.map((z) => pointInArea(z.geometry)),
    areas: max ? zones.map((z) => preparedArea(z.geometry)) : [],
  };
  if (search.index) {
    for (const z of zones) search.index.add(...bboxOf(z.geometry)); // spread-ok: a box is 4 numbers
    search.index.finish();
  }
  const locate = zoneLocator(zones);
  const counts = new SiteCounts();
  const perZone = new Int32Array(zones.length);
  const spool = new CopySpool(spoolPath);
  const file = openFileSink(join(o.out, 'sites.csv'));
  const csv = sitesCsvWriter(file.write, { reuse: true });
  try {
    let from: Buffer = Buffer.alloc(0);
    for (;;) {
      const rows = (await client.query<{ key: Buffer; site: string }>(STREAMED_SITES, [from, SITE_BATCH])).rows;
      for (const r of rows) {
        const a = assessSite(JSON.parse(r.site) as Site, locate, o.config);
        csv.add(a);
        counts.add(a);
        tables?.site(a);
        if (a.level === null || !search.index) continue;
        // spread-ok: a box is 4 numbers
        for (const i of search.index.search(...(max ? footprintBox(a) : bboxOf(a.geometry)))) {
          const c = max ? maxContribution(a, zones[i]!, search.areas[i]!) : insideContribution(a, search.holds[i]!);
          if (!c) continue;
          perZone[i]!++;
          const detail: StoredContributor = { ...c, method: a.scoreMethod, reason: a.levelReason };
          spool.row(
            `${i}\t${LEVEL_RANK[c.level]}\t${c.score}\t\\\\x${r.key.toString('hex')}\t${copyText(JSON.stringify(detail))}`,
          );
        }
      }
      if (rows.length < SITE_BATCH) break;
      from = rows[rows.length - 1]!.key;
    }
    csv.end();
  } finally {
    file.close();
    spool.close();
  }
  o.log?.(`${COPY_CONTRIBUTIONS};`);
  await spool.copyInto(client, COPY_CONTRIBUTIONS);
  return { counts, perZone };
}

/** A contributor as stored: what zones.geojson lists of it, with how its site was scored. */
type StoredContributor = ZoneContributor & ContributorScoring;

/** zones.geojson a zone at a time, each from its contributors read back in order; the zones' levels, for the counts. */
async function writeZones(
  client: pg.Client,
  o: StreamedAssessOptions,
  zones: Zone[],
  perZone: Int32Array,
  tables: ResultTableSpools | null,
): Promise<{ level: Level | null }[]> {
  const aggregation = o.config.method.aggregation;
  const basis = densityBasis(aggregation);
  const densities =
    aggregation.mode === 'relative'
      ? zones.map((z, i) => relativeDensity(perZone[i]!, zoneTally(z, [], basis).denominator))
      : [];
  const ranked = densities.filter((d): d is number => d !== null);
  const file = openFileSink(join(o.out, 'zones.geojson'));
  const levels: { level: Level | null }[] = [];
  const text = (s: string) => file.write(Buffer.from(s, 'utf8'));
  try {
    text(ZONES_GEOJSON_START);
    for (const [i, zone] of zones.entries()) {
      const stored: StoredContributor[] = [];
      await streamRows(client, ZONE_CONTRIBUTORS, [i], (r) => void stored.push(JSON.parse(r[0] as string)));
      const contributors = stored.map(({ siteId, level, score, how, distanceM }) => ({
        siteId,
        level,
        score,
        how,
        distanceM,
      }));
      const scoring = new Map(stored.map((c) => [c.siteId, { method: c.method, reason: c.reason }]));
      const z =
        aggregation.mode === 'max'
          ? maxZone(zone, contributors)
          : aggregation.mode === 'index'
            ? indexZone(zoneTally(zone, contributors, basis), aggregation)
            : relativeZone(zoneTally(zone, contributors, basis), densities[i]!, ranked, aggregation);
      text((i > 0 ? ',' : '') + zoneFeatureJson(z, (id) => scoring.get(id)));
      levels.push({ level: z.level });
      tables?.zone(z);
    }
    text(ZONES_GEOJSON_END);
  } finally {
    file.close();
  }
  return levels;
}

/** The planner's row counts of the site tables (pg_class.reltuples; a million for one never analysed or not found). */
async function tableRowEstimate(client: pg.Client, tables: readonly string[]): Promise<number> {
  let rows = 0;
  for (const table of tables) {
    const r = await client.query<{ n: number | null }>(
      'select reltuples::float8 as n from pg_class where oid = to_regclass($1)',
      [table],
    );
    const n = r.rows[0]?.n ?? -1;
    rows += n >= 0 ? n : 1_000_000;
  }
  return rows;
}

/** Every site, for the held executor (rescue reach needs them all). */
async function readAllSites(client: pg.Client): Promise<Site[]> {
  const sites: Site[] = [];
  await streamRows(client, 'select site from usrm_site order by key', [], (r) => {
    sites.push(JSON.parse(r[0] as string) as Site);
  });
  return sites;
}
