// F1 — the city's four-colour zoning map as a cartographic figure, drawn from the data with d3-geo (no screenshot):
// transverse Mercator on the city's own central meridian (distortion under 0.01 % across a city), north arrow,
// geodesic scale bar, district names with their level, legend with counts. Pure string output: same bytes in Node
// and the browser.
import { geoPath, geoTransverseMercator, type GeoProjection } from 'd3-geo';
import rewind from '@turf/rewind';
import polylabel from 'polylabel';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import {
  AGGREGATION_MODE_ZH,
  areaKm2,
  geodesicDestination,
  signedArea,
  LEVEL_ZH,
  LEVELS,
  NO_LEVEL_ZH,
  type Assessment,
  type Level,
  type Zone,
} from '../engine';
import { toCsv } from '../io/csvWrite';
import { escapeXml as esc } from '../io/escapeXml';
import { FIGURE_FONT, LEVEL_FILL, UNSCORED_FILL } from './palette';
import { DISTRICT_COUNT_DEFINITION, districtCounts, districtOrder, total } from './districtCounts';
import { edgePositions, framePositions, intersects, Occupancy, textWidth, type Box } from './mapLayout';
import { figureSubtitle, type Figure, type FigureOptions } from './figure';

const WIDTH = 960;
const MARGIN = { top: 104, right: 24, bottom: 64, left: 24 };
const MAP_WIDTH = WIDTH - MARGIN.left - MARGIN.right;

export interface ZoningMapInput {
  assessment: Assessment;
  /** the district (or study-area) polygons, outlined and named over the zones */
  zonePolygons: Zone[];
}

export interface PlacedLabel {
  name: string;
  sub: string;
  /** the district's pole of inaccessibility, in figure pixels */
  anchor: [number, number];
  /** the text's box (figure pixels); null when the label is a numbered callout */
  box: Box | null;
  leader: boolean;
  /** 1-based number of the callout listed beside the map, when the name fits nowhere near its district */
  callout: number | null;
}

export interface ZoningMapLayout {
  width: number;
  height: number;
  map: Box;
  /** per district (in the order drawn), the projected rings of all its parts, in figure pixels */
  zonePolygons: number[][][][];
  furniture: { kind: 'legend' | 'north' | 'scale' | 'callouts'; box: Box }[];
  labels: PlacedLabel[];
}

export const NORTH = { w: 32, h: 62 };
const BAND_GAP = 12;

/**
 * Where everything goes: the map at full width, then legend, north arrow and scale bar in the first frame position
 * whose box covers no district and no other box; if one of them fits nowhere, all three move to a band under the
 * map. Labels sit on their district's pole, else nearby with a leader line, else become numbered callouts listed
 * in the band.
 */
/** What another map figure (F7) puts in F1's frame: its own legend rows and the line under each district's name. */
export interface MapLayoutOptions {
  legendRows?: LegendRow[];
  labelSub?: (district: Zone) => string;
}

export function zoningMapLayout(
  { assessment: a, zonePolygons }: ZoningMapInput,
  o: MapLayoutOptions = {},
): ZoningMapLayout & { projection: GeoProjection; legendRows: LegendRow[]; scale: ScaleBar } {
  const ordered = districtOrder(zonePolygons);
  const districtFeatures = ordered.map((d) => asD3Feature(d.geometry, { id: d.id, name: d.name }));
  const zoneFeatures = a.zones.map((z) => asD3Feature(z.geometry, { id: z.id, level: z.level }));
  const extentFeatures: FeatureCollection = {
    type: 'FeatureCollection',
    features: districtFeatures.length ? districtFeatures : zoneFeatures,
  };
  // Height follows the city's shape, within what an A4 page holds.
  const probe = projectionFor(extentFeatures, MAP_WIDTH, 10_000);
  const [[x0, y0], [x1, y1]] = geoPath(probe).bounds(extentFeatures);
  const mapHeight = Math.round(Math.min(1000, Math.max(480, (MAP_WIDTH * (y1 - y0)) / Math.max(1, x1 - x0))));
  const projection = projectionFor(extentFeatures, MAP_WIDTH, mapHeight);
  // one entry per district: the rings of all its parts (even-odd over disjoint parts is the multipolygon)
  const project = (f: Feature<Polygon | MultiPolygon>) =>
    (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flatMap((poly) =>
      poly.map((ring) => ring.map((p) => projection(p as [number, number]) ?? [0, 0])),
    );
  const drawn = (districtFeatures.length ? districtFeatures : zoneFeatures).map(project);
  const occupancy = new Occupancy(MAP_WIDTH, mapHeight, drawn);

  const legendRows = o.legendRows ?? legendEntries(a);
  const legendSize = {
    // spread-ok: five legend rows
    w: Math.max(...legendRows.map((r) => 34 + textWidth(r.label, 12)), textWidth(legendRows[0]!.title, 12)) + 8,
    h: 22 * legendRows.length + 24,
  };
  const scale = scaleBarSpec(projection);
  const scaleSize = { w: scale.widthPx + 24, h: 26 };
  const pieces = [
    { kind: 'legend' as const, ...legendSize },
    { kind: 'north' as const, ...NORTH },
    { kind: 'scale' as const, ...scaleSize },
  ];
  const furniture: ZoningMapLayout['furniture'] = [];
  for (const p of pieces) {
    const candidates = [
      ...framePositions(MAP_WIDTH, mapHeight, p.w, p.h),
      ...edgePositions(MAP_WIDTH, mapHeight, p.w, p.h),
    ];
    const box = candidates.find(
      (b) => occupancy.free(b, 4) && !furniture.some((f) => intersects(inflate(f.box, 6), b)),
    );
    if (!box) break;
    furniture.push({ kind: p.kind, box });
  }
  const inBand = furniture.length < pieces.length;
  if (inBand) furniture.length = 0;

  // labels: larger districts first, so the small central ones are the ones that move
  const labels: PlacedLabel[] = ordered.map((d, i) => {
    const level = a.grid ? undefined : a.zones.find((z) => z.id === d.id)?.level;
    const sub = o.labelSub ? o.labelSub(d) : level === undefined ? '' : level ? LEVEL_ZH[level] : NO_LEVEL_ZH;
    return {
      name: d.name,
      sub,
      anchor: labelPoint(districtFeatures[i]!, projection),
      box: null,
      leader: false,
      callout: null,
    };
  });
  const area = ordered.map((d) => areaKm2(d.geometry));
  const order = labels.map((_, i) => i).sort((i, j) => area[j]! - area[i]! || i - j);
  const taken: Box[] = furniture.map((f) => inflate(f.box, 4));
  const frame: Box = { x0: 0, y0: 0, x1: MAP_WIDTH, y1: mapHeight };
  const fits = (b: Box) =>
    b.x0 >= frame.x0 &&
    b.x1 <= frame.x1 &&
    b.y0 >= frame.y0 &&
    b.y1 <= frame.y1 &&
    !taken.some((t) => intersects(t, b));
  let callouts = 0;
  for (const i of order) {
    const l = labels[i]!;
    const [ax, ay] = l.anchor;
    const boxAt = (x: number, y: number) => labelBox(l, x, y);
    let chosen = fits(boxAt(ax, ay + 4)) ? boxAt(ax, ay + 4) : null;
    search: for (let r = 22; !chosen && r <= 150; r += 8) {
      for (let k = 0; k < 24; k++) {
        const angle = (k * Math.PI) / 12;
        const b = boxAt(ax + r * Math.cos(angle), ay + r * Math.sin(angle));
        if (fits(b)) {
          chosen = b;
          l.leader = true;
          break search;
        }
      }
    }
    if (chosen) {
      l.box = chosen;
      taken.push(chosen);
    } else {
      l.callout = ++callouts;
    }
  }
  for (const l of labels)
    if (l.callout !== null)
      taken.push({ x0: l.anchor[0] - 8, y0: l.anchor[1] - 8, x1: l.anchor[0] + 8, y1: l.anchor[1] + 8 });

  // the band under the map: legend (and the callout list) on the left, scale bar and north arrow on the right
  let bandHeight = 0;
  if (inBand || callouts > 0) {
    const top = mapHeight + BAND_GAP;
    let x = 0;
    if (inBand) {
      furniture.push({ kind: 'legend', box: { x0: 0, y0: top, x1: legendSize.w, y1: top + legendSize.h } });
      furniture.push({ kind: 'north', box: { x0: MAP_WIDTH - NORTH.w, y0: top, x1: MAP_WIDTH, y1: top + NORTH.h } });
      furniture.push({
        kind: 'scale',
        box: {
          x0: MAP_WIDTH - NORTH.w - 16 - scaleSize.w,
          y0: top + NORTH.h - scaleSize.h,
          x1: MAP_WIDTH - NORTH.w - 16,
          y1: top + NORTH.h,
        },
      });
      x = legendSize.w + 24;
      bandHeight = Math.max(legendSize.h, NORTH.h);
    }
    if (callouts > 0) {
      const lines = labels.filter((l) => l.callout !== null).map(calloutText);
      const w = lines.reduce((m, t) => Math.max(m, textWidth(t, 12)), 0) + 28;
      const perColumn = Math.max(1, Math.floor((Math.max(bandHeight, 120) - 20) / 18));
      const columns = Math.ceil(lines.length / perColumn);
      const box = { x0: x, y0: top, x1: x + w * columns, y1: top + 20 + 18 * Math.min(lines.length, perColumn) };
      furniture.push({ kind: 'callouts', box });
      bandHeight = Math.max(bandHeight, box.y1 - top);
    }
  }
  const shift = (b: Box): Box => ({
    x0: b.x0 + MARGIN.left,
    y0: b.y0 + MARGIN.top,
    x1: b.x1 + MARGIN.left,
    y1: b.y1 + MARGIN.top,
  });
  const height = MARGIN.top + mapHeight + (bandHeight ? BAND_GAP + bandHeight : 0) + MARGIN.bottom;
  return {
    width: WIDTH,
    height,
    map: shift(frame),
    zonePolygons: drawn.map((poly) => poly.map((ring) => ring.map(([x, y]) => [x! + MARGIN.left, y! + MARGIN.top]))),
    furniture: furniture.map((f) => ({ kind: f.kind, box: shift(f.box) })),
    labels: labels.map((l) => ({
      ...l,
      anchor: [l.anchor[0] + MARGIN.left, l.anchor[1] + MARGIN.top],
      box: l.box && shift(l.box),
    })),
    projection,
    legendRows,
    scale,
  };
}

export function zoningMapFigure(input: ZoningMapInput, options: FigureOptions): Figure {
  const { assessment: a, zonePolygons } = input;
  const title = a.grid
    ? `图1 城市安全风险四色分布图(${a.grid.shape === 'hex' ? '六边形' : '方形'}网格 ${a.grid.cellM} m)`
    : '图1 城市安全风险四色分布图';
  const layout = zoningMapLayout(input);
  const { projection, height } = layout;
  const path = geoPath(projection).digits(1);
  const zoneFeatures = a.zones.map((z) => asD3Feature(z.geometry, { id: z.id, level: z.level }));
  const districtFeatures = districtOrder(zonePolygons).map((d) => asD3Feature(d.geometry, { id: d.id, name: d.name }));

  const parts: string[] = [];
  parts.push(
    // spread-ok: the subtitle lines
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FIGURE_FONT}">`,
    `<title>${esc(title)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    text(WIDTH / 2, 34, title, { size: 20, anchor: 'middle', weight: 'bold' }),
    ...figureSubtitle(options).map((line, i) =>
      text(WIDTH / 2, 60 + i * 18, line, { size: 13, anchor: 'middle', fill: '#444' }),
    ),
    `<g transform="translate(${MARGIN.left},${MARGIN.top})" stroke-linejoin="round">`,
  );
  // zones: fill by level (未评级 in the grey the app uses); thin outlines only when they are few enough to read
  const zoneStroke = a.grid ? 'none' : '#ffffff';
  for (const f of zoneFeatures) {
    const level = f.properties!.level as Level | null;
    const d = path(f);
    if (d)
      parts.push(
        `<path d="${d}" fill="${level ? LEVEL_FILL[level] : UNSCORED_FILL}" stroke="${zoneStroke}" stroke-width="0.6"/>`,
      );
  }
  for (const f of districtFeatures) {
    const d = path(f);
    if (d) parts.push(`<path d="${d}" fill="none" stroke="#333333" stroke-width="1.2"/>`);
  }
  parts.push('</g>');

  // district names with their level (colour is never the only carrier): on the pole, by a leader line, or a number
  drawDistrictLabels(parts, layout.labels);

  for (const f of layout.furniture) {
    if (f.kind === 'north') parts.push(northArrow(f.box.x0 + NORTH.w / 2, f.box.y0));
    if (f.kind === 'scale') parts.push(scaleBar(layout.scale, f.box.x1 - 12, f.box.y1 - 2));
    if (f.kind === 'legend') parts.push(legend(layout.legendRows, f.box.x0 + 4, f.box.y0 + 14));
    if (f.kind === 'callouts') parts.push(calloutList(layout.labels, f.box));
  }
  parts.push(
    text(
      MARGIN.left,
      height - 36,
      `投影:横轴墨卡托,中央经线 ${projectionMeridian(projection)}°E(WGS-84)· 分区数 ${a.zones.length}`,
      { size: 11, fill: '#555' },
    ),
  );
  parts.push(text(MARGIN.left, height - 16, options.attribution, { size: 11, fill: '#555' }));
  parts.push('</svg>');

  const located = new Map(districtCounts(a, zonePolygons).map((d) => [d.name, total(d.counts)]));
  const rows = a.zones.map((z) => ({ z, km2: areaKm2(z.geometry) }));
  const csv = toCsv(
    rows,
    [
      { header: '分区编号', value: (r) => r.z.id },
      { header: '分区名称', value: (r) => r.z.name },
      { header: '风险等级', value: (r) => (r.z.level ? LEVEL_ZH[r.z.level] : `${NO_LEVEL_ZH}(无数据)`) },
      { header: '分值', value: (r) => (r.z.level ? r.z.score : null) },
      { header: '聚合方式', value: (r) => AGGREGATION_MODE_ZH[r.z.mode] },
      { header: '定级说明', value: (r) => r.z.reason },
      ...(a.grid
        ? []
        : [{ header: DISTRICT_COUNT_DEFINITION, value: (r: (typeof rows)[number]) => located.get(r.z.name) ?? 0 }]),
      { header: '参与定级的风险点数(区内及防护范围覆盖本区)', value: (r) => r.z.contributors.length },
      { header: '面积(km²)', value: (r) => r.km2, digits: 3 },
    ],
    { bom: true },
  );
  return { id: 'F1-zoning-map', title, svg: parts.join('\n') + '\n', csv, width: WIDTH, height };
}

const inflate = (b: Box, d: number): Box => ({ x0: b.x0 - d, y0: b.y0 - d, x1: b.x1 + d, y1: b.y1 + d });

function labelBox(l: { name: string; sub: string }, x: number, y: number): Box {
  const w = Math.max(textWidth(l.name, 13), textWidth(l.sub, 11)) / 2 + 3;
  return { x0: x - w, y0: y - 14, x1: x + w, y1: y + (l.sub ? 18 : 4) };
}

const calloutText = (l: PlacedLabel) => `${l.callout} ${l.name}${l.sub ? ` ${l.sub}` : ''}`;

/** The district names as placed (on the pole, by a leader line, or a numbered callout), onto `parts` (F1 and F7). */
export function drawDistrictLabels(parts: string[], labels: PlacedLabel[]): void {
  parts.push('<g aria-label="区名">');
  for (const l of labels) {
    const [ax, ay] = l.anchor;
    if (l.box) {
      const cx = (l.box.x0 + l.box.x1) / 2;
      if (l.leader) {
        const ex = Math.max(l.box.x0, Math.min(l.box.x1, ax));
        const ey = Math.max(l.box.y0, Math.min(l.box.y1, ay));
        parts.push(
          `<line x1="${round1(ax)}" y1="${round1(ay)}" x2="${round1(ex)}" y2="${round1(ey)}" stroke="#333" stroke-width="0.8"/>`,
        );
        parts.push(`<circle cx="${round1(ax)}" cy="${round1(ay)}" r="1.8" fill="#333"/>`);
      }
      parts.push(text(cx, l.box.y0 + 13, l.name, { size: 13, anchor: 'middle', weight: 'bold', halo: true }));
      if (l.sub) parts.push(text(cx, l.box.y0 + 28, l.sub, { size: 11, anchor: 'middle', halo: true }));
    } else if (l.callout !== null) {
      parts.push(`<circle cx="${round1(ax)}" cy="${round1(ay)}" r="8" fill="#ffffff" stroke="#333" stroke-width="1"/>`);
      parts.push(text(ax, ay + 4, String(l.callout), { size: 10, anchor: 'middle', weight: 'bold' }));
    }
  }
  parts.push('</g>');
}

export function calloutList(labels: PlacedLabel[], box: Box): string {
  const items = labels.filter((l) => l.callout !== null).sort((x, y) => x.callout! - y.callout!);
  const perColumn = Math.max(1, Math.floor((box.y1 - box.y0 - 20) / 18));
  const columnW = (box.x1 - box.x0) / Math.ceil(items.length / perColumn);
  const out = ['<g aria-label="图上编号">', text(box.x0, box.y0 + 12, '图上编号', { size: 12, weight: 'bold' })];
  items.forEach((l, i) =>
    out.push(
      text(box.x0 + Math.floor(i / perColumn) * columnW, box.y0 + 30 + (i % perColumn) * 18, calloutText(l), {
        size: 12,
      }),
    ),
  );
  out.push('</g>');
  return out.join('');
}

/** d3-geo reads rings clockwise (spherical); GeoJSON (RFC 7946) winds exteriors counter-clockwise. */
export function asD3Feature(
  geometry: Polygon | MultiPolygon,
  properties: Record<string, unknown>,
): Feature<Polygon | MultiPolygon> {
  const copy = JSON.parse(JSON.stringify(geometry)) as Polygon | MultiPolygon;
  return {
    type: 'Feature',
    properties,
    geometry: rewind(copy, { reverse: true, mutate: true }) as Polygon | MultiPolygon,
  };
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
  return geoTransverseMercator()
    .rotate([-meridian, 0])
    .fitExtent(
      [
        [8, 8],
        [width - 8, height - 8],
      ],
      fc,
    );
}

export function projectionMeridian(p: GeoProjection): string {
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

export function northArrow(x: number, y: number): string {
  return [
    `<g transform="translate(${x},${y})" aria-label="指北针">`,
    '<path d="M0,0 L12,36 L0,28 Z" fill="#222"/>',
    '<path d="M0,0 L-12,36 L0,28 Z" fill="#ffffff" stroke="#222" stroke-width="1"/>',
    text(0, 54, '北', { size: 14, anchor: 'middle', weight: 'bold' }),
    '</g>',
  ].join('');
}

export interface ScaleBar {
  lengthM: number;
  widthPx: number;
}

/** Length of a nice round distance at the map's centre, measured on the ellipsoid and projected. */
function scaleBarSpec(projection: GeoProjection): ScaleBar {
  const centre = projection.invert!([MAP_WIDTH / 2, 200]) as [number, number];
  const probeM = 10_000;
  const a = projection(centre)!;
  const b = projection(geodesicDestination(centre, 90, probeM))!;
  const pxPerM = Math.hypot(b[0] - a[0], b[1] - a[1]) / probeM;
  const nice = [500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000];
  const lengthM = [...nice].reverse().find((m) => m * pxPerM <= MAP_WIDTH * 0.22) ?? nice[0]!;
  return { lengthM, widthPx: lengthM * pxPerM };
}

export function scaleBar({ lengthM, widthPx: w }: ScaleBar, right: number, baseline: number): string {
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

export interface LegendRow {
  title: string;
  fill: string;
  label: string;
}

/** Level, zone count and area (km², ellipsoidal): a white paper quotes the share of the city at each level. */
function legendEntries(a: Assessment): LegendRow[] {
  const counts = { red: 0, orange: 0, yellow: 0, blue: 0 } as Record<Level, number>;
  const km2 = { red: 0, orange: 0, yellow: 0, blue: 0 } as Record<Level, number>;
  let none = 0;
  let noneKm2 = 0;
  for (const z of a.zones) {
    const area = areaKm2(z.geometry);
    if (z.level) {
      counts[z.level]++;
      km2[z.level] += area;
    } else {
      none++;
      noneKm2 += area;
    }
  }
  const mode = a.aggregationMode;
  const modeText =
    mode === 'relative' ? '相对分级(密度排名,非绝对风险)' : mode === 'index' ? '加权指数' : '就高(最高风险点)';
  const title = `图例 · 分区等级(${modeText})· 分区数与面积`;
  const rows: LegendRow[] = LEVELS.map((l) => ({
    title,
    fill: LEVEL_FILL[l],
    label: `${LEVEL_ZH[l]}(${{ red: '红', orange: '橙', yellow: '黄', blue: '蓝' }[l]})${counts[l]} 个 · ${km2[l].toFixed(1)} km²`,
  }));
  // always listed, so a reader sees that "no data" is a category of its own and how much of the city it covers
  rows.push({ title, fill: UNSCORED_FILL, label: `${NO_LEVEL_ZH}(无数据)${none} 个 · ${noneKm2.toFixed(1)} km²` });
  return rows;
}

function legend(rows: LegendRow[], x: number, y: number): string {
  const out = [`<g aria-label="图例">`, text(x, y, rows[0]!.title, { size: 12, weight: 'bold' })];
  rows.forEach(({ fill, label }, i) => {
    const ry = y + 10 + i * 22;
    out.push(
      `<rect x="${round1(x)}" y="${round1(ry)}" width="26" height="16" fill="${fill}" stroke="#333" stroke-width="0.8"/>`,
    );
    out.push(text(x + 34, ry + 13, label, { size: 12 }));
  });
  out.push('</g>');
  return out.join('');
}

export function text(
  x: number,
  y: number,
  s: string,
  o: { size: number; anchor?: 'middle' | 'end'; weight?: 'bold'; fill?: string; halo?: boolean },
): string {
  const attrs = [
    `x="${round1(x)}"`,
    `y="${round1(y)}"`,
    `font-size="${o.size}"`,
    o.anchor ? `text-anchor="${o.anchor}"` : '',
    o.weight ? `font-weight="${o.weight}"` : '',
    `fill="${o.fill ?? '#111'}"`,
    o.halo ? 'stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"' : '',
  ].filter(Boolean);
  return `<text ${attrs.join(' ')}>${esc(s)}</text>`;
}

export function round1(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}
