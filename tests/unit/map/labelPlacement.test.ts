import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Polygon } from 'geojson';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { labelAnchor, placeLabels, type LabelBox } from '../../../src/map/labelPlacement';

const VIEW = { width: 800, height: 600 };
const box = (x: number, y: number, priority: number, inside: LabelBox['inside'] = () => true): LabelBox => ({
  x,
  y,
  w: 60,
  h: 20,
  priority,
  inside,
});
const rect = (l: LabelBox, o: [number, number]) => ({
  x0: l.x + o[0] - l.w / 2,
  y0: l.y + o[1] - l.h / 2,
  x1: l.x + o[0] + l.w / 2,
  y1: l.y + o[1] + l.h / 2,
});
const intersects = (a: ReturnType<typeof rect>, b: ReturnType<typeof rect>) =>
  a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

describe('zone label placement', () => {
  it('keeps the higher-priority label on its anchor and moves the other to a free slot inside its zone', () => {
    const big = box(400, 300, 10);
    const small = box(410, 305, 1);
    const [a, b] = placeLabels([small, big], VIEW);
    expect(b).toEqual([0, 0]);
    expect(a).not.toBeNull();
    expect(intersects(rect(big, b!), rect(small, a!))).toBe(false);
  });

  it('hides a label when no slot inside its zone is free, rather than overlapping', () => {
    const big = box(400, 300, 10);
    const small = box(405, 300, 1, (x, y) => Math.abs(x - 405) < 1 && Math.abs(y - 300) < 1); // a tiny zone: only its anchor
    expect(placeLabels([big, small], VIEW)).toEqual([[0, 0], null]);
  });

  it('never leaves two placed labels overlapping (random crowds)', () => {
    const label = fc.record({
      x: fc.integer({ min: 0, max: 800 }),
      y: fc.integer({ min: 0, max: 600 }),
      w: fc.integer({ min: 20, max: 120 }),
      h: fc.integer({ min: 10, max: 30 }),
      priority: fc.integer(),
    });
    fc.assert(
      fc.property(fc.array(label, { maxLength: 40 }), (ls) => {
        const boxes = ls.map((l) => ({ ...l, inside: () => true }));
        const placed = placeLabels(boxes, VIEW).flatMap((o, i) => (o ? [rect(boxes[i]!, o)] : []));
        for (let i = 0; i < placed.length; i++)
          for (let j = i + 1; j < placed.length; j++) expect(intersects(placed[i]!, placed[j]!)).toBe(false);
      }),
    );
  });

  it('puts the anchor inside a concave zone (a U shape, whose centroid lies outside it)', () => {
    const u: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    };
    const at = labelAnchor(u);
    expect(booleanPointInPolygon(at, u)).toBe(true);
    // the bottom bar is the widest part: the pole lies in it
    expect(at[1]).toBeLessThan(1);
  });
});
