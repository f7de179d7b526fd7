// The reach as it crosses from the engine worker to the page with an assessment, made cheap to receive: a city with
// 2 000 stations had a 5 MB reach whose deserialisation held the page ≈ 70 ms. The band polygons (most of it, as
// nested coordinate arrays) go as one string, a data: URL the map's worker fetches and parses itself; the grids go
// without the study area's boundary polygons, which were only needed to lay the grid out (cells and minutes stay).
import type { ReachAssessment } from '../engine';
import type { DistrictGrid } from '../engine/reach/stationDistricts';
import type { AssessedReach } from '../state/assessedReach';

export function reachForPage(reach: AssessedReach): AssessedReach {
  const { shapes } = reach.bands;
  // a data: URL, not a blob: one: MapLibre's worker fetches http(s) and data: URLs itself, but hands any other scheme
  // (blob: included) to the page, which then fetched, parsed and re-serialised the bands on its own thread (175 ms).
  // Percent-encoded, so no "://" appears in it (MapLibre's test for a scheme to hand over).
  const url = shapes ? `data:application/geo+json,${encodeURIComponent(JSON.stringify(shapes))}` : null;
  return { ...reach, result: withoutBoundaries(reach.result), bands: url ? { summary: reach.bands.summary, shapes: null, url } : reach.bands };
}

function withoutBoundaries(r: ReachAssessment): ReachAssessment {
  const strip = (g: DistrictGrid | null): DistrictGrid | null => (g ? { ...g, grid: { ...g.grid, polygons: [] } } : null);
  const reachGrid = strip(r.reachGrid);
  // the two are often one object: keep them one, so it crosses once
  const districtGrid = r.districtGrid === r.reachGrid ? reachGrid : strip(r.districtGrid);
  return { ...r, reachGrid, districtGrid };
}
