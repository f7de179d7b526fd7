// Cover findings: for every scored risk site and every protection target, the earliest arrival of any rescue
// resource, the circle that applies where it lies (135 in built-up areas and industrial parks, 15 minutes elsewhere)
// and whether the arrival is within it. No resource data → no rows at all (the caller says 无救援力量数据): an absent
// fire service is never "covered".
import type { AssessedSite, Level, Zone } from '../model';
import { zoneLocator } from '../zoning/locateZone';
import { isReachCategory } from './categories';
import type { AreaType, ReachProfile, ReachCircle } from './profile';
import type { ReachMode, ReachModel } from './reachModel';
import type { Resource } from './resources';

export interface CoverRow {
  siteId: string;
  name: string;
  category: string;
  role: 'hazard' | 'target' | 'risk';
  level: Level | null;
  nearestResourceId: string | null;
  /** minutes from the alarm (dispatch delay included); null when no resource can reach */
  minutes: number | null;
  circle: string;
  targetMinutes: number;
  status: 'covered' | 'uncovered';
  mode: ReachMode;
  /** a red or orange site that no resource reaches within its circle (重大/较大风险点无救援力量可及) */
  highRiskUncovered: boolean;
  note: string;
}

/** The circle for an area type; without one, the profile's stricter circle (`assumed`: the note says so). */
export function circleOf(profile: ReachProfile, type: AreaType | undefined): { circle: ReachCircle; assumed: boolean } {
  const circle = type ? profile.circles.find((c) => c.appliesTo.includes(type)) : undefined;
  if (circle) return { circle, assumed: false };
  return {
    circle: profile.circles.find((c) => c.id === profile.unknownAreaCircle) ?? profile.circles[0]!,
    assumed: true,
  };
}

/** Which circle applies at a point: the area type of the zone it lies in. */
export function circleLocator(
  zones: readonly Zone[],
  profile: ReachProfile,
): (lon: number, lat: number) => { circle: ReachCircle; assumed: boolean } {
  const locate = zoneLocator(zones);
  return (lon, lat) => circleOf(profile, locate(lon, lat)?.areaType);
}

/** Sites that take part: protection targets, and hazards or risk points with a level (rescue kinds never). */
export function coverSubjects(sites: readonly AssessedSite[]): AssessedSite[] {
  return sites.filter(isCoverSubject);
}

/** A red or orange site no resource reaches within its circle (重大/较大风险点无救援力量可及). */
export const isHighRiskUncovered = (covered: boolean, level: Level | null): boolean =>
  !covered && (level === 'red' || level === 'orange');

/** A site the cover is judged for: a protection target, or a scored hazard or risk point (not a rescue site). */
export const isCoverSubject = (s: AssessedSite): boolean =>
  !isReachCategory(s.category) &&
  (s.role === 'target' || ((s.role === 'hazard' || s.role === 'risk') && s.level !== null));

export function coverFindings(
  sites: readonly AssessedSite[],
  zones: readonly Zone[],
  model: ReachModel,
  resources: readonly Resource[],
  profile: ReachProfile,
): CoverRow[] {
  const circleAt = circleLocator(zones, profile);
  const rows: CoverRow[] = [];
  for (const s of coverSubjects(sites)) {
    const { circle, assumed } = circleAt(s.lon, s.lat);
    const a = model.arrival(s.lon, s.lat);
    const covered = a.seconds !== null && a.seconds <= circle.targetMinutes * 60;
    const notes = [
      a.note,
      assumed ? profile.unknownAreaNote : '',
      model.mode === 'screening' ? '初筛:直线距离×绕行系数估算,须以路网复核' : '',
    ].filter(Boolean);
    rows.push({
      siteId: s.id,
      name: s.name,
      category: s.category,
      role: s.role ?? 'risk',
      level: s.level,
      nearestResourceId: a.resource >= 0 ? resources[a.resource]!.id : null,
      minutes: a.seconds === null ? null : a.seconds / 60,
      circle: circle.id,
      targetMinutes: circle.targetMinutes,
      status: covered ? 'covered' : 'uncovered',
      mode: model.mode,
      highRiskUncovered: isHighRiskUncovered(covered, s.level),
      note: notes.join(';'),
    });
  }
  return rows;
}
