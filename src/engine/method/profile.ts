// A method profile: how sites are scored and zones aggregated, as data with a source for every table.
// Read from files through a schema, so a bad profile names the field at fault and is never half-applied.
import { z } from 'zod';
import { AGGREGATION_MODES, LEVELS, type RiskMatrixMethod } from '../model';
import { parseBySchema } from '../validateConfig';

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
  /** 'D > above': every band starts strictly above its bound; 'per band': each band says whether D = above is in it */
  boundary: z.enum(['D > above', 'per band']),
  /** which band a D exactly on a bound falls in, and why (the published bands overlap at 70 and 160) */
  boundaryNote: z.string().optional(),
  /** highest first; a site takes the first band whose bound its D passes (D > above, or D ≥ above when inclusive) */
  bands: z
    .array(
      z.object({ level, above: z.number().min(0), inclusive: z.boolean().optional(), label: z.string().optional() }),
    )
    .length(4),
  factors: z.object({
    L: z.array(z.tuple([z.number().positive(), z.string()])).min(1),
    E: z.array(z.tuple([z.number().positive(), z.string()])).min(1),
    C: z.array(z.tuple([z.number().positive(), z.string()])).min(1),
  }),
});

// Defaults for profiles saved before α and the Σq/Q test were part of the profile: the values of the shipped file.
const ALPHA_40 = {
  source:
    '原安监总局令第40号 附件1 表3 校正系数α取值表:重大危险源厂区边界向外扩展500米范围内常住人口 100人以上 2.0, 50~99人 1.5, 30~49人 1.2, 1~29人 1.0, 0人 0.5',
  default: 2,
  defaultReason: '未提供α及500米内常住人口,按从严取表3最大值',
  byPeople: [
    { atLeast: 100, alpha: 2 },
    { atLeast: 50, alpha: 1.5 },
    { atLeast: 30, alpha: 1.2 },
    { atLeast: 1, alpha: 1 },
    { atLeast: 0, alpha: 0.5 },
  ],
};
const IDENTIFICATION_18218 = {
  source:
    'GB 18218-2018 危险化学品重大危险源辨识:单元内各危险化学品实际存在量与临界量之比的和 Σq/Q ≥ 1 时定为重大危险源',
  threshold: 1,
};

const majorHazardSchema = z.object({
  id: text,
  source: text,
  status,
  gradeLevels: z.object({ '1': level, '2': level, '3': level, '4': level }),
  /** highest grade first: grade g when R ≥ atLeast */
  gradeFromR: z
    .array(
      z.object({
        grade: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
        atLeast: z.number().min(0),
      }),
    )
    .length(4),
  /** α when the site gives neither α nor the people within 500 m (default), else by that count (highest first) */
  alpha: z
    .object({
      source: text,
      default: z.number().positive(),
      defaultReason: text,
      byPeople: z.array(z.object({ atLeast: z.number().int().min(0), alpha: z.number().positive() })).min(1),
    })
    .default(ALPHA_40),
  /** a unit with Σq/Q below the threshold is not a 重大危险源 and gets no grade */
  identification: z.object({ source: text, threshold: z.number().positive() }).default(IDENTIFICATION_18218),
});

const aggregationSchema = z.object({
  mode: z.enum(AGGREGATION_MODES),
  index: z.object({
    source: text,
    status,
    weights: z.object({
      red: z.number().min(0),
      orange: z.number().min(0),
      yellow: z.number().min(0),
      blue: z.number().min(0),
    }),
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

// Off unless the city turns it on: no standard raises a zone for slow rescue; a city may choose to (issue #21).
const REACH_RAISE_OFF = {
  enabled: false,
  source: '城市自定:分区内重大/较大风险点位于救援圈外时,分区风险等级上调一级。非国家或行业标准,默认关闭',
  status: 'city' as const,
};

export const methodProfileSchema = z
  .object({
    schema: z.literal('method-profile/1'),
    id: text,
    name: text,
    matrix: matrixSchema,
    lec: lecSchema,
    majorHazard: majorHazardSchema,
    aggregation: aggregationSchema,
    /** raise a zone one level when red/orange sites inside it lie outside their rescue circle (the city's choice) */
    reachRaise: z.object({ enabled: z.boolean(), source: text, status }).default(REACH_RAISE_OFF),
  })
  .superRefine((p, ctx) => {
    const descending = (xs: number[]) => xs.every((x, i) => i === 0 || x < xs[i - 1]!);
    if (!descending(p.lec.bands.map((b) => b.above)))
      ctx.addIssue({ code: 'custom', path: ['lec', 'bands'], message: 'bands must run from the highest `above` down' });
    if (
      !descending(p.majorHazard.alpha.byPeople.map((g) => g.atLeast)) ||
      p.majorHazard.alpha.byPeople.at(-1)!.atLeast !== 0
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['majorHazard', 'alpha', 'byPeople'],
        message: 'people counts must run from the highest down to 0',
      });
    }
    if (p.lec.boundary === 'per band' && p.lec.bands.some((b) => b.inclusive === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['lec', 'bands'],
        message: "with boundary 'per band' every band must say `inclusive`",
      });
    if (!descending(p.majorHazard.gradeFromR.map((g) => g.atLeast)))
      ctx.addIssue({
        code: 'custom',
        path: ['majorHazard', 'gradeFromR'],
        message: 'thresholds must run from grade 1 (highest R) down',
      });
    if (!descending(p.aggregation.index.thresholds.map((t) => t.atLeast)))
      ctx.addIssue({
        code: 'custom',
        path: ['aggregation', 'index', 'thresholds'],
        message: 'thresholds must run from the highest down',
      });
    const tops = p.aggregation.relative.quantiles.map((q) => q.top);
    if (!tops.every((t, i) => i === 0 || t > tops[i - 1]!) || tops[3] !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['aggregation', 'relative', 'quantiles'],
        message: 'cumulative shares must rise and end at 1',
      });
  });

export type MethodProfile = z.infer<typeof methodProfileSchema>;
export type LecProfile = MethodProfile['lec'];
export type MajorHazardProfile = MethodProfile['majorHazard'];

/** Check a profile read from a file or the UI; the first problem is named by its path. */
export function parseMethodProfile(doc: unknown): MethodProfile {
  return parseBySchema(methodProfileSchema, doc, 'method profile');
}

/** The same profile with another risk-matrix scheme. */
export function withMatrix(profile: MethodProfile, matrix: RiskMatrixMethod): MethodProfile {
  return {
    ...profile,
    matrix: { ...matrix, likelihoodScale: matrix.likelihoodScale ?? [], severityScale: matrix.severityScale ?? [] },
  };
}
