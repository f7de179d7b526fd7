// The filters of src/state/mapFilters as MapLibre expressions over the features' properties (mapData puts the same
// facts on every site point, site area and violation line). Changing a filter sets layer filters; data stay put.
import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import type { MapFilters } from '../state/mapFilters';

const literal = (values: readonly string[]) => ['literal', [...values]];

export function siteFilter(f: MapFilters): ExpressionSpecification {
  const parts: unknown[] = [['in', ['get', 'level'], literal(f.levels)]];
  if (f.domains.length) parts.push(['in', ['get', 'domain'], literal(f.domains)]);
  if (f.districts.length) parts.push(['in', ['get', 'district'], literal(f.districts)]);
  if (f.categories.length) parts.push(['in', ['get', 'category'], literal(f.categories)]);
  if (f.violationsOnly) parts.push(['==', ['get', 'flagged'], true]);
  return ['all', ...parts] as unknown as ExpressionSpecification;
}

export function zoneFilter(f: MapFilters): ExpressionSpecification {
  const parts: unknown[] = [['in', ['get', 'level'], literal(f.levels)]];
  if (f.districts.length) parts.push(['any', ['get', 'grid'], ['in', ['get', 'name'], literal(f.districts)]]);
  return ['all', ...parts] as unknown as ExpressionSpecification;
}

/** A layer's own filter (e.g. points only, status) combined with the user's. */
export function combine(own: FilterSpecification | undefined, user: ExpressionSpecification): FilterSpecification {
  return (own ? ['all', own, user] : user) as FilterSpecification;
}
