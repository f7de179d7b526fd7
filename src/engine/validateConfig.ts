// Schema checks for method profiles and rule tables read from files: the first problem is named with its path.
import type { output, ZodType } from 'zod';
import { RULE_STATUSES, TARGET_CLASSES, type RiskMatrixMethod, type SetbackRuleTable } from './model';
import { categoryByCode } from './categories';
import { isLevel } from './risk/levels';

export class ConfigError extends Error {}

export function parseRiskMatrixMethod(doc: unknown): RiskMatrixMethod {
  // A methods file ({default, methods: […]}) or a single profile.
  const d = doc as { methods?: unknown[]; default?: string };
  if (d && Array.isArray(d.methods)) {
    const chosen = d.methods.find((m) => (m as { id?: string }).id === d.default) ?? d.methods[0];
    return parseRiskMatrixMethod(chosen);
  }
  const m = doc as Partial<RiskMatrixMethod> | null;
  if (!m || typeof m !== 'object') throw new ConfigError('method: expected a JSON object');
  for (const key of ['id', 'name', 'source'] as const) {
    if (typeof m[key] !== 'string' || m[key] === '')
      throw new ConfigError(`method.${key}: expected a non-empty string`);
  }
  if (!Array.isArray(m.cells) || m.cells.length !== 5) throw new ConfigError('method.cells: expected 5 rows (L = 1…5)');
  m.cells.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== 5)
      throw new ConfigError(`method.cells[${i}]: expected 5 cells (S = 1…5)`);
    row.forEach((c, j) => {
      if (!isLevel(c))
        throw new ConfigError(`method.cells[${i}][${j}]: "${String(c)}" is not one of red, orange, yellow, blue`);
    });
  });
  return {
    id: m.id!,
    name: m.name!,
    source: m.source!,
    status: m.status ?? 'unverified',
    cells: m.cells,
    likelihoodScale: m.likelihoodScale ?? [],
    severityScale: m.severityScale ?? [],
    ...(m.note ? { note: m.note } : {}),
  };
}

export function parseRuleTable(doc: unknown): SetbackRuleTable {
  const t = doc as Partial<SetbackRuleTable> | null;
  if (!t || typeof t !== 'object') throw new ConfigError('rules: expected a JSON object');
  if (typeof t.id !== 'string' || t.id === '') throw new ConfigError('rules.id: expected a non-empty string');
  if (!Array.isArray(t.rules)) throw new ConfigError('rules.rules: expected an array');
  const ids = new Set<string>();
  t.rules.forEach((r, i) => {
    const at = `rules.rules[${i}]`;
    if (typeof r?.id !== 'string' || r.id === '') throw new ConfigError(`${at}.id: expected a non-empty string`);
    if (ids.has(r.id)) throw new ConfigError(`${at}.id: duplicate "${r.id}"`);
    ids.add(r.id);
    if (!Array.isArray(r.hazard?.categories) || r.hazard.categories.length === 0)
      throw new ConfigError(`${at}.hazard.categories: expected a non-empty array`);
    if (!r.target?.classes && !r.target?.categories)
      throw new ConfigError(`${at}.target: expected classes or categories`);
    if (r.min_distance_m !== null && !(typeof r.min_distance_m === 'number' && r.min_distance_m >= 0)) {
      throw new ConfigError(`${at}.min_distance_m: expected a non-negative number of metres or null`);
    }
    if (typeof r.source !== 'string' || r.source === '')
      throw new ConfigError(`${at}.source: every rule must cite its source`);
    const unknown = [...r.hazard.categories, ...(r.target.categories ?? [])].find((c) => !categoryByCode(c));
    if (unknown)
      throw new ConfigError(`${at}: unknown category "${unknown}"; expected a code such as fuel_station, school`);
    const badClass = (r.target.classes ?? []).find((c) => !TARGET_CLASSES.includes(c));
    if (badClass)
      throw new ConfigError(`${at}.target.classes: "${badClass}" is not one of ${TARGET_CLASSES.join(', ')}`);
    if (!RULE_STATUSES.includes(r.status))
      throw new ConfigError(`${at}.status: "${String(r.status)}" is not one of ${RULE_STATUSES.join(', ')}`);
    if (r.kind !== undefined && r.kind !== 'distance' && r.kind !== 'not_inside')
      throw new ConfigError(`${at}.kind: "${String(r.kind)}" is not distance or not_inside`);
    if (r.kind === 'not_inside' && r.min_distance_m !== 0)
      throw new ConfigError(`${at}.min_distance_m: a not_inside rule has min_distance_m 0`);
    if (r.provenance !== undefined) checkProvenance(r.provenance, `${at}.provenance`);
  });
  return { id: t.id, name: t.name ?? t.id, rules: t.rules };
}

/** Provenance is optional (tables exported before it existed still import) but, when given, complete. */
function checkProvenance(p: unknown, at: string): void {
  const v = p as Record<string, unknown> | null;
  if (!v || typeof v !== 'object') throw new ConfigError(`${at}: expected an object`);
  for (const key of ['standard', 'edition', 'clause', 'quote'] as const) {
    if (typeof v[key] !== 'string') throw new ConfigError(`${at}.${key}: expected a string`);
  }
  if (!Array.isArray(v.readAt) || v.readAt.some((u) => typeof u !== 'string'))
    throw new ConfigError(`${at}.readAt: expected an array of addresses`);
  if (v.remark !== undefined && typeof v.remark !== 'string') throw new ConfigError(`${at}.remark: expected a string`);
}

/** A document checked by a schema; a failure names its first problem by path (`label field.path: message`), whole. */
export function parseBySchema<S extends ZodType>(schema: S, doc: unknown, label: string): output<S> {
  const result = schema.safeParse(doc);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(`${label} ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return result.data;
}
