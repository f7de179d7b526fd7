// Rescue resources as the reach model sees them: a point, a kind, a grade and the seconds before the crew leaves.
import type { Site } from '../model';
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
export function resourcesOf(sites: readonly Site[], profile: ReachProfile): Resource[] {
  const out: Resource[] = [];
  for (const s of sites) {
    if (!isRescueResource(s.category)) continue;
    // a station drawn as its compound is dispatched from a point on it (the point sites.csv gives)
    const [lon, lat] = representativePoint(s.geometry);
    out.push({
      id: s.id,
      name: s.name,
      kind: s.category,
      grade: s.rescueGrade ?? null,
      lon,
      lat,
      delaySeconds: dispatchMinutes(profile, s.category) * 60,
    });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
