// The sites of a province into PostGIS without holding them: each file or table is read row by row (the importer in
// its streamed mode), every settled row written to a COPY spool and loaded into `usrm_load`, the repeated ids found
// there (as the importer finds them), and the accepted rows moved into `usrm_site`. The CLI keeps only counts: the
// hazards' profiles and the targets' kinds (what the rule plan needs), and the import reports.
import { basename, join } from 'node:path';
import type pg from 'pg';
import {
  HazardProfileRegistry,
  isReachCategory,
  roleOf,
  TargetKindRegistry,
  type AssessConfig,
  type Site,
} from '../../engine';
import {
  importSitesFile,
  withLaterDuplicates,
  type ImportOptions,
  type ImportResult,
  type LaterDuplicate,
  type SettledRow,
} from '../../io';
import type { InputFile } from '../../whitepaper/whitepaperInput';
import type { ReadInputFile } from '../readInputs';
import { guardAsync } from '../inputErrors';
import { toEwkt } from './ewkt';
import { COPY_NULL, CopySpool, copyText, idOrderKey } from './copySpool';
import { readSitesTable } from './readSitesTable';
import type { SqlSession } from './sqlSession';
import { CREATE_LOAD, CREATE_REPEATS, COPY_LOAD, KEEP_LOADED, REPEATED_ROWS, REPEATED_SITES } from './streamedSql';

/** Where the sites come from and how they are read: what the run is given, and the load uses. */
export interface SiteSources {
  /** the connection string, for the tables' own reading connection */
  db: string | undefined;
  files: readonly string[];
  tables: readonly string[];
  geometryColumn: string | undefined;
  importOptions: Omit<ImportOptions, 'onSettled' | 'existingIds'>;
  /** reads a file and lists it among the inputs (readAssessInputs) */
  read: ReadInputFile;
  inputs: InputFile[];
  config: AssessConfig;
}

export interface StreamedLoadOptions extends SiteSources {
  client: pg.Client;
  session: SqlSession;
  /** a folder for the COPY spool */
  spoolDir: string;
  onProgress?: (share: number) => void;
}

/** What the CLI keeps of the loaded sites: counts, and a hazard of each profile and a target of each kind. */
export class LoadedSites {
  readonly hazards: HazardProfileRegistry;
  readonly kinds = new TargetKindRegistry();
  sites = 0;
  hazardCount = 0;
  /** sites whose role is protection target (hazards are targets too, but not counted here) */
  targetCount = 0;
  /** rescue resources and shelters: rescue reach needs every site, so their presence changes the plan */
  reachSites = 0;

  constructor(config: AssessConfig) {
    this.hazards = new HazardProfileRegistry(config);
  }

  /** an accepted site: its hazard profile and target kind (null when it is not one) */
  add(site: Site): { profile: number | null; kind: number | null } {
    const role = roleOf(site.category);
    this.sites++;
    if (isReachCategory(site.category)) this.reachSites++;
    if (role === 'target') this.targetCount++;
    const profile = role === 'hazard' ? this.hazards.add(site).id : null;
    if (role === 'hazard') this.hazardCount++;
    const kind = role === 'hazard' || role === 'target' ? this.kinds.add(site).kind : null;
    return { profile, kind };
  }

  /** a site added, then found to repeat an id */
  remove(site: Site): void {
    const role = roleOf(site.category);
    this.sites--;
    if (isReachCategory(site.category)) this.reachSites--;
    if (role === 'target') this.targetCount--;
    if (role === 'hazard') {
      this.hazards.remove(site);
      this.hazardCount--;
    }
    if (role === 'hazard' || role === 'target') this.kinds.remove(site);
  }

  snapshot(): () => void {
    const counts = [this.sites, this.hazardCount, this.targetCount, this.reachSites] as const;
    const hazards = this.hazards.snapshot();
    const kinds = this.kinds.snapshot();
    return () => {
      [this.sites, this.hazardCount, this.targetCount, this.reachSites] = counts;
      this.hazards.restore(hazards);
      this.kinds.restore(kinds);
    };
  }
}

/** Loads every file, then every table, into `usrm_site`; each one's report is in `inputs`. */
export async function loadSitesStreamed(o: StreamedLoadOptions): Promise<LoadedSites> {
  const loaded = new LoadedSites(o.config);
  for (const sql of CREATE_LOAD) await o.session.run(sql);
  const count = o.files.length + o.tables.length;
  for (const [n, path] of o.files.entries()) {
    const { bytes, digest } = await o.read(path, 'sites', false);
    const report = await loadInput(o, loaded, (options) =>
      guardAsync(path, () => importSitesFile(basename(path), bytes, options)),
    );
    digest.sha256 = report.sha256!;
    digest.report = report;
    o.onProgress?.((n + 1) / count);
  }
  for (const [n, table] of o.tables.entries()) {
    const report = await loadInput(o, loaded, (options) => readSitesTable(o.db, table, o.geometryColumn, options));
    o.inputs.push({ kind: 'sites', file: report.file, sha256: null, report }); // a table: no file to digest
    o.onProgress?.((o.files.length + n + 1) / count);
  }
  return loaded;
}

/**
 * One file or table: read with its settled rows spooled and loaded, its repeated ids found in the database and
 * written into its report. A row of the CRS sample that repeats an earlier input's id was part of the sample the
 * importer would have left it out of: the input is then read again knowing those ids (rare: a file that starts with
 * rows of an earlier one).
 */
async function loadInput(
  o: StreamedLoadOptions,
  loaded: LoadedSites,
  importRows: (options: ImportOptions) => Promise<ImportResult>,
) {
  let known = new Set<string>();
  for (;;) {
    const restore = loaded.snapshot();
    const spool = new CopySpool(join(o.spoolDir, 'sites.copy'));
    let result: ImportResult;
    try {
      result = await importRows({
        ...o.importOptions,
        existingIds: known,
        onSettled: (row) => spool.row(loadRow(row, loaded)),
      });
    } finally {
      spool.close();
    }
    await o.session.run('truncate usrm_load');
    await o.session.timed(COPY_LOAD, () => spool.copyInto(o.client, COPY_LOAD));
    await o.session.run('drop table if exists usrm_repeat');
    await o.session.run(CREATE_REPEATS);
    const repeats = (await o.session.timed(REPEATED_ROWS, () => o.client.query<RepeatRow>(REPEATED_ROWS))).rows.map(
      laterDuplicate,
    );
    const sampleEnd = result.streamed!.sampleEndLine;
    const inSample = repeats.filter((d) => d.firstLine === null && d.line <= sampleEnd);
    if (inSample.length > 0) {
      restore();
      known = new Set([...known, ...inSample.map((d) => d.id)]);
      continue;
    }
    if (repeats.some((d) => d.wasAccepted))
      for (const r of (await o.session.timed(REPEATED_SITES, () => o.client.query<{ site: string }>(REPEATED_SITES)))
        .rows)
        loaded.remove(JSON.parse(r.site) as Site);
    await o.session.run(KEEP_LOADED);
    return withLaterDuplicates(result, repeats);
  }
}

interface RepeatRow {
  line: number;
  id: string;
  first_line: number | null;
  accepted: boolean;
}

function laterDuplicate(r: RepeatRow): LaterDuplicate {
  return { line: r.line, id: r.id, firstLine: r.first_line, wasAccepted: r.accepted };
}

/** A settled row as a COPY line of usrm_load (STREAMED_SITES names the columns). */
function loadRow({ line, id, site }: SettledRow, loaded: LoadedSites): string {
  if (!site) return [line, copyText(id), idOrderKey(id), ...Array(7).fill(COPY_NULL)].join('\t');
  const { profile, kind } = loaded.add(site);
  const g = site.geometry;
  const area = g.type === 'Polygon' || g.type === 'MultiPolygon';
  return [
    line,
    copyText(id),
    idOrderKey(id),
    copyText(JSON.stringify(site)),
    toEwkt(g),
    profile ?? COPY_NULL,
    kind ?? COPY_NULL,
    kind !== null && area ? 't' : 'f',
    g.type === 'Point' ? 't' : 'f',
    // a hazard is a target too: the flag says it is one
    profile !== null ? 't' : 'f',
  ].join('\t');
}
