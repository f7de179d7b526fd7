// A site file (CSV or GeoJSON bytes) → accepted sites in WGS-84 + an import report that accounts for every row.
import { sha256Hex } from './sha256';
import type { Geometry, Point } from 'geojson';
import { bboxOf, representativePoint, zoneLocator, type Site, type Zone } from '../engine';
import { decodeText, type TextEncodingName } from './decodeText';
import {
  CANONICAL_FIELDS,
  columnsOnly,
  headerSetKey,
  mapColumns,
  type CanonicalField,
  type MappingOverride,
} from './columns';
import { OUTSIDE_STUDY_AREA, summariseRejections, type RejectionGroup, type RowError } from './rejectionSummary';
import { FileFormatError } from './geoJsonFeatures';
import { forEachCsvRow, readGeoJsonRows, type RowTable, type SourceRow } from './readRows';
import { readXlsxRows } from './readXlsxRows';
import {
  firstPosition,
  isMetres,
  lonLatOutsideChina,
  validateSite,
  type FieldError,
  type RowValues,
} from './validateSite';
import { GEOGRAPHIC_CRS, isProjectedCrs, type Crs, type CrsOption } from './crs';
import { toWgs84 } from './toWgs84';
import { hasZoneNumber } from './gaussKruger';
import { GK3_MERIDIANS } from './gk3Zones';
import { CRS_GIVEN_EVIDENCE, DISTRICT_MISMATCH, MAX_KEPT_ROWS } from './importCodes';

export type { RowError } from './rejectionSummary';

/** One file's entry of import-report.json (docs/batch-interface.md). `warnings`, `unmappedColumns` and `crsEvidence` extend it. */
export interface ImportFileReport {
  file: string;
  encoding: TextEncodingName | 'json' | 'xlsx';
  crs: Crs;
  rows: number;
  accepted: number;
  rejected: number;
  errors: RowError[];
  warnings: RowError[];
  unmappedColumns: string[];
  crsEvidence: string;
  /** the user chose the coordinate system (none was inferred): present only then */
  crsGiven?: true;
  /** the category the user gave every row of this file (it has no category column): a choice about this file only */
  allRowsCategory?: string;
  /** rejections grouped by reason, largest first, each with its likeliest cause */
  rejectionSummary?: RejectionGroup[];
  /** coordinate columns not read because a pair in a preferred system was ("lon_wgs84" over "lon_gcj02") */
  ignoredCoordinateColumns?: string[];
  /** line-by-line errors / warnings not saved with the project (io/savedImportRecord: a million bad rows) */
  errorsOmitted?: number;
  warningsOmitted?: number;
  /** the source's headers and the field each one was read as (null: ignored); absent in projects saved before them */
  headers?: string[];
  columnFields?: (CanonicalField | null)[];
  /** SHA-256 of the file as read (set by importSitesFile) */
  sha256?: string;
  /** XLSX: the workbook's sheets and the one read */
  sheets?: string[];
  sheet?: string;
}

export interface ImportOptions {
  crs: CrsOption;
  /** force the text encoding instead of detecting it (BOM, strict UTF-8, else GB18030) */
  encoding?: TextEncodingName;
  /** the user's column mapping, over the automatic one */
  mapping?: MappingOverride;
  /** one category for every row of a file without a category column (this file's choice, never remembered) */
  allRowsCategory?: string;
  /** zoning units: the study area for the outside-area check and the evidence for CRS suggestion */
  zones: Zone[];
  /** XLSX: the sheet to read (default: the first) */
  sheet?: string;
  /** ids already loaded from other files: a repeat is a duplicate */
  existingIds?: ReadonlySet<string>;
  /** mappings the user chose before, by header set (headerSetKey): used when `mapping` is not given */
  rememberedMappings?: Readonly<Record<string, MappingOverride>>;
  /**
   * Each valid row once it is settled (its site in WGS-84, or null when its position was then rejected), instead of
   * listing the accepted sites: the result's `sites` stays empty, and repeated ids after the CRS sample are the
   * caller's to find (createRowImporter). For a load that must not hold the sites.
   */
  onSettled?: (row: SettledRow) => void;
}

export interface ImportResult {
  sites: Site[];
  report: ImportFileReport;
  /** the source's header and every rejected row as read, so the assessor can fix and re-upload them */
  rejectedRows: RejectedRows;
  /** with `onSettled`: what the caller needs to write its repeated ids into the report (io/laterDuplicates.ts) */
  streamed?: StreamedImport;
}

export interface StreamedImport {
  /** the outside rows' positions sampled for the rejection summary, with their lines */
  outsidePositions: [number, number][];
  outsideLines: number[];
  zonesExtent: [number, number, number, number] | null;
  /**
   * The last line read while the CRS was still to be chosen from where the rows fall (0 when the user or the headers
   * named it): a row up to it that repeats an earlier file's id was in the CRS sample, which the importer would have
   * left out had it known — the file is then read again with those ids as `existingIds`.
   */
  sampleEndLine: number;
}

/**
 * The rows the assessor may need to fix, with their cells as read: every rejected row and every kept row with a
 * warning (a stated district that disagrees with its position, say), up to MAX_KEPT_ROWS rows / MAX_KEPT_CHARS
 * characters so that a million bad rows cannot swell the project; `omitted` counts the rows whose cells were not kept.
 */
export interface RejectedRows {
  headers: string[];
  rows: { line: number; cells: string[] }[];
  omitted?: number;
}

export const MAX_KEPT_CHARS = 2_000_000;
/** The first valid rows suggestCrs reads: where they fall decides the CRS when neither the user nor the headers name it. */
const SUGGEST_SAMPLE = 500;

/** Positions of outside rows sampled to tell where the file lies. */
const OUTSIDE_SAMPLE = 20_000;

/** Degrees around the zones' extent still counted as the study area (≈ 10 km). */
const STUDY_AREA_MARGIN_DEG = 0.1;

/** Limits that keep a browser tab alive; a larger file is refused whole with the limit stated. */
export const MAX_IMPORT_BYTES = 256 * 2 ** 20;
export const MAX_IMPORT_ROWS = 2_000_000;

/** Is this an XLSX workbook (a zip) by name or by its first bytes? */
export function isXlsx(file: string, bytes: Uint8Array): boolean {
  return /\.xlsx$/i.test(file) || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04);
}

/** Any supported file: CSV/TSV (any encoding), GeoJSON, or XLSX (first sheet unless one is named). */
export async function importSitesFile(
  file: string,
  bytes: Uint8Array,
  options: ImportOptions,
  onProgress?: (share: number) => void,
): Promise<ImportResult> {
  checkSize(bytes);
  // the digest runs off the main thread (Web Crypto) while the rows are read: started first, awaited last
  const digest = sha256Hex(bytes);
  digest.catch(() => {}); // awaited below; a failed read must not leave it unhandled meanwhile
  let result: ImportResult;
  if (isXlsx(file, bytes)) {
    const table = await readXlsxRows(bytes, options.sheet);
    result = importTable(file, table, 'xlsx', options, onProgress);
    result.report.sheets = table.sheets;
    result.report.sheet = table.sheet;
  } else {
    result = importSites(file, bytes, options, onProgress);
  }
  // the file's checksum travels with its report, so summary.json can name the exact input wherever it is written
  result.report.sha256 = await digest;
  return result;
}

function checkSize(bytes: Uint8Array): void {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new FileFormatError(
      `文件过大:${(bytes.length / 2 ** 20).toFixed(0)} MB,上限 ${MAX_IMPORT_BYTES / 2 ** 20} MB(请拆分后分别导入)`,
    );
  }
}

export function importSites(
  file: string,
  bytes: Uint8Array,
  options: ImportOptions,
  onProgress?: (share: number) => void,
): ImportResult {
  checkSize(bytes);
  const isJson = /\.(geo)?json$/i.test(file);
  const { text, encoding } = decodeText(bytes, options.encoding);
  onProgress?.(0.05);
  if (isJson) return importTable(file, readGeoJsonRows(text), 'json', options, onProgress);
  // CSV: each row is validated as papaparse yields it, so only accepted sites (and rejected rows) stay in memory
  let importer: RowImporter | null = null; // made from the header, which always comes first
  let seen = 0;
  forEachCsvRow(
    text,
    (headers, cellsAt) => (importer = createRowImporter(file, headers, encoding, options, cellsAt)),
    (row, share) => {
      importer!.add(row);
      if (onProgress && ++seen % 20_000 === 0) onProgress(0.05 + 0.85 * share);
    },
  );
  return importer!.finish();
}

function importTable(
  file: string,
  table: RowTable,
  encoding: ImportFileReport['encoding'],
  options: ImportOptions,
  onProgress?: (share: number) => void,
): ImportResult {
  const importer = createRowImporter(file, table.headers, encoding, options);
  table.rows.forEach((row, n) => {
    if (onProgress && n % 20_000 === 0) onProgress(0.3 + (0.6 * n) / table.rows.length);
    importer.add(row);
  });
  return importer.finish();
}

export interface RowImporter {
  add(row: SourceRow): void;
  finish(): ImportResult;
}

/** A row settled after it was validated: its site in WGS-84, or null when its position was then rejected. */
export interface SettledRow {
  line: number;
  id: string;
  site: Site | null;
}

/**
 * Validates rows one by one: a rejected row keeps its cells (for the rejected-rows download), an accepted one
 * becomes a Site and waits until the CRS it is read in is known: at once when the user or the headers name it, else
 * after the first SUGGEST_SAMPLE valid rows (the sample suggestCrs reads) or at the end. Then it is converted and
 * checked against the study area, and kept — or, with `onSettled`, handed over and not kept. A waiting row keeps where
 * it lies in the text (`cellsAt` reads its cells again, for the few rejected or warned then), or, from a table that
 * holds its rows anyway (GeoJSON, XLSX), its cells.
 *
 * With `onSettled` (the PostGIS executor's load, which keeps no site) a repeated id is found here only among the rows
 * that wait for the CRS; after them every valid row is handed over, and the caller finds the later repeats
 * (io/laterDuplicates.ts corrects the report as if they had been found here).
 */
export function createRowImporter(
  file: string,
  headers: string[],
  encoding: ImportFileReport['encoding'],
  options: ImportOptions,
  cellsAt?: (start: number, end: number) => string[],
): RowImporter {
  const mapping = mapColumns(headers, options.mapping ?? rememberedFor(headers, options.rememberedMappings));
  // a file without a category column may be given one category for all rows; one without an id column gets ids
  // made from its name and line numbers (stable across re-reads of the same file), with a warning that says so
  const allRowsCategory = mapping.fields.category === undefined ? options.allRowsCategory || undefined : undefined;
  const idsFromLines = mapping.fields.id === undefined;
  const stem = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  // the fields this file maps, with their columns, in canonical order (looked up once, not for every row)
  const mappedFields = CANONICAL_FIELDS.flatMap((f) => (mapping.fields[f] === undefined ? [] : [f]));
  const mappedColumns = mappedFields.map((f) => mapping.fields[f]!);
  const fieldOfColumn = headers.map(
    (_, i) => (Object.entries(mapping.fields).find(([, col]) => col === i)?.[0] as CanonicalField | undefined) ?? null,
  );
  const onSettled = options.onSettled;
  let sampleEndLine = 0;
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  const kept: { line: number; cells: string[] }[] = [];
  let keptChars = 0;
  let omitted = 0;
  let rejectedCount = 0;
  const keep = (line: number, cells: string[]) => {
    const chars = cells.reduce((n, c) => n + c.length, 0);
    if (kept.length >= MAX_KEPT_ROWS || keptChars + chars > MAX_KEPT_CHARS) return void omitted++;
    keptChars += chars;
    kept.push({ line, cells });
  };
  // the rows waiting for the CRS, as parallel arrays (an object each was a tenth of a million-row import): the line
  // (negative when the row has a warning), the site, and the cells as read or the row's span
  let waitingLines: number[] = [];
  let waitingSites: Site[] = [];
  let waitingCells: string[][] = [];
  let waitingSpans: number[] = [];
  // a waiting row's cells, read again only while there is room to keep them (else `keep` just counts the row)
  const cellsAgain = (k: number): string[] => {
    if (kept.length >= MAX_KEPT_ROWS) return [];
    return cellsAt ? cellsAt(waitingSpans[2 * k]!, waitingSpans[2 * k + 1]!) : waitingCells[k]!;
  };
  let firstLineOfId: Map<string, number> | null = new Map();
  let rows = 0;
  const reject = (row: SourceRow, list: (FieldError & { code?: string })[]) => {
    for (const e of list) errors.push({ line: row.line, ...e });
    rejectedCount++;
    keep(row.line, row.cells);
  };

  // what settles a row once the CRS is known
  let chosen: { crs: Crs; evidence: string } | null = null;
  const area = studyArea(options.zones);
  let locate: ((lon: number, lat: number) => Zone | undefined) | null = null;
  const outsidePositions: [number, number][] = [];
  const outsideLines: number[] = [];
  const sites: Site[] = [];
  let accepted = 0;
  const settle = (site: Site, line: number, warned: boolean, cells: () => string[]) => {
    const geometry = inWgs84(site.geometry, chosen!.crs);
    if (typeof geometry === 'string') {
      reject({ line, cells: cells() }, [{ field: 'lon', reason: geometry }]);
      onSettled?.({ line, id: site.id, site: null });
      return;
    }
    const [lon, lat] = representativePoint(geometry);
    if (area && (lon < area[0] || lat < area[1] || lon > area[2] || lat > area[3])) {
      if (outsidePositions.length < OUTSIDE_SAMPLE) {
        outsidePositions.push([lon, lat]);
        outsideLines.push(line);
      }
      reject({ line, cells: cells() }, [
        {
          field: 'lon',
          code: OUTSIDE_STUDY_AREA,
          reason: `位置 (${lon.toFixed(5)}, ${lat.toFixed(5)}) 在研究区范围之外 (outside the study area ± 10 km)`,
        },
      ]);
      onSettled?.({ line, id: site.id, site: null });
      return;
    }
    site.geometry = geometry;
    accepted++;
    if (onSettled) onSettled({ line, id: site.id, site });
    else sites.push(site);
    // a stated district that is not the zone the position lies in: the row is kept and the disagreement said, naming both
    if (site.district && options.zones.length > 0) locate ??= zoneLocator(options.zones);
    const mismatch = locate && site.district ? districtMismatch(site.district, locate(lon, lat)?.name) : null;
    if (mismatch) warnings.push({ line, field: 'district', code: DISTRICT_MISMATCH, reason: mismatch });
    if (mismatch || warned) keep(line, cells());
  };
  /** the CRS chosen from the waiting rows; they are settled, and every later row as it comes */
  const chooseAndSettle = () => {
    chosen = chooseCrs(options, mapping, waitingSites);
    for (let k = 0; k < waitingSites.length; k++)
      settle(waitingSites[k]!, Math.abs(waitingLines[k]!), waitingLines[k]! < 0, () => cellsAgain(k));
    waitingLines = [];
    waitingSites = [];
    waitingCells = [];
    waitingSpans = [];
    // handed over from here on: the caller finds the repeats among them
    if (onSettled) firstLineOfId = null;
  };
  if (options.crs !== 'auto' || mapping.coordinateCrs) chooseAndSettle();

  return {
    add(row) {
      // the limit keeps a browser tab alive; a streamed import holds no row
      if (++rows > MAX_IMPORT_ROWS && !onSettled)
        throw new FileFormatError(`行数过多:超过 ${MAX_IMPORT_ROWS} 行(请拆分后分别导入)`);
      const values: RowValues = {};
      for (let k = 0; k < mappedFields.length; k++) values[mappedFields[k]!] = row.cells[mappedColumns[k]!] ?? '';
      if (allRowsCategory) values.category = allRowsCategory;
      if (idsFromLines) values.id = `${stem}-${row.line}`;
      const outcome = validateSite(values, row.geometry);
      if ('errors' in outcome) return reject(row, outcome.errors);
      const id = outcome.site.id;
      const earlier = firstLineOfId?.get(id);
      if (earlier !== undefined || options.existingIds?.has(id)) {
        return reject(row, [{ field: 'id', reason: duplicateIdReason(id, earlier ?? null) }]);
      }
      firstLineOfId?.set(id, row.line);
      for (const w of outcome.warnings) warnings.push({ line: row.line, ...w });
      if (chosen) return settle(outcome.site, row.line, outcome.warnings.length > 0, () => row.cells);
      waitingLines.push(outcome.warnings.length > 0 ? -row.line : row.line);
      waitingSites.push(outcome.site);
      if (cellsAt && row.end !== undefined) waitingSpans.push(row.start!, row.end);
      else waitingCells.push(row.cells);
      sampleEndLine = row.line;
      if (waitingSites.length === SUGGEST_SAMPLE) chooseAndSettle();
    },
    finish() {
      if (!chosen) chooseAndSettle();
      const { crs, evidence } = chosen!;
      if (idsFromLines && rows > 0) {
        warnings.unshift({
          line: 1,
          field: 'id',
          reason: `文件没有编号列:编号按文件名与行号生成(如「${stem}-2」);如有编号列,请在「列对应」中指定 (no id column: ids made from the file name and line number; map the id column if there is one)`,
        });
      }
      errors.sort((a, b) => a.line - b.line);
      warnings.sort((a, b) => a.line - b.line);
      kept.sort((a, b) => a.line - b.line);
      const zonesExtent = studyArea(options.zones, 0);
      const rejectionSummary = summariseRejections(errors, { rows, outsidePositions, zonesExtent });
      return {
        rejectedRows: { headers, rows: kept, ...(omitted ? { omitted } : {}) },
        sites,
        report: {
          file,
          encoding,
          crs,
          rows,
          accepted,
          rejected: rejectedCount,
          errors,
          warnings,
          unmappedColumns: mapping.unmapped,
          crsEvidence: evidence,
          ...(options.crs !== 'auto' ? { crsGiven: true as const } : {}),
          ...(allRowsCategory ? { allRowsCategory } : {}),
          ...(rejectionSummary.length ? { rejectionSummary } : {}),
          ...(mapping.ignoredCoordinates.length ? { ignoredCoordinateColumns: mapping.ignoredCoordinates } : {}),
          headers,
          columnFields: fieldOfColumn,
        },
        ...(onSettled ? { streamed: { outsidePositions, outsideLines, zonesExtent, sampleEndLine } } : {}),
      };
    },
  };
}

/** The reason a repeated id is rejected: the line of its first row in this file, or (null) an earlier file's. */
export function duplicateIdReason(id: string, earlierLine: number | null): string {
  return earlierLine !== null
    ? `编号「${id}」重复,首次出现在第 ${earlierLine} 行 (duplicate id)`
    : `编号「${id}」与已加载数据重复 (duplicate of an id already loaded)`;
}

/** Do a stated district and a zone's name mean the same place? "鼓楼" = "鼓楼区" = "南京市鼓楼区". */
export function sameDistrict(stated: string, zone: string): boolean {
  const bare = (x: string) => x.trim().replace(/[区县市旗]$/, '');
  const a = bare(stated);
  const b = bare(zone);
  return a !== '' && b !== '' && (a.includes(b) || b.includes(a));
}

function districtMismatch(stated: string, zone: string | undefined): string | null {
  if (zone === undefined)
    return `所属区「${stated}」,但位置不在任何分区内;该行已保留 (stated district ${stated}, but the position lies in no zone; row kept)`;
  if (sameDistrict(stated, zone)) return null;
  return `所属区「${stated}」与位置所在分区「${zone}」不一致;该行已保留,请核对所属区或坐标 (stated district ${stated} differs from the zone the position lies in, ${zone}; row kept: check the district or the position)`;
}

/**
 * The CRS to read the rows in: the user's; else the one the coordinate headers name ("lon_gcj02": strong evidence);
 * else the suggestion from where the rows fall.
 */
function chooseCrs(
  options: ImportOptions,
  mapping: ReturnType<typeof mapColumns>,
  sites: Site[],
): { crs: Crs; evidence: string } {
  if (options.crs !== 'auto') return { crs: options.crs, evidence: CRS_GIVEN_EVIDENCE };
  const ignored = mapping.ignoredCoordinates.length
    ? `;另有坐标列「${mapping.ignoredCoordinates.join('」「')}」未读取 (other coordinate columns ignored)`
    : '';
  if (mapping.coordinateCrs) {
    const { crs, headers } = mapping.coordinateCrs;
    return {
      crs,
      evidence: `列名「${headers.join('」「')}」标明坐标系 ${crs.toUpperCase()} (the coordinate headers name the CRS)${ignored}`,
    };
  }
  const suggested = suggestCrs(sites, options.zones);
  return { ...suggested, evidence: suggested.evidence + ignored };
}

function studyArea(zones: Zone[], margin = STUDY_AREA_MARGIN_DEG): [number, number, number, number] | null {
  if (zones.length === 0) return null;
  const m = margin;
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const z of zones) {
    const b = bboxOf(z.geometry);
    box[0] = Math.min(box[0], b[0]);
    box[1] = Math.min(box[1], b[1]);
    box[2] = Math.max(box[2], b[2]);
    box[3] = Math.max(box[3], b[3]);
  }
  return [box[0] - m, box[1] - m, box[2] + m, box[3] + m];
}

/** A site's geometry in WGS-84, or why it cannot be read in `crs` (degrees in a metres CRS or the reverse, a zone form that does not fit). */
function inWgs84(g: Geometry, crs: Crs): Geometry | string {
  const [x, y] = firstPosition(g)!;
  const metres = isMetres(x, y);
  if (metres && !isProjectedCrs(crs)) {
    return `坐标 (${x}, ${y}) 像投影坐标(米),而坐标系为 ${crs}:请选择 CGCS2000 高斯-克吕格坐标系或转换为经纬度 (projected metres; choose a CGCS2000 Gauss–Krüger CRS or convert to degrees)`;
  }
  if (!metres && isProjectedCrs(crs))
    return `坐标 (${x}, ${y}) 是经纬度,而坐标系为高斯-克吕格(米)(degrees in a Gauss–Krüger file)`;
  const converted = toWgs84(g, crs);
  if (!converted) {
    return crs === 'cgcs2000_gk'
      ? `坐标 (${x}, ${y}) 的东坐标没有带号:请选择中央子午线 (no zone number in the easting; choose the 3° zone's central meridian)`
      : hasZoneNumber(x, y)
        ? `坐标 (${x}, ${y}) 的东坐标带有带号:请选择「含带号」 (the easting carries a zone number; choose Gauss–Krüger with zone number)`
        : `坐标 (${x}, ${y}) 不是该带的高斯-克吕格坐标 (not Gauss–Krüger metres of this zone)`;
  }
  if (metres) {
    const [lon, lat] = firstPosition(converted)!;
    const outside = lonLatOutsideChina(lon, lat);
    if (outside) return outside;
  }
  return converted;
}

/**
 * Which CRS puts the points inside their stated districts (or, without a district column, inside the zones)?
 * Ties go to the first hypothesis (WGS-84); the evidence string shows the counts so the user can judge.
 * Sites given in metres (most of them) are tested as Gauss–Krüger: the zone-number form when the eastings carry
 * one (unambiguous even without zones), else the 3° zones whose central meridian is within 3° of the zones.
 */
export function suggestCrs(sites: Site[], zones: Zone[]): { crs: Crs; evidence: string } {
  const sample = sites.slice(0, SUGGEST_SAMPLE);
  const inMetres = sample.map((s) => firstPosition(s.geometry)!).filter(([x, y]) => isMetres(x, y));
  const metres = inMetres.length * 2 > sample.length;
  const zoned = metres && inMetres.filter(([x, y]) => hasZoneNumber(x, y)).length * 2 > inMetres.length;
  if (zoned)
    return {
      crs: 'cgcs2000_gk',
      evidence: '投影坐标(米),东坐标含带号 (Gauss–Krüger metres with the zone number in the easting)',
    };
  if (sites.length === 0)
    return { crs: 'wgs84', evidence: '没有可用于判断的行,按 WGS-84 (no valid rows to judge from)' };
  if (zones.length === 0) {
    return metres
      ? {
          crs: 'wgs84',
          evidence:
            '投影坐标(米)无带号,且无分区数据可判断中央子午线:请选择坐标系 (metres without zone numbers and no zones to test the central meridian: choose the CRS)',
        }
      : { crs: 'wgs84', evidence: '无分区数据可作判断,按 WGS-84 (no zones to test against)' };
  }
  const hypotheses: Crs[] = metres
    ? nearbyMeridians(zones).map((cm) => `cgcs2000_gk3_${cm}` as const)
    : GEOGRAPHIC_CRS.filter((c) => c !== 'cgcs2000');
  if (hypotheses.length === 0)
    return { crs: 'wgs84', evidence: '投影坐标(米),但分区不在中国境内 (metres, and the zones are outside China)' };
  const locate = zoneLocator(zones); // indexed: a city of 10 000 zones costs the same as one of 11
  const scores = hypotheses.map((crs) => {
    let hits = 0;
    for (const s of sample) {
      const g = toWgs84({ type: 'Point', coordinates: representativePoint(s.geometry) }, crs) as Point | null;
      const zone = g && locate(g.coordinates[0]!, g.coordinates[1]!);
      if (
        zone &&
        (!s.district ||
          zone.name === s.district ||
          zone.name.startsWith(s.district) ||
          s.district.startsWith(zone.name))
      )
        hits++;
    }
    return { crs, hits };
  });
  const best = scores.reduce((a, b) => (b.hits > a.hits ? b : a));
  return {
    crs: best.crs,
    evidence:
      scores.map((s) => `${s.crs} ${s.hits}/${sample.length}`).join(', ') +
      (sample.some((s) => s.district) ? ' 落在所述区内' : ' 落在研究区内'),
  };
}

/** 3° central meridians within 3° of the zones' longitudes: the zones a city's plain eastings may be given in. */
function nearbyMeridians(zones: Zone[]): number[] {
  const area = studyArea(zones)!;
  return GK3_MERIDIANS.filter((cm) => cm >= area[0] - 3 && cm <= area[2] + 3);
}

/** The remembered mapping for these headers, columns only (a category for all rows is never carried over). */
function rememberedFor(
  headers: string[],
  remembered: ImportOptions['rememberedMappings'],
): MappingOverride | undefined {
  const found =
    remembered && Object.hasOwn(remembered, headerSetKey(headers)) ? remembered[headerSetKey(headers)] : undefined;
  return found && Object.keys(found).length > 0 ? columnsOnly(found) : undefined;
}
