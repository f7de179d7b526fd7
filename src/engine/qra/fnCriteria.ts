// The societal-risk criterion (issue #20 item 5): the two F–N lines of GB 36894 that divide an installation's F–N
// plane into 不可接受区 (above the upper line), 尚可容忍区 (between) and 可接受区 (on or below the lower line), as
// data with its source. The shipped file has no lines — their coordinates could not be read in any copy of the
// standard (docs/rules.md) — so every curve is 未评估 until a city supplies lines it has checked against the text
// (--fn-criteria, the same schema). Read through a schema like the other rule files: a bad file names its field.
import { z } from 'zod';
import criteriaFile from '../../../data/rules/fn-criteria.json';
import { parseBySchema } from '../validateConfig';

const text = z.string().min(1);
/** [N deaths, F per year]: a vertex of a line, drawn straight between vertices on log–log axes */
const vertex = z.tuple([z.number().min(1), z.number().positive().max(1)]);
const line = z
  .array(vertex)
  .min(2)
  .superRefine((points, ctx) => {
    if (points[0]![0] !== 1)
      ctx.addIssue({
        code: 'custom',
        path: [0, 0],
        message: 'a line starts at N = 1 (the smallest accident a curve can hold)',
      });
    points.forEach(([n, f], i) => {
      if (i === 0) return;
      const [pn, pf] = points[i - 1]!;
      if (!(n > pn)) ctx.addIssue({ code: 'custom', path: [i, 0], message: 'N must rise from vertex to vertex' });
      if (f > pf) ctx.addIssue({ code: 'custom', path: [i, 1], message: 'F may not rise with N' });
    });
  });

export const fnCriteriaSchema = z
  .object({
    schema: z.literal('fn-criteria/1'),
    id: text,
    name: text,
    source: z.object({
      standard: text,
      clause: text,
      quote: z.string(),
      readAt: z.array(z.string()),
      status: z.enum(['official', 'secondary', 'not_found', 'city']),
      remark: z.string().optional(),
    }),
    /** null: no lines known (status not_found) — nothing is judged */
    lines: z
      .object({
        /** 不可接受线: a curve anywhere above it is in 不可接受区 */
        upper: line,
        /** 可接受线: a curve nowhere above it is in 可接受区; above it but nowhere above the upper line, 尚可容忍区 */
        lower: line,
        /** a vertical cut-off: any frequency at N ≥ cutoffN is 不可接受 (omit when the standard draws none) */
        cutoffN: z.number().min(1).optional(),
      })
      .nullable(),
  })
  .superRefine((c, ctx) => {
    if ((c.lines === null) !== (c.source.status === 'not_found')) {
      ctx.addIssue({
        code: 'custom',
        path: ['lines'],
        message: 'lines are null exactly when the source status is not_found',
      });
    }
    if (!c.lines) return;
    const { upper, lower } = c.lines;
    for (const [n] of [...upper, ...lower]) {
      // spread-ok: two lines of a few vertices each
      const u = lineAt(upper, n);
      const l = lineAt(lower, n);
      if (u !== undefined && l !== undefined && l > u)
        ctx.addIssue({
          code: 'custom',
          path: ['lines', 'lower'],
          message: `the lower line lies above the upper line at N = ${n}`,
        });
    }
  });

export type FnCriteria = z.infer<typeof fnCriteriaSchema>;
export type FnLine = [number, number][];

export function parseFnCriteria(doc: unknown): FnCriteria {
  return parseBySchema(fnCriteriaSchema, doc, 'F–N criteria');
}

/** The shipped criterion: its source and status, and no lines (their coordinates were not found). */
export const DEFAULT_FN_CRITERIA: FnCriteria = parseFnCriteria(criteriaFile);

/**
 * The line's F at `n`, straight between vertices on log–log axes (how a line given by its corner points is drawn on
 * an F–N plot); undefined outside the line's N range — a line says nothing beyond its last vertex.
 */
export function lineAt(points: readonly (readonly [number, number])[], n: number): number | undefined {
  const last = points[points.length - 1]!;
  if (n < points[0]![0] || n > last[0]) return undefined;
  if (n === last[0]) return last[1];
  let i = 0;
  while (points[i + 1]![0] <= n) i++;
  const [n0, f0] = points[i]!;
  const [n1, f1] = points[i + 1]!;
  if (n === n0) return f0;
  const t = (Math.log10(n) - Math.log10(n0)) / (Math.log10(n1) - Math.log10(n0));
  // to the digits a criterion is written in: 10^-4 computed through logarithms is 1.0000000000000002e-4, and a curve
  // exactly on the line must not count as above it
  return Number((10 ** (Math.log10(f0) + t * (Math.log10(f1) - Math.log10(f0)))).toPrecision(12));
}
