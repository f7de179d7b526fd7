// Codes and bounds of import reports that the page shows, apart from the readers that produce them so that the page
// can name them without loading the readers (papaparse, proj4, WKT).

/** The report's CRS evidence when the user chose the coordinate system (nothing was inferred): text to show. */
export const CRS_GIVEN_EVIDENCE = '用户指定 (given)';

/**
 * Did the user choose this file's coordinate system? `crsGiven` says so; a report saved before that field existed
 * says it only in its evidence text.
 */
export const crsGivenByUser = (r: { crsGiven?: true; crsEvidence: string }): boolean =>
  r.crsGiven === true || r.crsEvidence === CRS_GIVEN_EVIDENCE;

/** Bounds of the rows kept with their cells (saved with the project): about 10 000 rows of an ordinary file. */
export const MAX_KEPT_ROWS = 10_000;

/** The code of a warning for a row whose stated district is not the zone it lies in. */
export const DISTRICT_MISMATCH = 'district_mismatch';

/** The report's crsEvidence for an F–N table: it has no positions, so its `crs` means nothing (shown as 无坐标). */
export const NO_COORDINATES = '无坐标';
