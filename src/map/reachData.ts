// Rescue within reach (issue #21) as GeoJSON for the map (pure): the reach bands as the engine worker built them,
// each shelter's service area, and the fire stations, rescue teams and shelters as points of their own (drawn with
// their own symbols on both the GeoJSON and the tiled path: a city has hundreds of them, not a million).
import circle from '@turf/circle';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Assessment } from '../engine';
import type { ReachBandProperties } from '../figures/reachBandShapes';
import type { AssessedReach } from '../state/assessedReach';
import { siteFacts } from '../state/mapFilters';
import { REACH_ROLE, siteFactsOf } from '../state/siteFactColumns';
import { siteById } from '../state/siteLookup';

/** How a rescue point is drawn: a station with a district, a micro station, a rescue team, a shelter. */
export type RescueMark = 'station' | 'micro' | 'team' | 'shelter';
export const RESCUE_MARKS: readonly RescueMark[] = ['station', 'micro', 'team', 'shelter'];

/** short: more people assigned than it holds; enough: they fit; unknown: capacity or population not given (never "enough") */
export type ShelterFit = 'short' | 'enough' | 'unknown';
export const SHELTER_FITS: readonly ShelterFit[] = ['short', 'enough', 'unknown'];

export interface ReachSources {
  /** the bands' GeoJSON, or the URL the map's worker fetches it from (state/assessedReach) */
  reachBands: FeatureCollection<MultiPolygon, ReachBandProperties> | string;
  shelterAreas: FeatureCollection<Polygon, { shelterId: string; fit: ShelterFit; radiusM: number }>;
  rescueSites: FeatureCollection<Point>;
}

const empty = <G extends Point | Polygon | MultiPolygon, P>(): FeatureCollection<G, P> => ({
  type: 'FeatureCollection',
  features: [],
});

export function reachSources(a: Assessment, reach: AssessedReach | null): ReachSources {
  return { reachBands: reachBands(reach), shelterAreas: shelterAreas(a, reach), rescueSites: rescueSites(a, reach) };
}

/** Each reach source on its own (the map sets them in tasks of their own). */
export const REACH_SOURCE_DATA: {
  [K in keyof ReachSources]: (a: Assessment, reach: AssessedReach | null) => ReachSources[K];
} = {
  reachBands: (_a, reach) => reachBands(reach),
  shelterAreas,
  rescueSites,
};

const reachBands = (reach: AssessedReach | null): ReachSources['reachBands'] =>
  reach?.bands.url ?? reach?.bands.shapes ?? empty();

/** The mark of a rescue site: micro stations and teams as the white paper's F7 draws them; a station of unknown grade is a station. */
export function rescueMarkOf(category: string, grade: string | null | undefined): RescueMark {
  if (category === 'shelter') return 'shelter';
  if (category === 'rescue_team' || grade === 'professional' || grade === 'enterprise') return 'team';
  return grade === 'micro' ? 'micro' : 'station';
}

/** Every fire station, rescue team and shelter as a point (id: its position among the sites, as the other site layers). */
export function rescueSites(a: Assessment, reach: AssessedReach | null): FeatureCollection<Point> {
  const grades = new Map((reach?.result.resources ?? []).map((r) => [r.id, r.grade] as const));
  const none = new Set<string>(); // never either side of a finding
  const features: Feature<Point>[] = [];
  // the coded roles say which sites are rescue resources or shelters: a few among a million, found without reading each
  const { role } = siteFactsOf(a);
  for (let i = 0; i < role.length; i++) {
    if (role[i] !== REACH_ROLE) continue;
    const s = a.sites[i]!;
    features.push({
      type: 'Feature',
      id: i,
      geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
      properties: {
        siteId: s.id,
        role: s.role ?? 'risk',
        ...siteFacts(s, none),
        mark: rescueMarkOf(s.category, grades.get(s.id)),
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

export function shelterFit(row: {
  capacity: number | null;
  population: number | null;
  deficit: number | null;
}): ShelterFit {
  if (row.capacity === null || row.population === null || row.deficit === null) return 'unknown';
  return row.deficit > 0 ? 'short' : 'enough';
}

/**
 * Each shelter's service area: a circle of its class's radius around it (GB 50413 §8.2.10: 500 m or 2 km), the
 * smaller drawn last so it stays visible inside a larger one. Drawn on a sphere (turf), metres off by under 0.5 %:
 * a picture of the radius, not the assignment, which the engine made on the ellipsoid.
 */
export function shelterAreas(a: Assessment, reach: AssessedReach | null): ReachSources['shelterAreas'] {
  const rows = reach?.result.shelters?.shelters ?? [];
  const features: ReachSources['shelterAreas']['features'] = [];
  for (const row of rows) {
    const s = siteById(a, row.shelterId);
    if (!s) continue;
    features.push({
      type: 'Feature',
      geometry: serviceCircle(s.lon, s.lat, row.radiusM),
      properties: { shelterId: row.shelterId, fit: shelterFit(row), radiusM: row.radiusM },
    });
  }
  features.sort((x, y) => y.properties.radiusM - x.properties.radiusM);
  return { type: 'FeatureCollection', features };
}

/** Circles drawn before, by centre and radius: every assessment drew each shelter's again (64 points of trigonometry). */
const circles = new Map<string, Polygon>();
const MAX_CIRCLES = 10_000;

function serviceCircle(lon: number, lat: number, radiusM: number): Polygon {
  const key = `${lon},${lat},${radiusM}`;
  let c = circles.get(key);
  if (!c) {
    if (circles.size >= MAX_CIRCLES) circles.clear();
    circles.set(key, (c = circle([lon, lat], radiusM / 1000, { steps: 64, units: 'kilometers' }).geometry));
  }
  return c;
}
