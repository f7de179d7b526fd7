// Risk-matrix scoring R = L × S with a level per cell (standards assign levels per cell, not only per product).
import type { Level, RiskMatrixMethod } from '../model';
import { LEVEL_ZH } from './levels';

export interface MatrixScore {
  score: number;
  level: Level;
  reason: string;
}

// 25 cells, a million sites: each cell's result (and its reason text) is made once per matrix and shared
const cellsOf = new WeakMap<RiskMatrixMethod, Map<number, MatrixScore>>();

/**
 * Level of cell (L, S) in `method`; null when L or S is missing. L and S must be integers 1–5 (checked at import).
 * The result is shared between sites of the same cell: read it, never change it.
 */
export function matrixLevel(method: RiskMatrixMethod, likelihood?: number, severity?: number): MatrixScore | null {
  if (likelihood === undefined || severity === undefined) return null;
  let cells = cellsOf.get(method);
  if (!cells) cellsOf.set(method, (cells = new Map()));
  const key = likelihood * 8 + severity;
  let cell = cells.get(key);
  if (!cell) cells.set(key, (cell = scoreCell(method, likelihood, severity)));
  return cell;
}

function scoreCell(method: RiskMatrixMethod, likelihood: number, severity: number): MatrixScore {
  const level = method.cells[likelihood - 1]?.[severity - 1];
  if (!level)
    throw new RangeError(
      `L=${likelihood}, S=${severity} outside the 5×5 matrix of ${method.id}; expected integers 1–5`,
    );
  const score = likelihood * severity;
  return {
    score,
    level,
    reason: `风险矩阵 L=${likelihood} × S=${severity} = ${score} → ${LEVEL_ZH[level]} (方案 ${method.id})`,
  };
}
