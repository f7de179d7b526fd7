// The reach grid as map polygons: one MultiPolygon per time band (disjoint: a cell is in the band its minutes fall
// in), plus the cells nothing reaches. Built in the engine worker, so the map gets a handful of features instead of
// one square per grid cell (a 100 m grid over a city is 10⁵–10⁶ cells). Outlines come from `cellSetRings` (exact
// cell corners, holes kept); each hole is given to the smallest outer ring around it, as GeoJSON polygons need.
import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import type { ReachAssessment, ReachProfile } from '../engine';
import { fromPlane } from '../engine/geo/localPlane';
import { ringCoversPoint } from '../engine/geo/ringCoversPoint';
import { signedArea } from '../engine/geo/signedArea';
import { cellSetRings, reachBands } from './reachGridBands';

export interface ReachBandProperties {
  /** band index (0 = fastest); -1 for the cells no resource reaches */
  band: number;
  label: string;
  fill: string;
  /** the band's upper bound in minutes from the alarm (null: the open last band, or unreached) */
  upTo: number | null;
  km2: number;
}

export const UNREACHED_FILL = '#9e9e9e';

/**
 * The reach grid as band polygons for the map. From the engine worker they come as a data: URL of their GeoJSON:
 * the map's own worker fetches and parses it, so the page never deserialises a megabyte of nested coordinates;
 * in-process (tests, no Worker) as the shapes themselves. `summary`: each band's label, colour and km².
 */
export interface ReachBandLayer {
  summary: ReachBandProperties[];
  shapes: FeatureCollection<MultiPolygon, ReachBandProperties> | null;
  url: string | null;
}

/** The band layer with its shapes (in-process; the engine worker replaces the shapes with a URL). */
export function reachBandLayer(reach: ReachAssessment, profile: ReachProfile): ReachBandLayer {
  const shapes = reachBandShapes(reach, profile);
  return { summary: shapes.features.map((f) => f.properties), shapes, url: null };
}

/** Band polygons of the reach grid (empty without a grid), fastest band first, unreached last. */
export function reachBandShapes(
  reach: ReachAssessment,
  profile: ReachProfile,
): FeatureCollection<MultiPolygon, ReachBandProperties> {
  const g = reach.reachGrid;
  if (!g) return { type: 'FeatureCollection', features: [] };
  const bands = reachBands(profile);
  const { grid } = g;
  const n = grid.cols * grid.rows;
  const sets = Array.from({ length: bands.length + 1 }, () => new Uint8Array(n));
  const counts = new Array<number>(bands.length + 1).fill(0);
  for (let k = 0; k < g.cells.length; k++) {
    const m = g.cellMinutes[k]!;
    let slot = bands.length; // unreached
    if (!Number.isNaN(m)) {
      slot = bands.length - 1;
      for (let b = 0; b < bands.length; b++)
        if (m <= bands[b]!.upTo) {
          slot = b;
          break;
        }
    }
    sets[slot]![g.cells[k]!] = 1;
    counts[slot]!++;
  }
  const corner = (c: number, r: number): Position => {
    const [lon, lat] = fromPlane(grid.plane, grid.x0 + c * grid.cellM, grid.y0 + r * grid.cellM);
    return [Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
  };
  const features: Feature<MultiPolygon, ReachBandProperties>[] = [];
  sets.forEach((set, slot) => {
    if (counts[slot] === 0) return;
    const polygons = groupRings(cellSetRings(grid.cols, grid.rows, set));
    const coordinates = polygons.map((rings) => rings.map((ring) => closeRing(ring.map(([c, r]) => corner(c, r)))));
    const band = bands[slot];
    features.push({
      type: 'Feature',
      geometry: { type: 'MultiPolygon', coordinates },
      properties: band
        ? {
            band: slot,
            label: band.label,
            fill: band.fill,
            upTo: Number.isFinite(band.upTo) ? band.upTo : null,
            km2: counts[slot]! * g.cellKm2,
          }
        : { band: -1, label: '无法到达', fill: UNREACHED_FILL, upTo: null, km2: counts[slot]! * g.cellKm2 },
    });
  });
  return { type: 'FeatureCollection', features };
}

const closeRing = (ring: Position[]): Position[] => [...ring, ring[0]!];

/**
 * Rings of a cell set (the set on the left of every edge) as polygons: outer rings turn one way, holes the other.
 * A hole belongs to the smallest outer ring containing a point just inside the hole's first edge, on the set's side.
 */
export function groupRings(rings: [number, number][][]): [number, number][][][] {
  if (rings.length === 0) return [];
  const areas = rings.map(signedArea);
  // the ring with the lowest corner is an outer one; every outer ring turns the same way
  const outerSign = Math.sign(areas[0]!);
  const outers: {
    ring: [number, number][];
    area: number;
    box: [number, number, number, number];
    holes: [number, number][][];
  }[] = [];
  const holes: [number, number][][] = [];
  rings.forEach((ring, i) => {
    if (Math.sign(areas[i]!) === outerSign) {
      let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const [x, y] of ring) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
      outers.push({ ring, area: Math.abs(areas[i]!), box: [x0, y0, x1, y1], holes: [] });
    } else holes.push(ring);
  });
  for (const hole of holes) {
    // a point a quarter cell to the left of the hole's first edge: inside the set, so inside its outer ring
    const [ax, ay] = hole[0]!;
    const [bx, by] = hole[1]!;
    const dx = Math.sign(bx - ax);
    const dy = Math.sign(by - ay);
    const px = ax + dx * 0.5 - dy * 0.25;
    const py = ay + dy * 0.5 + dx * 0.25;
    let best: (typeof outers)[number] | undefined;
    for (const o of outers) {
      if (px < o.box[0] || px > o.box[2] || py < o.box[1] || py > o.box[3]) continue;
      if ((!best || o.area < best.area) && ringCoversPoint(o.ring, px, py)) best = o;
    }
    best?.holes.push(hole);
  }
  return outers.map((o) => [o.ring, ...o.holes]);
}
