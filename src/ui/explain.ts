// Why does this thing look the way it does? Plain-data explanations of a zone, a site or a violation,
// shown in the side panel (rendered as text, never as HTML); list items link to what they name.
import {
  citationForRuleId,
  impliedDistances,
  isReachCategory,
  riskText,
  type ImpliedDistance,
  type RiskContour,
  type Assessment,
  type Level,
  type SetbackRule,
  type SocietalRiskResult,
  type Finding,
} from '../engine';
import type { Locale, Translate } from '../i18n/translate';
import { categoryLabel, levelLabel, zoneLevelLabel } from './i18n';
import type { Selection } from '../state/store';
import { findingsOf, siteById, siteName, sitePosition } from '../state/siteLookup';
import { locatedCountsOf } from '../figures/districtCounts';
import { contributorCount } from '../worker/zoneColumns';
import type { AssessedReach } from '../state/assessedReach';
import { siteReachRows, zoneReachRows } from './explainReach';

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

/** `reach`: the assessment's rescue within reach (state/assessedReach), when the panel shows it. */
export function explainZone(
  a: Assessment,
  zoneId: string,
  t: Translate,
  reach?: AssessedReach | null,
  locale: Locale = 'zh-CN',
): Explanation | null {
  const z = a.zones.find((x) => x.id === zoneId);
  if (!z) return null;
  return {
    title: z.name,
    level: z.level,
    rows: [
      [t('explain.level'), zoneLevelLabel(t, z.level)],
      [t('explain.mode'), t(`mode.long.${z.mode}`)],
      [t('explain.basis'), z.reason],
      [t('explain.method'), t('explain.methodValue', { method: a.methodId, matrix: a.matrixId })],
      // the same count as the zone table and the white paper's F1 table and F3 (position inside the zone, as counted
      // by the engine worker with the assessment), then the sites the level rests on
      [t('explain.locatedCount'), String(locatedCountsOf(a).get(z.id) ?? 0)],
      [t('explain.contributorCount'), String(contributorCount(z))],
      ...(reach === undefined ? [] : zoneReachRows(z.id, reach, t, locale)),
    ],
    list: {
      heading: t('explain.contributors'),
      total: z.contributors.length,
      items: z.contributors.slice(0, MAX_LISTED).map((c) => {
        const s = siteById(a, c.siteId);
        return {
          text: `${s?.name ?? c.siteId} · ${levelLabel(t, c.level)} · ${s?.levelReason ?? t('explain.score', { score: c.score })} · ${t(`explain.how.${c.how}`)}${c.how === 'footprint' ? ` ${c.distanceM.toFixed(1)} m` : ''}`,
          target: { kind: 'site', id: c.siteId },
        };
      }),
    },
  };
}

/** A site's quantitative risk assessment facts the panel shows beside its findings (issue #20). */
export interface SiteQra {
  /** its F–N curve against the lines in force */
  societal?: SocietalRiskResult;
  /** its individual-risk contours (an installation with a QRA): the protection distances they imply are listed */
  contours?: RiskContour[];
}

export function explainSite(
  a: Assessment,
  siteId: string,
  t: Translate,
  locale: Locale,
  reach?: AssessedReach | null,
  qra: SiteQra = {},
): Explanation | null {
  const position = sitePosition(a, siteId);
  const s = a.sites[position];
  if (!s) return null;
  const findings = findingsOf(a, s.id).map((index) => ({ v: a.findings[index]!, index }));
  const rows: Explanation['rows'] = [
    [t('explain.id'), s.id],
    [t('explain.category'), categoryLabel(locale, s.category)],
    [t('explain.district'), s.district || '—'],
    [t('explain.domain'), s.domain],
    // a fire station or shelter is not a risk point: no level to explain (its reach rows say what it is for)
    ...(isReachCategory(s.category)
      ? []
      : ([
          [t('explain.level'), levelLabel(t, s.level)],
          [t('explain.scoring'), s.levelReason],
        ] as [string, string][])),
  ];
  if (s.role === 'hazard') rows.push([t('explain.footprint'), `${s.footprintM} m`]);
  // its own distance beside the tables (and, outside GB/T 37243's scope, that it cannot replace them): engine text
  if (s.protectionDistanceNote) rows.push([t('explain.protectionDistance'), s.protectionDistanceNote]);
  if (reach !== undefined) rows.push(...siteReachRows(a, position, s, reach, t, locale)); // spread-ok: a handful of rows
  if (qra.contours?.length)
    for (const d of impliedDistances(qra.contours, [{ id: s.id, name: s.name, geometry: s.geometry }]))
      rows.push(impliedDistanceRow(d, t));
  if (qra.societal)
    rows.push([
      t('explain.societal'),
      [t(`societal.region.${qra.societal.region}`), qra.societal.note].filter(Boolean).join(t('explain.listSeparator')),
    ]);
  if (s.fictitious) rows.push([t('explain.data'), t('explain.fictitious')]);
  return {
    title: s.name,
    level: s.level,
    rows,
    list: findings.length
      ? {
          heading: t('explain.findings', { n: findings.length }),
          total: findings.length,
          items: findings.slice(0, MAX_LISTED).map(({ v, index }) => ({
            text: `${t(`status.${v.status}`)}${v.screening ? t('explain.screeningShort') : ''} · ${siteName(a, v.hazardId === s.id ? v.targetId : v.hazardId)} · ${v.risk ? riskSummary(v, t) : `${v.distanceM.toFixed(2)} m${v.requiredM !== null ? t('explain.requiredShort', { m: v.requiredM }) : ''}${v.shortfallM !== null ? t('explain.shortfallShort', { m: v.shortfallM.toFixed(2) }) : ''}`} · ${v.ruleId}`,
            target: { kind: 'violation', index },
          })),
        }
      : undefined,
  };
}

/** `rules`: the table the finding came from, so a city's own rule is labelled 「(城市自定规则)」 here as in T2 and F5. */
export function explainViolation(
  a: Assessment,
  index: number,
  t: Translate,
  rules: readonly SetbackRule[] = [],
): Explanation | null {
  const v = a.findings[index];
  if (!v) return null;
  return {
    title: `${t(`status.${v.status}`)}${t('explain.titleSeparator')}${siteName(a, v.hazardId)} → ${siteName(a, v.targetId)}`,
    level: null,
    rows: [
      [t('explain.measured'), t('explain.measuredValue', { m: v.distanceM.toFixed(2), between: v.measuredBetween })],
      // a QRA finding is judged by individual risk, not a distance: its value and criterion instead
      ...(v.risk
        ? riskRows(v, siteName(a, v.hazardId) ?? v.hazardId, t)
        : ([
            [t('explain.required'), v.requiredM === null ? t('explain.requiredMissing') : `${v.requiredM} m`],
            [t('explain.shortfall'), v.shortfallM === null ? '—' : `${v.shortfallM.toFixed(2)} m`],
          ] as [string, string][])),
      [t('explain.rule'), v.ruleId],
      [t('explain.basis'), citationForRuleId(v.ruleId, v.source, rules)],
      // what the governing rule was weighed against, so a hearing sees the table and the site's own distance together
      ...(v.otherRequirements.length
        ? ([
            [
              t('explain.otherRequirements'),
              v.otherRequirements
                .map(
                  (o) =>
                    `${o.ruleId}: ${o.requiredM === null ? t('explain.otherNotAssessed') : `${o.requiredM} m`} (${o.source})`,
                )
                .join(t('explain.listSeparator')),
            ],
          ] as [string, string][])
        : []),
      ...(v.screening ? ([[t('explain.screening'), t('explain.screeningValue')]] as [string, string][]) : []),
      [t('explain.targetClass'), v.targetClassReason],
      ...(v.note ? ([[t('explain.assumption'), v.note]] as [string, string][]) : []),
    ],
    list: {
      heading: t('explain.sites'),
      total: 2,
      items: [
        {
          text: t('explain.hazard', { name: siteName(a, v.hazardId) ?? v.hazardId, id: v.hazardId }),
          target: { kind: 'site', id: v.hazardId },
        },
        {
          text: t('explain.target', { name: siteName(a, v.targetId) ?? v.targetId, id: v.targetId }),
          target: { kind: 'site', id: v.targetId },
        },
      ],
    },
  };
}

/** One target class's distance implied by the installation's contour at its criterion (or why there is none). */
function impliedDistanceRow(d: ImpliedDistance, t: Translate): [string, string] {
  // the class in the value, not the label: its names are long, and a long label squeezed the values out of the panel
  const label = t('explain.impliedDistance', { criterion: riskText(d.criterionPerYear) });
  if (d.maxDistanceM === null || d.minDistanceM === null)
    return [label, t('explain.impliedDistanceNone', { cls: d.riskClassZh, note: d.note })];
  return [
    label,
    t('explain.impliedDistanceValue', {
      cls: d.riskClassZh,
      max: d.maxDistanceM.toFixed(1),
      min: d.minDistanceM.toFixed(1),
    }) + (d.note ? `${t('explain.listSeparator')}${d.note}` : ''),
  ];
}

/** A QRA finding in a list: the contour value the target lies in (when one decides) and the criterion. */
export function riskSummary(v: Finding, t: Translate): string {
  const r = v.risk!;
  const criterion = riskText(r.criterionPerYear);
  if (r.perYear !== null) return t('explain.riskShort', { value: riskText(r.perYear), criterion });
  return t(v.status === 'not_assessed' ? 'explain.riskUndecidedShort' : 'explain.riskBelowShort', { criterion });
}

/** A QRA finding's own rows: where the target lies among the installation's contours, and the criterion that applies. */
function riskRows(v: Finding, installation: string, t: Translate): [string, string][] {
  const r = v.risk!;
  const status = t(`explain.installation.${r.installationStatus}`);
  const criterion = riskText(r.criterionPerYear);
  return [
    [
      t('explain.individualRisk'),
      r.perYear !== null
        ? t('explain.riskInside', { value: riskText(r.perYear), installation })
        : t('explain.riskNotInside', { installation }),
    ],
    [
      t('explain.criterion'),
      t(r.installationStatusAssumed ? 'explain.criterionValueAssumed' : 'explain.criterionValue', {
        criterion,
        status,
      }),
    ],
  ];
}

/** Risk points and protection targets whose position lies in the zone. */
