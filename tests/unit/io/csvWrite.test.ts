import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { CSV_ROWS_PER_CHUNK, csvChunks, neutraliseCell, toCsv, UTF8_BOM, type CsvColumn } from '../../../src/io';

describe('CSV export', () => {
  it.each(['=HYPERLINK("http://x")', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx'])(
    'neutralises the formula-like text cell %j',
    (cell) => {
      expect(neutraliseCell(cell)).toBe(`'${cell}`);
    },
  );

  it('leaves numbers, including negative ones, as numbers', () => {
    const csv = toCsv(
      [{ v: -3.456, t: '-3' }],
      [
        { header: 'v', value: (r) => r.v, digits: 2 },
        { header: 't', value: (r) => r.t },
      ],
    );
    expect(csv).toBe("v,t\n-3.46,'-3\n");
  });

  it('starts with a UTF-8 BOM when asked, for Excel', () => {
    expect(toCsv([], [{ header: '名称', value: () => '' }], { bom: true }).startsWith(UTF8_BOM)).toBe(true);
  });
});

// The writer before it yielded chunks: one papaparse call over the whole table. Streamed or joined, the bytes must
// stay exactly these (the batch files are a contract, and every CSV download and table goes through toCsv).
function wholeTableCsv<T>(
  rows: readonly T[],
  columns: readonly CsvColumn<T>[],
  options: { bom?: boolean } = {},
): string {
  const data = rows.map((row) =>
    columns.map((c) => {
      const v = c.value(row);
      if (v === null || v === undefined) return '';
      if (typeof v === 'number') return c.digits === undefined ? String(v) : v.toFixed(c.digits);
      return neutraliseCell(v);
    }),
  );
  return (
    (options.bom ? UTF8_BOM : '') +
    Papa.unparse({ fields: columns.map((c) => c.header), data }, { newline: '\n' }) +
    '\n'
  );
}

describe('CSV in chunks (streamed by the CLI)', () => {
  interface Row {
    n: number;
    text: string | null;
  }
  const AWKWARD = [
    'plain',
    '含逗号,的名称',
    'a "quoted" word',
    'two\nlines',
    'cr\rinside',
    ' leading space',
    'trailing space ',
    '=1+2',
    '-3',
    '',
    '加油站(示例)',
  ];
  const columns: CsvColumn<Row>[] = [
    { header: 'n', value: (r) => r.n },
    { header: 'x', value: (r) => r.n / 7, digits: 3 },
    { header: 'text, quoted "header"', value: (r) => r.text },
    { header: 'maybe', value: (r) => (r.n % 3 ? undefined : -r.n) },
  ];
  const rowsOf = (count: number): Row[] =>
    Array.from({ length: count }, (_, n) => ({ n, text: n % 13 === 12 ? null : AWKWARD[n % AWKWARD.length]! }));

  it.each([0, 1, CSV_ROWS_PER_CHUNK - 1, CSV_ROWS_PER_CHUNK, CSV_ROWS_PER_CHUNK + 1, 3 * CSV_ROWS_PER_CHUNK + 17])(
    'writes %i rows with the same bytes as one whole-table call',
    (count) => {
      const rows = rowsOf(count);
      for (const bom of [false, true]) {
        const chunks = [...csvChunks(rows, columns, { bom })];
        expect(chunks.join('')).toBe(wholeTableCsv(rows, columns, { bom }));
        expect(toCsv(rows, columns, { bom })).toBe(wholeTableCsv(rows, columns, { bom }));
        expect(chunks.length).toBe(1 + Math.max(1, Math.ceil(count / CSV_ROWS_PER_CHUNK)));
        for (const c of chunks) expect(c.endsWith('\n')).toBe(true);
      }
    },
  );

  it('keeps an empty table as header + empty line, as papaparse always wrote it', () => {
    expect(toCsv([], columns)).toBe('n,x,"text, quoted ""header""",maybe\n\n');
  });
});
