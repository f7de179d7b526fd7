// The individual-risk criteria a target is held to (issue #20), as data with its source: which class of protection
// target a site is (by category, and by the number of people for homes, shops and parks), and the acceptable risk per
// year for a new and for an existing installation. Read through a schema like the other rule files: a bad file names
// the field at fault and is never half-applied.
import { z } from 'zod';
import criteriaFile from '../../../data/rules/qra-criteria.json';
import { parseBySchema } from '../validateConfig';

const text = z.string().min(1);
const perYear = z.number().positive().max(1);

export const qraCriteriaSchema = z
  .object({
    schema: z.literal('qra-criteria/1'),
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
    classes: z.array(z.object({ id: text, zh: text, newPerYear: perYear, existingPerYear: perYear })).min(1),
    /** target category → a class id, or 'byPeople' (the class follows the site's number of people, `users`) */
    categories: z.record(z.string(), z.object({ class: text, reason: text })),
    /** highest first: the first whose `atLeast` the people count reaches */
    byPeople: z.array(z.object({ atLeast: z.number().min(0), class: text })).min(1),
    unknownPeopleClass: text,
    unknownPeopleNote: text,
    unknownInstallationStatus: z.enum(['new', 'existing']),
    unknownInstallationStatusNote: text,
  })
  .superRefine((c, ctx) => {
    const ids = new Set(c.classes.map((k) => k.id));
    const known = (id: string, path: (string | number)[]) => {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path, message: `no class "${id}"` });
    };
    for (const [cat, m] of Object.entries(c.categories))
      if (m.class !== 'byPeople') known(m.class, ['categories', cat, 'class']);
    c.byPeople.forEach((b, i) => known(b.class, ['byPeople', i, 'class']));
    known(c.unknownPeopleClass, ['unknownPeopleClass']);
    if (
      c.byPeople.at(-1)!.atLeast !== 0 ||
      !c.byPeople.every((b, i) => i === 0 || b.atLeast < c.byPeople[i - 1]!.atLeast)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['byPeople'],
        message: 'people counts must run from the highest down to 0',
      });
    }
    for (const k of c.classes)
      if (k.newPerYear > k.existingPerYear)
        ctx.addIssue({
          code: 'custom',
          path: ['classes', k.id],
          message: 'a new installation is held to a stricter (lower) risk than an existing one',
        });
  });

export type QraCriteria = z.infer<typeof qraCriteriaSchema>;

export function parseQraCriteria(doc: unknown): QraCriteria {
  return parseBySchema(qraCriteriaSchema, doc, 'QRA criteria');
}

/** The shipped criteria, checked by the same schema as a city's file. */
export const DEFAULT_QRA_CRITERIA: QraCriteria = parseQraCriteria(criteriaFile);

export type InstallationStatus = 'new' | 'existing';

export interface TargetRiskClass {
  id: string;
  zh: string;
  /** the acceptable individual risk per year for this target near a new / an existing installation */
  newPerYear: number;
  existingPerYear: number;
  /** why this class: the category's reading, the people count, or the strict default when it is missing */
  reason: string;
}

/** The class a target is held to, or null when its category is not one the criteria name (nothing is judged). */
export function targetRiskClass(c: QraCriteria, category: string, people: number | undefined): TargetRiskClass | null {
  const m = c.categories[category];
  if (!m) return null;
  let id = m.class;
  let reason = m.reason;
  if (id === 'byPeople') {
    if (people === undefined) {
      id = c.unknownPeopleClass;
      reason = `${m.reason};${c.unknownPeopleNote}`;
    } else {
      id = c.byPeople.find((b) => people >= b.atLeast)!.class;
      reason = `${m.reason};人数 ${people}`;
    }
  }
  const k = c.classes.find((x) => x.id === id)!;
  return { id: k.id, zh: k.zh, newPerYear: k.newPerYear, existingPerYear: k.existingPerYear, reason };
}
