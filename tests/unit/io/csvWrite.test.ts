import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv, UTF8_BOM } from '../../../src/io';

describe('CSV export', () => {
  it.each(['=HYPERLINK("http://x")', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx'])('neutralises the formula-like text cell %j', (cell) => {
    expect(neutraliseCell(cell)).toBe(`'${cell}`);
  });

  it('leaves numbers, including negative ones, as numbers', () => {
    const csv = toCsv([{ v: -3.456, t: '-3' }], [{ header: 'v', value: (r) => r.v, digits: 2 }, { header: 't', value: (r) => r.t }]);
    expect(csv).toBe("v,t\n-3.46,'-3\n");
  });

  it('starts with a UTF-8 BOM when asked, for Excel', () => {
    expect(toCsv([], [{ header: '名称', value: () => '' }], { bom: true }).startsWith(UTF8_BOM)).toBe(true);
  });
});
