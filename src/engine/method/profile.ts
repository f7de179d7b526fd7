// A method profile: how sites are scored and zones aggregated, as data with a source for every table.
// Read from files through a schema, so a bad profile names the field at fault and is never half-applied.
import { z } from 'zod';
import { LEVELS, type RiskMatrixMethod } from '../model';
import { ConfigError } from '../validateConfig';

const level = z.enum(LEVELS);
const status = z.enum(['verified', 'partly', 'unverified', 'city']);
const text = z.string().min(1);

const matrixSchema = z.object({
  id: text,
  name: text,
  source: text,
  status,
  cells: z.array(z.array(level).length(5)).length(5),
  likelihoodScale: z.array(z.string()).default([]),
  severityScale: z.array(z.string()).default([]),
  note: z.string().optional(),
});

const lecSchema = z.object({
  id: text,
  source: text,
  status,
  boundary: z.literal('D > above'),
  /** highest first; a site takes the first band whose `above` its D exceeds */
  bands: z.array(z.object({ level, above: z.number().min(0) })).length(4),
  factors: z.object({
    L: z.array(z.tuple([z.number().positive(), z.string()])).min(1),
    E: z.array(z.tuple([z.number().positive(), z.string()])).min(1),
    C: z.array(z.tuple([z.number().positive(), z.string()])).min(1),
  }),
});

const majorHazardSchema = z.object({
  id: text,
  source: text,
  status,
  gradeLevels: z.object({ '1': level, '2': level, '3': level, '4': level }),
  /** highest grade first: grade g when R ≥ atLeast */
  gradeFromR: z.array(z.object({ grade: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]), atLeast: z.number().min(0) })).length(4),
});

const aggregationSchema = z.object({
  mode: z.enum(['max', 'index', 'relative']),
  index: z.object({
    source: text,
    status,
    weights: z.object({ red: z.number().min(0), orange: z.number().min(0), yellow: z.number().min(0), blue: z.number().min(0) }),
    normaliser: z.enum(['area', 'population']),
    thresholds: z.array(z.object({ level, atLeast: z.number().min(0) })).length(4),
  }),
  relative: z.object({
    source: text,
    status,
    per: z.enum(['km2', 'residents10k']),
    quantiles: z.array(z.object({ level, top: z.number().gt(0).max(1) })).length(4),
  }),
});

export const methodProfileSchema = z
  .object({
    schema: z.literal('method-profile/1'),
    id: text,
    name: text,
    matrix: matrixSchema,
    lec: lecSchema,
    majorHazard: majorHazardSchema,
    aggregation: aggregationSchema,
  })
  .superRefine((p, ctx) => {
    const descending = (xs: number[]) => xs.every((x, i) => i === 0 || x < xs[i - 1]!);
    if (!descending(p.lec.bands.map((b) => b.above))) ctx.addIssue({ code: 'custom', path: ['lec', 'bands'], message: 'bands must run from the highest `above` down' });
    if (!descending(p.majorHazard.gradeFromR.map((g) => g.atLeast))) ctx.addIssue({ code: 'custom', path: ['majorHazard', 'gradeFromR'], message: 'thresholds must run from grade 1 (highest R) down' });
    if (!descending(p.aggregation.index.thresholds.map((t) => t.atLeast))) ctx.addIssue({ code: 'custom', path: ['aggregation', 'index', 'thresholds'], message: 'thresholds must run from the highest down' });
    const tops = p.aggregation.relative.quantiles.map((q) => q.top);
    if (!tops.every((t, i) => i === 0 || t > tops[i - 1]!) || tops[3] !== 1) ctx.addIssue({ code: 'custom', path: ['aggregation', 'relative', 'quantiles'], message: 'cumulative shares must rise and end at 1' });
  });

export type MethodProfile = z.infer<typeof methodProfileSchema>;
export type AggregationMode = MethodProfile['aggregation']['mode'];
export type LecProfile = MethodProfile['lec'];
export type MajorHazardProfile = MethodProfile['majorHazard'];

/** Check a profile read from a file or the UI; the first problem is named by its path. */
export function parseMethodProfile(doc: unknown): MethodProfile {
  const result = methodProfileSchema.safeParse(doc);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(`method profile ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return result.data;
}

/** The same profile with another risk-matrix scheme. */
export function withMatrix(profile: MethodProfile, matrix: RiskMatrixMethod): MethodProfile {
  return { ...profile, matrix: { ...matrix, likelihoodScale: matrix.likelihoodScale ?? [], severityScale: matrix.severityScale ?? [] } };
}
