// `--engine postgis` the held way (the white paper, --grid, roads or population, F–N curves, rescue resources in the
// data: what needs every site in memory anyway; plain `assess` holds none, streamedAssess.ts): the sites held here go
// into PostGIS, PostGIS finds and measures the hazard–target pairs, and the engine decides their findings, scores and
// zones, as the in-process engine does (one semantics, two executors). The candidate pairs stream through a cursor.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  finishAssessment,
  planSetbacks,
  prepareAssessment,
  SetbackJudge,
  type AssessConfig,
  type AssessInput,
  type Assessment,
  type PreparedAssessment,
  type SetbackPlan,
} from '../../engine';
import { InputError } from '../errors';
import { connect } from './connect';
import { toEwkt } from './ewkt';
import {
  COPY_SITES,
  CREATE_SITES,
  DISTANCE_PAIRS,
  INDEX_SITES,
  INSIDE_PAIRS,
  PLAIN_INDEX_SCANS,
  reachSql,
  SITE_TABLE,
  tempBuffersSql,
} from './setbackSql';
import { writeTables } from './writeTables';
import { describer, sqlSession } from './sqlSession';
import { streamRows } from './streamRows';

export interface PostgisOptions {
  /** libpq URI or keywords; the PG* variables when absent */
  db?: string;
  /** leave the results as tables in this schema */
  writeTables?: string;
  /** each statement as it is sent, then how long it took (--log-sql: for a DBA, the docs and the benchmarks) */
  log?: (text: string) => void;
}

/** Sites per COPY chunk. */
const COPY_ROWS = 2_000;

export async function assessInPostgis(
  input: AssessInput,
  config: AssessConfig,
  options: PostgisOptions,
  onProgress?: (share: number, stage: string) => void,
): Promise<Assessment> {
  const client = await connect(options.db);
  const { timed, run } = sqlSession(client, options.log);
  try {
    const prepared = prepareAssessment(input);
    const plan = planSetbacks(prepared.hazards, prepared.targets, prepared.kinds, config);
    await run(tempBuffersSql(prepared.sites.length)); // before the session's first temporary table
    await run(PLAIN_INDEX_SCANS);
    await run(CREATE_SITES);
    await timed(COPY_SITES, () =>
      pipeline(Readable.from(siteRows(prepared, plan)), client.query(copyFrom(COPY_SITES))),
    );
    for (const sql of INDEX_SITES) await run(sql);
    if (options.log)
      options.log(
        `-- ${SITE_TABLE} and its index: ${(await client.query(`select pg_size_pretty(pg_total_relation_size('${SITE_TABLE}')) as size`)).rows[0].size}`,
      );
    for (const sql of reachSql(plan, describeHeld(prepared, plan))) await run(sql);
    onProgress?.(0.1, 'setbacks');
    const judge = new SetbackJudge(prepared.hazards, prepared.targets, plan, config);
    if (plan.distancePairs.length)
      await timed(DISTANCE_PAIRS, () =>
        streamRows(client, DISTANCE_PAIRS, [], (r) =>
          judge.measured(r[0] as number, r[1] as number, r[2] as number | null),
        ),
      );
    if (plan.insidePairs.length)
      await timed(INSIDE_PAIRS, () =>
        streamRows(client, INSIDE_PAIRS, [], (r) => judge.inside(r[0] as number, r[1] as number)),
      );
    const assessment = finishAssessment(input, prepared, config, judge.result(), (share, stage) =>
      onProgress?.(0.3 + 0.7 * share, stage),
    );
    if (options.writeTables) {
      const spoolDir = mkdtempSync(join(tmpdir(), 'usrm-copy-'));
      try {
        await writeTables(client, options.writeTables, assessment, spoolDir, options.log);
      } finally {
        rmSync(spoolDir, { recursive: true, force: true });
      }
    }
    return assessment;
  } catch (e) {
    // the server's own words (disk full, permission denied, a cancelled query), without a stack trace
    if (e instanceof pg.DatabaseError) throw new InputError(`PostgreSQL: ${e.message}${e.hint ? ` (${e.hint})` : ''}`);
    throw e;
  } finally {
    await client.end();
  }
}

/** COPY text rows (tab-separated, \N for null), a chunk of sites at a time. */
export function* siteRows(prepared: PreparedAssessment, plan: SetbackPlan): Generator<string> {
  const hazardIndex = new Map(prepared.hazards.map((h, i) => [h, i]));
  const targetIndex = new Map(prepared.targets.map((t, i) => [t, i]));
  let chunk: string[] = [];
  for (const [n, site] of prepared.sites.entries()) {
    const hi = hazardIndex.get(site);
    const ti = targetIndex.get(site);
    const cells = [
      n,
      hi ?? '\\N',
      ti ?? '\\N',
      hi === undefined ? '\\N' : plan.hazardProfile[hi],
      ti === undefined ? '\\N' : plan.kinds.kindOf[ti],
      ti !== undefined && plan.targetIsArea[ti] ? 't' : 'f',
      site.geometry.type === 'Point' ? 't' : 'f',
      toEwkt(site.geometry),
    ];
    chunk.push(cells.join('\t'));
    if (chunk.length === COPY_ROWS) {
      yield chunk.join('\n') + '\n';
      chunk = [];
    }
  }
  if (chunk.length) yield chunk.join('\n') + '\n';
}

/** The SQL comments' words for a (profile × kind): a hazard of the profile (the first in id order), the kind. */
function describeHeld(prepared: PreparedAssessment, plan: SetbackPlan): (profile: number, kind: number) => string {
  const hazardOf: number[] = [];
  plan.hazardProfile.forEach((p, i) => (hazardOf[p] ??= i));
  return describer((p) => prepared.hazards[hazardOf[p]!]!, plan.kinds.kinds);
}
