// Individual risk against the criteria (issue #20): for each installation's QRA contours and each protection target
// the criteria name, the highest contour the target lies in (edge to edge: any part of it inside) against the
// acceptable risk for its class and the installation's status (new or existing).
//
// A contour of value v means "risk ≥ v inside". So, with L the target's criterion:
// - inside a contour with v ≥ L → 超标 (violation); only just inside the contour nearest L (every part of the target
//   that is inside lies within the borderline band of its edge) → 临界;
// - outside every contour with v ≥ L, and outside some contour with v ≤ L → the risk is below L: 符合 (no finding),
//   or 临界 when that contour is at L itself and the target lies within the band outside it;
// - otherwise the contours do not reach down to L where the target is (it lies between a contour above L and one
//   below, or the set stops above L): nothing can be said → 未评估, for targets within the not-assessed screening
//   radius of the lowest contour. A missing contour is never read as compliance.
import Flatbush from 'flatbush';
import type { Geometry, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { AssessConfig, RiskContour, Site, TargetClass, Finding } from '../model';
import { bboxOf, forEachPosition } from '../geo/bbox';
import { edgeToEdge, type EdgeDistance } from '../geo/edgeToEdge';
import { degreesCovering } from '../geo/localPlane';
import { pointInArea, preparedArea, type PreparedArea } from '../geo/pointInArea';
import type { TargetClassification } from '../setback/classifyTarget';
import {
  DEFAULT_QRA_CRITERIA,
  targetRiskClass,
  type InstallationStatus,
  type QraCriteria,
  type TargetRiskClass,
} from './criteria';

export interface ContourResult {
  findings: Finding[];
  /** installations with contours, per QRA rule id (`qra-ir-<class>-<new|existing>`) */
  hazardsByRule: Record<string, number>;
}

export const qraRuleId = (riskClass: string, status: InstallationStatus): string => `qra-ir-${riskClass}-${status}`;

/** 「有定量风险评价的装置(在役) → 高敏感场所、…(个人风险 ≤ 3×10⁻⁶/年)」 for tables and figures; null for other ids. */
export function qraRuleLabel(
  ruleId: string,
  criteria: QraCriteria = DEFAULT_QRA_CRITERIA,
  plain = false,
): string | null {
  const m = /^qra-ir-(.+)-(new|existing)$/.exec(ruleId);
  const k = m && criteria.classes.find((c) => c.id === m[1]);
  if (!m || !k) return null;
  const limit = m[2] === 'new' ? k.newPerYear : k.existingPerYear;
  return `有定量风险评价的装置(${m[2] === 'new' ? '新建' : '在役'}) → ${k.zh}(个人风险 ≤ ${riskText(limit, plain)}/年)`;
}

/**
 * 3e-7 → 「3×10⁻⁷」, for the words of a finding; `plain` → 「3e-7」 for the figures, whose embedded font subset has no
 * superscript digits.
 */
export function riskText(perYear: number, plain = false): string {
  if (plain) return perYear.toExponential();
  const [m, e] = perYear.toExponential().split('e');
  const sup = (e ?? '0')
    .replace('+', '')
    .split('')
    .map((ch) => '⁰¹²³⁴⁵⁶⁷⁸⁹⁻'['0123456789-'.indexOf(ch)])
    .join('');
  return `${m}×10${sup}`;
}

interface Installation {
  hazard: Site;
  /** highest risk first; `area` answers a point target without projecting the contour (the hot path: ~300 targets an installation) */
  contours: {
    riskPerYear: number;
    geometry: Polygon | MultiPolygon;
    holds: (lon: number, lat: number) => boolean;
    area: PreparedArea;
  }[];
  status: InstallationStatus;
  statusAssumed: boolean;
  /** per criterion: the contours at or above it and at or below it, highest first (three criteria, hundreds of targets) */
  split: Map<number, { above: Installation['contours']; below: Installation['contours'] }>;
}

export function checkContours(
  contours: readonly RiskContour[],
  hazards: readonly Site[],
  targets: readonly Site[],
  classes: readonly TargetClassification[],
  config: AssessConfig,
  criteria: QraCriteria = DEFAULT_QRA_CRITERIA,
): ContourResult {
  const findings: Finding[] = [];
  const hazardsByRule: Record<string, number> = {};
  if (contours.length === 0 || targets.length === 0) return { findings, hazardsByRule };
  const installations = installationsOf(contours, hazards, criteria);
  const index = new Flatbush(targets.length);
  // point targets' coordinates in flat arrays (NaN: not a point): most candidates in an installation's box are far
  // from its contours and are turned away here without touching the target object (at 10⁵ targets the loop below is
  // bound by memory, not arithmetic)
  const px = new Float64Array(targets.length).fill(NaN);
  const py = new Float64Array(targets.length);
  for (const [i, t] of targets.entries()) {
    if (t.geometry.type === 'Point') {
      const [x, y] = t.geometry.coordinates as [number, number];
      px[i] = x;
      py[i] = y;
      index.add(x, y, x, y);
      continue;
    }
    const b = bboxOf(t.geometry);
    index.add(b[0], b[1], b[2], b[3]);
  }
  index.finish();
  const tol = config.borderlineToleranceM;
  const source = `${criteria.source.standard} ${criteria.source.clause}`;
  const classOf = riskClassMemo(criteria);
  for (const inst of installations) {
    for (const k of criteria.classes)
      hazardsByRule[qraRuleId(k.id, inst.status)] = (hazardsByRule[qraRuleId(k.id, inst.status)] ?? 0) + 1;
    const widest = inst.contours[inst.contours.length - 1]!;
    const box = bboxOf(widest.geometry);
    const reach = Math.max(tol, config.notAssessedScreeningM);
    const lat = Math.max(Math.abs(box[1]), Math.abs(box[3]));
    const { dLon, dLat } = degreesCovering(reach, lat);
    const near: Near = {
      tol: degreesCovering(tol, lat),
      screening: degreesCovering(config.notAssessedScreeningM, lat),
    };
    const found: Finding[] = [];
    for (const ti of index.search(box[0] - dLon, box[1] - dLat, box[2] + dLon, box[3] + dLat)) {
      if (!Number.isNaN(px[ti]!) && farFromEvery(inst, px[ti]!, py[ti]!, dLon, dLat)) continue;
      const target = targets[ti]!;
      if (target.id === inst.hazard.id) continue;
      const riskClass = classOf(target.category, target.users);
      if (!riskClass) continue;
      const finding = judge(inst, target, riskClass, classes[ti]!, config, criteria, source, near);
      if (finding) found.push(finding);
    }
    found.sort((a, b) => (a.targetId < b.targetId ? -1 : a.targetId > b.targetId ? 1 : 0));
    for (const v of found) findings.push(v);
  }
  return { findings, hazardsByRule };
}

/**
 * Outside every contour of the installation with no contour edge within (dLon, dLat) — the larger of the borderline
 * band and the not-assessed radius —: no verdict can come of it (judge would say nothing), whatever the nesting.
 */
function farFromEvery(inst: Installation, x: number, y: number, dLon: number, dLat: number): boolean {
  for (const c of inst.contours) if (c.area.holds(x, y) || c.area.mayReach(x, y, dLon, dLat)) return false;
  return true;
}

/** targetRiskClass, once per category and people count (asked for every target near every installation) */
function riskClassMemo(
  criteria: QraCriteria,
): (category: string, people: number | undefined) => TargetRiskClass | null {
  const memo = new Map<string, Map<number | undefined, TargetRiskClass | null>>();
  return (category, people) => {
    let byPeople = memo.get(category);
    if (!byPeople) memo.set(category, (byPeople = new Map()));
    let k = byPeople.get(people);
    if (k === undefined) byPeople.set(people, (k = targetRiskClass(criteria, category, people)));
    return k;
  };
}

/** Each installation's contours, in the order given. */
export function contoursByInstallation(contours: readonly RiskContour[]): Map<string, RiskContour[]> {
  const byId = new Map<string, RiskContour[]>();
  for (const c of contours) {
    const list = byId.get(c.installationId);
    if (list) list.push(c);
    else byId.set(c.installationId, [c]);
  }
  return byId;
}

/**
 * With contours, a not-assessed finding of a rule whose distance is the hazard's own assessed one (条例第十九条: the
 * external safety distance of GB/T 37243) is answered by the contours, for every target the criteria name: the contour
 * verdict replaces it. Targets the criteria do not name (a water source, a railway) keep it. Null without contours.
 */
export function replacedByContours(
  contours: readonly RiskContour[] | undefined,
  criteria: QraCriteria = DEFAULT_QRA_CRITERIA,
): ((v: Finding, target: Site) => boolean) | null {
  if (!contours?.length) return null;
  const contoured = new Set(contours.map((c) => c.installationId));
  return (v, target) =>
    v.status === 'not_assessed' &&
    v.requiredM === null &&
    v.risk === undefined &&
    contoured.has(v.hazardId) &&
    targetRiskClass(criteria, target.category, target.users) !== null;
}

/** An installation's status: the first its contours state, else the criteria's strict default (marked assumed). */
/**
 * New or existing: as the contours state it (the assessor's), else as the hazard site's own column states it, else the
 * criteria's strict default, said as assumed.
 */
export function installationStatusOf(
  list: readonly RiskContour[],
  criteria: QraCriteria,
  site?: Pick<Site, 'installationStatus'>,
): { status: InstallationStatus; statusAssumed: boolean } {
  const given = list.find((c) => c.installationStatus)?.installationStatus ?? site?.installationStatus;
  return { status: given ?? criteria.unknownInstallationStatus, statusAssumed: given === undefined };
}

/** Contours grouped by installation (hazards only, in id order), highest risk first; the status from the contours. */
function installationsOf(
  contours: readonly RiskContour[],
  hazards: readonly Site[],
  criteria: QraCriteria,
): Installation[] {
  const byId = contoursByInstallation(contours);
  const out: Installation[] = [];
  for (const hazard of hazards) {
    const list = byId.get(hazard.id);
    if (!list) continue;
    out.push({
      hazard,
      contours: [...list]
        .sort((a, b) => b.riskPerYear - a.riskPerYear)
        .map((c) => {
          const area = preparedArea(c.geometry);
          return { riskPerYear: c.riskPerYear, geometry: c.geometry, holds: area.holds, area };
        }),
      ...installationStatusOf(list, criteria, hazard),
      split: new Map(),
    });
  }
  return out;
}

/** degrees that cover the borderline band and the not-assessed screening radius at the installation's latitude */
interface Near {
  tol: { dLon: number; dLat: number };
  screening: { dLon: number; dLat: number };
}

type Contour = Installation['contours'][number];

/**
 * The edge-to-edge distance from a contour to the target, or null when it certainly exceeds `within` (degrees): a
 * point target is answered by the contour's prepared area (inside: 0; no edge near: farther than the band) without
 * projecting the contour; other targets, and points near an edge, are measured exactly.
 */
function distanceWithin(c: Contour, target: Site, within: { dLon: number; dLat: number } | null): EdgeDistance | null {
  const g = target.geometry;
  if (g.type === 'Point') {
    const [lon, lat] = g.coordinates as [number, number];
    if (c.area.holds(lon, lat))
      return { distanceM: 0, closestA: [lon, lat], closestB: [lon, lat], between: POLYGON_POINT };
    if (within === null || !c.area.mayReach(lon, lat, within.dLon, within.dLat)) return null;
  }
  return edgeToEdge(c.geometry, g);
}
const POLYGON_POINT = 'Polygon–Point';

function judge(
  inst: Installation,
  target: Site,
  riskClass: TargetRiskClass,
  setbackClass: TargetClassification,
  config: AssessConfig,
  criteria: QraCriteria,
  source: string,
  near: Near,
): Finding | null {
  const limit = inst.status === 'new' ? riskClass.newPerYear : riskClass.existingPerYear;
  const tol = config.borderlineToleranceM;
  let split = inst.split.get(limit);
  if (!split)
    inst.split.set(
      limit,
      (split = {
        above: inst.contours.filter((c) => c.riskPerYear >= limit),
        below: inst.contours.filter((c) => c.riskPerYear <= limit),
      }),
    );
  const { above, below } = split; // highest first
  const notes = [inst.statusAssumed ? criteria.unknownInstallationStatusNote : ''];
  const make = (
    status: Finding['status'],
    perYear: number | null,
    d: EdgeDistance,
    contourValue: number,
    note: string,
  ): Finding => ({
    hazardId: inst.hazard.id,
    targetId: target.id,
    ruleId: qraRuleId(riskClass.id, inst.status),
    distanceM: d.distanceM,
    requiredM: null,
    shortfallM: null,
    status,
    source,
    targetClass: (setbackClass.classes[0] ?? 'class3') as TargetClass,
    targetClassReason: `个人风险基准:${riskClass.zh}(${riskClass.reason})`,
    closest: [d.closestA, d.closestB],
    measuredBetween: `${d.between.replace(/^[A-Za-z]+–/, '风险等值线–')}(${riskText(contourValue)}/年 等值线,边缘到边缘)`,
    note: [note, ...notes].filter(Boolean).join(';'),
    screening: false,
    otherRequirements: [],
    risk: {
      perYear,
      criterionPerYear: limit,
      installationStatus: inst.status,
      installationStatusAssumed: inst.statusAssumed,
      riskClass: riskClass.id,
    },
  });
  const crit = () => `${inst.status === 'new' ? '新建' : '在役'}装置基准 ${riskText(limit)}/年`; // words only for a finding

  // inside a contour at or above the criterion: the highest one it touches is the risk it bears
  for (let i = 0; i < above.length; i++) {
    const c = above[i]!;
    const d = distanceWithin(c, target, null); // null: a point outside
    if (d === null || d.distanceM > 0) continue;
    // only just inside the contour nearest the criterion (no higher one touched): borderline
    const nearest = i === above.length - 1;
    const shallow = nearest && onlyJustInside(target.geometry, c, tol, near.tol);
    const status = shallow ? 'borderline' : 'violation';
    const note = `位于 ${riskText(c.riskPerYear)}/年 个人风险等值线之内,${crit()}${shallow ? `;位于等值线内侧 ${tol} m 临界带内` : ''}`;
    return make(status, c.riskPerYear, d, c.riskPerYear, note);
  }
  // outside all of those: below the criterion if it lies outside a contour at or below it
  const decider = below[0];
  if (decider) {
    // outside and no edge within the band: 符合 without measuring (only a contour at the criterion itself has a band)
    const d = distanceWithin(decider, target, decider.riskPerYear === limit ? near.tol : null);
    if (d === null) return null;
    if (d.distanceM > 0) {
      if (decider.riskPerYear === limit && d.distanceM <= tol) {
        return make(
          'borderline',
          null,
          d,
          decider.riskPerYear,
          `位于 ${riskText(limit)}/年 等值线外 ${d.distanceM.toFixed(2)} m,在 ${tol} m 临界带内;${crit()}`,
        );
      }
      return null; // 符合
    }
  }
  // the contours do not decide here: 未评估, for targets near the installation's contours
  const widest = inst.contours[inst.contours.length - 1]!;
  const d = distanceWithin(widest, target, near.screening);
  if (d === null || d.distanceM > config.notAssessedScreeningM) return null;
  const lowest = riskText(widest.riskPerYear);
  const why = decider
    ? `位于 ${riskText(decider.riskPerYear)}/年 与 ${above.length ? riskText(above[above.length - 1]!.riskPerYear) : '更高'}/年 等值线之间,定量风险评价未给出 ${riskText(limit)}/年 等值线,无法判定`
    : `定量风险评价的最低等值线为 ${lowest}/年,未达到 ${riskText(limit)}/年,无法判定`;
  return make('not_assessed', null, d, widest.riskPerYear, `${why};${crit()}`);
}

/**
 * Whether the target reaches no deeper than `tol` into the contour: every vertex of it inside lies within `tol` of the
 * contour's edge (`band`: those metres in degrees; a vertex with no edge in that box is deeper, unmeasured), and no
 * contour vertex lies inside an area target (the edge would then cross deep into it).
 */
function onlyJustInside(target: Geometry, c: Contour, tol: number, band: Near['tol']): boolean {
  let edge: MultiLineString | null = null;
  let shallow = true;
  forEachPosition(target, (p: Position) => {
    if (!shallow || !c.holds(p[0]!, p[1]!)) return;
    if (!c.area.mayReach(p[0]!, p[1]!, band.dLon, band.dLat)) return void (shallow = false);
    edge ??= boundaryOf(c.geometry);
    if (edgeToEdge({ type: 'Point', coordinates: [p[0]!, p[1]!] }, edge).distanceM > tol) shallow = false;
  });
  if (shallow && (target.type === 'Polygon' || target.type === 'MultiPolygon')) {
    const inTarget = pointInArea(target);
    forEachPosition(c.geometry, (p: Position) => {
      if (inTarget(p[0]!, p[1]!)) shallow = false;
    });
  }
  return shallow;
}

function boundaryOf(g: Polygon | MultiPolygon): MultiLineString {
  return { type: 'MultiLineString', coordinates: g.type === 'Polygon' ? g.coordinates : g.coordinates.flat() };
}
