// F–N curve CSV: every row accounted for — accepted, or rejected with its line and reason; a frequency rising with N
// kept with a warning. The fixture's header is line 1; its comment line (2) is not a row.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readFnCurves } from '../../../src/io';

const fixture = readFileSync(new URL('../../fixtures/fn/fn-curves.csv', import.meta.url));

describe('readFnCurves', () => {
  it('accounts for every row of the fixture', () => {
    const { curves, report } = readFnCurves('fn-curves.csv', new Uint8Array(fixture), new Set(['P1', 'P2', 'P3']));
    expect(report).toMatchObject({ rows: 13, accepted: 8, rejected: 5, encoding: 'utf-8', crsEvidence: '无坐标' });
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [10, 'installation_id'], // P9 is not an imported hazard
      [11, 'N'], // a second N=5 for P3: the first (line 9) is kept
      [12, 'N'], // N = 0.5 < 1
      [13, 'F'], // abc is not a frequency
      [14, 'F'], // F = 2 > 1
    ]);
    expect(report.errors[1]!.reason).toContain('第 9 行');
    // P1's N=50 (line 15) has 9e-5, above N=10's 8e-5: kept, warned
    expect(report.warnings).toEqual([expect.objectContaining({ line: 15, field: 'F', code: 'fn_frequency_rises' })]);
    expect(curves).toEqual([
      {
        installationId: 'P1',
        points: [
          { n: 1, f: 5e-4 },
          { n: 10, f: 8e-5 },
          { n: 50, f: 9e-5 },
          { n: 100, f: 2e-6 },
        ],
      },
      {
        installationId: 'P2',
        points: [
          { n: 1, f: 1e-4 },
          { n: 10, f: 5e-6 },
        ],
      },
      {
        installationId: 'P3',
        points: [
          { n: 1, f: 1e-6 },
          { n: 5, f: 1e-7 },
        ],
      },
    ]);
  });

  it('reads GBK with Chinese headers and a unit in brackets, and refuses a file without the three columns', () => {
    const gbk = readFileSync(new URL('../../fixtures/fn/fn-curves.gbk.csv', import.meta.url));
    const { curves, report } = readFnCurves('fn.csv', new Uint8Array(gbk));
    expect(report).toMatchObject({ encoding: 'gb18030', rows: 2, accepted: 2, rejected: 0 });
    expect(curves[0]!.points).toEqual([
      { n: 1, f: 1e-5 },
      { n: 3, f: 3e-6 },
    ]);
    expect(() => readFnCurves('x.csv', new TextEncoder().encode('编号,N\nP1,1\n'))).toThrow(/累积频率/);
  });
});
