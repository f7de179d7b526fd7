// The batch command's options checked, and its input files read: the sites, zones, rules and method, the rescue and
// QRA inputs. The thread that searches a part of the hazards (setbackWorker.ts) reads the same way, so both hold the
// same sites.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  DEFAULT_PROFILE,
  DEFAULT_REACH_PROFILE,
  defaultConfig,
  parseMethodProfile,
  parseReachProfile,
  parseRiskMatrixMethod,
  resolveCategory,
  roleOf,
  withMatrix,
  type AssessConfig,
  type AssessInput,
  type GridShape,
  type GridSpec,
  type MethodProfile,
  type RiskContour,
  type RoadLine,
  type Site,
  type Zone,
} from '../engine';
import {
  CANONICAL_FIELDS,
  contourCrsWarning,
  importSitesFile,
  isCrsOption,
  readContours,
  readRoads,
  readRuleTable,
  readZones,
  sha256Hex,
  type CanonicalField,
  type CrsOption,
  type ImportOptions,
  type MappingOverride,
} from '../io';
import { inputReports, type InputFile, type InputFileKind } from '../whitepaper/whitepaperInput';
import type { AssessArgs } from './assessArgs';
import { InputError, UsageError } from './errors';
import { asBytes, guard, guardAsync, parseJsonFile } from './inputErrors';
import type { ProgressReport } from './progress';

/** The options that shape how the files are read, checked (a UsageError names the first that is wrong). */
export interface CheckedOptions {
  crs: CrsOption;
  allRowsCategory: ReturnType<typeof resolveCategory>;
  mapping: MappingOverride | undefined;
  grid: GridSpec | undefined;
  engine: 'js' | 'postgis';
  out: string;
}

export function checkOptions(args: AssessArgs): CheckedOptions {
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

  return { crs, allRowsCategory, mapping, grid, engine, out: args.out };
}

/**
 * Does `assess --engine postgis` load the sites without holding them (postgis/streamedAssess.ts)? Not for what needs
 * every site in memory anyway: the white paper, a grid, rescue reach over roads or population, F–N curves (each must
 * belong to a hazard read).
 */
export function streamsSites(args: AssessArgs, options: CheckedOptions): boolean {
  return (
    options.engine === 'postgis' &&
    !args.whitepaper &&
    !options.grid &&
    args.roads === undefined &&
    args.population === undefined &&
    !args.fn?.length
  );
}

/** A file's bytes, listed among the inputs (a site file's digest is taken from its import report, which hashes it anyway). */
export type ReadInputFile = (
  path: string,
  kind: InputFileKind,
  hashed?: boolean,
) => Promise<{ bytes: Uint8Array; digest: InputFile }>;

export interface AssessInputs {
  /** every file read, with its kind, digest and report: the white paper's input builder puts them in the canonical order */
  inputs: InputFile[];
  read: ReadInputFile;
  config: AssessConfig;
  zones: Zone[];
  reachProfile: typeof DEFAULT_REACH_PROFILE;
  roads: RoadLine[] | undefined;
  population: Zone[] | undefined;
  sites: Site[];
  contours: RiskContour[];
  /** what the engine assesses: the sites, zones, grid and contours */
  assessInput: AssessInput;
}

export async function readAssessInputs(
  args: AssessArgs,
  options: CheckedOptions & { streamed?: boolean },
  onProgress: ProgressReport,
): Promise<AssessInputs> {
  const { crs, engine, grid } = options;
  const inputs: InputFile[] = [];
  const read: ReadInputFile = async (path, kind, hashed = true) => {
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
  // streamed: the PostGIS load reads them (postgis/streamedLoad.ts)
  const files = options.streamed ? [] : (args.sites ?? []);
  for (const [n, path] of files.entries()) {
    const reading = (share: number) => onProgress('reading', (n + share) / files.length);
    reading(0);
    const { bytes, digest } = await read(path, 'sites', false);
    const { sites: accepted, report } = await guardAsync(path, () =>
      importSitesFile(
        basename(path),
        bytes,
        { ...siteImportOptions(options, zones), existingIds: idsOf(sites) },
        reading,
      ),
    );
    digest.sha256 = report.sha256!;
    digest.report = report;
    for (const site of accepted) sites.push(site); // a spread of 10⁵ arguments overflows the stack
  }
  if (args.sitesTable?.length && !options.streamed) {
    const { readSitesTable } = await import('./postgis/readSitesTable');
    for (const table of args.sitesTable) {
      const { sites: accepted, report } = await readSitesTable(args.db, table, args.geometryColumn, {
        ...siteImportOptions(options, zones),
        existingIds: idsOf(sites),
      });
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
  const assessInput = { sites, zones, ...(grid ? { grid } : {}), ...(contours.length ? { contours } : {}) };
  return { inputs, read, config, zones, reachProfile, roads, population, sites, contours, assessInput };
}

/** How the site files and tables are read: the CRS, the zones, the column mapping, one category for all rows. */
export function siteImportOptions(
  { crs, mapping, allRowsCategory }: CheckedOptions,
  zones: Zone[],
): Pick<ImportOptions, 'crs' | 'zones' | 'mapping' | 'allRowsCategory'> {
  return {
    crs,
    zones,
    ...(mapping ? { mapping } : {}),
    ...(allRowsCategory ? { allRowsCategory: allRowsCategory.code } : {}),
  };
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

function idsOf(sites: Site[]): Set<string> {
  const ids = new Set<string>();
  for (const s of sites) ids.add(s.id);
  return ids;
}
