// --write-tables SCHEMA: the results left in the database for the user's GIS (sites with their levels, zones,
// findings), replacing tables of the same names in that schema. The five files are written as usual.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Assessment } from '../../engine';
import { toEwkt } from './ewkt';

const ROWS = 2_000;

export async function writeTables(
  client: pg.Client,
  schema: string,
  a: Assessment,
  log?: (text: string) => void,
): Promise<void> {
  const s = quoteIdent(schema);
  const run = async (sql: string) => {
    log?.(`${sql};`);
    await client.query(sql);
  };
  await run(`create schema if not exists ${s}`);
  await run(`drop table if exists ${s}.sites, ${s}.zones, ${s}.violations`);
  await run(
    `create table ${s}.sites (id text primary key, name text, category text, role text, district text, domain text, score double precision, level text, g geography)`,
  );
  await copy(
    client,
    `copy ${s}.sites from stdin`,
    a.sites,
    (x) => [x.id, x.name, x.category, x.role, x.district, x.domain, x.score, x.level, toEwkt(x.geometry)],
    log,
  );
  await run(
    `create table ${s}.zones (id text primary key, name text, level text, score double precision, mode text, contributors integer, g geography)`,
  );
  await copy(
    client,
    `copy ${s}.zones from stdin`,
    a.zones,
    (z) => [z.id, z.name, z.level, z.score, z.mode, z.contributors.length, toEwkt(z.geometry)],
    log,
  );
  await run(
    `create table ${s}.violations (hazard_id text, target_id text, rule_id text, distance_m double precision, required_m double precision, shortfall_m double precision, status text, primary key (hazard_id, target_id, rule_id))`,
  );
  await copy(
    client,
    `copy ${s}.violations from stdin`,
    a.findings,
    (v) => [v.hazardId, v.targetId, v.ruleId, v.distanceM, v.requiredM, v.shortfallM, v.status],
    log,
  );
  for (const t of ['sites', 'zones']) await run(`create index on ${s}.${t} using gist (g)`);
}

async function copy<T>(
  client: pg.Client,
  sql: string,
  rows: readonly T[],
  cells: (row: T) => unknown[],
  log?: (text: string) => void,
): Promise<void> {
  log?.(`${sql};`);
  await pipeline(Readable.from(chunks(rows, cells)), client.query(copyFrom(sql)));
}

function* chunks<T>(rows: readonly T[], cells: (row: T) => unknown[]): Generator<string> {
  for (let i = 0; i < rows.length; i += ROWS) {
    yield rows
      .slice(i, i + ROWS)
      .map((r) => cells(r).map(copyText).join('\t') + '\n')
      .join('');
  }
}

/** A value in COPY's text format: \N for null, backslash, tab and newlines escaped. */
function copyText(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  return String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
