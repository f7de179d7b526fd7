// The reach layers of issue #21 on the map: reach bands (minutes from the alarm) just above the four-colour zones
// and under their outlines, shelter service areas above the district lines, and the rescue points' own symbols
// above every site symbol. Sources are GeoJSON on both the small and the tiled path (src/map/reachData.ts).
import type { ExpressionSpecification, LayerSpecification, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';
import type { Assessment } from '../engine';
import type { AssessedReach } from '../state/assessedReach';
import { reachFilters, type MapFilters } from '../state/mapFilters';
import { siteFilter } from './filterExpressions';
import type { ChangedSources } from './changedSources';
import { REACH_SOURCE_DATA, type ReachSources, type RescueMark, type ShelterFit } from './reachData';
import { ICON_PIXEL_RATIO } from './siteIcons';

export const REACH_BANDS = 'reach-bands';
export const SHELTER_AREAS_FILL = 'shelter-areas-fill';
export const SHELTER_AREAS_LINE = 'shelter-areas-line';
export const RESCUE_SITES = 'rescue-sites';
export const REACH_SOURCES: (keyof ReachSources)[] = ['reachBands', 'shelterAreas', 'rescueSites'];

/**
 * Bands are hatched in their colour, not washed over: a purple wash at any opacity turned the red and orange zones
 * into mauves on the demo's screenshots, and the four colours are what the map is read for. Between the stripes the
 * zone keeps its own colour; the stripes' darkness says the minutes.
 */
export const HATCH_PREFIX = 'reach-hatch:';
export const HATCH_PERIOD_PX = 8;
export const HATCH_LINE_PX = 2;

/** Shelter service areas: short (magenta, not a level colour), enough (green), unknown (grey, dashed: never read as enough). */
export const SHELTER_FIT_COLOUR: Record<ShelterFit, string> = {
  short: '#c51b7d',
  enough: '#1b7837',
  unknown: '#6e6e6e',
};

/** The categories the risk layers leave to the rescue layer (both paths carry `category` on every site). */
export const NOT_RESCUE: ExpressionSpecification = [
  '!',
  ['in', ['get', 'category'], ['literal', ['fire_station', 'rescue_team', 'shelter']]],
];

const fitColour = [
  'match',
  ['get', 'fit'],
  ...Object.entries(SHELTER_FIT_COLOUR).flat(),
  '#6e6e6e',
] as unknown as ExpressionSpecification;
const geojson = { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } };

export function reachSourceSpecs(): Record<keyof ReachSources, SourceSpecification> {
  return { reachBands: geojson, shelterAreas: geojson, rescueSites: geojson };
}

/** Drawn just above zones-fill. */
export const reachBandLayer = (): LayerSpecification => ({
  id: REACH_BANDS,
  type: 'fill',
  source: 'reachBands',
  layout: { visibility: 'none' },
  paint: {
    'fill-pattern': ['concat', HATCH_PREFIX, ['slice', ['get', 'fill'], 1]],
    // at street scale one band fills the screen and its stripes only get in the way of the symbols: lighter there
    'fill-opacity': ['interpolate', ['linear'], ['zoom'], 11, 1, 15, 0.35],
    'fill-antialias': false,
  },
});

/** Drawn above the district lines, under the site areas. */
export const shelterAreaLayers = (): LayerSpecification[] => [
  {
    id: SHELTER_AREAS_FILL,
    type: 'fill',
    source: 'shelterAreas',
    layout: { visibility: 'none' },
    paint: { 'fill-color': fitColour, 'fill-opacity': 0.08 },
  },
  {
    id: SHELTER_AREAS_LINE,
    type: 'line',
    source: 'shelterAreas',
    filter: ['!=', ['get', 'fit'], 'unknown'],
    layout: { visibility: 'none' },
    paint: { 'line-color': fitColour, 'line-width': 1.6 },
  },
  {
    id: `${SHELTER_AREAS_LINE}-unknown`,
    type: 'line',
    source: 'shelterAreas',
    filter: ['==', ['get', 'fit'], 'unknown'],
    layout: { visibility: 'none' },
    paint: { 'line-color': fitColour, 'line-width': 1.6, 'line-dasharray': [3, 2] },
  },
];

/** Above every site symbol (the first layer above the site layers: they are re-added under it). */
export const rescueSiteLayer = (): LayerSpecification => ({
  id: RESCUE_SITES,
  type: 'symbol',
  source: 'rescueSites',
  layout: {
    'icon-image': ['concat', 'rescue:', ['get', 'mark']],
    'icon-size': ['interpolate', ['linear'], ['zoom'], 8, 0.55, 12, 0.85, 16, 1.1],
    'icon-allow-overlap': true,
    'icon-ignore-placement': true,
  },
});

export const REACH_LAYER_GROUPS = {
  reach: [REACH_BANDS],
  shelters: [SHELTER_AREAS_FILL, SHELTER_AREAS_LINE, `${SHELTER_AREAS_LINE}-unknown`],
  rescue: [RESCUE_SITES],
} as const;

/** Steps that each build and set one reach source: run in tasks of their own, the three held the page over 100 ms. */
export function reachDataSteps(sources: ChangedSources, a: Assessment, reach: AssessedReach | null): (() => void)[] {
  return REACH_SOURCES.map((name) => () => sources.set(name, REACH_SOURCE_DATA[name](a, reach)));
}

/** Rescue points follow the district, 行业领域, category and "violations only" filters, not the level filter (they have none). */
export function applyReachFilters(map: MapLibreMap, filters: MapFilters): void {
  map.setFilter(RESCUE_SITES, siteFilter(reachFilters(filters)));
}

/** What the reach layers have drawn, for the map probe. */
export function probeReach(map: MapLibreMap): { bands: number[]; shelterAreas: number; rescue: string[] } {
  const drawn = (id: string) =>
    map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none'
      ? map.queryRenderedFeatures({ layers: [id] })
      : [];
  const bands = [...new Set(drawn(REACH_BANDS).map((f) => Number(f.properties.band)))].sort((x, y) => x - y);
  const shelterAreas = new Set(drawn(SHELTER_AREAS_FILL).map((f) => String(f.properties.shelterId))).size;
  const rescue = [...new Set(drawn(RESCUE_SITES).map((f) => `${f.properties.category}:${f.properties.mark}`))].sort();
  return { bands, shelterAreas, rescue };
}

/** `reach-hatch:54278f` → the colour of its stripes, or null for another image's id. */
export const hatchColourOf = (id: string): string | null =>
  /^reach-hatch:[0-9a-f]{6}$/i.test(id) ? `#${id.slice(HATCH_PREFIX.length)}` : null;

/** A tile of diagonal stripes (top right to bottom left) in `colour`, transparent between them; tiles seamlessly. */
export function drawHatch(colour: string): ImageData {
  const n = HATCH_PERIOD_PX * ICON_PIXEL_RATIO;
  const canvas = document.createElement('canvas');
  canvas.width = n;
  canvas.height = n;
  const g = canvas.getContext('2d')!;
  g.strokeStyle = colour;
  g.lineWidth = HATCH_LINE_PX * ICON_PIXEL_RATIO;
  g.lineCap = 'square';
  // the stripe through the tile and its neighbours' ends in the corners, so the tiles join
  for (const c of [-n, 0, n]) {
    g.beginPath();
    g.moveTo(c - 1, n + 1);
    g.lineTo(c + n + 1, -1);
    g.stroke();
  }
  return g.getImageData(0, 0, n, n);
}

const isRescueIconId = (id: string): id is `rescue:${RescueMark}` => /^rescue:(station|micro|team|shelter)$/.test(id);

/** The image the style names `id`, if it is a reach layer's (a band's hatching, a rescue symbol); else null. */
export function reachImage(id: string): ImageData | null {
  const hatch = hatchColourOf(id);
  if (hatch) return drawHatch(hatch);
  return isRescueIconId(id) ? drawRescueIcon(id.slice('rescue:'.length) as RescueMark) : null;
}

const SIZE = 24 * ICON_PIXEL_RATIO;

/**
 * The rescue symbols, as the white paper's F7 draws them: a station with a district a black triangle, a micro
 * station a white one, a rescue team a white diamond; a shelter a green square (green is the colour of China's
 * emergency shelter signs, and no risk level's). No text: the shape says it in any language.
 */
export function drawRescueIcon(mark: RescueMark): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = SIZE;
  canvas.height = SIZE;
  const g = canvas.getContext('2d')!;
  const s = SIZE;
  const m = 3 * ICON_PIXEL_RATIO;
  const p = new Path2D();
  if (mark === 'station' || mark === 'micro') {
    p.moveTo(s / 2, m);
    p.lineTo(s - m, s - m - ICON_PIXEL_RATIO);
    p.lineTo(m, s - m - ICON_PIXEL_RATIO);
    p.closePath();
  } else if (mark === 'team') {
    p.moveTo(s / 2, m);
    p.lineTo(s - m, s / 2);
    p.lineTo(s / 2, s - m);
    p.lineTo(m, s / 2);
    p.closePath();
  } else {
    const inset = m + ICON_PIXEL_RATIO;
    p.rect(inset, inset, s - 2 * inset, s - 2 * inset);
  }
  g.lineJoin = 'round';
  // a wide white halo lifts the symbol off the zones and the reach bands
  g.lineWidth = 4 * ICON_PIXEL_RATIO;
  g.strokeStyle = '#ffffff';
  g.stroke(p);
  g.fillStyle = mark === 'station' ? '#111111' : mark === 'shelter' ? '#1b7837' : '#ffffff';
  g.fill(p);
  g.lineWidth = 1.5 * ICON_PIXEL_RATIO;
  g.strokeStyle = mark === 'shelter' ? '#0b3d1b' : '#111111';
  g.stroke(p);
  return g.getImageData(0, 0, s, s);
}
