// The two density-based aggregation modes (docs/methods.md, "Zoning units and aggregation"):
// - index: I = Σ w(level) over the scored sites inside the zone, per km² or per 10 000 residents, classified with the
//   profile's stated thresholds;
// - relative: scored sites per km² (or per 10 000 residents), ranked across zones into quantile classes — the colours
//   are relative ranks, as in FEMA's National Risk Index, and the legend says so.
// Hazard footprints only colour zones in max mode; here a site counts in the zone that contains it.
import Flatbush from 'flatbush';
import type { AssessedSite, AssessedZone, Level, Zone, ZoneContributor } from '../model';
import type { MethodProfile } from '../method/profile';
import { bboxOf } from '../geo/bbox';
import { areaKm2 } from '../geo/areaKm2';
import { pointInArea } from '../geo/pointInArea';
import { LEVEL_ZH, NO_LEVEL_NOTE_ZH, NO_LEVEL_ZH } from './levels';
import { byContribution } from './zoneMax';

type Aggregation = MethodProfile['aggregation'];

export interface ZoneTally {
  zone: Zone;
  contributors: ZoneContributor[];
  /** km², or units of 10 000 residents; null when the zone lacks the population figure */
  denominator: number | null;
  unit: string;
}

function tally(zones: Zone[], sites: AssessedSite[], per: 'area' | 'population'): ZoneTally[] {
  const scored = sites.filter((s) => s.level !== null);
  const index = scored.length ? new Flatbush(scored.length) : null;
  if (index) {
    for (const s of scored) index.add(...bboxOf(s.geometry)); // spread-ok: a box is 4 numbers
    index.finish();
  }
  return zones.map((zone) => {
    const contributors: ZoneContributor[] = [];
    const holds = pointInArea(zone.geometry);
    // spread-ok: a box is 4 numbers
    for (const i of index ? index.search(...bboxOf(zone.geometry)) : []) {
      const c = insideContribution(scored[i]!, holds);
      if (c) contributors.push(c);
    }
    return zoneTally(zone, contributors.sort(byContribution), per);
  });
}

/** A scored site counts in the zone that holds its representative point (its box has been found to meet the zone's). */
export function insideContribution(
  s: AssessedSite,
  holds: (lon: number, lat: number) => boolean,
): ZoneContributor | null {
  return holds(s.lon, s.lat) ? { siteId: s.id, level: s.level!, score: s.score!, how: 'inside', distanceM: 0 } : null;
}

/** A zone's contributors (sorted by byContribution) with what their count is divided by. */
export function zoneTally(zone: Zone, contributors: ZoneContributor[], per: 'area' | 'population'): ZoneTally {
  const denominator =
    per === 'area' ? areaKm2(zone.geometry) : zone.population !== undefined ? zone.population / 10_000 : null;
  return { zone, contributors, denominator, unit: per === 'area' ? 'km²' : '万人' };
}

/** What the index and relative modes divide by: area, or 10 000 residents. */
export function densityBasis(agg: Aggregation): 'area' | 'population' {
  return agg.mode === 'relative' ? (agg.relative.per === 'km2' ? 'area' : 'population') : agg.index.normaliser;
}

export function zoneIndex(zones: Zone[], sites: AssessedSite[], agg: Aggregation): AssessedZone[] {
  return tally(zones, sites, agg.index.normaliser).map((t) => indexZone(t, agg));
}

/** A zone under the index mode from its tally. */
export function indexZone({ zone, contributors, denominator, unit }: ZoneTally, agg: Aggregation): AssessedZone {
  const { weights, thresholds, normaliser } = agg.index;
  const base = { id: zone.id, name: zone.name, geometry: zone.geometry, mode: 'index' as const, contributors };
  if (denominator === null || denominator <= 0) {
    return {
      ...base,
      level: null,
      score: 0,
      reason: `指数法:分区缺少${normaliser === 'population' ? '人口' : '面积'},无法归一 → ${NO_LEVEL_ZH}`,
    };
  }
  if (contributors.length === 0)
    return { ...base, level: null, score: 0, reason: `指数法:区内${NO_LEVEL_NOTE_ZH} → ${NO_LEVEL_ZH}` };
  const sum = contributors.reduce((acc, c) => acc + weights[c.level], 0);
  const value = round6(sum / denominator);
  const band = thresholds.find((t) => value >= t.atLeast)!;
  return {
    ...base,
    level: band.level,
    score: value,
    reason: `指数法:I = Σw/${unit} = ${round6(sum)}/${round6(denominator)} = ${value} ≥ ${band.atLeast} → ${LEVEL_ZH[band.level]}(阈值为城市设定)`,
  };
}

export function zoneRelative(zones: Zone[], sites: AssessedSite[], agg: Aggregation): AssessedZone[] {
  const tallies = tally(zones, sites, densityBasis(agg));
  const densities = tallies.map((t) => relativeDensity(t.contributors.length, t.denominator));
  const ranked = densities.filter((d): d is number => d !== null);
  return tallies.map((t, i) => relativeZone(t, densities[i]!, ranked, agg));
}

/** Scored sites per unit, or null when the zone has no denominator. */
export function relativeDensity(contributors: number, denominator: number | null): number | null {
  return denominator && denominator > 0 ? round6(contributors / denominator) : null;
}

/** A zone under the relative mode: its density ranked among every zone's (`ranked`: the densities that are not null). */
export function relativeZone(
  { zone, contributors, unit }: ZoneTally,
  d: number | null,
  ranked: readonly number[],
  agg: Aggregation,
): AssessedZone {
  const { quantiles } = agg.relative;
  const base = { id: zone.id, name: zone.name, geometry: zone.geometry, mode: 'relative' as const, contributors };
  if (d === null) return { ...base, level: null, score: 0, reason: `相对分级:分区缺少人口 → ${NO_LEVEL_ZH}` };
  if (d === 0) return { ...base, level: null, score: 0, reason: `相对分级:区内${NO_LEVEL_NOTE_ZH} → ${NO_LEVEL_ZH}` };
  // a zone is in the top share t when fewer than t·N zones are denser than it
  const above = ranked.filter((x) => x > d).length / ranked.length;
  const q = quantiles.find((x) => above < x.top) ?? quantiles[quantiles.length - 1]!;
  return {
    ...base,
    level: q.level as Level,
    score: d,
    reason: `相对分级:密度 ${d} 个/${unit},高于本区的分区占 ${(above * 100).toFixed(0)}% → 前 ${(q.top * 100).toFixed(0)}% → ${LEVEL_ZH[q.level]}(相对排名,非绝对风险)`,
  };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
