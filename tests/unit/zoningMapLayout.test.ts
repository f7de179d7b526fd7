// F1's furniture and labels on real city shapes: Shanghai (金山区 ran into the legend before), Wuhan, Yinchuan and
// the Nanjing demo. The boxes the layout reports are checked against the projected district polygons with an exact
// rectangle–polygon test written here (not the layout's own occupancy grid), and against each other.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { assess } from '../../src/engine';
import { readZones } from '../../src/io';
import { zoningMapFigure, zoningMapLayout, type ZoningMapLayout } from '../../src/figures/zoningMapFigure';
import type { Box } from '../../src/figures/mapLayout';
import { createConfig } from '../helpers/sites';

const CITIES = {
  上海: 'tests/fixtures/cities/shanghai_districts.wgs84.geojson',
  武汉: 'tests/fixtures/cities/wuhan_districts.wgs84.geojson',
  银川: 'tests/fixtures/cities/yinchuan_districts.wgs84.geojson',
  南京: 'data/demo/nanjing-districts.wgs84.geojson',
};

const overlap = (a: Box, b: Box) => a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;

function segmentsCross([ax, ay]: number[], [bx, by]: number[], [cx, cy]: number[], [dx, dy]: number[]): boolean {
  const o = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) =>
    Math.sign((qx - px) * (ry - py) - (qy - py) * (rx - px));
  return (
    o(ax!, ay!, bx!, by!, cx!, cy!) !== o(ax!, ay!, bx!, by!, dx!, dy!) &&
    o(cx!, cy!, dx!, dy!, ax!, ay!) !== o(cx!, cy!, dx!, dy!, bx!, by!)
  );
}

function insideRings(x: number, y: number, rings: number[][][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi! > y !== yj! > y && x < ((xj! - xi!) * (y - yi!)) / (yj! - yi!) + xi!) inside = !inside;
    }
  }
  return inside;
}

/** Exact: a vertex in the box, an edge crossing a box side, or the box's centre inside the polygon. */
function boxHitsPolygon(b: Box, rings: number[][][]): boolean {
  const corners = [
    [b.x0, b.y0],
    [b.x1, b.y0],
    [b.x1, b.y1],
    [b.x0, b.y1],
  ];
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const [x, y] = ring[i]!;
      if (x! >= b.x0 && x! <= b.x1 && y! >= b.y0 && y! <= b.y1) return true;
      if (i === 0) continue;
      for (let k = 0; k < 4; k++)
        if (segmentsCross(ring[i - 1]!, ring[i]!, corners[k]!, corners[(k + 1) % 4]!)) return true;
    }
  }
  return insideRings((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2, rings);
}

function layoutFor(file: string): { layout: ZoningMapLayout; svg: string } {
  const zones = readZones(readFileSync(file, 'utf8'));
  const input = { assessment: assess({ sites: [], zones }, createConfig()), zonePolygons: zones };
  return {
    layout: zoningMapLayout(input),
    svg: zoningMapFigure(input, { dataDate: '2026-10-31', methodName: '测试', attribution: '测试' }).svg,
  };
}

describe('F1 layout on real city shapes', () => {
  for (const [city, file] of Object.entries(CITIES)) {
    it(`${city}: legend, north arrow, scale bar and labels cover no district and no other box`, () => {
      const { layout, svg } = layoutFor(file);
      expect(layout.zonePolygons.length).toBeGreaterThan(5);
      // the checker itself: a small box on each district's label anchor does hit that district
      layout.labels.forEach((l, i) => {
        const [x, y] = l.anchor;
        expect(boxHitsPolygon({ x0: x - 1, y0: y - 1, x1: x + 1, y1: y + 1 }, layout.zonePolygons[i]!), l.name).toBe(
          true,
        );
      });
      expect(layout.furniture.map((f) => f.kind)).toEqual(expect.arrayContaining(['legend', 'north', 'scale']));
      for (const f of layout.furniture) {
        for (const rings of layout.zonePolygons) expect(boxHitsPolygon(f.box, rings), `${city} ${f.kind}`).toBe(false);
        expect(f.box.x0, f.kind).toBeGreaterThanOrEqual(0);
        expect(f.box.x1, f.kind).toBeLessThanOrEqual(layout.width);
        expect(f.box.y1, f.kind).toBeLessThanOrEqual(layout.height);
      }
      const boxes: [string, Box][] = [
        ...layout.furniture.map((f): [string, Box] => [f.kind, f.box]),
        ...layout.labels.flatMap((l): [string, Box][] => (l.box ? [[l.name, l.box]] : [])),
      ];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++)
          expect(overlap(boxes[i]![1], boxes[j]![1]), `${city}: ${boxes[i]![0]} × ${boxes[j]![0]}`).toBe(false);
      }
      // every district is named: on the map, or by a numbered callout that the list beside the map resolves
      for (const l of layout.labels) {
        expect(l.box !== null || l.callout !== null, l.name).toBe(true);
        expect(svg).toContain(`>${l.callout === null ? l.name : `${l.callout} ${l.name}`}`);
      }
    });
  }

  it('Shanghai: 金山区 and the legend no longer meet', () => {
    const { layout } = layoutFor(CITIES.上海);
    const legend = layout.furniture.find((f) => f.kind === 'legend')!.box;
    // the layout lists districts in adcode order (金山区 is 310116)
    const ordered = readZones(readFileSync(CITIES.上海, 'utf8')).sort((a, b) => Number(a.code) - Number(b.code));
    const jinshan = ordered.findIndex((z) => z.name === '金山区');
    expect(layout.labels[jinshan]!.name).toBe('金山区');
    expect(boxHitsPolygon(legend, layout.zonePolygons[jinshan]!)).toBe(false);
  });
});
