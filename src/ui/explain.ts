// Why does this thing look the way it does? Plain-data explanations of a zone, a site or a violation,
// shown in the side panel (rendered as text, never as HTML); list items link to what they name.
import { categoryByCode, LEVEL_ZH, VIOLATION_STATUS_ZH, type Assessment, type Level } from '../engine';
import type { Selection } from '../state/store';

export interface ExplanationItem {
  text: string;
  /** what selecting the item shows (a contributing site, a finding, its two sites) */
  target?: Selection;
}

/** Items listed in the panel before "…共 N 项". */
export const MAX_LISTED = 50;

export interface Explanation {
  title: string;
  level: Level | null;
  rows: [label: string, value: string][];
  list?: { heading: string; items: ExplanationItem[]; total: number };
}

const HOW = { inside: '位于区内', footprint: '防护范围覆盖' } as const;
const MODE_ZH = {
  max: '就高 (max):取区内或防护范围覆盖本区的最高风险点等级',
  index: '加权指数 (index):Σ 等级权重 ÷ 面积或人口,按设定阈值分级',
  relative: '相对分级 (relative):密度的相对排名,非绝对风险',
} as const;

export function levelName(level: Level | null): string {
  return level ? LEVEL_ZH[level] : '未评分';
}

export function explainZone(a: Assessment, zoneId: string): Explanation | null {
  const z = a.zones.find((x) => x.id === zoneId);
  if (!z) return null;
  const sites = new Map(a.sites.map((s) => [s.id, s]));
  return {
    title: z.name,
    level: z.level,
    rows: [
      ['风险等级', levelName(z.level)],
      ['聚合方式', MODE_ZH[z.mode]],
      ['依据', z.reason],
      ['评分方法', `${a.methodId}(风险矩阵 ${a.matrixId}、LEC、重大危险源分级,就高取值)`],
      ['贡献风险点', String(z.contributors.length)],
    ],
    list: {
      heading: '定级依据(贡献风险点,最高者在前)',
      total: z.contributors.length,
      items: z.contributors.slice(0, MAX_LISTED).map((c) => {
        const s = sites.get(c.siteId);
        return {
          text: `${s?.name ?? c.siteId} · ${levelName(c.level)} · ${s?.levelReason ?? `score ${c.score}`} · ${HOW[c.how]}${c.how === 'footprint' ? ` ${c.distanceM.toFixed(1)} m` : ''}`,
          target: { kind: 'site', id: c.siteId },
        };
      }),
    },
  };
}

export function explainSite(a: Assessment, siteId: string): Explanation | null {
  const s = a.sites.find((x) => x.id === siteId);
  if (!s) return null;
  const names = new Map(a.sites.map((x) => [x.id, x.name]));
  const findings = a.violations.flatMap((v, index) => (v.hazardId === s.id || v.targetId === s.id ? [{ v, index }] : []));
  const rows: Explanation['rows'] = [
    ['编号', s.id],
    ['类别', categoryByCode(s.category)?.zh ?? s.category],
    ['所属区域', s.district || '—'],
    ['行业领域', s.domain],
    ['风险等级', levelName(s.level)],
    ['评分', s.levelReason],
  ];
  if (s.role === 'hazard') rows.push(['防护范围 (用于分区)', `${s.footprintM} m`]);
  if (s.fictitious) rows.push(['数据', '示例数据,虚构']);
  return {
    title: s.name,
    level: s.level,
    rows,
    list: findings.length
      ? {
          heading: `防护距离问题 ${findings.length} 项`,
          total: findings.length,
          items: findings.slice(0, MAX_LISTED).map(({ v, index }) => ({
            text: `${VIOLATION_STATUS_ZH[v.status]} · ${names.get(v.hazardId === s.id ? v.targetId : v.hazardId)} · ${v.distanceM.toFixed(2)} m${v.requiredM !== null ? ` / 要求 ${v.requiredM} m` : ''}${v.shortfallM !== null ? ` / 差 ${v.shortfallM.toFixed(2)} m` : ''} · ${v.ruleId}`,
            target: { kind: 'violation', index },
          })),
        }
      : undefined,
  };
}


export function explainViolation(a: Assessment, index: number): Explanation | null {
  const v = a.violations[index];
  if (!v) return null;
  const names = new Map(a.sites.map((s) => [s.id, s.name]));
  return {
    title: `${VIOLATION_STATUS_ZH[v.status]}:${names.get(v.hazardId)} → ${names.get(v.targetId)}`,
    level: null,
    rows: [
      ['实测距离', `${v.distanceM.toFixed(2)} m (边缘到边缘,WGS-84 椭球测地线;${v.measuredBetween})`],
      ['要求距离', v.requiredM === null ? '须由该单位外部安全防护距离评估确定(缺失)' : `${v.requiredM} m`],
      ['差距', v.shortfallM === null ? '—' : `${v.shortfallM.toFixed(2)} m`],
      ['规则', v.ruleId],
      ['依据', v.source],
      ['防护目标分类', v.targetClassReason],
      ...(v.note ? ([['假设', v.note]] as [string, string][]) : []),
    ],
    list: {
      heading: '涉及场所',
      total: 2,
      items: [
        { text: `危险源:${names.get(v.hazardId) ?? v.hazardId}(${v.hazardId})`, target: { kind: 'site', id: v.hazardId } },
        { text: `防护目标:${names.get(v.targetId) ?? v.targetId}(${v.targetId})`, target: { kind: 'site', id: v.targetId } },
      ],
    },
  };
}
