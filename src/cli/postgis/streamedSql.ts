// The SQL of the PostGIS executor when it holds no site (docs/postgis.md shows it): the settled rows of each input
// go into usrm_load, the repeated ids are found there, the accepted rows kept in usrm_site (in the engine's id order by
// `key`), and everything after is read back in that order, a batch at a time. The reach tables (usrm_reach,
// usrm_inside) are the same as the held executor's (setbackSql.ts).
import { SPHERE_FACTOR, SPHERE_MARGIN_M } from './setbackSql';

export const CREATE_LOAD = [
  `create temporary table usrm_load (
  line integer not null,      -- the row's line in its file (its row in its table)
  id text not null,
  key bytea not null,         -- the id's UTF-16 code units: sorts as the engine sorts ids
  site text,                  -- the accepted site as JSON; null when its position was rejected after it was read
  g geography,
  profile integer,            -- hazard profile (null: not a hazard)
  kind integer,               -- target kind (null: not a protection target)
  area boolean,               -- a target given as Polygon/MultiPolygon
  point boolean,              -- given as a Point
  hazard boolean
)`,
  `create temporary table usrm_site (
  key bytea primary key,
  site text not null,
  g geography not null,
  profile integer,
  kind integer,
  area boolean not null,
  point boolean not null,
  hazard boolean not null
)`,
];

export const COPY_LOAD = 'copy usrm_load (line, id, key, site, g, profile, kind, area, point, hazard) from stdin';

/**
 * The repeated ids of the input just loaded, found as the importer finds them: a row repeats an id accepted from an
 * earlier input (first_line null), or the id's first valid row in this input (whose position may have been
 * rejected after: it still came first).
 */
export const CREATE_REPEATS = `create temporary table usrm_repeat as
select l.line, l.id, case when s.key is null then l.first_line end as first_line, l.site is not null as accepted
from (select line, id, key, site, min(line) over (partition by key) as first_line from usrm_load) l
left join usrm_site s on s.key = l.key
where s.key is not null or l.line > l.first_line`;

export const REPEATED_ROWS = 'select line, id, first_line, accepted from usrm_repeat order by line';

/** the accepted sites among the repeats: the CLI counted them when they were read, and takes them out again */
export const REPEATED_SITES = `select l.site from usrm_load l join usrm_repeat r on r.line = l.line where l.site is not null`;

export const KEEP_LOADED = `insert into usrm_site (key, site, g, profile, kind, area, point, hazard)
select key, site, g, profile, kind, area, point, hazard from usrm_load l
where l.site is not null and not exists (select 1 from usrm_repeat r where r.line = l.line)`;

export const INDEX_STREAMED_SITES = ['create index on usrm_site using gist (g)', 'analyze usrm_site'];

/** where a batch of hazards ends: the key of the $2-th hazard after $1 (none: the rest is the last batch) */
export const HAZARD_BATCH_END =
  'select key from usrm_site where hazard and key > $1 order by key offset $2 - 1 limit 1';

/**
 * The candidate pairs of the hazards with keys in ($1, $2], in id order of hazard then target (distance candidate
 * before a containment one): the probe of the held executor (setbackSql.DISTANCE_PAIRS) and its containment join in
 * one, with the sites' JSON so the CLI needs no list of them. The hazard's JSON comes with its first row only.
 */
export const STREAMED_PAIRS = `with search as (select profile, max(reach_m) as search_m from usrm_reach group by profile)
select case when c.ord = 1 then h.site end as hazard, h.profile, c.site as target, c.kind, c.area, c.metres, c.inside
from usrm_site h
left join search s on s.profile = h.profile
cross join lateral (
  select u.*, row_number() over (order by u.key, u.inside) as ord from (
    select t.key, t.site, t.kind, t.area,
      case when h.point and t.point then ST_Distance(h.g, t.g, true) end as metres, false as inside
    from (
      select t.key, t.site, t.kind, t.area, t.point, t.g
      from usrm_site t
      where s.search_m is not null
        and ST_DWithin(h.g, t.g, s.search_m * ${SPHERE_FACTOR} + ${SPHERE_MARGIN_M}, false)
        and t.key <> h.key
      offset 0
    ) t
    join usrm_reach r on r.profile = h.profile and r.kind = t.kind
    where ST_DWithin(h.g, t.g, r.reach_m * ${SPHERE_FACTOR} + ${SPHERE_MARGIN_M}, false)
    union all
    select t.key, t.site, t.kind, t.area, null, true
    from usrm_inside i
    join usrm_site t on t.kind = i.kind and t.area and t.key <> h.key and ST_Intersects(h.g, t.g)
    where i.profile = h.profile
  ) u
) c
where h.hazard and h.key > $1 and ($2::bytea is null or h.key <= $2)
order by h.key, c.ord`;

/** the sites in id order, a batch after key $1 */
export const STREAMED_SITES = 'select key, site from usrm_site where key > $1 order by key limit $2';

export const CREATE_CONTRIBUTIONS = `create temporary table usrm_contrib (
  zone integer not null,      -- the zone's position in id order
  rank integer not null,      -- the level's rank (重大 first)
  score double precision not null,
  key bytea not null,         -- the site's, for the id order among equals
  detail text not null        -- the contributor as zones.geojson lists it (JSON)
)`;

export const COPY_CONTRIBUTIONS = 'copy usrm_contrib (zone, rank, score, key, detail) from stdin';

export const INDEX_CONTRIBUTIONS = ['create index on usrm_contrib (zone)', 'analyze usrm_contrib'];

/** one zone's contributors in the order zones.geojson lists them (byContribution) */
export const ZONE_CONTRIBUTORS = 'select detail from usrm_contrib where zone = $1 order by rank, score desc, key';
