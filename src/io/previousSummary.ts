// A previous assessment's summary.json (docs/batch-interface.md), read for the comparison figure F6. Schema-checked: a file
// that is not a summary is refused with the field at fault, and nothing else changes.
import { z } from 'zod';
import type { PreviousAssessment } from '../figures/changeFigure';

const count = z.number().int().min(0);
const counts = z.object({ red: count, orange: count, yellow: count, blue: count, unscored: count.default(0) });
const summarySchema = z.object({
  data_date: z.string().nullable().optional(),
  sites_by_level: counts,
  zones_by_level: counts,
});

export class SummaryFileError extends Error {}

export function readPreviousSummary(label: string, text: string): PreviousAssessment {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new SummaryFileError(`${label}: 不是 JSON(${(e as Error).message})`);
  }
  const parsed = summarySchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SummaryFileError(`${label}: 不是评估结果 summary.json(${issue.path.join('.') || '根'}:${issue.message})`);
  }
  return {
    label,
    dataDate: parsed.data.data_date ?? null,
    sitesByLevel: parsed.data.sites_by_level,
    zonesByLevel: parsed.data.zones_by_level,
  };
}
