// Rescue resources as the reach model sees them: a point, a kind, a grade and the seconds before the crew leaves.
import type { AssessedSite, Site } from '../model';
import { representativePoint } from '../geo/bbox';
import { isRescueResource } from './categories';
import { dispatchMinutes, type ReachProfile, type ResourceKind, type StationGrade } from './profile';

export interface Resource {
  id: string;
  name: string;
  kind: ResourceKind;
  grade: StationGrade | null;
  lon: number;
  lat: number;
  /** 接警 + 出动, seconds */
  delaySeconds: number;
}

/** The resources among the sites, sorted by id (the index is the tie-breaker everywhere). */
export function resourcesOf(sites: readonly (Site | AssessedSite)[], profile: ReachProfile): Resource[] {
  const out: Resource[] = [];
  for (const s of sites) {
    if (!isRescueResource(s.category)) continue;
    const [lon, lat] = 'lon' in s ? [s.lon, s.lat] : representativePoint(s.geometry);
    const grade = (s as Site).rescueGrade ?? null;
    out.push({ id: s.id, name: s.name, kind: s.category, grade, lon, lat, delaySeconds: dispatchMinutes(profile, s.category) * 60 });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
