import { describe, expect, it } from 'vitest';
import { matrixLevel, RISK_MATRIX_METHODS, type Level } from '../../../src/engine';

// The bands as published (docs/methods.md, Risk matrix), restated here independently of the data file.
const PUBLISHED_BANDS: Record<string, [number, number, Level][]> = {
  'matrix-A': [
    [1, 3, 'blue'],
    [4, 9, 'yellow'],
    [10, 16, 'orange'],
    [20, 25, 'red'],
  ],
  'matrix-B': [
    [1, 3, 'blue'],
    [4, 8, 'yellow'],
    [9, 16, 'orange'],
    [20, 25, 'red'],
  ],
  'matrix-C': [
    [1, 8, 'blue'],
    [9, 12, 'yellow'],
    [15, 16, 'orange'],
    [20, 25, 'red'],
  ],
  // scheme A's bands with the severity scale of the accident grades (国务院令第493号 §3)
  'matrix-A-accident': [
    [1, 3, 'blue'],
    [4, 9, 'yellow'],
    [10, 16, 'orange'],
    [20, 25, 'red'],
  ],
};

describe('matrixLevel', () => {
  for (const [id, bands] of Object.entries(PUBLISHED_BANDS)) {
    const method = RISK_MATRIX_METHODS.find((m) => m.id === id)!;
    it(`gives every one of the 25 cells of ${id} the level of its published band`, () => {
      for (let l = 1; l <= 5; l++) {
        for (let s = 1; s <= 5; s++) {
          const band = bands.find(([lo, hi]) => l * s >= lo && l * s <= hi)!;
          expect(matrixLevel(method, l, s), `L=${l} S=${s}`).toMatchObject({ score: l * s, level: band[2] });
        }
      }
    });
  }

  it('cites a source for every shipped scheme and defaults to scheme A', () => {
    for (const m of RISK_MATRIX_METHODS) expect(m.source.length).toBeGreaterThan(20);
    expect(RISK_MATRIX_METHODS.map((m) => m.id)).toEqual(['matrix-A', 'matrix-B', 'matrix-C', 'matrix-A-accident']);
  });

  it('says plainly that scheme A comes from a coal-mining paper', () => {
    expect(RISK_MATRIX_METHODS[0]!.source).toMatch(/煤矿行业论文《基于AHP-SPA的煤矿安全管理模型构建及应用》/);
  });

  it('offers the accident grades of 《生产安全事故报告和调查处理条例》§3 as a severity scale, with its source', () => {
    const m = RISK_MATRIX_METHODS.find((x) => x.id === 'matrix-A-accident')!;
    expect(m.source).toMatch(/国务院令第493号\) 第三条/);
    // §3 as read: 特别重大 ≥ 30 deaths / ≥ 100 serious injuries / ≥ 1亿元; 重大 10–29; 较大 3–9; 一般 < 3
    expect(m.severityScale[4]).toMatch(/特别重大事故:30人以上死亡,或100人以上重伤,或1亿元以上/);
    expect(m.severityScale[3]).toMatch(/重大事故:10~29人死亡,或50~99人重伤/);
    expect(m.severityScale[2]).toMatch(/较大事故:3~9人死亡,或10~49人重伤/);
    expect(m.severityScale[1]).toMatch(/一般事故:1~2人死亡,或1~9人重伤/);
    expect(m.severityScale[0]).toMatch(/无人员死亡、重伤/);
  });

  it('writes its reason in Chinese, naming the level and the scheme', () => {
    expect(matrixLevel(RISK_MATRIX_METHODS[0]!, 4, 5)!.reason).toBe(
      '风险矩阵 L=4 × S=5 = 20 → 重大风险 (方案 matrix-A)',
    );
  });

  it('leaves a site without L or S unscored', () => {
    expect(matrixLevel(RISK_MATRIX_METHODS[0]!, 3, undefined)).toBeNull();
  });

  it('refuses a cell outside the matrix, naming the expectation', () => {
    expect(() => matrixLevel(RISK_MATRIX_METHODS[0]!, 6, 1)).toThrow(/expected integers 1–5/);
  });
});
