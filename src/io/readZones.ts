// Zoning units from a GeoJSON FeatureCollection of Polygon/MultiPolygon features (districts, 街道, grids), in `crs`.
import type { Zone } from '../engine';
import type { Crs } from './crs';
import { toWgs84 } from './toWgs84';
import { zonesFromGeoJson } from './zonesFromGeoJson';

export const readZones = (text: string, crs: Crs = 'wgs84'): Zone[] => zonesFromGeoJson(text, (g) => toWgs84(g, crs));
