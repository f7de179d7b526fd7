// The reach as it crosses from the engine worker to the page with an assessment, made cheap to receive: a city with
// 2 000 stations had a 5 MB reach whose deserialisation held the page ≈ 70 ms. The band polygons (most of it, as
// nested coordinate arrays) go as a blob URL the map's worker fetches and parses itself; the grids go without the
// study area's boundary polygons, which were only needed to lay the grid out (their cells and minutes stay).
import type { ReachAssessment } from '../engine';
import type { DistrictGrid } from '../engine/reach/stationDistricts';
import type { AssessedReach } from '../state/assessedReach';

/**
 * Band URLs of the latest assessments, the oldest freed as new ones are made. Not only the last: a comparison
 * project's assessment must not free the URL the map still draws the open project's bands from.
 */
const bandUrls: string[] = [];
const KEPT_BAND_URLS = 4;

export function reachForPage(reach: AssessedReach): AssessedReach {
  const { shapes } = reach.bands;
  let url: string | null = null;
  if (shapes && typeof URL.createObjectURL === 'function') {
    url = URL.createObjectURL(new Blob([JSON.stringify(shapes)], { type: 'application/geo+json' }));
    bandUrls.push(url);
    while (bandUrls.length > KEPT_BAND_URLS) URL.revokeObjectURL(bandUrls.shift()!);
  }
  return { ...reach, result: withoutBoundaries(reach.result), bands: url ? { summary: reach.bands.summary, shapes: null, url } : reach.bands };
}

function withoutBoundaries(r: ReachAssessment): ReachAssessment {
  const strip = (g: DistrictGrid | null): DistrictGrid | null => (g ? { ...g, grid: { ...g.grid, polygons: [] } } : null);
  const reachGrid = strip(r.reachGrid);
  // the two are often one object: keep them one, so it crosses once
  const districtGrid = r.districtGrid === r.reachGrid ? reachGrid : strip(r.districtGrid);
  return { ...r, reachGrid, districtGrid };
}
