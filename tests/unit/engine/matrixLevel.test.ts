import { describe, expect, it } from 'vitest';
import { matrixLevel, RISK_MATRIX_METHODS, type Level } from '../../../src/engine';

// The bands as published (DESIGN §4, reference §1.2), restated here independently of the data file.
const PUBLISHED_BANDS: Record<string, [number, number, Level][]> = {
  'matrix-A': [[1, 3, 'blue'], [4, 9, 'yellow'], [10, 16, 'orange'], [20, 25, 'red']],
  'matrix-B': [[1, 3, 'blue'], [4, 8, 'yellow'], [9, 16, 'orange'], [20, 25, 'red']],
  'matrix-C': [[1, 8, 'blue'], [9, 12, 'yellow'], [15, 16, 'orange'], [20, 25, 'red']],
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
    expect(RISK_MATRIX_METHODS.map((m) => m.id)).toEqual(['matrix-A', 'matrix-B', 'matrix-C']);
  });

  it('leaves a site without L or S unscored', () => {
    expect(matrixLevel(RISK_MATRIX_METHODS[0]!, 3, undefined)).toBeNull();
  });

  it('refuses a cell outside the matrix, naming the expectation', () => {
    expect(() => matrixLevel(RISK_MATRIX_METHODS[0]!, 6, 1)).toThrow(/expected integers 1–5/);
  });
});
