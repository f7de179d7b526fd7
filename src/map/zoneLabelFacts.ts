// Where a zone's label goes and how large the zone is, computed once per zone shape: a pole of inaccessibility costs
// milliseconds per detailed district, and every assessment, filter change and language switch re-placed every label
// (the zones arrive as new objects with each assessment, so the cache is keyed by the shape's content, not its object).
import { area as turfArea } from '@turf/area';
import type { MultiPolygon, Polygon } from 'geojson';
import { labelAnchor } from './labelPlacement';

export interface ZoneLabelFacts {
  anchor: [number, number];
  /** m² on the sphere (turf), for label priority */
  area: number;
}

const known = new Map<string, ZoneLabelFacts>();
/** Cached shapes beyond which the cache starts over (a grid zoning of thousands of cells is never labelled anyway). */
const MAX_KNOWN = 5_000;

export function zoneLabelFacts(id: string, g: Polygon | MultiPolygon): ZoneLabelFacts {
  const key = `${id}|${shapeSignature(g)}`;
  let facts = known.get(key);
  if (!facts) {
    if (known.size >= MAX_KNOWN) known.clear();
    known.set(key, (facts = { anchor: labelAnchor(g), area: turfArea(g) }));
  }
  return facts;
}

/** Vertex count and a position-weighted sum of the coordinates: equal for the same shape, different for an edited one. */
function shapeSignature(g: Polygon | MultiPolygon): string {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let n = 0;
  let sum = 0;
  for (const p of polys)
    for (const ring of p)
      for (const c of ring) {
        n++;
        sum += (c[0]! * 1.000003 + c[1]! * 0.999997) * ((n % 97) + 1);
      }
  return `${g.type}:${n}:${sum}`;
}
