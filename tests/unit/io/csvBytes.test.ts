import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvChunks, type CsvColumn } from '../../../src/io';
import { csvByteChunks } from '../../../src/io/csvBytes';

// The CLI writes sites.csv and violations.csv through the byte writer; the app and the white paper through csvChunks.
// Both must give the same bytes for any cell: quoting, formula prefixes, a BOM, astral and lone surrogates.
const bytesOf = <T>(rows: T[], columns: CsvColumn<T>[], bom = false): Buffer =>
  Buffer.concat([...csvByteChunks(rows, columns, { bom })]);
const textBytes = <T>(rows: T[], columns: CsvColumn<T>[], bom = false): Buffer =>
  Buffer.from([...csvChunks(rows, columns, { bom })].join(''), 'utf8');

type Row = (string | number | null | undefined)[];
const columnsFor = (n: number, digits: (number | undefined)[]): CsvColumn<Row>[] =>
  Array.from({ length: n }, (_, i) => ({
    header: i === 1 ? 'h, "quoted"' : i === 2 ? '=not neutralised' : `c${i}`,
    value: (r: Row) => r[i],
    digits: digits[i],
  }));

const AWKWARD = [
  'plain',
  '含逗号,的名称',
  'a "quoted" word',
  'two\nlines',
  'cr\rinside',
  ' leading',
  'trailing ',
  '=1+2',
  '+1',
  '-3',
  '@x',
  '\tx',
  '\rx',
  '',
  '加油站(示例)',
  '\uFEFFbom',
  '𠀀 astral',
  'lone \uD800 surrogate',
  'lone end \uDC00',
  "'",
  '"',
  ',',
  ' ',
  'ÿé',
  '—',
  'x'.repeat(40),
  '长'.repeat(30),
  '="long formula cell that is cached"',
];

describe("CSV as bytes (the CLI's writer)", () => {
  it('writes the bytes of csvChunks for awkward cells, numbers and empty cells, repeated past the caches', () => {
    const columns = columnsFor(4, [undefined, 2, undefined, 7]);
    const rows: Row[] = [];
    for (let n = 0; n < 20_000; n++)
      rows.push([
        AWKWARD[n % AWKWARD.length],
        n / 7 - 100,
        n % 5 ? `${AWKWARD[(n * 7) % AWKWARD.length]}-${n % 3000}-and a long tail` : null,
        n % 11 ? -n / 3 : undefined,
      ]);
    for (const bom of [false, true])
      expect(bytesOf(rows, columns, bom).equals(textBytes(rows, columns, bom))).toBe(true);
  });

  it('keeps an empty table as header + empty line', () => {
    const columns = columnsFor(3, []);
    expect(bytesOf([], columns).equals(textBytes([], columns))).toBe(true);
  });

  it('agrees with csvChunks on any text and numbers', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom(...AWKWARD),
      fc.double(),
      fc.integer(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 60 }),
        fc.boolean(),
        (rows, bom) => {
          const columns = columnsFor(3, [undefined, 3, undefined]);
          return bytesOf(rows, columns, bom).equals(textBytes(rows, columns, bom));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes numbers as String and toFixed write them (halves, -0, huge and tiny values, every digit count)', () => {
    const number = fc.oneof(
      fc.double(),
      fc.double({ min: -1000, max: 1000, noNaN: true }),
      fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 8), // exact halves and quarters
      fc.integer({ min: 0, max: 2e9 }).map((n) => n / 1e7), // coordinates to 7 places
      fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 200 + 0.005), // near a half at 2 places
      fc.constantFrom(0, -0, 1.005, 2.675, 1e21, -1e-7, 0.5, 1.5, 2 ** 31, 2 ** 31 / 1e7, 118.78123455, 32.04000005),
    );
    fc.assert(
      fc.property(
        fc.array(number, { maxLength: 40 }),
        fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
        (values, digits) => {
          const columns: CsvColumn<number>[] = [{ header: 'v', value: (v) => v, digits }];
          return bytesOf(values, columns).equals(textBytes(values, columns));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
