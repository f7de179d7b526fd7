// The CLI's work, separate from argument parsing so tests can call it directly.
// Only what `assess` needs is imported here; the white paper (ECharts, resvg, ExcelJS) is loaded when asked for.
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { INPUT_ATTRIBUTION } from '../io/attribution';
import {
  assess,
  assessReach,
  ConfigError,
  impliedDistances,
  raiseZonesOutOfReach,
  DEFAULT_REACH_PROFILE,
  parseReachProfile,
  resolveCategory,
  type RoadLine,
  type Assessment,
  DEFAULT_PROFILE,
  defaultConfig,
  parseMethodProfile,
  parseRiskMatrixMethod,
  withMatrix,
  roleOf,
  type MethodProfile,
  type RiskContour,
  type Site,
  type Zone,
  type GridShape,
  type GridSpec,
} from '../engine';
import {
  assessOutputs,
  BinaryFileError,
  CANONICAL_FIELDS,
  FileFormatError,
  writeSitesCsv,
  importSitesFile,
  isCrsOption,
  readRuleTable,
  readZones,
  sha256Hex,
  reachOutputs,
  readRoads,
  readContours,
  contourCrsWarning,
  qraDistancesCsv,
  QRA_DISTANCES_FILE,
  type ImportFileReport,
  type MappingOverride,
  type CanonicalField,
} from '../io';
import { readPreviousSummary, SummaryFileError } from '../io/previousSummary';
import { whitepaperTitle } from '../whitepaper/title';
import {
  buildWhitepaperInput,
  inputDigests,
  inputReports,
  type InputFile,
  type InputFileKind,
} from '../whitepaper/whitepaperInput';
import type { OutputFile } from '../whitepaper/bundle';
import { InputError, UsageError } from './errors';
import type { ProgressReport } from './progress';
import { writeChunks } from './writeChunks';
import { openViolationsFile } from './violationsFile';
import { openFileSink } from './fileSink';
import { readSocietalRisk, societalMessage, writeSocietalRiskFile } from './societalRiskFiles';

export { InputError, UsageError };

export interface AssessArgs {
  sites?: string[];
  zones?: string;
  crs?: string;
  /** the category of every row of a site file that has no category column (code or name) */
  category?: string;
  /** column mapping over the automatic one: "HEADER=FIELD" (a canonical field, or "ignore") */
  column?: string[];
  method?: string;
  rules?: string;
  out?: string;
  /** the date the data describe, printed on figures and in summary.json (never the wall clock) */
  dataDate?: string;
  /** "square:500" or "hex:1000": zone by a generated grid over the --zones area */
  grid?: string;
  whitepaper?: boolean;
  /** whitepaper: a previous assessment's summary.json, compared in F6 */
  previous?: string;
  /** whitepaper: the report's title */
  title?: string;
  /** whitepaper: the data credit printed on every figure (default: a pointer to the input files listed in T3) */
  attribution?: string;
  /** "js" (in process, the default) or "postgis": PostGIS finds and measures the pairs (docs/postgis.md) */
  engine?: string;
  /** --engine postgis: a libpq URI or keywords (default: the PG* variables) */
  db?: string;
  /** --engine postgis: leave sites, zones and violations as tables in this schema */
  writeTables?: string;
  /** --engine postgis: sites from existing tables or views ([SCHEMA.]TABLE), mapped by --column like a file's */
  sitesTable?: string[];
  /** --sites-table: the geometry or geography column, when the table has several */
  geometryColumn?: string;
  /** --engine postgis: each SQL statement and its time on stderr */
  logSql?: boolean;
  /** rescue within reach: a road network (GeoJSON lines) for travel times; without it, straight-line screening */
  roads?: string;
  /** rescue within reach: a population grid (GeoJSON polygons with population) for the shelters' balance */
  population?: string;
  /** rescue within reach: the city's own parameters (reach-profile/1, as data/rules/reach-profile.json) */
  reachProfile?: string;
  /** QRA individual-risk contours (GeoJSON polygons with installation id and risk per year), issue #20 */
  contours?: string[];
  /** societal risk: F–N curve files (CSV: installation_id,N,F) and the city's F–N lines (fn-criteria/1), issue #20 item 5 */
  fn?: string[];
  fnCriteria?: string;
}

/** "--column 站点编码=id --column 备注=ignore" → a mapping override (header → canonical field, or null to ignore). */
function parseColumns(specs: string[]): MappingOverride {
  const mapping: MappingOverride = {};
  for (const spec of specs) {
    const at = spec.lastIndexOf('=');
    const header = spec.slice(0, at).trim();
    const field = spec.slice(at + 1).trim();
    if (at <= 0 || (field !== 'ignore' && !(CANONICAL_FIELDS as readonly string[]).includes(field))) {
      throw new UsageError(
        `--column "${spec}" is not HEADER=FIELD with FIELD one of ${CANONICAL_FIELDS.join(', ')} or ignore`,
      );
    }
    mapping[header] = field === 'ignore' ? null : (field as CanonicalField);
  }
  return mapping;
}

/** Reads, assesses and writes; `onProgress` hears the stage (reading, assessing, whitepaper, writing) and its share. */
export async function runAssess(args: AssessArgs, onProgress: ProgressReport = () => {}): Promise<{ message: string }> {
  if (!args.sites?.length && !args.sitesTable?.length)
    throw new UsageError('--sites FILE (or, with --engine postgis, --sites-table TABLE) is required (at least one)');
  if (!args.out) throw new UsageError('--out DIR is required');
  const crs = args.crs ?? 'auto';
  if (!isCrsOption(crs))
    throw new UsageError(
      `--crs "${crs}" is not one of auto, wgs84, cgcs2000, gcj02, bd09, cgcs2000_gk (Gauss–Krüger, zone number in the easting), cgcs2000_gk3_<75…135> (3° zone by central meridian)`,
    );
  const allRowsCategory = args.category === undefined ? undefined : resolveCategory(args.category);
  if (args.category !== undefined && !allRowsCategory)
    throw new UsageError(
      `--category "${args.category}" is not a category code or name (e.g. fuel_station, 加油站, 学校)`,
    );
  const columns = parseColumns(args.column ?? []);
  const mapping = args.column?.length ? columns : undefined;
  const grid = args.grid === undefined ? undefined : parseGrid(args.grid);
  if (grid && !args.zones)
    throw new UsageError('--grid needs --zones FILE.geojson: the study area the grid is laid over');
  if (args.dataDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(args.dataDate))
    throw new UsageError(`--data-date "${args.dataDate}" is not YYYY-MM-DD`);
  const engine = args.engine ?? 'js';
  if (engine !== 'js' && engine !== 'postgis')
    throw new UsageError(`--engine "${engine}" is not js (in process) or postgis`);
  if (
    engine !== 'postgis' &&
    (args.db !== undefined || args.writeTables !== undefined || args.sitesTable?.length || args.logSql)
  )
    throw new UsageError('--db, --write-tables, --sites-table and --log-sql need --engine postgis');
  if (args.geometryColumn !== undefined && !args.sitesTable?.length)
    throw new UsageError('--geometry-column needs --sites-table');

  // every file read, with its kind, digest and report: the white paper's input builder puts them in the canonical order
  const inputs: InputFile[] = [];
  /** A file's bytes, listed among the inputs (a site file's digest is taken from its import report, which hashes it anyway). */
  const read = async (
    path: string,
    kind: InputFileKind,
    hashed = true,
  ): Promise<{ bytes: Uint8Array; digest: InputFile }> => {
    let bytes: Uint8Array;
    try {
      bytes = asBytes(await readFile(path));
    } catch (e) {
      throw new InputError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const digest: InputFile = { kind, file: basename(path), sha256: '' };
    inputs.push(digest);
    if (hashed) digest.sha256 = await sha256Hex(bytes);
    return { bytes, digest };
  };

  const config = defaultConfig();
  if (args.method)
    config.method = parseJsonFile((await read(args.method, 'method')).bytes, args.method, readMethodFile);
  if (args.rules) {
    const path = args.rules;
    const { bytes } = await read(path, 'rules');
    config.rules = guard(path, () => readRuleTable(basename(path), new TextDecoder().decode(bytes)));
  }
  let zones: Zone[] = [];
  if (args.zones) {
    const { bytes } = await read(args.zones, 'zones');
    zones = guard(args.zones, () => readZones(new TextDecoder().decode(bytes)));
  }
  const reachProfile = args.reachProfile
    ? parseJsonFile((await read(args.reachProfile, 'reachProfile')).bytes, args.reachProfile, parseReachProfile)
    : DEFAULT_REACH_PROFILE;
  let roads: RoadLine[] | undefined;
  if (args.roads) {
    const path = args.roads;
    const { bytes } = await read(path, 'roads');
    roads = guard(path, () => readRoads(new TextDecoder().decode(bytes)));
  }
  let population: Zone[] | undefined;
  if (args.population) {
    const path = args.population;
    const { bytes } = await read(path, 'population');
    population = guard(path, () => readZones(new TextDecoder().decode(bytes)));
  }
  const sites: Site[] = [];
  /** the reports read so far, in the canonical order (sites, contours, F–N curves) */
  const reports = () => inputReports(inputs);
  const files = args.sites ?? [];
  for (const [n, path] of files.entries()) {
    const reading = (share: number) => onProgress('reading', (n + share) / files.length);
    reading(0);
    const { bytes, digest } = await read(path, 'sites', false);
    const { sites: accepted, report } = await guardAsync(path, () =>
      importSitesFile(
        basename(path),
        bytes,
        {
          crs,
          zones,
          existingIds: idsOf(sites),
          ...(mapping ? { mapping } : {}),
          ...(allRowsCategory ? { allRowsCategory: allRowsCategory.code } : {}),
        },
        reading,
      ),
    );
    digest.sha256 = report.sha256!;
    digest.report = report;
    for (const site of accepted) sites.push(site); // a spread of 10⁵ arguments overflows the stack
  }
  if (args.sitesTable?.length) {
    const { readSitesTable } = await import('./postgis/readSitesTable');
    for (const table of args.sitesTable) {
      const options = {
        crs,
        zones,
        existingIds: idsOf(sites),
        ...(mapping ? { mapping } : {}),
        ...(allRowsCategory ? { allRowsCategory: allRowsCategory.code } : {}),
      };
      const { sites: accepted, report } = await readSitesTable(args.db, table, args.geometryColumn, options);
      for (const site of accepted) sites.push(site);
      inputs.push({ kind: 'sites', file: report.file, sha256: null, report }); // a table: no file to digest
    }
  }
  // QRA contours (issue #20): read after the sites, since each must belong to an imported hazard
  const contours: RiskContour[] = [];
  if (args.contours?.length) {
    if (engine === 'postgis')
      throw new UsageError(
        '--contours is not supported with --engine postgis yet (the contours are judged in process)',
      );
    const hazardIds = new Set(sites.filter((s) => roleOf(s.category) === 'hazard').map((s) => s.id));
    for (const path of args.contours) {
      const { bytes, digest } = await read(path, 'contours');
      const { contours: found, report } = guard(path, () =>
        readContours(basename(path), new TextDecoder().decode(bytes), crs === 'auto' ? 'wgs84' : crs, hazardIds),
      );
      for (const c of found) contours.push(c);
      if (crs === 'auto') contourCrsWarning(report, reports(), 'cli');
      digest.report = { ...report, sha256: digest.sha256! }; // as a site file's report carries it
    }
  }
  const societal = await readSocietalRisk(args, sites, read);
  const previousPath = args.previous;
  const previous =
    previousPath === undefined
      ? null
      : guard(previousPath, () =>
          readPreviousSummary(basename(previousPath), new TextDecoder().decode(readFileSyncChecked(previousPath))),
        );
  const assessInput = { sites, zones, ...(grid ? { grid } : {}), ...(contours.length ? { contours } : {}) };
  const assessing = (share: number) => onProgress('assessing', share);
  const common = {
    reports: inputReports(inputs),
    digests: inputDigests(inputs),
    borderlineToleranceM: config.borderlineToleranceM,
    dataDate: args.dataDate ?? null,
  };
  onProgress('assessing', 0);
  let assessment: Assessment | undefined;
  if (engine === 'postgis') {
    const { assessInPostgis } = await import('./postgis/assessInPostgis');
    const log = args.logSql ? { log: (text: string) => void process.stderr.write(`${text}\n`) } : {};
    assessment = await assessInPostgis(
      assessInput,
      config,
      { db: args.db, writeTables: args.writeTables, ...log },
      assessing,
    );
  }
  // rescue within reach (issue #21): its files are written only for what the inputs hold (docs/batch-interface.md)
  const reachOf = (a: Assessment) =>
    assessReach(
      { sites, assessed: a.sites, zones, ...(roads ? { roads } : {}), ...(population ? { population } : {}) },
      reachProfile,
    );
  let reach: ReturnType<typeof assessReach> | undefined;
  // the city's optional rule raises zones with red/orange sites out of reach, before any file is written
  const withReach = (a: Assessment): Assessment => {
    const r = reachOf(a);
    reach = r;
    return config.method.reachRaise.enabled && r.cover ? raiseZonesOutOfReach(a, r.cover) : a;
  };
  if (args.whitepaper) {
    assessment = withReach(assessment ?? assess(assessInput, config, assessing));
    const reached = reach ?? reachOf(assessment);
    const { whitepaperFilesInNode } = await import('./writeWhitepaper');
    // the white paper carries the reach files itself (listed in its checksums.sha256), with F7, F8 and T4
    const files = await whitepaperFilesInNode(
      buildWhitepaperInput({
        files: inputs,
        borderlineToleranceM: common.borderlineToleranceM,
        dataDate: common.dataDate,
        assessment,
        zonePolygons: zones,
        profile: config.method,
        rules: config.rules,
        previous,
        ...(contours.length ? { contours } : {}),
        title: args.title ?? whitepaperTitle(),
        attribution: args.attribution?.trim() || INPUT_ATTRIBUTION,
        reach: { result: reached, profile: reachProfile },
        societal,
      }),
      (share) => onProgress('whitepaper', share),
    );
    await writeFiles(args.out, files, onProgress);
  } else if (assessment) {
    // from PostGIS the findings come back as a list: violations.csv is written from it like the other files
    assessment = withReach(assessment);
    await mkdir(args.out, { recursive: true });
    await streamAssessFiles(args.out, { ...common, assessment }, onProgress, true);
  } else {
    // violations.csv is written as the findings are made; the assessment keeps only their counts
    await mkdir(args.out, { recursive: true });
    const violations = openViolationsFile(join(args.out, 'violations.csv'));
    try {
      assessment = withReach(assess(assessInput, config, assessing, { onFinding: violations.add }));
      violations.end();
    } finally {
      violations.close();
    }
    await streamAssessFiles(args.out, { ...common, assessment }, onProgress);
  }
  const finalReach = reach ?? reachOf(assessment);
  const reachFiles = reachOutputs(finalReach);
  // the distances the contours imply (an extension of the contract; the white paper carries it in its set)
  if (!args.whitepaper && contours.length)
    await writeFile(join(args.out, QRA_DISTANCES_FILE), qraDistancesCsv(impliedDistances(contours, sites)));
  if (!args.whitepaper) for (const f of reachFiles) await writeFile(join(args.out, f.path), f.text);
  if (!args.whitepaper && societal) await writeSocietalRiskFile(args.out, societal);
  const rows = common.reports.reduce((n, r) => n + r.rows, 0);
  const rejected = common.reports.reduce((n, r) => n + r.rejected, 0);
  const found = assessment.stats.findingsByStatus;
  return {
    message:
      `read ${rows} rows from ${common.reports.length} file(s): ${rows - rejected} accepted, ${rejected} rejected; ` +
      `${assessment.zones.length} zones; ${found.violation} violations, ${found.borderline} borderline, ${found.not_assessed} not assessed → ${args.out}` +
      reachMessage(finalReach, reachFiles.length > 0 || roads !== undefined || population !== undefined) +
      societalMessage(societal) +
      rejectionCauses(common.reports),
  };
}

/** The contract files (violations.csv only when asked: it is usually written during the assessment); sites.csv as UTF-8 bytes. */
async function streamAssessFiles(
  out: string,
  input: Parameters<typeof assessOutputs>[0],
  onProgress: ProgressReport,
  withViolations = false,
): Promise<void> {
  const outputs = assessOutputs(input).filter((f) => withViolations || f.path !== 'violations.csv');
  onProgress('writing', 0);
  for (const [n, f] of outputs.entries()) {
    if (f.path === 'sites.csv') {
      const file = openFileSink(join(out, f.path));
      try {
        writeSitesCsv(input.assessment, file.write, { reuse: true });
      } finally {
        file.close();
      }
    } else await writeChunks(join(out, f.path), f.chunks());
    onProgress('writing', (n + 1) / outputs.length);
  }
}

async function writeFiles(out: string, files: OutputFile[], onProgress: ProgressReport): Promise<void> {
  for (const [n, f] of files.entries()) {
    onProgress('writing', n / files.length);
    await mkdir(dirname(join(out, f.path)), { recursive: true });
    await writeFile(join(out, f.path), f.data);
  }
  onProgress('writing', 1);
}

/** One line on rescue reach, when the inputs hold resources or shelters or a road/population file was given. */
function reachMessage(r: ReturnType<typeof assessReach>, asked: boolean): string {
  if (!asked) return '';
  const mode = r.mode === 'network' ? 'road network' : 'straight-line screening (初筛)';
  const cover =
    r.cover === null
      ? 'no rescue resources in the inputs (无救援力量数据): cover.csv not written'
      : `${r.cover.length} sites and targets, ${r.cover.filter((c) => c.status === 'uncovered').length} outside their circle (${r.cover.filter((c) => c.highRiskUncovered).length} red/orange) by ${mode}`;
  const shelters =
    r.shelters === null
      ? 'no shelters in the inputs (无避难场所数据): shelters.csv not written'
      : r.shelters.populationSource === 'none' || r.shelters.shelters.every((s) => s.population === null)
        ? `${r.shelters.shelters.length} shelters, no population data (无人口数据): capacity not judged`
        : `${r.shelters.shelters.length} shelters, ${r.shelters.shelters.filter((s) => (s.deficit ?? 0) > 0).length} over capacity`;
  return `\nrescue reach: ${cover}; ${shelters}`;
}

/** The likeliest cause of each file's rejections, one line each (the whole grouping is in import-report.json). */
function rejectionCauses(reports: ImportFileReport[]): string {
  return reports
    .flatMap((r) => (r.rejectionSummary ?? []).filter((g) => g.cause).map((g) => `\n${r.file}: ${g.cause}`))
    .join('');
}

function parseGrid(text: string): GridSpec {
  const m = /^(square|hex):(\d+(?:\.\d+)?)$/.exec(text);
  if (!m || !(Number(m[2]) >= 10))
    throw new UsageError(`--grid "${text}": expected square:METRES or hex:METRES with at least 10 m, e.g. square:500`);
  return { shape: m[1] as GridShape, cellM: Number(m[2]) };
}

/** A full method profile (method-profile/1), or just a risk-matrix scheme applied to the default profile. */
function readMethodFile(doc: unknown): MethodProfile {
  if ((doc as { schema?: unknown } | null)?.schema === 'method-profile/1') return parseMethodProfile(doc);
  return withMatrix(DEFAULT_PROFILE, parseRiskMatrixMethod(doc));
}

function parseJsonFile<T>(bytes: Uint8Array, path: string, parse: (doc: unknown) => T): T {
  return guard(path, () => parse(JSON.parse(new TextDecoder().decode(bytes))));
}

async function guardAsync<T>(path: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw asInputError(path, e);
  }
}

function asInputError(path: string, e: unknown): unknown {
  if (isInputProblem(e)) return new InputError(`${path}: ${e.message}`);
  return e;
}

function guard<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw asInputError(path, e);
  }
}

function isInputProblem(e: unknown): e is Error {
  return (
    e instanceof ConfigError ||
    e instanceof FileFormatError ||
    e instanceof BinaryFileError ||
    e instanceof SyntaxError ||
    e instanceof SummaryFileError
  );
}

function readFileSyncChecked(path: string): Uint8Array {
  try {
    return asBytes(readFileSync(path));
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** A plain Uint8Array over the Buffer's memory (`new Uint8Array(buffer)` would copy a 100 MB file). */
function asBytes(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

function idsOf(sites: Site[]): Set<string> {
  const ids = new Set<string>();
  for (const s of sites) ids.add(s.id);
  return ids;
}
