// CSV writing: RFC 4180 quoting (papaparse), formula-injection neutralised, optional UTF-8 BOM for Excel.
import Papa from 'papaparse';

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
  /** numbers are written as given (never neutralised): use `digits` to fix decimals */
  digits?: number;
}

export const UTF8_BOM = '\uFEFF';

/**
 * A text cell starting with = + - @ or a tab/CR would run as a formula in Excel/WPS: prefix it with ' (OWASP advice).
 * Only text is touched; numeric cells such as -3.5 are written as numbers.
 */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[], options: { bom?: boolean } = {}): string {
  const data = rows.map((row) =>
    columns.map((c) => {
      const v = c.value(row);
      if (v === null || v === undefined) return '';
      if (typeof v === 'number') return c.digits === undefined ? String(v) : v.toFixed(c.digits);
      return neutraliseCell(v);
    }),
  );
  const body = Papa.unparse({ fields: columns.map((c) => c.header), data }, { newline: '\n' });
  return (options.bom ? UTF8_BOM : '') + body + '\n';
}
