// What the planner has chosen to see: levels, 行业领域, districts, categories, "violations only", and which layers are
// on. One predicate decides (siteMatcher); the map gets the same rule as a MapLibre filter expression
// (src/map/filterExpressions), and the lists and legend counts run it as tables over the sites' coded facts
// (state/siteFactColumns); tests hold the three to the same answers, so what is drawn and counted cannot drift apart.
import {
  emptyCounts,
  FINDING_STATUSES,
  LEVELS_AND_UNSCORED,
  type Assessment,
  type AssessedSite,
  type AssessedZone,
  type Counts,
  type LevelOrUnscored,
  type Role,
} from '../engine';
import { assessmentFact } from './assessmentFact';
import { REACH_ROLE, ROLE_CODES, siteFactsOf, type CodedStrings } from './siteFactColumns';

export interface MapFilters {
  /** levels shown (sites and zones); 'unscored' = sites and zones without a level (未评级) */
  levels: LevelOrUnscored[];
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
  /** fire stations, rescue teams and shelters (their own symbols; not risk points) */
  rescue: boolean;
  /** the reach bands: minutes from the alarm over the study area (issue #21) */
  reach: boolean;
  /** each shelter's service area, coloured by whether its people fit */
  shelters: boolean;
  /** QRA individual-risk contours (issue #20) */
  contours: boolean;
}

export const NO_FILTERS: MapFilters = {
  levels: [...LEVELS_AND_UNSCORED],
  domains: [],
  districts: [],
  categories: [],
  violationsOnly: false,
};
/**
 * The layers a project opens with. The rescue symbols are on (a few points, and where help comes from); the reach
 * bands and shelter areas are off: they cover the four-colour zones the map is first read for, and in the demo they
 * are a straight-line screening (初筛) a planner should turn on knowingly.
 */
export const DEFAULT_LAYERS: LayerVisibility = {
  zones: true,
  districts: true,
  hazards: true,
  targets: true,
  risks: true,
  violations: true,
  rescue: true,
  reach: false,
  shelters: false,
  contours: true,
};

export function isFiltered(f: MapFilters): boolean {
  return (
    f.levels.length !== LEVELS_AND_UNSCORED.length ||
    f.domains.length > 0 ||
    f.districts.length > 0 ||
    f.categories.length > 0 ||
    f.violationsOnly
  );
}

const flaggedOf = new WeakMap<Assessment, ReadonlySet<string>>();

/**
 * Each finding's status as a byte (its place in FINDING_STATUSES), read once per assessment: passes over every
 * finding read these.
 */
const NOT_ASSESSED = FINDING_STATUSES.indexOf('not_assessed');
export const findingStatusesOf = assessmentFact((a) => {
  const codes = new Uint8Array(a.findings.length);
  for (let i = 0; i < a.findings.length; i++) codes[i] = FINDING_STATUSES.indexOf(a.findings[i]!.status);
  return codes;
}).of;

/** Sites that are either side of a 不符合 or 临界 finding; collected once per assessment (the map and the filters ask). */
export function flaggedSiteIds(a: Assessment): ReadonlySet<string> {
  let ids = flaggedOf.get(a);
  if (!ids) {
    const found = new Set<string>();
    const status = findingStatusesOf(a);
    for (let i = 0; i < a.findings.length; i++) {
      if (status[i] === NOT_ASSESSED) continue;
      const v = a.findings[i]!;
      found.add(v.hazardId);
      found.add(v.targetId);
    }
    flaggedOf.set(a, (ids = found));
  }
  return ids;
}

/** The facts a filter reads about a site; the map's features carry exactly these properties. */
export interface SiteFacts {
  level: LevelOrUnscored;
  domain: string;
  district: string;
  category: string;
  flagged: boolean;
}

export function siteFacts(s: AssessedSite, flagged: ReadonlySet<string>): SiteFacts {
  return {
    level: s.level ?? 'unscored',
    domain: s.domain,
    district: s.district,
    category: s.category,
    flagged: flagged.has(s.id),
  };
}

/** The site predicate, compiled once per filter change (sets, not arrays): a large city runs it 100 000 times. */
export function siteMatcher(filters: MapFilters): (f: SiteFacts) => boolean {
  const levels = new Set(filters.levels);
  const only = (values: string[]) => (values.length === 0 ? null : new Set(values));
  const domains = only(filters.domains),
    districts = only(filters.districts),
    categories = only(filters.categories);
  const { violationsOnly } = filters;
  return (f) =>
    levels.has(f.level) &&
    (domains === null || domains.has(f.domain)) &&
    (districts === null || districts.has(f.district)) &&
    (categories === null || categories.has(f.category)) &&
    (!violationsOnly || f.flagged);
}

export function siteMatches(f: SiteFacts, filters: MapFilters): boolean {
  return siteMatcher(filters)(f);
}

/** Zones follow the level filter; the district filter applies to district polygons (their name), not to grid cells. */
export function zoneMatches(z: Pick<AssessedZone, 'level' | 'name'>, grid: boolean, filters: MapFilters): boolean {
  return (
    filters.levels.includes(z.level ?? 'unscored') &&
    (grid || filters.districts.length === 0 || filters.districts.includes(z.name))
  );
}

export interface FilteredView {
  /** the shown sites (made when first read; `positions` is the same list, as positions into a.sites) */
  readonly sites: AssessedSite[];
  /** each of `sites`' position in a.sites */
  positions: Int32Array;
  zones: AssessedZone[];
  /** indexes into a.findings whose hazard passes the filter */
  findings: number[];
  /** the same, as a mask over a.findings (1 = shown) */
  violationShown: Uint8Array;
  /** what the legend and the layer toggles show, counted in the same pass */
  counts: {
    sitesByLevel: Counts;
    zonesByLevel: Counts;
    /** risk points and targets only: rescue resources and shelters are counted in `reachSites` */
    sitesByRole: Record<Role, number>;
    /** fire stations, rescue teams and shelters shown (they have no level: counted apart, never as 未评级) */
    reachSites: number;
    /** of `findings`, those that are 不符合 or 临界 */
    flaggedViolations: number;
  };
}

/** The last view computed: the map and four panels ask for it after every change of assessment or filters. */
let lastView: { a: Assessment; filters: MapFilters; view: FilteredView } | null = null;

export function filteredView(a: Assessment, filters: MapFilters): FilteredView {
  if (lastView?.a === a && lastView.filters === filters) return lastView.view;
  const view = computeView(a, filters);
  lastView = { a, filters, view };
  return view;
}

/** Each finding's hazard and target as indexes into a.sites (-1: none). */
export interface FindingPositions {
  hazard: Int32Array;
  target: Int32Array;
}

/** Once per assessment (the filters, the map and the findings list ask). */
const findingPositions = assessmentFact((a) => findFindingPositions(a).findings);
/**
 * The positions as the engine worker found them with the assessment: built here they needed every site's id in a
 * lookup at once, a 0.4–1 s task on the page at 1 000 000 sites.
 */
export const noteFindingPositions = (a: Assessment, at: FindingPositions): void => findingPositions.note(a, at);

/**
 * Each finding's hazard and target as indexes into a.sites (-1: none), computed from the assessment itself; and the
 * look-up it used, for other positions of the same assessment.
 */
export function findFindingPositions(a: Assessment): {
  findings: FindingPositions;
  positionOf: (siteId: string) => number;
} {
  const first = new Map<string, number>();
  for (let i = 0; i < a.sites.length; i++) if (!first.has(a.sites[i]!.id)) first.set(a.sites[i]!.id, i); // the first of a repeated id, as sitePosition
  const positionOf = (id: string) => first.get(id) ?? -1;
  return {
    findings: {
      hazard: Int32Array.from(a.findings, (v) => positionOf(v.hazardId)),
      target: Int32Array.from(a.findings, (v) => positionOf(v.targetId)),
    },
    positionOf,
  };
}

export const findingPositionsOf = (a: Assessment): FindingPositions => findingPositions.of(a);
export const hazardAtOf = (a: Assessment): Int32Array => findingPositionsOf(a).hazard;

const noneCounted = (): FilteredView['counts'] => ({
  sitesByLevel: emptyCounts(),
  zonesByLevel: emptyCounts(),
  sitesByRole: { hazard: 0, target: 0, risk: 0 },
  reachSites: 0,
  flaggedViolations: 0,
});

/** The filters as they apply to rescue resources and shelters: every level (they have none), the rest as chosen. */
export function reachFilters(filters: MapFilters): MapFilters {
  return filters.levels.length === LEVELS_AND_UNSCORED.length
    ? filters
    : { ...filters, levels: [...LEVELS_AND_UNSCORED] };
}

/**
 * Per site position: the 不符合 and 临界 findings that name the site, as hazard or as target (the site table's column;
 * above 0: the site is flagged, for "violations only"). From the positions the engine worker sent, no ids.
 */
export const flaggedFindingCountsOf = assessmentFact((a) => {
  const counts = new Int32Array(a.sites.length);
  const { hazard, target } = findingPositionsOf(a);
  const status = findingStatusesOf(a);
  for (let i = 0; i < a.findings.length; i++) {
    if (status[i] === NOT_ASSESSED) continue;
    if (hazard[i]! >= 0) counts[hazard[i]!]!++;
    if (target[i]! >= 0) counts[target[i]!]!++;
  }
  return counts;
}).of;

/** Nothing filtered (the view after every assessment): every site and zone, counted without running the matcher. */
function wholeView(a: Assessment): FilteredView {
  const counts = noneCounted();
  const { totals } = siteFactsOf(a);
  countInto(counts, totals.level, totals.role);
  for (const z of a.zones) counts.zonesByLevel[z.level ?? 'unscored']++;
  const hazardAt = hazardAtOf(a);
  const status = findingStatusesOf(a);
  const findings: number[] = [];
  const violationShown = new Uint8Array(a.findings.length);
  for (let i = 0; i < a.findings.length; i++) {
    if (hazardAt[i]! < 0) continue;
    findings.push(i);
    violationShown[i] = 1;
    if (status[i] !== NOT_ASSESSED) counts.flaggedViolations++;
  }
  return { sites: a.sites, positions: everyPosition.of(a), zones: a.zones, findings, violationShown, counts };
}

/** 0 … n − 1: the unfiltered view's positions, made once per assessment (a filter switched off and on again reuses them). */
const everyPosition = assessmentFact((a) => {
  const positions = new Int32Array(a.sites.length);
  for (let i = 0; i < positions.length; i++) positions[i] = i;
  return positions;
});

function countInto(counts: FilteredView['counts'], byLevel: ArrayLike<number>, byRole: ArrayLike<number>): void {
  LEVELS_AND_UNSCORED.forEach((l, i) => (counts.sitesByLevel[l] = byLevel[i]!));
  ROLE_CODES.forEach((r, i) => (counts.sitesByRole[r] = byRole[i]!));
  counts.reachSites = byRole[REACH_ROLE]!;
}

/** 1 for each coded value the filter lets through (all when it names none). */
function allowed(coded: CodedStrings, chosen: readonly string[]): Uint8Array {
  const set = new Set(chosen);
  return Uint8Array.from(coded.values, (v) => (chosen.length === 0 || set.has(v) ? 1 : 0));
}

function computeView(a: Assessment, filters: MapFilters): FilteredView {
  if (!isFiltered(filters)) return wholeView(a);
  // (a set of the flagged sites' ids, built whether asked for or not, made this a long task at 300 000 sites)
  const flagged = filters.violationsOnly ? flaggedFindingCountsOf(a) : null;
  const hazardAt = hazardAtOf(a);
  const status = findingStatusesOf(a);
  const f = siteFactsOf(a);
  // the predicate as tables over the codes: levels, domains, districts, categories each looked up once per value
  const levelOk = Uint8Array.from(LEVELS_AND_UNSCORED, (l) => (filters.levels.includes(l) ? 1 : 0));
  const domainOk = allowed(f.domain, filters.domains);
  const districtOk = allowed(f.district, filters.districts);
  const categoryOk = allowed(f.category, filters.categories);
  const n = f.level.length;
  const byLevel = new Float64Array(LEVELS_AND_UNSCORED.length);
  const byRole = new Float64Array(REACH_ROLE + 1);
  const siteShown = new Uint8Array(n);
  const shown = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const role = f.role[i]!;
    // rescue resources and shelters have no level: the level filter is not theirs (unticking 未评级 keeps the fire stations)
    if (role !== REACH_ROLE && levelOk[f.level[i]!] === 0) continue;
    if (domainOk[f.domain.codes[i]!] === 0 || districtOk[f.district.codes[i]!] === 0) continue;
    if (categoryOk[f.category.codes[i]!] === 0 || (flagged !== null && flagged[i] === 0)) continue;
    siteShown[i] = 1;
    shown[count++] = i;
    byRole[role]!++;
    if (role !== REACH_ROLE) byLevel[f.level[i]!]!++;
  }
  const positions = shown.subarray(0, count); // no copy: the view keeps the array either way
  const counts = noneCounted();
  countInto(counts, byLevel, byRole);
  const zones = a.zones.filter((z) => zoneMatches(z, a.grid !== null, filters));
  for (const z of zones) counts.zonesByLevel[z.level ?? 'unscored']++;
  const findings: number[] = [];
  const violationShown = new Uint8Array(a.findings.length);
  for (let i = 0; i < a.findings.length; i++) {
    const at = hazardAt[i]!;
    if (at < 0 || !siteShown[at]) continue;
    findings.push(i);
    violationShown[i] = 1;
    if (status[i] !== NOT_ASSESSED) counts.flaggedViolations++;
  }
  // the shown sites as objects only when asked for (the lists and counts read `positions`): an array of up to a
  // million entries made on every filter change was garbage for the collector to move
  let sites: AssessedSite[] | null = null;
  return {
    get sites() {
      sites ??= Array.from(positions, (p) => a.sites[p]!);
      return sites;
    },
    positions,
    zones,
    findings,
    violationShown,
    counts,
  };
}

export type Facets = { domains: string[]; districts: string[]; categories: string[] };

/**
 * The facet values present in an assessment, for the filter controls: the distinct values of the sites' coded facts,
 * sorted (they are the facts' dictionaries: no pass over the sites of their own, here or in the engine worker).
 */
export const facetsOf = assessmentFact((a): Facets => {
  const { domain, district, category } = siteFactsOf(a);
  return {
    domains: domain.values.slice().sort(),
    districts: district.values.slice().sort(),
    categories: category.values.slice().sort(),
  };
}).of;
