import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvChunks, type CsvColumn } from '../../../src/io';
import { csvByteChunks } from '../../../src/io/csvBytes';

// The CLI writes sites.csv and violations.csv through the byte writer; the app and the white paper through csvChunks.
// Both must give the same bytes for any cell: quoting, formula prefixes, a BOM, astral and lone surrogates.
const bytesOf = <T>(rows: T[], columns: CsvColumn<T>[], bom = false): Buffer => Buffer.concat([...csvByteChunks(rows, columns, { bom })]);
const textBytes = <T>(rows: T[], columns: CsvColumn<T>[], bom = false): Buffer => Buffer.from([...csvChunks(rows, columns, { bom })].join(''), 'utf8');

type Row = (string | number | null | undefined)[];
const columnsFor = (n: number, digits: (number | undefined)[]): CsvColumn<Row>[] =>
  Array.from({ length: n }, (_, i) => ({ header: i === 1 ? 'h, "quoted"' : i === 2 ? '=not neutralised' : `c${i}`, value: (r: Row) => r[i], digits: digits[i] }));

const AWKWARD = ['plain', '含逗号,的名称', 'a "quoted" word', 'two\nlines', 'cr\rinside', ' leading', 'trailing ', '=1+2', '+1', '-3', '@x', '\tx', '\rx', '',
  '加油站(示例)', '\uFEFFbom', '𠀀 astral', 'lone \uD800 surrogate', 'lone end \uDC00', "'", '"', ',', ' ', 'ÿé', '—', 'x'.repeat(40), '长'.repeat(30), '="long formula cell that is cached"'];

describe('CSV as bytes (the CLI\'s writer)', () => {
  it('writes the bytes of csvChunks for awkward cells, numbers and empty cells, repeated past the caches', () => {
    const columns = columnsFor(4, [undefined, 2, undefined, 7]);
    const rows: Row[] = [];
    for (let n = 0; n < 20_000; n++) rows.push([AWKWARD[n % AWKWARD.length], n / 7 - 100, n % 5 ? `${AWKWARD[(n * 7) % AWKWARD.length]}-${n % 3000}-and a long tail` : null, n % 11 ? -n / 3 : undefined]);
    for (const bom of [false, true]) expect(bytesOf(rows, columns, bom).equals(textBytes(rows, columns, bom))).toBe(true);
  });

  it('keeps an empty table as header + empty line', () => {
    const columns = columnsFor(3, []);
    expect(bytesOf([], columns).equals(textBytes([], columns))).toBe(true);
  });

  it('agrees with csvChunks on any text and numbers', () => {
    const cell = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom(...AWKWARD), fc.double(), fc.integer(), fc.constant(null));
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 60 }), fc.boolean(), (rows, bom) => {
      const columns = columnsFor(3, [undefined, 3, undefined]);
      return bytesOf(rows, columns, bom).equals(textBytes(rows, columns, bom));
    }), { numRuns: 300 });
  });
});
