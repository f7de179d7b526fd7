// Tabular rows with their source line numbers (header = line 1), from CSV text or a GeoJSON FeatureCollection.
import Papa from 'papaparse';
import type { Geometry } from 'geojson';

export interface SourceRow {
  /** line in the source file where the record starts (CSV), or the feature's ordinal (GeoJSON) */
  line: number;
  cells: string[];
  geometry?: Geometry | null;
}

export interface RowTable {
  headers: string[];
  rows: SourceRow[];
}

export class FileFormatError extends Error {}

/**
 * CSV/TSV/semicolon text (delimiter detected by papaparse), row by row as papaparse finds them: nothing but the
 * current row is kept, so a large file is validated while it is parsed. Blank and '#' comment lines are not rows;
 * quoted fields may span lines, and each row keeps the line it starts on. The first row is the header.
 */
export function forEachCsvRow(text: string, onHeader: (headers: string[]) => void, onRow: (row: SourceRow, share: number) => void): void {
  let sawHeader = false;
  let start = 0;
  let line = 1;
  let counted = 0;
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    step: (result) => {
      const offset = start;
      start = result.meta.cursor;
      for (; counted < offset; counted++) if (text.charCodeAt(counted) === 10) line++;
      const cells = result.data.map((c) => c.trim());
      if (isBlank(cells) || cells[0]!.startsWith('#')) return;
      if (!sawHeader) {
        sawHeader = true;
        onHeader(cells);
      } else onRow({ line, cells }, start / text.length);
    },
  });
  if (!sawHeader) throw new FileFormatError('文件为空,没有表头 (empty file: expected a header row such as 编号,名称,类别,经度,纬度)');
}

function isBlank(cells: string[]): boolean {
  return cells.every((c) => c === '');
}

/** Features of a GeoJSON FeatureCollection as rows: property names are the headers, geometry kept as is. */
export function readGeoJsonRows(text: string): RowTable {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new FileFormatError(`GeoJSON 无法解析 (invalid JSON: ${(e as Error).message})`);
  }
  const features = (doc as { type?: unknown; features?: unknown }).features;
  if ((doc as { type?: unknown }).type !== 'FeatureCollection' || !Array.isArray(features)) {
    throw new FileFormatError('不是 GeoJSON FeatureCollection (expected {"type":"FeatureCollection","features":[…]})');
  }
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
