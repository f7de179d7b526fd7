// 就高 (max) zoning: a zone takes the highest level of any scored site inside it or any hazard whose
// protection footprint reaches it, so one red point is never averaged away (docs/methods.md, "Zoning units and aggregation").
import Flatbush from 'flatbush';
import type { AssessedSite, AssessedZone, Level, Zone, ZoneContributor } from '../model';
import { bboxOf } from '../geo/bbox';
import { degreesCovering } from '../geo/localPlane';
import { edgeToEdge } from '../geo/edgeToEdge';
import { preparedArea, type PreparedArea } from '../geo/pointInArea';
import { LEVEL_RANK, LEVEL_ZH, NO_LEVEL_NOTE_ZH, NO_LEVEL_ZH } from './levels';

export function zoneMax(zones: Zone[], sites: AssessedSite[]): AssessedZone[] {
  const scored = sites.filter((s) => s.level !== null);
  const index = scored.length > 0 ? new Flatbush(scored.length) : null;
  if (index) {
    for (const s of scored) index.add(...footprintBox(s)); // spread-ok: a box is 4 numbers
    index.finish();
  }
  return zones.map((zone) => {
    const contributors: ZoneContributor[] = [];
    const box = bboxOf(zone.geometry);
    const area = preparedArea(zone.geometry);
    // spread-ok: a box is 4 numbers
    for (const i of index ? index.search(...box) : []) {
      const c = maxContribution(scored[i]!, zone, area);
      if (c) contributors.push(c);
    }
    return maxZone(zone, contributors.sort(byContribution));
  });
}

/**
 * How a scored site counts in a zone under 就高, if it does: inside it, or reaching it with its protection footprint
 * (its box, widened by the footprint, has already been found to meet the zone's box).
 */
export function maxContribution(site: AssessedSite, zone: Zone, area: PreparedArea): ZoneContributor | null {
  // a point site is placed by the prepared test; only a footprint reaching in from outside, or a site's own
  // area, needs the edge-to-edge distance
  const point = site.geometry.type === 'Point';
  if (point && area.holds(site.lon, site.lat))
    return { siteId: site.id, level: site.level!, score: site.score!, how: 'inside', distanceM: 0 };
  if (point && !reachable(area, site)) return null;
  const d = edgeToEdge(site.geometry, zone.geometry);
  const how = d.distanceM === 0 ? 'inside' : d.distanceM <= site.footprintM ? 'footprint' : null;
  return how ? { siteId: site.id, level: site.level!, score: site.score!, how, distanceM: d.distanceM } : null;
}

/** A site's box widened by its footprint: the zones it may colour under 就高 meet it. */
export function footprintBox(site: AssessedSite): [number, number, number, number] {
  const box = bboxOf(site.geometry);
  const { dLon, dLat } = degreesCovering(site.footprintM, Math.max(Math.abs(box[1]), Math.abs(box[3])));
  return [box[0] - dLon, box[1] - dLat, box[2] + dLon, box[3] + dLat];
}

/** Contributors in the order a zone lists them: highest level first, then highest score, then id. */
export function byContribution(a: ZoneContributor, b: ZoneContributor): number {
  return LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || b.score - a.score || (a.siteId < b.siteId ? -1 : 1);
}

/** A zone under 就高 from its contributors, sorted by byContribution. */
export function maxZone(zone: Zone, contributors: ZoneContributor[]): AssessedZone {
  const top = contributors[0];
  const level: Level | null = top ? top.level : null;
  return {
    id: zone.id,
    name: zone.name,
    geometry: zone.geometry,
    level,
    score: top ? top.score : 0,
    mode: 'max' as const,
    contributors,
    reason: top
      ? `就高: ${top.siteId} ${top.how === 'inside' ? '位于区内' : `防护范围覆盖本区 (${top.distanceM.toFixed(1)} m)`} → ${LEVEL_ZH[top.level]}`
      : `区内${NO_LEVEL_NOTE_ZH} → ${NO_LEVEL_ZH}`,
  };
}

/** A point outside the zone can reach it only if some zone edge lies within its footprint's degree box. */
function reachable(area: PreparedArea, site: AssessedSite): boolean {
  if (site.footprintM === 0) return false;
  const { dLon, dLat } = degreesCovering(site.footprintM, Math.abs(site.lat));
  return area.mayReach(site.lon, site.lat, dLon, dLat);
}
