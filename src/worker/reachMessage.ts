// The reach as it crosses from the engine worker to the page with an assessment, made cheap to receive: a city with
// 2 000 stations had a 5 MB reach whose deserialisation held the page ≈ 70 ms. The band polygons (most of it, as
// nested coordinate arrays) go as one string, a data: URL the map's worker fetches and parses itself; the grids go
// without the study area's boundary polygons, which were only needed to lay the grid out (cells and minutes stay),
// and with typed arrays of their own, transferred (reachTransfer): copying bytes into the page was the costly part of
// a clone (≈ 20 ms for the grids' 2 MB in headless Chromium here), a transfer costs nothing.
import type { AssessedSite, ReachAssessment } from '../engine';
import { packCover } from './coverColumns';
import type { DistrictGrid } from '../engine/reach/stationDistricts';
import type { AssessedReach } from '../state/assessedReach';

export function reachForPage(reach: AssessedReach, sites: readonly AssessedSite[]): AssessedReach {
  const { shapes } = reach.bands;
  // the cover as columns (a row per scored site and target: a million objects at a million sites)
  const packed =
    reach.result.cover &&
    packCover(
      reach.result.cover,
      sites,
      reach.result.resources.map((r) => r.id),
    );
  // a data: URL, not a blob: one: MapLibre's worker fetches http(s) and data: URLs itself, but hands any other scheme
  // (blob: included) to the page, which then fetched, parsed and re-serialised the bands on its own thread (175 ms).
  const url = shapes ? oneByte(`data:application/geo+json,${escapeForDataUrl(JSON.stringify(shapes))}`) : null;
  const result = forPage(reach.result);
  return {
    ...reach,
    result: packed ? { ...result, cover: null } : result,
    bands: url ? { summary: reach.bands.summary, shapes: null, url } : reach.bands,
    ...(packed ? { coverColumns: packed } : {}),
  };
}

/**
 * JSON escaped only where a data: URL needs it: "%" and "#" (an escape, a fragment), "/" (so no "://" appears: MapLibre's
 * test for a scheme to hand over), white space and what is not ASCII. The page parses the URL (MapLibre resolves it
 * before posting it to its worker), in time that grows with its length: escaping every bracket, comma, colon and quote
 * (encodeURIComponent) made it a third longer.
 */
export const escapeForDataUrl = (json: string): string => json.replace(/[%#/\s\u0080-\uffff]+/g, encodeURIComponent);

/**
 * The same ASCII text stored one byte a character. A string made from JSON that holds any Chinese (the bands' labels)
 * stays two bytes a character after escaping, and every copy of it costs double: the message, and the URL MapLibre
 * resolves and posts on the page (measured: 1.9 MB for a 0.9 MB URL).
 */
const oneByte = (ascii: string): string => new TextDecoder('latin1').decode(new TextEncoder().encode(ascii));

/** The buffers of a reach made by reachForPage, to transfer with it (each once: the grids may share arrays). */
export function reachTransfer(reach: AssessedReach): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const c = reach.coverColumns;
  if (c)
    for (const a of [c.position, c.nearest, c.minutes, c.circle, c.covered, c.note])
      buffers.add(a.buffer as ArrayBuffer);
  for (const g of [reach.result.reachGrid, reach.result.districtGrid]) {
    if (!g) continue;
    for (const a of [g.grid.inside, g.grid.onEdge, g.cells, g.cellMinutes, g.cellStation])
      buffers.add(a.buffer as ArrayBuffer);
  }
  return Array.from(buffers);
}

function forPage(r: ReachAssessment): ReachAssessment {
  // copies, so what the worker still holds is not detached by the transfer; one copy per array, so shared stays shared
  const copies = new Map<ArrayBufferView, ArrayBufferView>();
  const own = <T extends Uint8Array | Int32Array | Float32Array>(a: T): T => {
    let copy = copies.get(a);
    if (!copy) copies.set(a, (copy = a.slice()));
    return copy as T;
  };
  const strip = (g: DistrictGrid | null): DistrictGrid | null =>
    g
      ? {
          ...g,
          grid: { ...g.grid, polygons: [], inside: own(g.grid.inside), onEdge: own(g.grid.onEdge) },
          cells: own(g.cells),
          cellMinutes: own(g.cellMinutes),
          cellStation: own(g.cellStation),
        }
      : null;
  const reachGrid = strip(r.reachGrid);
  // the two are often one object: keep them one, so it crosses once
  const districtGrid = r.districtGrid === r.reachGrid ? reachGrid : strip(r.districtGrid);
  return { ...r, reachGrid, districtGrid };
}
