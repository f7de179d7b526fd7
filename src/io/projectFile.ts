// The project as a file and as the record saved in the browser: versioned, schema-checked on every read,
// migrated forward from older versions, gzipped when large. Hostile or broken files are refused whole.
import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import { z } from 'zod';
import {
  type ConfigError,
  DEFAULT_PROFILE,
  methodProfileSchema,
  parseRuleTable,
  reachProfileSchema,
  RISK_MATRIX_METHODS,
  withMatrix,
  fnCriteriaSchema,
  type FnCriteria,
  type FnCurve,
  type MethodProfile,
  type ReachProfile,
  type RiskContour,
  type SetbackRuleTable,
  type Site,
  type Zone,
  type Zoning,
  GRID_SHAPES,
} from '../engine';
import type { ImportFileReport, RejectedRows } from './importSites';
import { PROJECT_SCHEMA } from './projectSchema';

/** Above this many bytes of JSON a project file is written gzipped. */
export const GZIP_ABOVE_BYTES = 5 * 2 ** 20;
/** Refuse project files larger than this (after decompression) with a clear message. */
export const MAX_PROJECT_BYTES = 512 * 2 ** 20;

export interface ProjectDataset {
  file: string;
  sites: Site[];
  report: ImportFileReport;
  demo: boolean;
  /** rejected rows and rows with notes, cells as read (bounded: MAX_KEPT_ROWS); absent in projects saved before */
  rejectedRows?: RejectedRows;
}

export interface Project {
  schema: typeof PROJECT_SCHEMA;
  id: string;
  name: string;
  /** the city or area assessed ('' when not given; files before it was kept read as '') */
  city: string;
  /** the date the data describe (an assessment year's date), not a save time */
  assessmentDate: string;
  /** the data credit on every figure ('' = the input files) */
  dataCredit: string;
  notes: string;
  datasets: ProjectDataset[];
  zones: Zone[];
  zonesSource: string;
  /** the zones file and its checksum, listed in summary.json (absent for zones saved before it was kept) */
  zonesDigest?: { file: string; sha256: string } | null;
  zoning: Zoning;
  profile: MethodProfile;
  rules: SetbackRuleTable;
  /**
   * rescue within reach: the road network file the project uses (its name, checksum and line parts read; the file
   * itself is kept apart, as it can be tens of MB: state/roadFiles in the browser)
   */
  roads?: ProjectRoads | null;
  /** rescue within reach: the population grid (polygons with population), small enough to keep inline */
  population?: ProjectPopulation | null;
  /** in a project file only: the road network file's text (the browser's saved project keeps the file apart) */
  roadsGeoJson?: string;
  /** rescue within reach: the city's own parameters (absent: the shipped profile) */
  reachProfile?: ReachProfile;
  /** QRA individual-risk contour files (issue #20), each as read (WGS-84) with its report: small enough to keep inline */
  contourFiles?: ProjectContourFile[];
  /** F–N curve files (issue #20, societal risk), each as read with its report: small, inline */
  fnFiles?: ProjectFnFile[];
  /** the F–N lines the curves are judged against, when the city supplied its own (absent: the shipped criterion) */
  fnCriteria?: FnCriteria;
  /** increases with every save: a stale tab cannot overwrite a newer save */
  revision: number;
}

export interface ProjectRoads {
  file: string;
  sha256: string;
  lines: number;
}

export interface ProjectPopulation {
  file: string;
  sha256: string;
  zones: Zone[];
}

export interface ProjectContourFile {
  file: string;
  sha256: string;
  contours: RiskContour[];
  report: ImportFileReport;
}

export interface ProjectFnFile {
  file: string;
  sha256: string;
  curves: FnCurve[];
  report: ImportFileReport;
}

export class ProjectFileError extends Error {}

const position = z.array(z.number().finite()).min(2);
const geometry: z.ZodType<Site['geometry']> = z.lazy(() =>
  z.union([
    z.object({ type: z.literal('Point'), coordinates: position }),
    z.object({ type: z.literal('MultiPoint'), coordinates: z.array(position) }),
    z.object({ type: z.literal('LineString'), coordinates: z.array(position) }),
    z.object({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(position)) }),
    z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)) }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position))) }),
  ]),
) as z.ZodType<Site['geometry']>;
const areaGeometry = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position))) }),
]);
const count = z.number().finite().min(0).optional();
const siteSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  category: z.string().min(1),
  geometry,
  likelihood: z.number().int().min(1).max(5).optional(),
  severity: z.number().int().min(1).max(5).optional(),
  stationGrade: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  vapourRecovery: z.enum(['none', 'unloading', 'full']).optional(),
  installationStatus: z.enum(['new', 'existing']).optional(),
  majorHazardGrade: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional(),
  users: count,
  beds: count,
  protectionClass: z.enum(['important_public', 'class1', 'class2', 'class3']).optional(),
  protectionDistanceM: count,
  majorHazardR: count,
});
// areaType: which rescue circle applies (issue #21); kept so a saved project's zones keep it
const zoneSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  geometry: areaGeometry,
  population: z.number().positive().optional(),
  code: z.string().optional(),
  areaType: z.enum(['built_up', 'industrial_park', 'suburban', 'rural']).optional(),
});
const rejectedRowsSchema = z.object({
  headers: z.array(z.string()),
  rows: z.array(z.object({ line: z.number().int().min(0), cells: z.array(z.string()) })),
  omitted: z.number().int().min(0).optional(),
});
const reportSchema = z.looseObject({
  file: z.string(),
  rows: z.number().int().min(0),
  accepted: z.number().int().min(0),
  rejected: z.number().int().min(0),
});

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);
const contourSchema = z.object({
  installationId: z.string().min(1),
  riskPerYear: z.number().positive().max(1),
  geometry: areaGeometry,
  installationStatus: z.enum(['new', 'existing']).optional(),
});

const projectSchema = z.object({
  schema: z.literal(PROJECT_SCHEMA),
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  city: z.string().max(200).default(''),
  assessmentDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$|^$/),
  dataCredit: z.string().max(2_000).default(''),
  notes: z.string().max(100_000),
  datasets: z.array(
    z.object({
      file: z.string(),
      sites: z.array(siteSchema),
      report: reportSchema,
      demo: z.boolean(),
      rejectedRows: rejectedRowsSchema.optional(),
    }),
  ),
  zones: z.array(zoneSchema),
  zonesSource: z.string(),
  zonesDigest: z.object({ file: z.string(), sha256: sha256Schema }).nullable().optional(),
  zoning: z.union([
    z.object({ kind: z.literal('polygons') }),
    z.object({ kind: z.literal('grid'), shape: z.enum(GRID_SHAPES), cellM: z.number().min(10) }),
  ]),
  profile: methodProfileSchema,
  rules: z.unknown(),
  roads: z
    .object({ file: z.string(), sha256: sha256Schema, lines: z.number().int().min(0) })
    .nullable()
    .optional(),
  population: z
    .object({ file: z.string(), sha256: sha256Schema, zones: z.array(zoneSchema) })
    .nullable()
    .optional(),
  roadsGeoJson: z.string().optional(),
  reachProfile: reachProfileSchema.optional(),
  contourFiles: z
    .array(z.object({ file: z.string(), sha256: sha256Schema, contours: z.array(contourSchema), report: reportSchema }))
    .optional(),
  fnFiles: z
    .array(
      z.object({
        file: z.string(),
        sha256: sha256Schema,
        report: reportSchema,
        curves: z.array(
          z.object({
            installationId: z.string().min(1),
            points: z.array(z.object({ n: z.number().min(1), f: z.number().positive().max(1) })).min(1),
          }),
        ),
      }),
    )
    .optional(),
  fnCriteria: fnCriteriaSchema.optional(),
  revision: z.number().int().min(0),
});

/**
 * Version 1 (before method profiles): `method` named a risk-matrix scheme and zoning was always by polygons.
 * Each migration takes one version to the next; files are read through the whole chain.
 */
const MIGRATIONS: Record<string, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  'usrm-project/1': (doc) => {
    const { method, ...rest } = doc;
    const matrix = RISK_MATRIX_METHODS.find((m) => m.id === method);
    if (method !== undefined && !matrix)
      throw new ProjectFileError(
        `项目文件 version 1 的 method「${String(method)}」不是已知的风险矩阵方案 (expected matrix-A, matrix-B or matrix-C)`,
      );
    return {
      ...rest,
      schema: 'usrm-project/2',
      profile: matrix ? withMatrix(DEFAULT_PROFILE, matrix) : DEFAULT_PROFILE,
      zoning: { kind: 'polygons' },
      revision: 0,
    };
  },
};

/** Check (and migrate) anything read from disk or from IndexedDB; the first problem is named by its path. */
export function parseProject(doc: unknown): Project {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    throw new ProjectFileError('不是项目文件 (expected a JSON object with "schema": "usrm-project/…")');
  let current = doc as Record<string, unknown>;
  for (let guard = 0; current.schema !== PROJECT_SCHEMA; guard++) {
    const migrate = MIGRATIONS[String(current.schema)];
    if (!migrate || guard > 10)
      throw new ProjectFileError(
        `不支持的项目文件版本「${String(current.schema)}」(expected ${PROJECT_SCHEMA} or an older usrm-project version)`,
      );
    current = migrate(current);
  }
  const result = projectSchema.safeParse(current);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ProjectFileError(`项目文件无效:${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  let rules: SetbackRuleTable;
  try {
    rules = parseRuleTable(result.data.rules);
  } catch (e) {
    throw new ProjectFileError(`项目文件无效:${(e as ConfigError).message}`);
  }
  return { ...(result.data as unknown as Omit<Project, 'rules'>), rules };
}

/** Sites stored apart from their project (IndexedDB records), checked with the project file's schema. */
export function parseSites(doc: unknown, where: string): Site[] {
  const result = z.array(siteSchema).safeParse(doc);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ProjectFileError(`项目数据无效:${where}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return result.data as Site[];
}

/** JSON, gzipped when large. */
export function projectFileBytes(project: Project): { bytes: Uint8Array; gzipped: boolean } {
  const json = strToU8(JSON.stringify(project));
  if (json.length <= GZIP_ABOVE_BYTES) return { bytes: json, gzipped: false };
  return { bytes: gzipSync(json, { mtime: 0 }), gzipped: true };
}

/** Read a project file (plain or gzipped JSON). JSON.parse never assigns prototypes; the schema drops unknown keys. */
export function readProjectFile(bytes: Uint8Array): Project {
  let raw = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      raw = gunzipSync(bytes);
    } catch {
      throw new ProjectFileError('项目文件已损坏:gzip 无法解压 (corrupt gzip)');
    }
  }
  if (raw.length > MAX_PROJECT_BYTES)
    throw new ProjectFileError(
      `项目文件过大(${(raw.length / 2 ** 20).toFixed(0)} MB,上限 ${MAX_PROJECT_BYTES / 2 ** 20} MB)`,
    );
  let doc: unknown;
  try {
    doc = JSON.parse(strFromU8(raw));
  } catch (e) {
    throw new ProjectFileError(`项目文件已损坏:JSON 无法解析 (${(e as Error).message})`);
  }
  return parseProject(doc);
}
