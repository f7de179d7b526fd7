// --write-tables SCHEMA: the results left in the database for the user's GIS (sites with their levels, zones,
// findings), replacing tables of the same names in that schema. The five files are written as usual. The held
// executor writes them from its assessment; the one that holds no site spools each row as it is made
// (ResultTableSpools) and loads the spools at the end.
import { join } from 'node:path';
import type pg from 'pg';
import type { AssessedSite, AssessedZone, Assessment, Finding } from '../../engine';
import { CopySpool, copyCell } from './copySpool';
import { toEwkt } from './ewkt';

type Table = 'sites' | 'zones' | 'violations';

const COLUMNS: Record<Table, string> = {
  sites:
    'id text primary key, name text, category text, role text, district text, domain text, score double precision, level text, g geography',
  zones:
    'id text primary key, name text, level text, score double precision, mode text, contributors integer, g geography',
  violations:
    'hazard_id text, target_id text, rule_id text, distance_m double precision, required_m double precision, shortfall_m double precision, status text, primary key (hazard_id, target_id, rule_id)',
};

const siteCells = (x: AssessedSite) => [
  x.id,
  x.name,
  x.category,
  x.role,
  x.district,
  x.domain,
  x.score,
  x.level,
  toEwkt(x.geometry),
];
const zoneCells = (z: AssessedZone) => [
  z.id,
  z.name,
  z.level,
  z.score,
  z.mode,
  z.contributors.length,
  toEwkt(z.geometry),
];
const findingCells = (v: Finding) => [
  v.hazardId,
  v.targetId,
  v.ruleId,
  v.distanceM,
  v.requiredM,
  v.shortfallM,
  v.status,
];

/** The three tables' rows written to COPY spools as they are made, loaded by `finish`. */
export class ResultTableSpools {
  private readonly spools: Record<Table, CopySpool>;

  constructor(
    private readonly schema: string,
    dir: string,
  ) {
    this.spools = {
      sites: new CopySpool(join(dir, 'result-sites.copy')),
      zones: new CopySpool(join(dir, 'result-zones.copy')),
      violations: new CopySpool(join(dir, 'result-violations.copy')),
    };
  }

  site(x: AssessedSite): void {
    this.spools.sites.row(siteCells(x).map(copyCell).join('\t'));
  }

  zone(z: AssessedZone): void {
    this.spools.zones.row(zoneCells(z).map(copyCell).join('\t'));
  }

  finding(v: Finding): void {
    this.spools.violations.row(findingCells(v).map(copyCell).join('\t'));
  }

  /** the tables made (replacing any of the same names) and filled, with GiST indexes on `g` */
  async finish(client: pg.Client, log?: (text: string) => void): Promise<void> {
    const s = quoteIdent(this.schema);
    const run = async (sql: string) => {
      log?.(`${sql};`);
      await client.query(sql);
    };
    await run(`create schema if not exists ${s}`);
    await run(`drop table if exists ${s}.sites, ${s}.zones, ${s}.violations`);
    for (const table of ['sites', 'zones', 'violations'] as const) {
      await run(`create table ${s}.${table} (${COLUMNS[table]})`);
      log?.(`copy ${s}.${table} from stdin;`);
      await this.spools[table].copyInto(client, `copy ${s}.${table} from stdin`);
    }
    for (const t of ['sites', 'zones']) await run(`create index on ${s}.${t} using gist (g)`);
  }

  close(): void {
    for (const spool of Object.values(this.spools)) spool.close();
  }
}

/** The held executor's: the tables from an assessment whose findings are listed. */
export async function writeTables(
  client: pg.Client,
  schema: string,
  a: Assessment,
  spoolDir: string,
  log?: (text: string) => void,
): Promise<void> {
  const spools = new ResultTableSpools(schema, spoolDir);
  try {
    for (const x of a.sites) spools.site(x);
    for (const z of a.zones) spools.zone(z);
    for (const v of a.findings) spools.finding(v);
    await spools.finish(client, log);
  } finally {
    spools.close();
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
