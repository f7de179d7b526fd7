// The external safety protection distances a QRA implies (issue #20, item 6): for each installation with contours
// and each target class of the criteria, at the criterion that applies to the installation's status, how far the
// contour of exactly that risk reaches from the installation (contourReach: farthest and nearest, geodesic), so the
// distance the assessment implies can be set beside the fixed-distance rules.
//
// Only a contour whose value equals the criterion is measured. When there is none, no distance is given and nothing is
// interpolated: the row says so and names the nearest contours above and below the criterion with their reach, which
// bound the distance only if the set is nested (a lower-risk contour encloses a higher-risk one).
import type { Geometry } from 'geojson';
import type { RiskContour } from '../model';
import { contoursByInstallation, installationStatusOf, riskText } from './checkContours';
import { contourReach, type ContourReach } from './contourReach';
import { DEFAULT_QRA_CRITERIA, type InstallationStatus, type QraCriteria } from './criteria';

export interface ImpliedDistance {
  installationId: string;
  installationName: string;
  installationStatus: InstallationStatus;
  /** the contours do not state new or existing: the criteria's strict default was used */
  installationStatusAssumed: boolean;
  /** the criteria's target class id and name */
  riskClass: string;
  riskClassZh: string;
  criterionPerYear: number;
  /** contours of the installation at exactly the criterion (0: none; more than 1 is warned of on import) */
  contourCount: number;
  /** the farthest reach of the criterion's contour from the installation, metres; null without that contour */
  maxDistanceM: number | null;
  /** its nearest approach, metres; null without that contour */
  minDistanceM: number | null;
  /** the contour point at maxDistanceM (lon, lat) */
  farthest: [number, number] | null;
  /** 'boundary': measured from the footprint polygon (or line); 'point': the installation is only a point */
  measuredFrom: 'boundary' | 'point';
  /**
   * without the criterion's contour: the farthest reach of the nearest higher-risk contour (a lower bound if nested)
   * and of the nearest lower-risk one (an upper bound if nested); null when there is no such contour or one was found
   */
  lowerBoundM: number | null;
  upperBoundM: number | null;
  note: string;
}

export interface Installation {
  id: string;
  name?: string;
  geometry: Geometry;
  /** the site's own new/existing column, when the contours do not state it */
  installationStatus?: InstallationStatus;
}

/**
 * Rows for every installation that has contours (in id order), one per target class of the criteria (in the criteria's
 * order). Installations not in `installations` are skipped (the contour reader rejects their contours).
 */
export function impliedDistances(
  contours: readonly RiskContour[],
  installations: readonly Installation[],
  criteria: QraCriteria = DEFAULT_QRA_CRITERIA,
): ImpliedDistance[] {
  const byId = contoursByInstallation(contours);
  const rows: ImpliedDistance[] = [];
  const withContours = installations
    .filter((s) => byId.has(s.id))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const inst of withContours)
    for (const row of installationRows(inst, byId.get(inst.id)!, criteria)) rows.push(row);
  return rows;
}

function installationRows(inst: Installation, list: RiskContour[], criteria: QraCriteria): ImpliedDistance[] {
  const { status, statusAssumed } = installationStatusOf(list, criteria, inst);
  const measuredFrom = inst.geometry.type === 'Point' || inst.geometry.type === 'MultiPoint' ? 'point' : 'boundary';
  const reaches = new Map<RiskContour, ContourReach>();
  const reachOf = (c: RiskContour) => reaches.get(c) ?? reaches.set(c, contourReach(c.geometry, inst.geometry)).get(c)!;
  return criteria.classes.map((k): ImpliedDistance => {
    const criterion = status === 'new' ? k.newPerYear : k.existingPerYear;
    const at = list.filter((c) => c.riskPerYear === criterion);
    const notes = [statusAssumed ? criteria.unknownInstallationStatusNote : ''];
    const row: ImpliedDistance = {
      installationId: inst.id,
      installationName: inst.name ?? '',
      installationStatus: status,
      installationStatusAssumed: statusAssumed,
      riskClass: k.id,
      riskClassZh: k.zh,
      criterionPerYear: criterion,
      contourCount: at.length,
      maxDistanceM: null,
      minDistanceM: null,
      farthest: null,
      measuredFrom,
      lowerBoundM: null,
      upperBoundM: null,
      note: '',
    };
    if (at.length) {
      // two contours at one value (warned of on import): the farthest of both and the nearest of both
      for (const c of at) {
        const r = reachOf(c);
        if (row.maxDistanceM === null || r.maxM > row.maxDistanceM) {
          row.maxDistanceM = r.maxM;
          row.farthest = r.farthest;
        }
        row.minDistanceM = Math.min(row.minDistanceM ?? Infinity, r.minM);
        if (!r.reachesInstallation)
          notes.unshift(`${riskText(criterion)}/年 等值线未覆盖或接触装置本身,请核对装置编号与等值线`);
      }
    } else {
      const above = list.filter((c) => c.riskPerYear > criterion).sort((a, b) => a.riskPerYear - b.riskPerYear)[0];
      const below = list.filter((c) => c.riskPerYear < criterion).sort((a, b) => b.riskPerYear - a.riskPerYear)[0];
      if (above) row.lowerBoundM = reachOf(above).maxM;
      if (below) row.upperBoundM = reachOf(below).maxM;
      const near = [
        above
          ? `高于基准的 ${riskText(above.riskPerYear)}/年 等值线最远 ${row.lowerBoundM!.toFixed(3)} m`
          : '无高于基准的等值线',
        below
          ? `低于基准的 ${riskText(below.riskPerYear)}/年 等值线最远 ${row.upperBoundM!.toFixed(3)} m`
          : '无低于基准的等值线',
      ].join(',');
      const bound = above && below ? ';若等值线嵌套,所需距离介于两者之间' : '';
      notes.unshift(`定量风险评价未给出 ${riskText(criterion)}/年 等值线,未插值,不给出距离;${near}${bound}`);
    }
    row.note = notes.filter(Boolean).join(';');
    return row;
  });
}
