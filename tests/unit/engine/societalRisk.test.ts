// Societal risk: F–N curves as step functions against two lines, with every answer worked by hand below.
// The lines are test lines (not GB 36894's, which could not be read): upper F = 1e-3/N and lower F = 1e-5/N for
// 1 ≤ N ≤ 1000, i.e. vertices (1, 1e-3)–(1000, 1e-6) and (1, 1e-5)–(1000, 1e-8), straight on log–log axes.
import { describe, expect, it } from 'vitest';
import {
  classifyFnCurve,
  DEFAULT_FN_CRITERIA,
  lineAt,
  parseFnCriteria,
  type FnCriteria,
  type FnCurve,
} from '../../../src/engine';

const criteria = (extra: Record<string, unknown> = {}): FnCriteria =>
  parseFnCriteria({
    schema: 'fn-criteria/1',
    id: 'test-lines',
    name: '测试用判定线(非 GB 36894 数值)',
    source: { standard: 'test', clause: 'test', quote: '', readAt: [], status: 'city' },
    lines: {
      upper: [
        [1, 1e-3],
        [1000, 1e-6],
      ],
      lower: [
        [1, 1e-5],
        [1000, 1e-8],
      ],
      ...extra,
    },
  });
const curve = (id: string, ...pts: [number, number][]): FnCurve => ({
  installationId: id,
  points: pts.map(([n, f]) => ({ n, f })),
});
const close = (a: number, b: number) => expect(Math.abs(a / b - 1)).toBeLessThan(1e-9);

describe('lineAt', () => {
  it('is straight between vertices on log–log axes and says nothing beyond them', () => {
    const line: [number, number][] = [
      [1, 1e-3],
      [10, 1e-4],
      [1000, 1e-8],
    ];
    close(lineAt(line, 10)!, 1e-4);
    // between (10, 1e-4) and (1000, 1e-8): log F = -4 + (log 100 - 1)/(3 - 1) × (-8 + 4) = -4 + ½ × -4 = -6
    close(lineAt(line, 100)!, 1e-6);
    // between (1, 1e-3) and (10, 1e-4) at N = √10: F = 10^-3.5
    close(lineAt(line, Math.sqrt(10))!, 10 ** -3.5);
    expect(lineAt(line, 1000)).toBe(1e-8);
    expect(lineAt(line, 1001)).toBeUndefined();
    expect(lineAt(line, 0.5)).toBeUndefined();
  });
});

describe('classifyFnCurve', () => {
  it('finds a curve crossing the unacceptable line between its points, which the points alone would pass', () => {
    // A: (1, 5e-4), (10, 8e-5), (100, 2e-6). At the points: 5e-4 < 1e-3, 8e-5 < 1e-4, 2e-6 < 1e-5 — all below the
    // upper line. As steps: F = 5e-4 holds up to N → 10, where the line is 1e-4 (5×); F = 8e-5 holds up to N → 100,
    // where the line is 1e-5 (8×, the worst); the last point 2e-6 against 1e-5 at N = 100 (0.2×).
    const r = classifyFnCurve(curve('A', [1, 5e-4], [10, 8e-5], [100, 2e-6]), criteria());
    expect(r.region).toBe('unacceptable');
    expect(r.worst).toMatchObject({ n: 100, approached: true, f: 8e-5 });
    close(r.worst!.upperF, 1e-5);
    close(r.worst!.ratio, 8);
    expect(r.note).toContain('N 趋近 100(自下)处 F=8e-5,高于不可接受线 1e-5(8 倍)');
    expect(r).toMatchObject({ points: 3, maxN: 100, beyondLines: false, atCutoff: false });
  });

  it('counts a step that only touches the upper line as not above it (tolerable)', () => {
    // B: (1, 1e-4), (10, 5e-6). Step 1: 1e-4 up to N → 10, where the upper line is exactly 1e-4 (ratio 1: on the
    // line, not above); against the lower line 1e-5/10 = 1e-6 it is above → 尚可容忍区. Last point: 5e-6 vs 1e-4.
    const r = classifyFnCurve(curve('B', [1, 1e-4], [10, 5e-6]), criteria());
    expect(r.region).toBe('tolerable');
    close(r.worst!.ratio, 1);
    expect(r.worst).toMatchObject({ n: 10, approached: true });
  });

  it('finds a curve below the lower line acceptable', () => {
    // C: (1, 1e-6), (5, 1e-7). Step 1: 1e-6 up to N → 5, lower line 1e-5/5 = 2e-6: below. Last: 1e-7 vs 2e-6.
    // Against the upper line the worst is step 1: 1e-6 / (1e-3/5 = 2e-4) = 0.005.
    const r = classifyFnCurve(curve('C', [1, 1e-6], [5, 1e-7]), criteria());
    expect(r.region).toBe('acceptable');
    close(r.worst!.ratio, 0.005);
  });

  it('judges a step running past the lines up to their end, and says the rest was not judged', () => {
    // D: (1, 1e-5), (2000, 1e-9). Step 1 holds 1e-5 from N = 1 to 2000; within the lines (to N = 1000) its worst place
    // is N = 1000, where the upper line is 1e-6 (10×). The last point (N = 2000) lies beyond the lines.
    const r = classifyFnCurve(curve('D', [1, 1e-5], [2000, 1e-9]), criteria());
    expect(r.region).toBe('unacceptable');
    expect(r.worst).toMatchObject({ n: 1000, approached: false });
    close(r.worst!.ratio, 10);
    expect(r.beyondLines).toBe(true);
    expect(r.note).toContain('未判定');
  });

  it('puts any curve reaching a vertical cut-off in the unacceptable region', () => {
    // E: (1, 1e-7), (500, 1e-10): far below both lines (1e-7 vs the lower line at 500, 2e-8… above it: tolerable
    // without a cut-off), but with a cut-off at N = 500 its last point is at the cut-off → 不可接受.
    const e = curve('E', [1, 1e-7], [500, 1e-10]);
    expect(classifyFnCurve(e, criteria()).region).toBe('tolerable');
    const r = classifyFnCurve(e, criteria({ cutoffN: 500 }));
    expect(r).toMatchObject({ region: 'unacceptable', atCutoff: true });
  });

  it('judges nothing without lines: the shipped criterion has none (not found), so every curve is 未评估', () => {
    expect(DEFAULT_FN_CRITERIA.lines).toBeNull();
    expect(DEFAULT_FN_CRITERIA.source.status).toBe('not_found');
    const r = classifyFnCurve(curve('A', [1, 5e-4], [10, 8e-5]), DEFAULT_FN_CRITERIA);
    expect(r).toMatchObject({
      region: 'not_assessed',
      worst: null,
      note: '判定线未配置 (GB 36894 lines not available: supply them)',
    });
  });
});

describe('parseFnCriteria', () => {
  it('refuses lines that rise, start past N = 1, cross, or contradict their status', () => {
    expect(() =>
      criteria({
        upper: [
          [1, 1e-3],
          [10, 1e-2],
        ],
      }),
    ).toThrow(/lines\.upper\.1\.1: F may not rise/);
    expect(() =>
      criteria({
        lower: [
          [2, 1e-5],
          [1000, 1e-8],
        ],
      }),
    ).toThrow(/N = 1/);
    expect(() =>
      criteria({
        lower: [
          [1, 1e-2],
          [1000, 1e-8],
        ],
      }),
    ).toThrow(/lower line lies above the upper line/);
    expect(() =>
      parseFnCriteria({
        ...DEFAULT_FN_CRITERIA,
        lines: {
          upper: [
            [1, 1e-3],
            [10, 1e-4],
          ],
          lower: [
            [1, 1e-5],
            [10, 1e-6],
          ],
        },
      }),
    ).toThrow(/not_found/);
  });
});
