// CSV writing: RFC 4180 quoting (papaparse), formula-injection neutralised, optional UTF-8 BOM for Excel.
// One encoder, two consumers: `csvChunks` yields the text a few hundred rows at a time (the CLI streams it to a
// file), `toCsv` joins the same chunks into one string (the app's downloads, the white paper's tables).
import Papa from 'papaparse';

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
  /** numbers are written as given (never neutralised): use `digits` to fix decimals */
  digits?: number;
}

export const UTF8_BOM = '\uFEFF';

/** Rows encoded per chunk: large enough that papaparse's per-call set-up does not show, small enough to stream. */
export const CSV_ROWS_PER_CHUNK = 512;

/**
 * A text cell starting with = + - @ or a tab/CR would run as a formula in Excel/WPS: prefix it with ' (OWASP advice).
 * Only text is touched; numeric cells such as -3.5 are written as numbers.
 */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cells<T>(row: T, columns: readonly CsvColumn<T>[]): string[] {
  return columns.map((c) => {
    const v = c.value(row);
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return c.digits === undefined ? String(v) : v.toFixed(c.digits);
    return neutraliseCell(v);
  });
}

/**
 * The CSV as consecutive pieces of text: the (BOM and) header line, then the rows CSV_ROWS_PER_CHUNK at a time, each piece
 * ending in "\n". Joined, they are the whole file; papaparse quotes each cell on its own, so encoding the rows in
 * chunks gives the same bytes as encoding them at once.
 */
export function* csvChunks<T>(
  rows: Iterable<T>,
  columns: readonly CsvColumn<T>[],
  options: { bom?: boolean } = {},
): Generator<string> {
  const unparse = (data: string[][]) => Papa.unparse(data, { newline: '\n' }) + '\n';
  yield (options.bom ? UTF8_BOM : '') + unparse([columns.map((c) => c.header)]);
  let batch: string[][] = [];
  let any = false;
  for (const row of rows) {
    any = true;
    batch.push(cells(row, columns));
    if (batch.length === CSV_ROWS_PER_CHUNK) {
      yield unparse(batch);
      batch = [];
    }
  }
  if (batch.length) yield unparse(batch);
  // A table with no rows has always been written as the header and one empty line (papaparse reads `data: []` as one
  // empty row): kept, so such files stay byte-for-byte what they were.
  else if (!any) yield '\n';
}

export function toCsv<T>(rows: Iterable<T>, columns: readonly CsvColumn<T>[], options: { bom?: boolean } = {}): string {
  return joinChunks(csvChunks(rows, columns, options));
}

export function joinChunks(chunks: Iterable<string>): string {
  let text = '';
  for (const chunk of chunks) text += chunk;
  return text;
}
