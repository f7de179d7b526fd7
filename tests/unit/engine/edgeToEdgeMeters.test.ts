import { describe, expect, it } from 'vitest';
import type { Geometry, Polygon } from 'geojson';
import { edgeToEdgeMeters } from '../../../src/engine';
import { latitudeNorthOf, meridianArcMeters } from '../../helpers/ellipsoid';

const LON = 118.78;
const LAT = 32.04;

function createSquare(west: number, south: number, sizeDeg: number): Polygon {
  const e = west + sizeDeg;
  const n = south + sizeDeg;
  return { type: 'Polygon', coordinates: [[[west, south], [e, south], [e, n], [west, n], [west, south]]] };
}

function point(lon: number, lat: number): Geometry {
  return { type: 'Point', coordinates: [lon, lat] };
}

describe('edgeToEdgeMeters', () => {
  it('measures a point due north of a polygon’s top edge as the meridian arc between them', () => {
    const square = createSquare(LON, LAT, 0.001);
    const top = LAT + 0.001;
    const north = latitudeNorthOf(top, 50);
    const d = edgeToEdgeMeters(square, point(LON + 0.0005, north));
    expect(d.meters).toBeCloseTo(50, 3);
    expect(d.between).toBe('Polygon–Point');
    expect(d.closestA[1]).toBeCloseTo(top, 9);
  });

  it('measures polygon to polygon from edge to edge, not centre to centre', () => {
    const a = createSquare(LON, LAT, 0.001);
    const southOfB = latitudeNorthOf(LAT + 0.001, 120);
    const b = createSquare(LON + 0.0002, southOfB, 0.002);
    expect(edgeToEdgeMeters(a, b).meters).toBeCloseTo(meridianArcMeters(LAT + 0.001, southOfB), 3);
  });

  it('is 0 for a point inside a polygon', () => {
    expect(edgeToEdgeMeters(point(LON + 0.0005, LAT + 0.0005), createSquare(LON, LAT, 0.001)).meters).toBe(0);
  });

  it('is 0 for polygons that touch along an edge', () => {
    expect(edgeToEdgeMeters(createSquare(LON, LAT, 0.001), createSquare(LON + 0.001, LAT, 0.001)).meters).toBe(0);
  });

  it('is 0 for overlapping polygons and for one nested inside the other', () => {
    expect(edgeToEdgeMeters(createSquare(LON, LAT, 0.002), createSquare(LON + 0.001, LAT + 0.001, 0.002)).meters).toBe(0);
    expect(edgeToEdgeMeters(createSquare(LON, LAT, 0.01), createSquare(LON + 0.004, LAT + 0.004, 0.001)).meters).toBe(0);
  });

  it('is 0 for a line crossing a polygon with no vertex inside it', () => {
    const line: Geometry = { type: 'LineString', coordinates: [[LON - 0.01, LAT + 0.0005], [LON + 0.01, LAT + 0.0005]] };
    expect(edgeToEdgeMeters(line, createSquare(LON, LAT, 0.001)).meters).toBe(0);
  });

  it('respects holes: a point in a MultiPolygon’s hole is as far as the hole’s edge', () => {
    const outer = [[LON, LAT], [LON + 0.01, LAT], [LON + 0.01, LAT + 0.01], [LON, LAT + 0.01], [LON, LAT]];
    const holeSouth = LAT + 0.004;
    const hole = [[LON + 0.004, holeSouth], [LON + 0.004, LAT + 0.006], [LON + 0.006, LAT + 0.006], [LON + 0.006, holeSouth], [LON + 0.004, holeSouth]];
    const withHole: Geometry = { type: 'MultiPolygon', coordinates: [[outer, hole]] };
    const inHole = latitudeNorthOf(holeSouth, 30);
    expect(edgeToEdgeMeters(point(LON + 0.005, inHole), withHole).meters).toBeCloseTo(30, 3);
  });

  it('is symmetric', () => {
    const a = createSquare(LON, LAT, 0.001);
    const b = point(LON + 0.003, LAT + 0.004);
    expect(edgeToEdgeMeters(a, b).meters).toBeCloseTo(edgeToEdgeMeters(b, a).meters, 9);
  });
});
