// The batch command's options, as main.ts parses them (docs/batch-interface.md).

export interface AssessArgs {
  sites?: string[];
  zones?: string;
  crs?: string;
  /** the category of every row of a site file that has no category column (code or name) */
  category?: string;
  /** column mapping over the automatic one: "HEADER=FIELD" (a canonical field, or "ignore") */
  column?: string[];
  method?: string;
  rules?: string;
  out?: string;
  /** the date the data describe, printed on figures and in summary.json (never the wall clock) */
  dataDate?: string;
  /** "square:500" or "hex:1000": zone by a generated grid over the --zones area */
  grid?: string;
  whitepaper?: boolean;
  /** whitepaper: a previous assessment's summary.json, compared in F6 */
  previous?: string;
  /** whitepaper: the report's title */
  title?: string;
  /** whitepaper: the data credit printed on every figure (default: a pointer to the input files listed in T3) */
  attribution?: string;
  /** "js" (in process, the default) or "postgis": PostGIS finds and measures the pairs (docs/postgis.md) */
  engine?: string;
  /** --engine postgis: a libpq URI or keywords (default: the PG* variables) */
  db?: string;
  /** --engine postgis: leave sites, zones and violations as tables in this schema */
  writeTables?: string;
  /** --engine postgis: sites from existing tables or views ([SCHEMA.]TABLE), mapped by --column like a file's */
  sitesTable?: string[];
  /** --sites-table: the geometry or geography column, when the table has several */
  geometryColumn?: string;
  /** --engine postgis: each SQL statement and its time on stderr */
  logSql?: boolean;
  /** rescue within reach: a road network (GeoJSON lines) for travel times; without it, straight-line screening */
  roads?: string;
  /** rescue within reach: a population grid (GeoJSON polygons with population) for the shelters' balance */
  population?: string;
  /** rescue within reach: the city's own parameters (reach-profile/1, as data/rules/reach-profile.json) */
  reachProfile?: string;
  /** QRA individual-risk contours (GeoJSON polygons with installation id and risk per year), issue #20 */
  contours?: string[];
  /** societal risk: F–N curve files (CSV: installation_id,N,F) and the city's F–N lines (fn-criteria/1), issue #20 item 5 */
  fn?: string[];
  fnCriteria?: string;
  /** threads for the distance search: a whole number ≥ 1 (default: see setbackThreads.ts) */
  threads?: string;
}
