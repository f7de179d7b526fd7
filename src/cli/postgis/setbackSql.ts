// The SQL the PostGIS executor runs, generated from the engine's plan of the rule table (docs/postgis.md shows it):
// one site table with a GiST index on geography, one row per (hazard profile × target kind) requirement with its
// reach, and two joins that return candidate pairs with their exact spheroidal distances. Which rule governs and
// which status a pair gets is decided afterwards by the engine (SetbackJudge), from the rows these return.
import type { SetbackPlan } from '../../engine';

/**
 * Candidates are found on the sphere (far cheaper than the spheroid) a little beyond the reach: a great-circle
 * distance differs from the geodesic by well under 1 %, so reach × 1.01 + 1 m loses no pair. The spheroidal
 * ST_Distance of each candidate is what the engine decides on; pairs beyond the reach give no finding there.
 */
export const SPHERE_FACTOR = 1.01;
export const SPHERE_MARGIN_M = 1;

/**
 * Each probe returns a handful of rows: a plain index scan, not a bitmap scan (which the planner picks from its row
 * estimate, and which builds a bitmap per probe). At 1 000 000 hazards × 1 000 000 targets: the join 120 s → 85 s.
 */
export const PLAIN_INDEX_SCANS = 'set enable_bitmapscan = off';

/**
 * Local buffers for the temporary tables (8 MB by default: a larger index is read again and again from the OS), sized
 * to hold the site table with its index: `bytesPerSite` 512 for the held executor's table, more for one that keeps
 * each site's JSON (streamedSql.ts). A limit, taken as the tables grow.
 */
export function tempBuffersSql(sites: number, bytesPerSite = 512): string {
  const mb = Math.min(4096, Math.max(64, Math.ceil((sites * bytesPerSite) / 2 ** 20)));
  return `set temp_buffers = '${mb}MB'`;
}

export const SITE_TABLE = 'usrm_site';

/** Every accepted site once: `hazard`/`target` its index among the engine's hazards/targets (null when not one). */
export const CREATE_SITES = `create temporary table ${SITE_TABLE} (
  n integer primary key,      -- position in id order
  hazard integer,             -- index among the hazards, null if the site is not one
  target integer,             -- index among the protection targets (hazards are targets of other hazards too)
  profile integer,            -- hazard profile: category, station grade, vapour recovery, own assessed distance
  kind integer,               -- target kind: category and protection classes
  area boolean not null,      -- given as Polygon/MultiPolygon (only areas can be judged by not_inside rules)
  point boolean not null,     -- given as a Point (PostGIS's distance decides only point pairs: see DISTANCE_PAIRS)
  g geography not null        -- SRID 4326
)`;

export const COPY_SITES = `copy ${SITE_TABLE} (n, hazard, target, profile, kind, area, point, g) from stdin`;

export const INDEX_SITES = [`create index on ${SITE_TABLE} using gist (g)`, `analyze ${SITE_TABLE}`];

/** (profile × kind) → metres within which a finding is possible, one row per requirement the rule table sets. */
export function reachSql(
  plan: Pick<SetbackPlan, 'distancePairs' | 'insidePairs'>,
  describe: (profile: number, kind: number) => string,
): string[] {
  const rows = plan.distancePairs.map(({ profile, kind, plan: p }) => {
    const why = p.governing ? `${p.governing.ruleId} ${p.governing.requiredM} m + band` : '';
    const unassessed = p.unassessed ? `${p.unassessed.ruleId}: not assessed, screening radius` : '';
    return {
      values: `(${profile}, ${kind}, ${p.reachM})`,
      comment: `${describe(profile, kind)}: ${[why, unassessed].filter(Boolean).join('; ')}`,
    };
  });
  const inside = plan.insidePairs.map(({ profile, kind, rule }) => ({
    values: `(${profile}, ${kind})`,
    comment: `${describe(profile, kind)}: ${rule.id}`,
  }));
  return [
    'create temporary table usrm_reach (profile integer, kind integer, reach_m double precision, primary key (profile, kind))',
    ...(rows.length ? [`insert into usrm_reach (profile, kind, reach_m) values\n${joinRows(rows)}`] : []),
    'create temporary table usrm_inside (profile integer, kind integer, primary key (profile, kind))',
    ...(inside.length ? [`insert into usrm_inside (profile, kind) values\n${joinRows(inside)}`] : []),
    'analyze usrm_reach',
    'analyze usrm_inside',
  ];
}

/** VALUES rows, each with the requirement it stands for as a comment (newlines in names cannot end the comment). */
function joinRows(rows: { values: string; comment: string }[]): string {
  // ends with a newline, so a ";" a log or a DBA adds after the statement is not inside the last comment
  return rows
    .map((r, i) => `  ${r.values}${i < rows.length - 1 ? ',' : ''} -- ${r.comment.replace(/\s+/g, ' ')}\n`)
    .join('');
}

/**
 * Hazard–target pairs within a rule's reach. One GiST probe per hazard, with its profile's largest reach (`offset 0`
 * keeps the planner from probing once per requirement), then each candidate is kept if it is within the reach of its
 * own (profile × kind) requirement. Between two points ST_Distance on the spheroid is GeographicLib's geodesic, as
 * the engine's: that distance decides. With a line or polygon on either side PostGIS picks the closest edges on the
 * sphere, which between 20-gons a few hundred metres apart was up to 0.22 m longer than the closest pair on the
 * spheroid (1 186 of 350 699 findings off by more than 1 cm, one pair on the other side of the 500 m screening limit):
 * those pairs come back without a distance, and the engine measures them as the in-process search does.
 */
export const DISTANCE_PAIRS = `with search as (select profile, max(reach_m) as search_m from usrm_reach group by profile)
select h.hazard, c.target, case when h.point and c.point then ST_Distance(h.g, c.g, true) end as metres
from ${SITE_TABLE} h
join search s on s.profile = h.profile
cross join lateral (
  select t.target, t.kind, t.point, t.g
  from ${SITE_TABLE} t
  where ST_DWithin(h.g, t.g, s.search_m * ${SPHERE_FACTOR} + ${SPHERE_MARGIN_M}, false)
    and t.n <> h.n
  offset 0
) c
join usrm_reach r on r.profile = h.profile and r.kind = c.kind
where ST_DWithin(h.g, c.g, r.reach_m * ${SPHERE_FACTOR} + ${SPHERE_MARGIN_M}, false)`;

/** Hazards inside (or touching) a target area that a not_inside rule protects. */
export const INSIDE_PAIRS = `select h.hazard, t.target
from ${SITE_TABLE} h
join usrm_inside i on i.profile = h.profile
join ${SITE_TABLE} t on t.kind = i.kind
  and t.area
  and t.n <> h.n
  and ST_Intersects(h.g, t.g)`;
