// GeoJSON geometry → EWKT in SRID 4326, the text PostGIS reads into a geography column (COPY's text format).
// Coordinates are written as JavaScript prints them (shortest round-trip form), so PostGIS gets the very doubles
// the in-process engine measures.
import type { Geometry, Position } from 'geojson';

export function toEwkt(g: Geometry): string {
  return `SRID=4326;${wkt(g)}`;
}

function wkt(g: Geometry): string {
  switch (g.type) {
    case 'Point':
      return `POINT(${xy(g.coordinates)})`;
    case 'MultiPoint':
      return `MULTIPOINT(${g.coordinates.map((p) => `(${xy(p)})`).join(',')})`;
    case 'LineString':
      return `LINESTRING${ring(g.coordinates)}`;
    case 'MultiLineString':
      return `MULTILINESTRING(${g.coordinates.map(ring).join(',')})`;
    case 'Polygon':
      return `POLYGON${rings(g.coordinates)}`;
    case 'MultiPolygon':
      return `MULTIPOLYGON(${g.coordinates.map(rings).join(',')})`;
    case 'GeometryCollection':
      return `GEOMETRYCOLLECTION(${g.geometries.map(wkt).join(',')})`;
  }
}

function xy(p: Position): string {
  return `${p[0]} ${p[1]}`;
}

function ring(points: Position[]): string {
  return `(${points.map(xy).join(',')})`;
}

function rings(list: Position[][]): string {
  return `(${list.map(ring).join(',')})`;
}
