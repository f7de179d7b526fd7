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
import { LEVEL_RANK, LEVEL_ZH, NO_LEVEL_NOTE_ZH, NO_LEVEL_ZH } from './levels';

type Aggregation = MethodProfile['aggregation'];

interface ZoneTally {
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
      const s = scored[i]!;
      if (holds(s.lon, s.lat)) {
        contributors.push({ siteId: s.id, level: s.level!, score: s.score!, how: 'inside', distanceM: 0 });
      }
    }
    contributors.sort(
      (a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || b.score - a.score || (a.siteId < b.siteId ? -1 : 1),
    );
    const denominator =
      per === 'area' ? areaKm2(zone.geometry) : zone.population !== undefined ? zone.population / 10_000 : null;
    return { zone, contributors, denominator, unit: per === 'area' ? 'km²' : '万人' };
  });
}

export function zoneIndex(zones: Zone[], sites: AssessedSite[], agg: Aggregation): AssessedZone[] {
  const { weights, thresholds, normaliser } = agg.index;
  return tally(zones, sites, normaliser).map(({ zone, contributors, denominator, unit }) => {
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
  });
}

export function zoneRelative(zones: Zone[], sites: AssessedSite[], agg: Aggregation): AssessedZone[] {
  const { per, quantiles } = agg.relative;
  const tallies = tally(zones, sites, per === 'km2' ? 'area' : 'population');
  const densities = tallies.map((t) =>
    t.denominator && t.denominator > 0 ? round6(t.contributors.length / t.denominator) : null,
  );
  const ranked = densities.filter((d): d is number => d !== null);
  return tallies.map(({ zone, contributors, unit }, i) => {
    const d = densities[i]!;
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
  });
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
