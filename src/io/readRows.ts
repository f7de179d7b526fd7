// Tabular rows with their source line numbers (header = line 1), from CSV text or a GeoJSON FeatureCollection.
import Papa from 'papaparse';
import type { Geometry } from 'geojson';
import { FileFormatError, geoJsonFeatures } from './geoJsonFeatures';

export interface SourceRow {
  /** line in the source file where the record starts (CSV), or the feature's ordinal (GeoJSON) */
  line: number;
  cells: string[];
  geometry?: Geometry | null;
  /** CSV: where the record lies in the text (from its first character to the next record's), to read its cells again */
  start?: number;
  end?: number;
}

export interface RowTable {
  headers: string[];
  rows: SourceRow[];
}

/**
 * CSV/TSV/semicolon text (delimiter detected by papaparse), row by row as papaparse finds them: nothing but the
 * current row is kept, so a large file is validated while it is parsed. Blank and '#' comment lines are not rows;
 * quoted fields may span lines, and each row keeps the line it starts on. The first row is the header.
 * `onHeader` also gets `cellsAt(start, end)`: a row's cells read again from where it lies in the text, so a reader
 * may keep two numbers for a row instead of its cells.
 */
export function forEachCsvRow(
  text: string,
  onHeader: (headers: string[], cellsAt: (start: number, end: number) => string[]) => void,
  onRow: (row: SourceRow, share: number) => void,
): void {
  const dialect = csvDialect(text);
  // a text without quotes whose dialect is known is split record by record (splitRecords), and read again the same way
  const { delimiter, newline } = dialect;
  const split = delimiter !== undefined && newline !== undefined && text.indexOf('"') === -1;
  const cellsAt = (from: number, to: number) => {
    if (split) {
      const end = text.indexOf(newline, from);
      return text
        .slice(from, end === -1 || end > to ? to : end)
        .split(delimiter)
        .map((c) => c.trim());
    }
    const [cells = []] = Papa.parse<string[]>(text.slice(from, to), { ...dialect, skipEmptyLines: false }).data;
    return cells.map((c) => c.trim());
  };
  // papaparse reads the text without a leading byte-order mark: its offsets are `bom` short of the text's
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let sawHeader = false;
  let line = 1;
  // the next line feed not yet counted (Infinity: none left), found with indexOf rather than character by character
  let nextLf = lineFeedFrom(text, 0);
  // one record: its cells as papaparse split them, where it starts and where the next starts (papaparse's offsets)
  const record = (cells: string[], offset: number, next: number) => {
    // the line a record starts on: one more for every line feed before it (the mark is in `text`, not in the offsets)
    for (const at = offset + bom; nextLf < at; nextLf = lineFeedFrom(text, nextLf + 1)) line++;
    // trimmed in place: the array is this record's own (a fresh split, or papaparse's row), not one more per row
    const trimmed = cells;
    for (let i = 0; i < trimmed.length; i++) trimmed[i] = trimmed[i]!.trim();
    if (isBlank(trimmed) || trimmed[0]!.startsWith('#')) return;
    if (!sawHeader) {
      sawHeader = true;
      onHeader(trimmed, cellsAt);
    } else onRow({ line, cells: trimmed, start: offset + bom, end: next + bom }, next / text.length);
  };
  if (split) {
    splitRecords(text, bom, delimiter, newline, record);
  } else {
    let start = 0;
    Papa.parse<string[]>(text, {
      ...dialect,
      skipEmptyLines: false,
      step: (result) => {
        const offset = start;
        start = result.meta.cursor;
        record(result.data, offset, start);
      },
    });
  }
  if (!sawHeader)
    throw new FileFormatError('文件为空,没有表头 (empty file: expected a header row such as 编号,名称,类别,经度,纬度)');
}

/**
 * A text without a quote character, record by record, exactly as papaparse's own fast path reads it (one record a
 * line, cells split at the delimiter, a last empty record after a final line break) but without its per-record
 * result objects or the array of every line at once.
 */
function splitRecords(
  text: string,
  bom: number,
  delimiter: string,
  newline: string,
  record: (cells: string[], offset: number, next: number) => void,
): void {
  for (let at = bom; ; ) {
    const end = text.indexOf(newline, at);
    const next = end === -1 ? text.length : end + newline.length;
    record(text.slice(at, end === -1 ? text.length : end).split(delimiter), at - bom, next - bom);
    if (end === -1) return;
    at = next;
  }
}

/** papaparse guesses the line break from the first megabyte and the delimiter from the first 10 records. */
const DIALECT_HEAD = 1024 * 1024;
const DIALECT_RECORDS = 10;

/**
 * The delimiter and line break papaparse would guess for the whole text, guessed from its first megabyte: left to
 * guess, papaparse splits the whole text once for every candidate delimiter (a fifth of reading a large file). The
 * same guesses while that megabyte holds the records papaparse looks at; otherwise it guesses on the whole text.
 */
function csvDialect(text: string): { delimiter?: string; newline?: '\r' | '\n' | '\r\n' } {
  if (text.length <= DIALECT_HEAD) return {};
  const head = text.slice(0, DIALECT_HEAD);
  const { delimiter, linebreak } = Papa.parse<string[]>(head, { preview: 1, skipEmptyLines: false }).meta;
  const newline = linebreak as '\r' | '\n' | '\r\n';
  // one record more than the guess reads must start inside the head: then the guessed-from records are whole
  const records = Papa.parse<string[]>(head, {
    delimiter,
    newline,
    skipEmptyLines: false,
    preview: DIALECT_RECORDS + 1,
  }).data.length;
  return records > DIALECT_RECORDS ? { delimiter, newline } : {};
}

function lineFeedFrom(text: string, from: number): number {
  const at = text.indexOf('\n', from);
  return at === -1 ? Infinity : at;
}

function isBlank(cells: string[]): boolean {
  return cells.every((c) => c === '');
}

/** Features of a GeoJSON FeatureCollection as rows: property names are the headers, geometry kept as is. */
export function readGeoJsonRows(text: string): RowTable {
  const features = geoJsonFeatures(
    text,
    '',
    '不是 GeoJSON FeatureCollection (expected {"type":"FeatureCollection","features":[…]})',
  );
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const f of features) {
    for (const k of Object.keys(propertiesOf(f))) if (!seen.has(k)) seen.add(k), headers.push(k);
  }
  const rows = features.map((f, i) => {
    const props = propertiesOf(f);
    return {
      line: i + 1,
      cells: headers.map((h) => (props[h] === undefined || props[h] === null ? '' : String(props[h]).trim())),
      geometry: ((f as { geometry?: Geometry | null })?.geometry ?? null) as Geometry | null,
    };
  });
  return { headers, rows };
}

function propertiesOf(f: unknown): Record<string, unknown> {
  const p = (f as { properties?: unknown } | null)?.properties;
  return p && typeof p === 'object' && !Array.isArray(p) ? (p as Record<string, unknown>) : {};
}
