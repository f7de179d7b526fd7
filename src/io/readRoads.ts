// A road network from GeoJSON (LineString / MultiLineString features, e.g. an OpenStreetMap export): each line's
// class, stated speed and direction, as the engine's RoadLine. Tags read: highway / road_class / fclass / 道路等级;
// maxspeed / speed / speed_kmh / 速度 / 限速 (km/h; "30 mph" is converted); oneway (yes/true/1/是 = the drawn
// direction, -1/reverse = against it). OSM's implied one-ways are kept: a motorway or a roundabout without a oneway
// tag is one-way in its drawn direction (OSM wiki, Key:oneway).
import type { Position } from 'geojson';
import type { OneWay, RoadLine } from '../engine';
import type { Crs } from './crs';
import { toWgs84 } from './toWgs84';
import { firstPropertyText } from './featureText';
import { FileFormatError, geoJsonFeatures } from './geoJsonFeatures';

export function readRoads(text: string, crs: Crs = 'wgs84'): RoadLine[] {
  const features = geoJsonFeatures(
    text,
    '路网 ',
    '路网文件须为 GeoJSON FeatureCollection (roads: expected a FeatureCollection of lines)',
  );
  const lines: RoadLine[] = [];
  features.forEach((f, i) => {
    const feature = f as {
      geometry?: { type?: string; coordinates?: unknown };
      properties?: Record<string, unknown> | null;
    };
    const g = feature.geometry;
    if (g?.type !== 'LineString' && g?.type !== 'MultiLineString') {
      throw new FileFormatError(
        `路网第 ${i + 1} 个要素不是线 (road feature ${i + 1} is ${g?.type ?? 'empty'}; expected LineString or MultiLineString)`,
      );
    }
    const wgs = toWgs84(g as never, crs) as {
      type: 'LineString' | 'MultiLineString';
      coordinates: Position[] | Position[][];
    };
    const parts = wgs.type === 'LineString' ? [wgs.coordinates as Position[]] : (wgs.coordinates as Position[][]);
    const p = feature.properties ?? {};
    // an OSM export may carry railways, rivers and power lines beside the roads: their key becomes the class, which
    // the profile excludes (a river must not become a 20 km/h street)
    const roadClass =
      firstPropertyText(p, ['highway', 'road_class', 'fclass', 'class', '道路等级', '等级']) ??
      NON_ROAD_KEYS.find((k) => p[k] !== undefined && p[k] !== null);
    const speedKmh = speedOf(firstPropertyText(p, ['maxspeed', 'speed_kmh', 'speed', '速度', '限速']));
    const oneway = onewayOf(firstPropertyText(p, ['oneway', '单行']), roadClass, firstPropertyText(p, ['junction']));
    for (const part of parts) {
      const coords = part.map((c) => [Number(c[0]), Number(c[1])] as [number, number]);
      if (coords.some(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y)))
        throw new FileFormatError(`路网第 ${i + 1} 个要素的坐标不是数字`);
      lines.push({ coords, ...(roadClass ? { roadClass } : {}), ...(speedKmh ? { speedKmh } : {}), oneway });
    }
  });
  return lines;
}

const NON_ROAD_KEYS = ['railway', 'waterway', 'power', 'aerialway', 'barrier'];

function speedOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*(mph)?/i.exec(text);
  if (!m) return undefined; // "signals", "none", "walk": no number to use
  const v = Number(m[1]) * (m[2] ? 1.609344 : 1);
  return v > 0 ? v : undefined;
}

function onewayOf(tag: string | undefined, roadClass: string | undefined, junction: string | undefined): OneWay {
  const t = tag?.toLowerCase();
  if (t === 'yes' || t === 'true' || t === '1' || t === '是') return 'forward';
  if (t === '-1' || t === 'reverse') return 'backward';
  if (t === 'no' || t === 'false' || t === '0' || t === '否') return 'no';
  if (roadClass === 'motorway' || junction === 'roundabout') return 'forward';
  return 'no';
}
