// Zone labels placed by measuring (pure): each label sits on its zone's pole of inaccessibility; where it would
// overlap a label already placed (small central districts), it tries nearby slots that stay inside its zone, and is
// left out only when none is free. Higher priority places first (the selected zone, then larger zones).
import polylabel from 'polylabel';
import type { MultiPolygon, Polygon } from 'geojson';

export interface LabelBox {
  /** the anchor on screen (px) */
  x: number;
  y: number;
  /** the label's rendered size (px) */
  w: number;
  h: number;
  priority: number;
  /** is this screen point inside the label's zone? (slots off the anchor must be) */
  inside(x: number, y: number): boolean;
}

/** Offsets from the anchor (px) for each label, in input order; null = no free slot (hidden). */
export function placeLabels(
  labels: LabelBox[],
  viewport: { width: number; height: number },
): ([number, number] | null)[] {
  const out: ([number, number] | null)[] = labels.map(() => null);
  const placed: { x0: number; y0: number; x1: number; y1: number }[] = [];
  const order = labels.map((_, i) => i).sort((a, b) => labels[b]!.priority - labels[a]!.priority);
  const GAP = 2;
  for (const i of order) {
    const l = labels[i]!;
    for (const [dx, dy] of slots(l.w, l.h)) {
      const cx = l.x + dx;
      const cy = l.y + dy;
      const box = { x0: cx - l.w / 2 - GAP, y0: cy - l.h / 2 - GAP, x1: cx + l.w / 2 + GAP, y1: cy + l.h / 2 + GAP };
      // off screen: the label cannot be read there, and a neighbour may use the room
      if (box.x1 < 0 || box.y1 < 0 || box.x0 > viewport.width || box.y0 > viewport.height) continue;
      if ((dx !== 0 || dy !== 0) && !l.inside(cx, cy)) continue;
      if (placed.some((p) => p.x0 < box.x1 && box.x0 < p.x1 && p.y0 < box.y1 && box.y0 < p.y1)) continue;
      placed.push(box);
      out[i] = [dx, dy];
      break;
    }
  }
  return out;
}

/** The anchor first, then slots one label-height above and below, half a width to each side, and the diagonals. */
function slots(w: number, h: number): [number, number][] {
  const v = h + 4;
  const s = w / 2 + 4;
  return [
    [0, 0],
    [0, -v],
    [0, v],
    [-s, 0],
    [s, 0],
    [-s, -v],
    [s, -v],
    [-s, v],
    [s, v],
    [0, -2 * v],
    [0, 2 * v],
  ];
}

/** A point well inside the zone's largest part (pole of inaccessibility; lon scaled by cos lat so it is central on the map). */
export function labelAnchor(g: Polygon | MultiPolygon): [number, number] {
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let best = parts[0]!;
  let bestArea = -1;
  for (const p of parts) {
    const a = Math.abs(ringArea(p[0] ?? []));
    if (a > bestArea) [best, bestArea] = [p, a];
  }
  const k = Math.cos(((best[0]?.[0]?.[1] ?? 0) * Math.PI) / 180) || 1;
  const scaled = best.map((ring) => ring.map(([x, y]): [number, number] => [x! * k, y!]));
  const p = polylabel(scaled, 1e-5);
  return [p[0]! / k, p[1]!];
}

function ringArea(ring: number[][]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    s += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return s / 2;
}
