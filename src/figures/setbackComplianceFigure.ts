// F5 — protection-distance compliance by rule (each rule names its target class): of the hazards a rule binds,
// how many have no finding under it, and how many have at worst a borderline, a shortfall or no assessed distance.
// A rule with no site of its target class anywhere in the data checked nothing: its hazards are 无检查对象, not 符合.
import {
  NO_TARGETS_ZH,
  categoryByCode,
  ruleTargetText,
  FINDING_STATUS_ZH,
  type Assessment,
  type SetbackRuleTable,
  type FindingStatus,
} from '../engine';
import { CITY_RULE_LABEL, DEFAULT_QRA_CRITERIA, isCityRule, qraRuleLabel, ruleCitation } from '../engine';

/** The QRA rows' citation: the criteria's standard and clause, with how it was read. */
const QRA_SOURCE = `${DEFAULT_QRA_CRITERIA.source.standard} ${DEFAULT_QRA_CRITERIA.source.clause}`;
import { toCsv } from '../io/csvWrite';
import { renderChart } from './chart';
import type { Figure, FigureOptions } from './figure';

const OUTCOMES = ['compliant', 'borderline', 'violation', 'not_assessed', 'no_targets'] as const;
type Outcome = (typeof OUTCOMES)[number];
const OUTCOME_ZH: Record<Outcome, string> = { compliant: '符合', ...FINDING_STATUS_ZH, no_targets: NO_TARGETS_ZH };
// Lightness falls from 符合 to 不符合 so grayscale print keeps the order; 未评估 is hatched.
const OUTCOME_FILL: Record<Outcome, string> = {
  compliant: '#a6d96a',
  borderline: '#fdae61',
  violation: '#b2182b',
  not_assessed: '#9e9e9e',
  no_targets: '#d9d9d9',
};
/** worst first: a hazard counts once per rule, under its worst finding */
const SEVERITY: FindingStatus[] = ['violation', 'borderline', 'not_assessed'];

export interface RuleCompliance {
  /** "加油站 → 一类保护物": the hazard kind and target class the group's rules protect */
  label: string;
  /** the rules in the group, e.g. GB 50156's variants by station grade and vapour recovery */
  ruleIds: string[];
  sources: string[];
  hazards: number;
  compliant: number;
  borderline: number;
  violation: number;
  not_assessed: number;
  /** hazards of rules whose target class has no site in the data: nothing was checked, so nothing complies */
  no_targets: number;
}

/**
 * One row per (hazard kind, target class): the variants of a rule (站级 × 油气回收) bind disjoint hazards, so their
 * counts add. A hazard counts once per rule, under its worst finding there.
 */
export function ruleCompliance(a: Assessment, rules: SetbackRuleTable): RuleCompliance[] {
  const worst = new Map<string, Map<string, FindingStatus>>(); // rule → hazard → worst status
  for (const v of a.findings) {
    const byHazard = worst.get(v.ruleId) ?? new Map<string, FindingStatus>();
    worst.set(v.ruleId, byHazard);
    const prev = byHazard.get(v.hazardId);
    if (prev === undefined || SEVERITY.indexOf(v.status) < SEVERITY.indexOf(prev)) byHazard.set(v.hazardId, v.status);
  }
  const byId = new Map(rules.rules.map((r) => [r.id, r]));
  const groups = new Map<string, RuleCompliance>();
  for (const [ruleId, hazards] of Object.entries(a.stats.hazardsByRule)) {
    const rule = byId.get(ruleId);
    const label = rule
      ? `${rule.hazard.categories.map((c) => categoryByCode(c)?.zh ?? c).join('、')} → ${ruleTargetText(rule)}${isCityRule(rule) ? CITY_RULE_LABEL : ''}`
      : (qraRuleLabel(ruleId, DEFAULT_QRA_CRITERIA, true) ?? ruleId);
    let g = groups.get(label);
    if (!g)
      groups.set(
        label,
        (g = {
          label,
          ruleIds: [],
          sources: [],
          hazards: 0,
          compliant: 0,
          borderline: 0,
          violation: 0,
          not_assessed: 0,
          no_targets: 0,
        }),
      );
    const statuses = [...(worst.get(ruleId)?.values() ?? [])];
    g.ruleIds.push(ruleId);
    if (rule && !g.sources.includes(ruleCitation(rule))) g.sources.push(ruleCitation(rule));
    if (!rule && qraRuleLabel(ruleId) && !g.sources.includes(QRA_SOURCE)) g.sources.push(QRA_SOURCE);
    g.hazards += hazards;
    const unchecked = a.stats.targetsByRule[ruleId] === 0;
    g[unchecked ? 'no_targets' : 'compliant'] += hazards - statuses.length;
    for (const st of statuses) g[st]++;
  }
  return [...groups.values()];
}

export function setbackComplianceFigure(a: Assessment, rules: SetbackRuleTable, options: FigureOptions): Figure {
  const title = '图5 防护距离符合情况(按危险源类别及防护目标类别)';
  const rows = ruleCompliance(a, rules);
  const labels = rows.map((r) => r.label);
  const height = Math.max(420, 210 + rows.length * 44);
  const svg = renderChart('f5', title, options, height, {
    legend: { top: 84, data: OUTCOMES.map((o) => OUTCOME_ZH[o]) },
    grid: { left: 270, right: 40, top: 140, bottom: 80 },
    xAxis: {
      type: 'value',
      name: '危险源数量(个,按其在该规则下的最不利结果计)',
      nameLocation: 'middle',
      nameGap: 32,
      minInterval: 1,
    },
    yAxis: {
      type: 'category',
      data: [...labels].reverse(),
      axisLabel: { width: 250, overflow: 'break', lineHeight: 15 },
    },
    series: OUTCOMES.map((o) => ({
      name: OUTCOME_ZH[o],
      type: 'bar',
      stack: 'outcome',
      itemStyle: {
        color: OUTCOME_FILL[o],
        borderColor: '#333',
        borderWidth: 0.5,
        ...(o === 'not_assessed'
          ? {
              decal: {
                symbol: 'rect',
                symbolSize: 1,
                dashArrayX: [1, 0],
                dashArrayY: [2, 4],
                rotation: Math.PI / 4,
                color: 'rgba(0,0,0,0.35)',
              },
            }
          : {}),
      },
      label: {
        show: true,
        position: 'inside',
        color: o === 'violation' ? '#fff' : '#111',
        formatter: (p: { value: unknown }) => (typeof p.value === 'number' && p.value > 0 ? String(p.value) : ''),
      },
      data: rows.map((r) => r[o]).reverse(),
    })),
    graphic: [
      {
        type: 'text',
        right: 40,
        top: 112,
        style: { text: `${NO_TARGETS_ZH}:数据中无该类防护目标,未作核查,不表示符合`, fontSize: 12, fill: '#333' },
      },
      ...(rows.length === 0
        ? [
            {
              type: 'text',
              left: 'center',
              top: 'middle',
              style: { text: '没有受防护距离规则约束的危险源', fontSize: 16, fill: '#444' },
            },
          ]
        : []),
    ],
  });
  const csv = toCsv(
    rows,
    [
      { header: '危险源 → 防护目标类别', value: (r) => r.label },
      { header: '受约束危险源', value: (r) => r.hazards },
      ...OUTCOMES.map((o) => ({ header: OUTCOME_ZH[o], value: (r: RuleCompliance) => r[o] })),
      { header: '规则', value: (r) => r.ruleIds.join(' ') },
      { header: '依据', value: (r) => r.sources.join(';') },
    ],
    { bom: true },
  );
  return { id: 'F5-setback-compliance', title, svg, csv, width: 960, height };
}
