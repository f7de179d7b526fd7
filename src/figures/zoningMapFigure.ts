// F1 — the city's four-colour zoning map as a cartographic figure, drawn from the data with d3-geo (no screenshot):
// transverse Mercator on the city's own central meridian (distortion under 0.01 % across a city), north arrow,
// geodesic scale bar, district names with their level, legend with counts. Pure string output: same bytes in Node
// and the browser.
import { geoPath, geoTransverseMercator, type GeoProjection } from 'd3-geo';
import rewind from '@turf/rewind';
import polylabel from 'polylabel';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { areaKm2, geodesicDestination, signedArea, LEVEL_ZH, LEVELS, type Assessment, type Level, type Zone } from '../engine';
import { toCsv } from '../io/csvWrite';
import { escapeXml as esc } from '../io/escapeXml';
import { FIGURE_FONT, LEVEL_FILL } from './palette';
import { figureSubtitle, type Figure, type FigureOptions } from './figure';

const WIDTH = 960;
const MARGIN = { top: 104, right: 24, bottom: 64, left: 24 };
const MAP_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const NO_LEVEL_FILL = '#ffffff';

export interface ZoningMapInput {
  assessment: Assessment;
  /** the district (or study-area) polygons, outlined and named over the zones */
  districts: Zone[];
}

export function zoningMapFigure({ assessment: a, districts }: ZoningMapInput, options: FigureOptions): Figure {
  const title = a.grid ? `图1 城市安全风险四色分布图(${a.grid.shape === 'hex' ? '六边形' : '方形'}网格 ${a.grid.cellM} m)` : '图1 城市安全风险四色分布图';
  const zoneFeatures = a.zones.map((z) => asD3Feature(z.geometry, { id: z.id, level: z.level }));
  const districtFeatures = districts.map((d) => asD3Feature(d.geometry, { id: d.id, name: d.name }));
  const extentFeatures: FeatureCollection = { type: 'FeatureCollection', features: districtFeatures.length ? districtFeatures : zoneFeatures };

  // Height follows the city's shape, within what an A4 page holds.
  const probe = projectionFor(extentFeatures, MAP_WIDTH, 10_000);
  const [[x0, y0], [x1, y1]] = geoPath(probe).bounds(extentFeatures);
  const mapHeight = Math.round(Math.min(1000, Math.max(480, (MAP_WIDTH * (y1 - y0)) / Math.max(1, x1 - x0))));
  const projection = projectionFor(extentFeatures, MAP_WIDTH, mapHeight);
  const path = geoPath(projection).digits(1);
  const height = MARGIN.top + mapHeight + MARGIN.bottom;
  const tx = (x: number) => (x + MARGIN.left).toFixed(1);
  const ty = (y: number) => (y + MARGIN.top).toFixed(1);
  const translate = `translate(${MARGIN.left},${MARGIN.top})`;

  const parts: string[] = [];
  parts.push( // spread-ok: the subtitle lines
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FIGURE_FONT}">`,
    `<title>${esc(title)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    text(WIDTH / 2, 34, title, { size: 20, anchor: 'middle', weight: 'bold' }),
    ...figureSubtitle(options).map((line, i) => text(WIDTH / 2, 60 + i * 18, line, { size: 13, anchor: 'middle', fill: '#444' })),
    `<g transform="${translate}" stroke-linejoin="round">`,
  );
  // zones: fill by level; thin outlines only when they are few enough to read
  const zoneStroke = a.grid ? 'none' : '#ffffff';
  for (const f of zoneFeatures) {
    const level = f.properties!.level as Level | null;
    const d = path(f);
    if (d) parts.push(`<path d="${d}" fill="${level ? LEVEL_FILL[level] : NO_LEVEL_FILL}" stroke="${zoneStroke}" stroke-width="0.6"/>`);
  }
  for (const f of districtFeatures) {
    const d = path(f);
    if (d) parts.push(`<path d="${d}" fill="none" stroke="#333333" stroke-width="1.2"/>`);
  }
  parts.push('</g>');

  // district names (and, for polygon zoning, the district's level: colour is never the only carrier)
  const levelOfDistrict = new Map(a.grid ? [] : a.zones.map((z) => [z.id, z.level]));
  const labels = districts.map((d, i) => {
    const [x, y] = labelPoint(districtFeatures[i]!, projection);
    const level = levelOfDistrict.get(d.id);
    return { x, y, name: d.name, sub: level ? LEVEL_ZH[level] : '' };
  });
  placeLabels(labels);
  parts.push('<g>');
  for (const l of labels) {
    if (l.leader) {
      parts.push(`<line x1="${tx(l.x)}" y1="${ty(l.y)}" x2="${tx(l.lx)}" y2="${ty(l.ly - 4)}" stroke="#333" stroke-width="0.8"/>`);
      parts.push(`<circle cx="${tx(l.x)}" cy="${ty(l.y)}" r="1.8" fill="#333"/>`);
    }
    parts.push(text(Number(tx(l.lx)), Number(ty(l.ly)), l.name, { size: 13, anchor: 'middle', weight: 'bold', halo: true }));
    if (l.sub) parts.push(text(Number(tx(l.lx)), Number(ty(l.ly)) + 15, l.sub, { size: 11, anchor: 'middle', halo: true }));
  }
  parts.push('</g>');

  parts.push(northArrow(WIDTH - MARGIN.right - 40, MARGIN.top + 10));
  parts.push(scaleBar(projection, WIDTH - MARGIN.right - 10, MARGIN.top + mapHeight - 16));
  const rows = a.zones.map((z) => ({ z, km2: areaKm2(z.geometry) }));
  parts.push(legend(rows, a.aggregationMode, MARGIN.left + 6, MARGIN.top + mapHeight - 22 * (LEVELS.length + (a.zones.some((z) => z.level === null) ? 1 : 0)) - 34));
  parts.push(text(MARGIN.left, height - 36, `投影:横轴墨卡托,中央经线 ${projectionMeridian(projection)}°E(WGS-84)· 分区数 ${a.zones.length}`, { size: 11, fill: '#555' }));
  parts.push(text(MARGIN.left, height - 16, options.attribution, { size: 11, fill: '#555' }));
  parts.push('</svg>');

  const csv = toCsv(rows, [
    { header: '分区编号', value: (r) => r.z.id },
    { header: '分区名称', value: (r) => r.z.name },
    { header: '风险等级', value: (r) => (r.z.level ? LEVEL_ZH[r.z.level] : '无风险点') },
    { header: 'level', value: (r) => r.z.level },
    { header: '分值', value: (r) => r.z.score },
    { header: '聚合方式', value: (r) => r.z.mode },
    { header: '贡献风险点数', value: (r) => r.z.contributors.length },
    { header: '面积(km²)', value: (r) => r.km2, digits: 3 },
  ], { bom: true });
  return { id: 'F1-zoning-map', title, svg: parts.join('\n') + '\n', csv, width: WIDTH, height };
}

/** d3-geo reads rings clockwise (spherical); GeoJSON (RFC 7946) winds exteriors counter-clockwise. */
function asD3Feature(geometry: Polygon | MultiPolygon, properties: Record<string, unknown>): Feature<Polygon | MultiPolygon> {
  const copy = JSON.parse(JSON.stringify(geometry)) as Polygon | MultiPolygon;
  return { type: 'Feature', properties, geometry: rewind(copy, { reverse: true, mutate: true }) as Polygon | MultiPolygon };
}

function projectionFor(fc: FeatureCollection, width: number, height: number): GeoProjection {
  let minLon = Infinity;
  let maxLon = -Infinity;
  for (const f of fc.features) {
    for (const [lon] of positions(f.geometry as Polygon | MultiPolygon)) {
      minLon = Math.min(minLon, lon!);
      maxLon = Math.max(maxLon, lon!);
    }
  }
  const meridian = Math.round(((minLon + maxLon) / 2) * 100) / 100;
  return geoTransverseMercator().rotate([-meridian, 0]).fitExtent([[8, 8], [width - 8, height - 8]], fc);
}

function projectionMeridian(p: GeoProjection): string {
  return (-p.rotate()[0]).toFixed(2);
}

function* positions(g: Polygon | MultiPolygon): Generator<Position> {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polygons) for (const ring of poly) yield* ring;
}

/** Pole of inaccessibility of the largest part, in projected pixels: inside even for concave districts. */
function labelPoint(f: Feature<Polygon | MultiPolygon>, projection: GeoProjection): [number, number] {
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let best: number[][][] = [];
  let bestArea = -1;
  for (const poly of polygons) {
    const projected = poly.map((ring) => ring.map((p) => projection(p as [number, number]) ?? [0, 0]));
    const area = Math.abs(signedArea(projected[0]!));
    if (area > bestArea) {
      bestArea = area;
      best = projected;
    }
  }
  const p = polylabel(best as [number, number][][], 1);
  return [p[0]!, p[1]!];
}

interface Label { x: number; y: number; name: string; sub: string; lx: number; ly: number; leader: boolean }

/**
 * Greedy placement: a label sits on its district's pole; where it would overlap one already placed (small central
 * districts), it moves to the nearest free slot on a ring around the pole and gets a leader line.
 */
function placeLabels(input: { x: number; y: number; name: string; sub: string }[]): asserts input is Label[] {
  const placed: { x0: number; y0: number; x1: number; y1: number }[] = [];
  const box = (l: { name: string; sub: string }, x: number, y: number) => {
    const w = Math.max(l.name.length * 13, l.sub.length * 11) / 2 + 3;
    return { x0: x - w, y0: y - 13, x1: x + w, y1: y + (l.sub ? 18 : 4) };
  };
  const hits = (b: (typeof placed)[number]) => placed.some((p) => b.x0 < p.x1 && b.x1 > p.x0 && b.y0 < p.y1 && b.y1 > p.y0);
  // larger labels first keeps the outer districts on their poles
  const order = input.map((_, i) => i).sort((i, j) => input[i]!.y - input[j]!.y || input[i]!.x - input[j]!.x);
  for (const i of order) {
    const l = input[i]! as Label;
    let chosen = { x: l.x, y: l.y + 4 };
    if (hits(box(l, chosen.x, chosen.y))) {
      search: for (let r = 24; r <= 120; r += 12) {
        for (let k = 0; k < 16; k++) {
          const angle = (k * Math.PI) / 8;
          const c = { x: l.x + r * Math.cos(angle), y: l.y + r * Math.sin(angle) };
          if (!hits(box(l, c.x, c.y))) {
            chosen = c;
            break search;
          }
        }
      }
    }
    l.lx = chosen.x;
    l.ly = chosen.y;
    l.leader = chosen.x !== l.x || chosen.y !== l.y + 4;
    placed.push(box(l, chosen.x, chosen.y));
  }
}

function northArrow(x: number, y: number): string {
  return [
    `<g transform="translate(${x},${y})" aria-label="指北针">`,
    '<path d="M0,0 L12,36 L0,28 Z" fill="#222"/>',
    '<path d="M0,0 L-12,36 L0,28 Z" fill="#ffffff" stroke="#222" stroke-width="1"/>',
    text(0, 54, '北', { size: 14, anchor: 'middle', weight: 'bold' }),
    '</g>',
  ].join('');
}

/** Length of a nice round distance at the map's centre, measured on the ellipsoid and projected. */
function scaleBar(projection: GeoProjection, right: number, baseline: number): string {
  const centre = projection.invert!([MAP_WIDTH / 2, 200]) as [number, number];
  const probeM = 10_000;
  const a = projection(centre)!;
  const b = projection(geodesicDestination(centre, 90, probeM))!;
  const pxPerM = Math.hypot(b[0] - a[0], b[1] - a[1]) / probeM;
  const nice = [500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000];
  const lengthM = [...nice].reverse().find((m) => m * pxPerM <= MAP_WIDTH * 0.22) ?? nice[0]!;
  const w = lengthM * pxPerM;
  const x0 = right - w;
  const km = (m: number) => String(m / 1000);
  return [
    `<g aria-label="比例尺" font-size="11">`,
    `<rect x="${x0.toFixed(1)}" y="${baseline - 6}" width="${(w / 2).toFixed(1)}" height="6" fill="#222" stroke="#222"/>`,
    `<rect x="${(x0 + w / 2).toFixed(1)}" y="${baseline - 6}" width="${(w / 2).toFixed(1)}" height="6" fill="#ffffff" stroke="#222"/>`,
    text(x0, baseline - 10, '0', { size: 11, anchor: 'middle' }),
    text(x0 + w / 2, baseline - 10, km(lengthM / 2), { size: 11, anchor: 'middle' }),
    text(right, baseline - 10, `${km(lengthM)} km`, { size: 11, anchor: 'middle' }),
    '</g>',
  ].join('');
}

/** Level, zone count and area (km², ellipsoidal): a white paper quotes the share of the city at each level. */
function legend(rows: { z: Assessment['zones'][number]; km2: number }[], mode: Assessment['aggregationMode'], x: number, y: number): string {
  const counts = { red: 0, orange: 0, yellow: 0, blue: 0 } as Record<Level, number>;
  const km2 = { red: 0, orange: 0, yellow: 0, blue: 0 } as Record<Level, number>;
  let none = 0;
  let noneKm2 = 0;
  for (const { z, km2: area } of rows) {
    if (z.level) {
      counts[z.level]++;
      km2[z.level] += area;
    } else {
      none++;
      noneKm2 += area;
    }
  }
  const modeText = mode === 'relative' ? '相对分级(密度排名,非绝对风险)' : mode === 'index' ? '加权指数' : '就高(最高风险点)';
  const out = [`<g aria-label="图例">`, text(x, y, `图例 · 分区等级(${modeText})· 分区数与面积`, { size: 12, weight: 'bold' })];
  const entries: [string, string][] = LEVELS.map((l) => [LEVEL_FILL[l], `${LEVEL_ZH[l]}(${{ red: '红', orange: '橙', yellow: '黄', blue: '蓝' }[l]})${counts[l]} 个 · ${km2[l].toFixed(1)} km²`]);
  if (none) entries.push([NO_LEVEL_FILL, `无风险点 ${none} 个 · ${noneKm2.toFixed(1)} km²`]);
  entries.forEach(([fill, label], i) => {
    const ry = y + 10 + i * 22;
    out.push(`<rect x="${x}" y="${ry}" width="26" height="16" fill="${fill}" stroke="#333" stroke-width="0.8"/>`);
    out.push(text(x + 34, ry + 13, label, { size: 12 }));
  });
  out.push('</g>');
  return out.join('');
}

function text(x: number, y: number, s: string, o: { size: number; anchor?: 'middle' | 'end'; weight?: 'bold'; fill?: string; halo?: boolean }): string {
  const attrs = [
    `x="${round1(x)}"`, `y="${round1(y)}"`, `font-size="${o.size}"`,
    o.anchor ? `text-anchor="${o.anchor}"` : '', o.weight ? `font-weight="${o.weight}"` : '', `fill="${o.fill ?? '#111'}"`,
    o.halo ? 'stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"' : '',
  ].filter(Boolean);
  return `<text ${attrs.join(' ')}>${esc(s)}</text>`;
}

function round1(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

