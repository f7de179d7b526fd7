// F7 — how long help takes to arrive over the city: the reach grid of every rescue resource (the 250 m cells of
// reach-zones.csv, minutes from the alarm), drawn as bands in F1's frame (same projection, furniture placement and
// labels), with the stations and the red and orange risk points outside their circle. Each district is labelled with
// the share of its cells inside the circle that applies there. A straight-line screening says 初筛 in the title and
// on the map. Bands are the outlines of the grid's cell sets (nested, slowest painted first), so the file stays small.
import { geoPath, type GeoProjection } from 'd3-geo';
import {
  LEVEL_FILL,
  zoneLocator,
  type Assessment,
  type CoverRow,
  type ReachAssessment,
  type ReachProfile,
  type Zone,
} from '../engine';
import type { Resource } from '../engine/reach/resources';
import { fromPlane } from '../engine/geo/localPlane';
import { cellCentre, planeToLonLat } from '../engine/zoning/gridGeometry';
import { toCsv } from '../io/csvWrite';
import { escapeXml as esc } from '../io/escapeXml';
import { FIGURE_FONT } from './palette';
import { districtOrder } from './districtCounts';
import { figureSubtitle, type Figure, type FigureOptions } from './figure';
import { circleShort, circleText, dispatchText, screeningText } from './reachBasis';
import {
  asD3Feature,
  calloutList,
  drawDistrictLabels,
  northArrow,
  NORTH,
  projectionMeridian,
  round1,
  scaleBar,
  text,
  zoningMapLayout,
  type LegendRow,
} from './zoningMapFigure';

import { cellSetRings, reachBands, type ReachBand } from './reachGridBands';

export { cellSetRings, reachBands, type ReachBand };

export const REACH_MAP_ID = 'F7-reach-map';

export interface ReachMapInput {
  assessment: Assessment;
  zonePolygons: Zone[];
  reach: ReachAssessment;
  profile: ReachProfile;
}

const UNREACHED_LABEL = '无法到达(路网未覆盖或不连通)';

/** Index of the band a cell's minutes fall in; -1 for NaN (nothing reaches it). */
function bandOf(bands: ReachBand[], minutes: number): number {
  if (Number.isNaN(minutes)) return -1;
  for (let i = 0; i < bands.length; i++) if (minutes <= bands[i]!.upTo) return i;
  return bands.length - 1;
}

type Station = 'district' | 'micro' | 'team';
const STATION_ZH: Record<Station, string> = {
  district: '消防站(特勤、一级、二级、小型)',
  micro: '微型消防站',
  team: '专职/企业救援队',
};
const stationKind = (r: Resource): Station =>
  r.kind === 'rescue_team' || r.grade === 'professional' || r.grade === 'enterprise'
    ? 'team'
    : r.grade === 'micro'
      ? 'micro'
      : 'district';

function stationSymbol(kind: Station, x: number, y: number): string {
  const X = round1(x);
  const Y = round1(y);
  if (kind === 'district')
    return `<path d="M${X},${round1(y - 6)} L${round1(x + 5.5)},${round1(y + 4)} L${round1(x - 5.5)},${round1(y + 4)} Z" fill="#111111" stroke="#ffffff" stroke-width="0.8"/>`;
  if (kind === 'micro')
    return `<path d="M${X},${round1(y - 4.5)} L${round1(x + 4)},${round1(y + 3)} L${round1(x - 4)},${round1(y + 3)} Z" fill="#ffffff" stroke="#111111" stroke-width="1"/>`;
  return `<path d="M${X},${round1(y - 5)} L${round1(x + 5)},${Y} L${X},${round1(y + 5)} L${round1(x - 5)},${Y} Z" fill="#ffffff" stroke="#111111" stroke-width="1.2"/>`;
}

const siteSymbol = (level: 'red' | 'orange', x: number, y: number) =>
  `<circle cx="${round1(x)}" cy="${round1(y)}" r="3.6" fill="${LEVEL_FILL[level]}" stroke="#111111" stroke-width="0.9"/>`;

interface ReachMapData {
  bands: ReachBand[];
  /** km² per band, then the unreached cells' km² last */
  bandKm2: number[];
  /** per input zone (by id): km² per band, unreached last — each cell counted in the zone its centre lies in, as reach-zones.csv counts it */
  zoneBandKm2: Map<string, number[]>;
  uncovered: CoverRow[];
  stations: Map<Station, Resource[]>;
}

function reachMapData(i: ReachMapInput): ReachMapData {
  const r = i.reach;
  const bands = reachBands(i.profile);
  const g = r.reachGrid!;
  const bandKm2 = new Array<number>(bands.length + 1).fill(0);
  const zoneBandKm2 = new Map<string, number[]>(
    i.zonePolygons.map((z) => [z.id, new Array<number>(bands.length + 1).fill(0)]),
  );
  const locate = zoneLocator(i.zonePolygons);
  for (let k = 0; k < g.cells.length; k++) {
    const b = bandOf(bands, g.cellMinutes[k]!);
    const slot = b < 0 ? bands.length : b;
    bandKm2[slot]! += g.cellKm2;
    const [lon, lat] = planeToLonLat(g.grid, cellCentre(g.grid, g.cells[k]!));
    const z = locate(lon!, lat!);
    if (z) zoneBandKm2.get(z.id)![slot]! += g.cellKm2;
  }
  const stations = new Map<Station, Resource[]>([
    ['district', []],
    ['micro', []],
    ['team', []],
  ]);
  for (const res of r.resources) stations.get(stationKind(res))!.push(res);
  const uncovered = (r.cover ?? []).filter((c) => c.highRiskUncovered);
  return { bands, bandKm2, zoneBandKm2, uncovered, stations };
}

export function reachMapFigure(i: ReachMapInput, options: FigureOptions): Figure {
  const r = i.reach;
  const screening = r.mode === 'screening';
  const title = `图7 救援力量到达时间分布图${screening ? '(初筛)' : ''}`;
  const d = reachMapData(i);
  const zoneRow = new Map((r.zones ?? []).map((z) => [z.zoneId, z]));
  const fmtKm2 = (x: number) => x.toFixed(1);
  const legendTitle = '图例 · 自接警起到达时间 · 面积';
  const legendRows: (LegendRow & { kind: 'band' | 'unreached' | Station | 'site' })[] = [
    ...d.bands.map((b, k) => ({
      title: legendTitle,
      fill: b.fill,
      label: `${b.label} · ${fmtKm2(d.bandKm2[k]!)} km²`,
      kind: 'band' as const,
    })),
    // a screening reaches every cell: the row is shown only on a road network, where cells can be cut off
    ...(r.mode === 'network'
      ? [
          {
            title: legendTitle,
            fill: '#ffffff',
            label: `${UNREACHED_LABEL} · ${fmtKm2(d.bandKm2[d.bands.length]!)} km²`,
            kind: 'unreached' as const,
          },
        ]
      : []),
    ...(['district', 'micro', 'team'] as const)
      .filter((k) => d.stations.get(k)!.length > 0)
      .map((k) => ({
        title: legendTitle,
        fill: '',
        label: `${STATION_ZH[k]} ${d.stations.get(k)!.length} 处`,
        kind: k,
      })),
    { title: legendTitle, fill: '', label: `救援圈外的重大/较大风险点 ${d.uncovered.length} 个(见表4)`, kind: 'site' },
  ];
  const layout = zoningMapLayout(
    { assessment: i.assessment, zonePolygons: i.zonePolygons },
    {
      legendRows,
      labelSub: (z) => {
        const row = zoneRow.get(z.id);
        if (!row || row.coveredShare === null) return '无网格';
        return `${circleShort(i.profile, row.circle)}内 ${(row.coveredShare * 100).toFixed(0)}%`;
      },
    },
  );
  const { projection, width } = layout;
  const height = layout.height + 18; // one more line of notes under the map than F1
  const ox = layout.map.x0;
  const oy = layout.map.y0;
  const path = geoPath(projection).digits(1);
  const districtFeatures = districtOrder(i.zonePolygons).map((z) => asD3Feature(z.geometry, { id: z.id }));

  const parts: string[] = [];
  parts.push(
    // spread-ok: the subtitle lines
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FIGURE_FONT}">`,
    `<title>${esc(title)}</title>`,
    '<defs><pattern id="f7-unreached" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#777777" stroke-width="1.6"/></pattern></defs>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    text(width / 2, 34, title, { size: 20, anchor: 'middle', weight: 'bold' }),
    ...figureSubtitle(options).map((line, k) =>
      text(width / 2, 60 + k * 18, line, { size: 13, anchor: 'middle', fill: '#444' }),
    ),
  );
  if (screening)
    parts.push(
      text(width / 2, 96, screeningText(i.profile), { size: 12, anchor: 'middle', weight: 'bold', fill: '#b2182b' }),
    );
  parts.push(`<g transform="translate(${ox},${oy})" stroke-linejoin="round">`);
  parts.push(...bandPaths(r, d.bands, projection)); // spread-ok: one path per band
  for (const f of districtFeatures) {
    const p = path(f);
    if (p) parts.push(`<path d="${p}" fill="none" stroke="#333333" stroke-width="1.2"/>`);
  }
  parts.push('</g>');

  drawDistrictLabels(parts, layout.labels);
  // stations, then the uncovered red and orange points (red last), over the district names: a name has its halo, a
  // station under a name would be lost
  parts.push(`<g transform="translate(${ox},${oy})">`, '<g aria-label="救援力量">');
  for (const k of ['district', 'micro', 'team'] as const) {
    for (const s of d.stations.get(k)!) {
      const [x, y] = projection([s.lon, s.lat]) ?? [NaN, NaN];
      if (Number.isFinite(x) && Number.isFinite(y)) parts.push(stationSymbol(k, x!, y!));
    }
  }
  parts.push('</g>', '<g aria-label="救援圈外的重大及较大风险点">');
  const sites = new Map(i.assessment.sites.map((s) => [s.id, s]));
  const drawn = [...d.uncovered].sort((a, b) =>
    a.level === b.level ? (a.siteId < b.siteId ? -1 : 1) : a.level === 'orange' ? -1 : 1,
  );
  for (const c of drawn) {
    const s = sites.get(c.siteId);
    if (!s) continue;
    const [x, y] = projection([s.lon, s.lat]) ?? [NaN, NaN];
    if (Number.isFinite(x) && Number.isFinite(y)) parts.push(siteSymbol(c.level as 'red' | 'orange', x!, y!));
  }
  parts.push('</g>', '</g>');
  for (const f of layout.furniture) {
    if (f.kind === 'north') parts.push(northArrow(f.box.x0 + NORTH.w / 2, f.box.y0));
    if (f.kind === 'scale') parts.push(scaleBar(layout.scale, f.box.x1 - 12, f.box.y1 - 2));
    if (f.kind === 'legend') parts.push(legend(legendRows, f.box.x0 + 4, f.box.y0 + 14));
    if (f.kind === 'callouts') parts.push(calloutList(layout.labels, f.box));
  }
  const circles = i.profile.circles.map((c) => circleText(i.profile, c.id)).join(';');
  parts.push(text(24, height - 70, `${circles}`, { size: 11, fill: '#555' }));
  parts.push(
    text(
      24,
      height - 52,
      `出动延时:${dispatchText(i.profile)}(城市自定);区名下为该区适用救援圈内的面积占比(数据见 figures/${REACH_MAP_ID}.csv)`,
      { size: 11, fill: '#555' },
    ),
  );
  parts.push(
    text(
      24,
      height - 34,
      `投影:横轴墨卡托,中央经线 ${projectionMeridian(projection)}°E(WGS-84)· 网格 ${Math.round(Math.sqrt(r.reachGrid!.cellKm2) * 1000)} m · ${screening ? '直线初筛' : '路网计算'} · 救援力量 ${r.resources.length} 处`,
      { size: 11, fill: '#555' },
    ),
  );
  parts.push(text(24, height - 16, options.attribution, { size: 11, fill: '#555' }));
  parts.push('</svg>');

  const csv = reachMapCsv(i, d);
  return { id: REACH_MAP_ID, title, svg: parts.join('\n') + '\n', csv, width, height: height };
}

/** One path per band, slowest first; each later (faster) band covers its part of the slower ones. */
function bandPaths(r: ReachAssessment, bands: ReachBand[], projection: GeoProjection): string[] {
  const g = r.reachGrid!;
  const grid = g.grid;
  const n = grid.cols * grid.rows;
  const project = (c: number, row: number): string => {
    const [lon, lat] = fromPlane(grid.plane, grid.x0 + c * grid.cellM, grid.y0 + row * grid.cellM);
    const [x, y] = projection([lon, lat]) ?? [0, 0];
    return `${round1(x)},${round1(y)}`;
  };
  const ringsPath = (set: Uint8Array) =>
    cellSetRings(grid.cols, grid.rows, set)
      .map((ring) => `M${ring.map(([c, row]) => project(c, row)).join('L')}Z`)
      .join('');
  const out: string[] = [];
  const all = new Uint8Array(n);
  for (let k = 0; k < g.cells.length; k++) all[g.cells[k]!] = 1;
  const unreached = g.cellMinutes.some((m) => Number.isNaN(m));
  if (unreached)
    out.push(
      `<path d="${ringsPath(all)}" fill="url(#f7-unreached)" stroke="none" aria-label="${esc(UNREACHED_LABEL)}"/>`,
    );
  for (let b = bands.length - 1; b >= 0; b--) {
    const set = new Uint8Array(n);
    let any = false;
    for (let k = 0; k < g.cells.length; k++) {
      const m = g.cellMinutes[k]!;
      if (!Number.isNaN(m) && (b === bands.length - 1 || m <= bands[b]!.upTo)) {
        set[g.cells[k]!] = 1;
        any = true;
      }
    }
    if (any)
      out.push(
        `<path d="${ringsPath(set)}" fill="${bands[b]!.fill}" stroke="none" aria-label="${esc(bands[b]!.label)}"/>`,
      );
  }
  return out;
}

function legend(rows: (LegendRow & { kind: string })[], x: number, y: number): string {
  const out = ['<g aria-label="图例">', text(x, y, rows[0]!.title, { size: 12, weight: 'bold' })];
  rows.forEach((row, k) => {
    const ry = y + 10 + k * 22;
    if (row.kind === 'band')
      out.push(
        `<rect x="${round1(x)}" y="${round1(ry)}" width="26" height="16" fill="${row.fill}" stroke="#333" stroke-width="0.8"/>`,
      );
    else if (row.kind === 'unreached')
      out.push(
        `<rect x="${round1(x)}" y="${round1(ry)}" width="26" height="16" fill="url(#f7-unreached)" stroke="#333" stroke-width="0.8"/>`,
      );
    else if (row.kind === 'site') out.push(siteSymbol('red', x + 9, ry + 8), siteSymbol('orange', x + 19, ry + 8));
    else out.push(stationSymbol(row.kind as Station, x + 13, ry + 8));
    out.push(text(x + 34, ry + 13, row.label, { size: 12 }));
  });
  out.push('</g>');
  return out.join('');
}

/** Per district: its circle and rule, the share inside it, median and longest arrival (as reach-zones.csv), in words. */
function reachMapCsv(i: ReachMapInput, d: ReachMapData): string {
  const r = i.reach;
  const rows = r.zones ?? [];
  const mode = r.mode === 'screening' ? '直线初筛' : '路网';
  const total = {
    zoneId: '',
    zoneName: '全市(研究区)',
    circle: '',
    targetMinutes: null as number | null,
    circleAssumed: false,
    cells: r.reachGrid!.cells.length,
    areaKm2: r.reachGrid!.cells.length * r.reachGrid!.cellKm2,
    coveredShare: null,
    medianMinutes: null,
    maxMinutes: null,
    unreachedCells: 0,
  };
  type Row = (typeof rows)[number] | typeof total;
  const all: Row[] = [...rows, total];
  return toCsv(
    all,
    [
      { header: '分区编号', value: (z) => z.zoneId },
      { header: '分区名称', value: (z) => z.zoneName },
      {
        header: '适用救援圈',
        value: (z) => (z.circle ? (i.profile.circles.find((c) => c.id === z.circle)?.zh ?? z.circle) : ''),
      },
      { header: '目标时间(分钟,自接警起)', value: (z) => z.targetMinutes },
      { header: '圈内面积占比(%)', value: (z) => (z.coveredShare === null ? null : z.coveredShare * 100), digits: 2 },
      { header: '到达时间中位数(分钟)', value: (z) => z.medianMinutes, digits: 2 },
      { header: '最长到达时间(分钟)', value: (z) => z.maxMinutes, digits: 2 },
      { header: '网格数', value: (z) => z.cells },
      { header: '面积(km²)', value: (z) => z.areaKm2, digits: 3 },
      ...d.bands.map((b, k) => ({
        header: `${b.label}(km²)`,
        value: (z: Row) => (z.zoneId === '' ? d.bandKm2[k]! : (d.zoneBandKm2.get(z.zoneId)?.[k] ?? null)),
        digits: 3,
      })),
      {
        header: `${UNREACHED_LABEL}(网格数)`,
        value: (z) =>
          z.zoneId === '' ? Math.round(d.bandKm2[d.bands.length]! / r.reachGrid!.cellKm2) : z.unreachedCells,
      },
      { header: '计算方式', value: () => mode },
      {
        header: '依据',
        value: (z) =>
          [
            z.circle ? circleText(i.profile, z.circle) : '',
            z.circleAssumed ? i.profile.unknownAreaNote : '',
            `出动延时 ${dispatchText(i.profile)}`,
            r.mode === 'screening' ? screeningText(i.profile) : '',
          ]
            .filter(Boolean)
            .join(';'),
      },
    ],
    { bom: true },
  );
}
