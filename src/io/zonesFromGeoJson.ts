// Zoning units from a GeoJSON FeatureCollection of Polygon/MultiPolygon features (districts, 街道, grids), the
// conversion to WGS-84 given (readZones.ts: from a CRS); the page reads WGS-84 zones (GeoJSON, RFC 7946) and so
// does not load the conversions (gcoord, proj4).
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { areaTypeOf, type Zone } from '../engine';
import { FileFormatError, geoJsonFeatures } from './geoJsonFeatures';

/** Zones of a WGS-84 file. */
export const readWgs84Zones = (text: string): Zone[] => zonesFromGeoJson(text, (geometry) => geometry);

export function zonesFromGeoJson(text: string, toWgs84: (geometry: Polygon | MultiPolygon) => Geometry | null): Zone[] {
  const features = geoJsonFeatures(
    text,
    '分区 ',
    '分区文件须为 GeoJSON FeatureCollection (zones: expected a FeatureCollection of polygons)',
  );
  const zones: Zone[] = [];
  features.forEach((f, i) => {
    const feature = f as { id?: unknown; geometry?: { type?: string }; properties?: Record<string, unknown> | null };
    const type = feature.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      throw new FileFormatError(
        `分区第 ${i + 1} 个要素不是面 (zone feature ${i + 1} is ${type ?? 'empty'}; expected Polygon or MultiPolygon)`,
      );
    }
    const p = feature.properties ?? {};
    const id = String(p.id ?? p.adcode ?? feature.id ?? `zone-${i + 1}`);
    const name = String(p.name ?? p.名称 ?? id);
    const zone: Zone = {
      id,
      name,
      geometry: toWgs84(feature.geometry as Polygon | MultiPolygon) as Polygon | MultiPolygon,
    };
    const population = Number(p.population ?? p.人口 ?? p.常住人口);
    if (Number.isFinite(population) && population > 0) zone.population = population;
    const code = p.adcode ?? p.code ?? p.行政区划代码;
    if (typeof code === 'string' || typeof code === 'number') zone.code = String(code);
    // which rescue circle applies (issue #21): 建成区/工业园区 → 135, 郊区/农村 → 15 minutes
    const areaType = p.area_type ?? p.区域类型 ?? p.用地类型;
    if (typeof areaType === 'string' && areaTypeOf(areaType)) zone.areaType = areaTypeOf(areaType);
    zones.push(zone);
  });
  return zones;
}
