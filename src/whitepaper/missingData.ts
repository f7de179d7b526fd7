// What the assessment could not rest on data for: zones with no level, risk points no method could score, rules
// with nothing of their target class to check, hazards lacking an assessed distance, rejected rows. The report's
// data-quality appendix lists it and the app's export asks the user to confirm it before writing the set.
import {
  isReachCategory,
  roleOf,
  ruleHazardText,
  ruleTargetText,
  type Assessment,
  type SetbackRuleTable,
} from '../engine';
import type { ImportFileReport } from '../io';

export interface MissingData {
  /** zones 未评级 (no scored site, no hazard footprint, or no area/population to normalise by) */
  unratedZones: { id: string; name: string; reason: string }[];
  /** hazards and risk points (not protection targets) without a level */
  unscoredSites: number;
  /** rules binding hazards but with no site of their target class in the data: 无检查对象 */
  rulesWithoutTargets: { ruleId: string; hazards: string; targets: string; hazardCount: number }[];
  /** findings 未评估: the hazard lacks its assessed external safety distance */
  notAssessed: number;
  /** of those, QRA findings the contours could not decide (no contour at the target's criterion where it lies) */
  notAssessedByContours: number;
  /** rows rejected at import, per file */
  rejectedRows: { file: string; rejected: number; rows: number }[];
}

export function missingData(a: Assessment, rules: SetbackRuleTable, reports: ImportFileReport[]): MissingData {
  const byId = new Map(rules.rules.map((r) => [r.id, r]));
  return {
    unratedZones: a.zones.filter((z) => z.level === null).map((z) => ({ id: z.id, name: z.name, reason: z.reason })),
    unscoredSites: a.sites.filter(
      (s) => s.level === null && roleOf(s.category) !== 'target' && !isReachCategory(s.category),
    ).length,
    rulesWithoutTargets: Object.entries(a.stats.hazardsByRule)
      .filter(([id, n]) => n > 0 && a.stats.targetsByRule[id] === 0)
      .map(([ruleId, hazardCount]) => {
        const rule = byId.get(ruleId);
        return {
          ruleId,
          hazards: rule ? ruleHazardText(rule) : '',
          targets: rule ? ruleTargetText(rule) : '',
          hazardCount,
        };
      }),
    notAssessed: a.stats.findingsByStatus.not_assessed,
    notAssessedByContours: a.findings.filter((v) => v.status === 'not_assessed' && v.risk).length,
    rejectedRows: reports
      .filter((r) => r.rejected > 0)
      .map((r) => ({ file: r.file, rejected: r.rejected, rows: r.rows })),
  };
}

/** True when some level or finding rests on missing data (the export asks before writing). */
export function hasMissingData(m: MissingData): boolean {
  return (
    m.unratedZones.length > 0 ||
    m.unscoredSites > 0 ||
    m.rulesWithoutTargets.length > 0 ||
    m.notAssessed > 0 ||
    m.rejectedRows.length > 0
  );
}

/** One Chinese sentence per kind of gap, for the export's confirmation and the report. */
export function missingDataLines(m: MissingData): string[] {
  const lines: string[] = [];
  if (m.unratedZones.length)
    lines.push(`${m.unratedZones.length} 个分区未评级(无数据):${listNames(m.unratedZones.map((z) => z.name))}`);
  if (m.unscoredSites) lines.push(`${m.unscoredSites} 个危险源或风险点缺少可能性/严重性等评分数据,未评级`);
  if (m.rulesWithoutTargets.length) {
    const hazards = m.rulesWithoutTargets.reduce((n, r) => n + r.hazardCount, 0);
    lines.push(
      `${m.rulesWithoutTargets.length} 条防护距离规则无检查对象(数据中无该类防护目标),涉及危险源 ${hazards} 个次,未作核查,不表示符合`,
    );
  }
  if (m.notAssessed) lines.push(`${m.notAssessed} 处防护距离未评估:${notAssessedReason(m)}`);
  for (const r of m.rejectedRows) lines.push(`${r.file}:${r.rows} 行中拒绝 ${r.rejected} 行`);
  return lines;
}

function listNames(names: string[]): string {
  return names.length > 12 ? `${names.slice(0, 12).join('、')} 等` : names.join('、');
}

/**
 * Why findings are 未评估: a hazard without its assessed external safety distance, or (with QRA contours) contours
 * that give no line at the target's criterion where it lies. The first alone is said as before.
 */
export function notAssessedReason(m: Pick<MissingData, 'notAssessed' | 'notAssessedByContours'>): string {
  const noDistance = '危险源缺少经评估的外部安全防护距离';
  const byContours = '定量风险评价的等值线未给出目标类别基准值处的等值线,无法判定';
  if (!m.notAssessedByContours) return noDistance;
  if (m.notAssessedByContours === m.notAssessed) return byContours;
  return `${m.notAssessed - m.notAssessedByContours} 处${noDistance};${m.notAssessedByContours} 处${byContours}`;
}
