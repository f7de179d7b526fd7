// What the planner has chosen to see: levels, 行业领域, districts, categories, "violations only", and which layers are
// on. One predicate decides; the map gets the same rule as a MapLibre filter expression (src/map/filterExpressions),
// and the lists and legend counts use the predicate, so what is drawn and what is counted cannot drift apart.
import { LEVELS, type Assessment, type AssessedSite, type AssessedZone, type Level } from '../engine';

export type LevelOrNone = Level | 'none';
export const LEVEL_OR_NONE: readonly LevelOrNone[] = [...LEVELS, 'none'];

export interface MapFilters {
  /** levels shown (sites and zones); 'none' = unscored sites and zones without a level */
  levels: LevelOrNone[];
  /** empty = all */
  domains: string[];
  districts: string[];
  categories: string[];
  /** only sites that are the hazard or the target of a 不符合/临界 finding */
  violationsOnly: boolean;
}

export interface LayerVisibility {
  zones: boolean;
  districts: boolean;
  hazards: boolean;
  targets: boolean;
  risks: boolean;
  violations: boolean;
}

export const NO_FILTERS: MapFilters = { levels: [...LEVEL_OR_NONE], domains: [], districts: [], categories: [], violationsOnly: false };
export const ALL_LAYERS: LayerVisibility = { zones: true, districts: true, hazards: true, targets: true, risks: true, violations: true };

export function isFiltered(f: MapFilters): boolean {
  return f.levels.length !== LEVEL_OR_NONE.length || f.domains.length > 0 || f.districts.length > 0 || f.categories.length > 0 || f.violationsOnly;
}

/** Sites that are either side of a 不符合 or 临界 finding. */
export function flaggedSiteIds(a: Assessment): Set<string> {
  const ids = new Set<string>();
  for (const v of a.violations) {
    if (v.status === 'not_assessed') continue;
    ids.add(v.hazardId);
    ids.add(v.targetId);
  }
  return ids;
}

/** The facts a filter reads about a site; the map's features carry exactly these properties. */
export interface SiteFacts {
  level: LevelOrNone;
  domain: string;
  district: string;
  category: string;
  flagged: boolean;
}

export function siteFacts(s: AssessedSite, flagged: ReadonlySet<string>): SiteFacts {
  return { level: s.level ?? 'none', domain: s.domain, district: s.district, category: s.category, flagged: flagged.has(s.id) };
}

export function siteMatches(f: SiteFacts, filters: MapFilters): boolean {
  return (
    filters.levels.includes(f.level) &&
    (filters.domains.length === 0 || filters.domains.includes(f.domain)) &&
    (filters.districts.length === 0 || filters.districts.includes(f.district)) &&
    (filters.categories.length === 0 || filters.categories.includes(f.category)) &&
    (!filters.violationsOnly || f.flagged)
  );
}

/** Zones follow the level filter; the district filter applies to district polygons (their name), not to grid cells. */
export function zoneMatches(z: Pick<AssessedZone, 'level' | 'name'>, grid: boolean, filters: MapFilters): boolean {
  return filters.levels.includes(z.level ?? 'none') && (grid || filters.districts.length === 0 || filters.districts.includes(z.name));
}

export interface FilteredView {
  sites: AssessedSite[];
  zones: AssessedZone[];
  /** indexes into a.violations whose hazard passes the filter */
  violations: number[];
}

/** The last view computed: the map and four panels ask for it after every change of assessment or filters. */
let lastView: { a: Assessment; filters: MapFilters; view: FilteredView } | null = null;

export function filteredView(a: Assessment, filters: MapFilters): FilteredView {
  if (lastView?.a === a && lastView.filters === filters) return lastView.view;
  const view = computeView(a, filters);
  lastView = { a, filters, view };
  return view;
}

function computeView(a: Assessment, filters: MapFilters): FilteredView {
  const flagged = flaggedSiteIds(a);
  const passes = new Set<string>();
  const sites = a.sites.filter((s) => {
    const ok = siteMatches(siteFacts(s, flagged), filters);
    if (ok) passes.add(s.id);
    return ok;
  });
  const zones = a.zones.filter((z) => zoneMatches(z, a.grid !== null, filters));
  const violations: number[] = [];
  a.violations.forEach((v, i) => passes.has(v.hazardId) && violations.push(i));
  return { sites, zones, violations };
}

/** The facet values present in an assessment, for the filter controls. */
export function facets(a: Assessment): { domains: string[]; districts: string[]; categories: string[] } {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
  return {
    domains: sorted(a.sites.map((s) => s.domain)),
    districts: sorted(a.sites.map((s) => s.district)),
    categories: sorted(a.sites.map((s) => s.category)),
  };
}
