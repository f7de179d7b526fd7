// Rule tables as files people edit: JSON (setback-rules/1) or CSV with one rule per row.
// Everything read is schema-checked; a bad file names its line or field and changes nothing.
import Papa from 'papaparse';
import {
  ConfigError,
  parseRuleTable,
  RULE_STATUSES,
  type RuleProvenance,
  type SetbackRule,
  type SetbackRuleTable,
  type TargetClass,
} from '../engine';
import { toCsv } from './csvWrite';

const LIST_SEPARATOR = ';';
export const RULE_CSV_HEADERS = [
  'id',
  'hazard_categories',
  'station_grade',
  'vapour_recovery',
  'target_classes',
  'target_categories',
  'min_distance_m',
  'source',
  'status',
  'note',
  // provenance (optional on import: tables exported before these columns existed still read)
  'standard',
  'edition',
  'clause',
  'quote',
  'read_at',
  'remark',
  'kind',
] as const;
const OPTIONAL_HEADERS = new Set([
  'kind',
  'note',
  'station_grade',
  'vapour_recovery',
  'target_categories',
  'target_classes',
  'standard',
  'edition',
  'clause',
  'quote',
  'read_at',
  'remark',
]);

export function ruleTableCsv(table: SetbackRuleTable): string {
  const list = (xs?: readonly string[]) => (xs ?? []).join(LIST_SEPARATOR);
  return toCsv(
    table.rules,
    [
      { header: 'id', value: (r) => r.id },
      { header: 'hazard_categories', value: (r) => list(r.hazard.categories) },
      { header: 'station_grade', value: (r) => r.hazard.conditions?.stationGrade },
      { header: 'vapour_recovery', value: (r) => r.hazard.conditions?.vapourRecovery },
      { header: 'target_classes', value: (r) => list(r.target.classes) },
      { header: 'target_categories', value: (r) => list(r.target.categories) },
      { header: 'min_distance_m', value: (r) => r.min_distance_m },
      { header: 'source', value: (r) => r.source },
      { header: 'status', value: (r) => r.status },
      { header: 'note', value: (r) => r.note },
      { header: 'standard', value: (r) => r.provenance?.standard },
      { header: 'edition', value: (r) => r.provenance?.edition },
      { header: 'clause', value: (r) => r.provenance?.clause },
      { header: 'quote', value: (r) => r.provenance?.quote },
      { header: 'read_at', value: (r) => list(r.provenance?.readAt) },
      { header: 'remark', value: (r) => r.provenance?.remark },
      { header: 'kind', value: (r) => r.kind },
    ],
    { bom: true },
  );
}

/** Parse a rule-table file by its name (.json or .csv). Throws ConfigError with the line or field at fault. */
export function readRuleTable(fileName: string, text: string): SetbackRuleTable {
  const clean = text.replace(/^\uFEFF/, '');
  if (/\.json$/i.test(fileName)) {
    let doc: unknown;
    try {
      doc = JSON.parse(clean);
    } catch (e) {
      throw new ConfigError(`${fileName}: invalid JSON (${(e as Error).message})`);
    }
    return parseRuleTable(doc);
  }
  if (!/\.csv$/i.test(fileName)) throw new ConfigError(`${fileName}: expected a .json or .csv rule table`);
  const { data } = Papa.parse<Record<string, string>>(clean, { header: true, skipEmptyLines: 'greedy' });
  const missing = RULE_CSV_HEADERS.filter((h) => !(h in (data[0] ?? {})) && !OPTIONAL_HEADERS.has(h));
  if (data.length === 0)
    throw new ConfigError(
      `${fileName}: no rules (expected a header row ${RULE_CSV_HEADERS.join(',')} and one rule per row)`,
    );
  if (missing.length)
    throw new ConfigError(
      `${fileName}: missing column(s) ${missing.join(', ')}; expected ${RULE_CSV_HEADERS.join(',')}`,
    );
  const rules = data.map((row, i) => ruleFromRow(row, i + 2, fileName));
  return parseRuleTable({ id: fileName.replace(/\.csv$/i, ''), name: fileName, rules });
}

function ruleFromRow(row: Record<string, string>, line: number, file: string): SetbackRule {
  const at = `${file} line ${line}`;
  const list = (v?: string) =>
    (v ?? '')
      .split(LIST_SEPARATOR)
      .map((x) => x.trim())
      .filter(Boolean);
  const distanceText = (row.min_distance_m ?? '').trim();
  const distance = distanceText === '' ? null : Number(distanceText);
  if (distance !== null && !(Number.isFinite(distance) && distance >= 0))
    throw new ConfigError(
      `${at}: min_distance_m "${distanceText}" is not a non-negative number (leave it empty for the site's own assessed distance)`,
    );
  const grade = (row.station_grade ?? '').trim();
  if (grade && !['1', '2', '3'].includes(grade))
    throw new ConfigError(`${at}: station_grade "${grade}" is not 1, 2 or 3`);
  const recovery = (row.vapour_recovery ?? '').trim();
  if (recovery && !['none', 'unloading', 'full'].includes(recovery))
    throw new ConfigError(`${at}: vapour_recovery "${recovery}" is not none, unloading or full`);
  const status = (row.status ?? '').trim() || 'unverified';
  const kind = (row.kind ?? '').trim();
  if (kind && kind !== 'distance' && kind !== 'not_inside')
    throw new ConfigError(`${at}: kind "${kind}" is not distance or not_inside`);
  if (!(RULE_STATUSES as readonly string[]).includes(status))
    throw new ConfigError(`${at}: status "${status}" is not one of ${RULE_STATUSES.join(', ')}`);
  const conditions = {
    ...(grade ? { stationGrade: Number(grade) as 1 | 2 | 3 } : {}),
    ...(recovery ? { vapourRecovery: recovery as 'none' } : {}),
  };
  const classes = list(row.target_classes) as TargetClass[];
  const categories = list(row.target_categories);
  return {
    id: (row.id ?? '').trim(),
    hazard: { categories: list(row.hazard_categories), ...(grade || recovery ? { conditions } : {}) },
    target: { ...(classes.length ? { classes } : {}), ...(categories.length ? { categories } : {}) },
    min_distance_m: distance,
    source: (row.source ?? '').trim(),
    status: status as SetbackRule['status'],
    ...(row.note?.trim() ? { note: row.note.trim() } : {}),
    ...(kind ? { kind: kind as SetbackRule['kind'] } : {}),
    ...provenanceFromRow(row, list),
  };
}

function provenanceFromRow(
  row: Record<string, string>,
  list: (v?: string) => string[],
): { provenance?: RuleProvenance } {
  const text = (k: string) => (row[k] ?? '').trim();
  const readAt = list(row.read_at);
  if (!['standard', 'edition', 'clause', 'quote', 'remark'].some((k) => text(k)) && readAt.length === 0) return {};
  return {
    provenance: {
      standard: text('standard'),
      edition: text('edition'),
      clause: text('clause'),
      quote: text('quote'),
      readAt,
      ...(text('remark') ? { remark: text('remark') } : {}),
    },
  };
}
