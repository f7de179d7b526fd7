// The warning for contours read as WGS-84 beside sites read in another system, apart from the contour reader so that
// the page can add it without loading the reader.
import type { ImportFileReport } from './importSites';

/**
 * With the CRS left to detection the contours are read as WGS-84 (nothing in a polygon's numbers says GCJ-02), while a
 * site file may have been read in another system (its headers named one, or its rows fell there): a 300–600 m shift
 * between the two would be silent. Said as a warning on the contour file, with the remedy where it was read (the
 * CLI's --crs, the app's CRS option).
 */
export function contourCrsWarning(
  report: ImportFileReport,
  siteReports: readonly ImportFileReport[],
  where: 'cli' | 'app',
): void {
  const other = [...new Set(siteReports.map((r) => r.crs).filter((c) => c !== 'wgs84' && c !== 'cgcs2000'))];
  if (!other.length) return;
  const remedy =
    where === 'cli'
      ? `若等值线也是该坐标系,请用 --crs 指定 (contours read as WGS-84, sites as ${other.join(', ')}: give --crs if the contours are in that system)`
      : `若等值线也是该坐标系,请在“坐标系”选项中选定后重新上传等值线 (contours read as WGS-84, sites as ${other.join(', ')}: choose that system in the CRS option and upload the contours again)`;
  report.warnings.unshift({
    line: 1,
    field: 'crs',
    code: 'contours_crs_assumed',
    reason: `坐标系未指定:等值线按 WGS-84 读入,站点按 ${other.join('、')} 读入;${remedy}`,
  });
}
