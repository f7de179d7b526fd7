import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { forEachCsvRow } from '../../../src/io';

// forEachCsvRow guesses the delimiter and line break from the first megabyte (papaparse's own reach), and a row can
// be read again from its span: both must give exactly what papaparse gives on the whole text.
function rowsOf(text: string) {
  const rows: { line: number; cells: string[]; again: string[] }[] = [];
  let headers: string[] = [];
  let cellsAt: (start: number, end: number) => string[] = () => [];
  forEachCsvRow(
    text,
    (h, at) => ((headers = h), (cellsAt = at)),
    (row) => rows.push({ line: row.line, cells: row.cells, again: cellsAt(row.start!, row.end!) }),
  );
  return { headers, rows };
}

function papaWhole(text: string): string[][] {
  return Papa.parse<string[]>(text, { skipEmptyLines: false })
    .data.map((r) => r.map((c) => c.trim()))
    .filter((r) => !r.every((c) => c === '') && !r[0]!.startsWith('#'));
}

describe('CSV rows', { timeout: 30_000 }, () => {
  it.each([
    ['comma, LF', ',', '\n', true, ''],
    ['semicolon, CRLF', ';', '\r\n', true, ''],
    ['tab, CR', '\t', '\r', true, ''],
    ['comma, LF, no quotes (read without papaparse)', ',', '\n', false, ''],
    ['semicolon, CRLF, no quotes, a byte-order mark', ';', '\r\n', false, '\uFEFF'],
    ['pipe, LF, no quotes, two byte-order marks', '|', '\n', false, '\uFEFF\uFEFF'],
  ])(
    'reads a file of more than a megabyte (%s) as papaparse reads it whole, and each row again from its span',
    (_, d, nl, quotes, bom) => {
      const lines = [['编号', '名称', '类别', '经度', '纬度'].join(d)];
      // the line each row starts on (LF counted: a quoted name spans two lines)
      const expectedLines: number[] = [];
      let lf = 1;
      for (let i = 0; i < 40_000; i++) {
        const name =
          quotes && i % 97 === 5 ? `"多行${nl}名称, ""引号""${d}"` : i % 89 === 3 ? ` 空格${i} ` : `站点${i}`;
        lines.push(
          i % 500 === 7
            ? ''
            : i % 700 === 9
              ? '# comment'
              : [`S${i}`, name, '加油站', (118 + i / 1e5).toFixed(6), '32.0'].join(d),
        );
        if (i % 500 !== 7 && i % 700 !== 9) expectedLines.push(lf + 1);
        lf += 1 + (quotes && i % 97 === 5 && i % 500 !== 7 && i % 700 !== 9 && nl !== '\r' ? 1 : 0);
      }
      const text = bom + lines.join(nl) + nl;
      expect(text.length).toBeGreaterThan(1024 * 1024);
      const { headers, rows } = rowsOf(text);
      const whole = papaWhole(text);
      expect(headers).toEqual(whole[0]);
      expect(rows.map((r) => r.cells)).toEqual(whole.slice(1));
      for (const r of rows) expect(r.again).toEqual(r.cells);
      if (nl !== '\r') expect(rows.map((r) => r.line)).toEqual(expectedLines); // lines are counted by LF
    },
  );
});
