// The map's style as pure data: an offline background plus GeoJSON layers (no tile server, no glyph requests).
// Level colours come from the shared palette; labels are DOM markers, so no font files are fetched.
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import { LEVELS } from '../engine';
import { LEVEL_FILL, UNSCORED_FILL } from '../engine';
import { SYMBOL_MIN_ZOOM, TARGET_COLOUR } from './siteIcons';
import { COUNTS_LAYER, FINDINGS_LAYER, SITES_LAYER } from '../tiles/layerNames';
import { CONTOUR_LAYER_GROUPS, contourLayers, contourSourceSpecs } from './contourLayers';
import {
  NOT_RESCUE,
  reachBandLayer,
  REACH_LAYER_GROUPS,
  reachSourceSpecs,
  RESCUE_SITES,
  rescueSiteLayer,
  shelterAreaLayers,
} from './reachLayers';

/** What-if verdict colours: 符合 green, 不符合 red, 临界 amber, 未评估 grey. */
export const VERDICT_FILL = {
  compliant: '#1a7f37',
  violation: '#b00020',
  borderline: '#d08700',
  not_assessed: '#6e7781',
  pending: '#ffffff',
} as const;
const VERDICT_COLOUR = [
  'match',
  ['get', 'verdict'],
  ...Object.entries(VERDICT_FILL).flat(),
  '#ffffff',
] as unknown as ExpressionSpecification;
export const BACKGROUND = '#eef1f4';
export const ZONE_OPACITY = 0.55;

export function levelColour(): ExpressionSpecification {
  return [
    'match',
    ['get', 'level'],
    ...LEVELS.flatMap((l) => [l, LEVEL_FILL[l]]),
    UNSCORED_FILL,
  ] as unknown as ExpressionSpecification;
}

/** Site roles in drawing order: hazards on top, then protected places. Each role has its own layers, so a dot's
 * radius and edge are per-layer constants and only its level colour and selection are stored per vertex: at 100 000
 * sites the vertex data a filter change re-uploads fell from 40 to 16 bytes a vertex (a 0.7 s task to none under
 * software WebGL). */
export const SITE_ROLES = ['risk', 'target', 'hazard'] as const;
export type SiteRole = (typeof SITE_ROLES)[number];
export const dotLayer = (role: SiteRole) => `site-dots-${role}`;
export const symbolLayer = (role: SiteRole) => `site-symbols-${role}`;
/** At street scale the symbols show the site and this ring only marks the selected one. */
export const SELECTION_RING = 'site-selection-ring';

/** City-scale dots: radius at zoom 8 and just below SYMBOL_MIN_ZOOM, edge colour and width. */
const DOT_STYLE: Record<SiteRole, { radius: [number, number]; edge: string; edgeWidth: number }> = {
  risk: { radius: [2.5, 4.5], edge: '#ffffff', edgeWidth: 1 },
  target: { radius: [2.5, 4.5], edge: TARGET_COLOUR, edgeWidth: 1 },
  hazard: { radius: [3.5, 6], edge: '#000000', edgeWidth: 1.5 },
};

const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
// fire stations, rescue teams and shelters have role 'risk' but are drawn by their own layer (src/map/reachLayers)
const ofRole = (role: SiteRole): FilterSpecification => [
  'all',
  ['has', 'siteId'],
  ['==', ['get', 'role'], role],
  NOT_RESCUE,
];

/** Filters that belong to a layer itself; the user's filters are combined with them (src/map/filterExpressions). */
export const OWN_FILTERS: Record<string, FilterSpecification> = {
  'violations-line': ['!=', ['get', 'status'], 'not_assessed'],
  'not-assessed-line': ['==', ['get', 'status'], 'not_assessed'],
  // every site has a point, areas included: small polygons vanish at city scale, their points do not
  [SELECTION_RING]: ['has', 'siteId'],
  ...Object.fromEntries(
    SITE_ROLES.flatMap((role) => [
      [dotLayer(role), ofRole(role)],
      [symbolLayer(role), ofRole(role)],
    ]),
  ),
};

/** Which style layers each layer toggle shows or hides. */
export const LAYER_GROUPS = {
  zones: ['zones-fill', 'zones-outline'],
  districts: ['districts-line'],
  violations: ['violations-line', 'not-assessed-line'],
  hazards: [dotLayer('hazard'), symbolLayer('hazard')],
  targets: [dotLayer('target'), symbolLayer('target')],
  risks: [dotLayer('risk'), symbolLayer('risk')],
  ...REACH_LAYER_GROUPS,
  ...CONTOUR_LAYER_GROUPS,
} as const;

/** Every layer that draws a site (the selection ring aside). */
export const SITE_LAYERS = ['site-areas', ...SITE_ROLES.flatMap((role) => [dotLayer(role), symbolLayer(role)])];

/**
 * Where the site and finding layers read their features: the GeoJSON sources (`geojson`, every site handed to
 * MapLibre) or the vector tiles cut in the tile worker (`tiles`, large cities: src/map/tiledSites.ts). The layers
 * keep their ids, filters and paint either way; only the source changes.
 */
export type SiteSource = 'geojson' | 'tiles';
export const SITE_TILES_SOURCE = 'siteTiles';
export const SITE_COUNTS_SOURCE = 'siteCounts';
/** City-scale counts of sites per level (tiles only). */
export const SITE_COUNTS = 'site-counts';

const sitesFrom = (from: SiteSource) =>
  from === 'geojson' ? { source: 'sitePoints' } : { source: SITE_TILES_SOURCE, 'source-layer': SITES_LAYER };
const findingsFrom = (from: SiteSource) =>
  from === 'geojson' ? { source: 'violations' } : { source: SITE_TILES_SOURCE, 'source-layer': FINDINGS_LAYER };

function dotLayerSpec(role: SiteRole, from: SiteSource): LayerSpecification {
  const { radius, edge, edgeWidth } = DOT_STYLE[role];
  return {
    id: dotLayer(role),
    type: 'circle',
    ...sitesFrom(from),
    maxzoom: SYMBOL_MIN_ZOOM,
    filter: OWN_FILTERS[dotLayer(role)],
    paint: {
      'circle-color': levelColour(),
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, radius[0], SYMBOL_MIN_ZOOM, radius[1]],
      'circle-stroke-color': edge,
      'circle-stroke-width': ['case', selected, 3, edgeWidth],
    },
  };
}

function symbolLayerSpec(role: SiteRole, from: SiteSource): LayerSpecification {
  return {
    id: symbolLayer(role),
    type: 'symbol',
    ...sitesFrom(from),
    minzoom: SYMBOL_MIN_ZOOM,
    filter: OWN_FILTERS[symbolLayer(role)],
    layout: {
      'icon-image': ['concat', 'site:', role, ':', ['get', 'category'], ':', ['get', 'level']],
      'icon-size': ['interpolate', ['linear'], ['zoom'], SYMBOL_MIN_ZOOM, 0.85, 16, 1.15],
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
  };
}

/**
 * The layers that draw sites and findings, in drawing order, read from `from`. Large cities (tiles) draw counts per
 * level below street scale instead of dots, and finding lines only from street scale (the tiles start there): at
 * city scale 70 000 lines of tens of metres are a smear, and "violations only" shows where they are in the counts.
 */
export function siteLayers(from: SiteSource): LayerSpecification[] {
  return [
    {
      id: 'violations-line',
      type: 'line',
      ...findingsFrom(from),
      filter: OWN_FILTERS['violations-line'],
      paint: {
        'line-color': '#7f0000',
        'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 5, 2.5],
      },
    },
    {
      id: 'not-assessed-line',
      type: 'line',
      ...findingsFrom(from),
      filter: OWN_FILTERS['not-assessed-line'],
      paint: { 'line-color': '#555555', 'line-width': 1, 'line-dasharray': [2, 2] },
    },
    ...(from === 'tiles' ? [countsLayerSpec()] : []),
    ...SITE_ROLES.map((role) => dotLayerSpec(role, from)),
    {
      id: SELECTION_RING,
      type: 'circle',
      ...sitesFrom(from),
      minzoom: SYMBOL_MIN_ZOOM,
      filter: OWN_FILTERS[SELECTION_RING],
      paint: {
        'circle-radius': 14,
        'circle-opacity': 0,
        'circle-stroke-color': '#000000',
        'circle-stroke-width': ['case', selected, 3, 0],
      },
    },
    ...SITE_ROLES.map((role) => symbolLayerSpec(role, from)),
  ];
}

/** The first layer above the site layers (they are re-added under it when their source changes). */
export const ABOVE_SITE_LAYERS = RESCUE_SITES;

/**
 * Counts per level at city scale: nested level-coloured circles per tile cell at its sites' mean position, each one's
 * area growing with its count, the largest underneath (src/tiles/siteTiles.ts writes them in that order). The tiles
 * hold only what the filters leave: they are re-cut on a filter change.
 */
function countsLayerSpec(): LayerSpecification {
  return {
    id: SITE_COUNTS,
    type: 'circle',
    source: SITE_COUNTS_SOURCE,
    'source-layer': COUNTS_LAYER,
    maxzoom: SYMBOL_MIN_ZOOM,
    paint: {
      'circle-color': levelColour(),
      // the cell's size grows with its total (compressed, so a dense cell stays a dot among dots); within the cell
      // each level's disc has the area of its share, so the mix of levels reads true however many sites a cell holds
      // (sized by each count alone, every level of a dense cell reached the same capped size and the top one hid the rest)
      'circle-radius': [
        'max',
        2,
        [
          '*',
          ['interpolate', ['linear'], ['sqrt', ['get', 'total']], 1, 2.5, 4, 5, 12, 10, 40, 17],
          ['sqrt', ['/', ['get', 'count'], ['get', 'total']]],
        ],
      ],
      'circle-opacity': 0.9,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1,
    },
  };
}

/** The tile sources of a large city: sites from street scale, counts below it; `url` names a kind's tile address. */
export function siteTileSources(url: (kind: 'sites' | 'counts') => string): Record<string, SourceSpecification> {
  return {
    [SITE_TILES_SOURCE]: { type: 'vector', tiles: [url('sites')], minzoom: SYMBOL_MIN_ZOOM, maxzoom: 14 },
    [SITE_COUNTS_SOURCE]: { type: 'vector', tiles: [url('counts')], minzoom: 0, maxzoom: SYMBOL_MIN_ZOOM - 1 },
  };
}

const emptyCollection = { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } };

export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      zones: emptyCollection,
      sitePolygons: emptyCollection,
      sitePoints: emptyCollection,
      violations: emptyCollection,
      districts: emptyCollection,
      proposal: emptyCollection,
      proposalRings: emptyCollection,
      proposalLinks: emptyCollection,
      proposalAffected: emptyCollection,
      drawing: emptyCollection,
      ...reachSourceSpecs(),
      ...contourSourceSpecs(),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } },
      // no antialiasing pass: zones-outline draws the edges (one shader program and one draw pass fewer)
      {
        id: 'zones-fill',
        type: 'fill',
        source: 'zones',
        paint: { 'fill-color': levelColour(), 'fill-opacity': ZONE_OPACITY, 'fill-antialias': false },
      },
      reachBandLayer(),
      ...contourLayers(),
      {
        id: 'zones-outline',
        type: 'line',
        source: 'zones',
        paint: {
          'line-color': ['case', ['boolean', ['feature-state', 'selected'], false], '#000000', '#4a4a4a'],
          'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, ['get', 'grid'], 0, 1],
        },
      },
      // district boundaries over the zones: they matter when the zones are grid cells
      {
        id: 'districts-line',
        type: 'line',
        source: 'districts',
        paint: { 'line-color': '#222222', 'line-width': 1.6, 'line-dasharray': [4, 2] },
      },
      ...shelterAreaLayers(),
      {
        id: 'site-areas',
        type: 'fill',
        source: 'sitePolygons',
        paint: { 'fill-color': '#6a3d9a', 'fill-opacity': 0.45, 'fill-outline-color': '#3f2260' },
      },
      ...siteLayers('geojson'),
      rescueSiteLayer(),
      // what-if: rings (drawing only), links to findings, affected sites, the proposal itself, the polygon being drawn
      {
        id: 'proposal-rings',
        type: 'line',
        source: 'proposalRings',
        paint: {
          'line-color': ['match', ['get', 'around'], 'hazard', '#8a3b00', '#1f4e99'],
          'line-width': 1.5,
          'line-dasharray': [3, 2],
        },
      },
      {
        id: 'proposal-links',
        type: 'line',
        source: 'proposalLinks',
        paint: {
          'line-color': ['match', ['get', 'status'], 'violation', '#b00020', 'borderline', '#b36b00', '#555555'],
          'line-width': 3,
        },
      },
      {
        id: 'proposal-affected',
        type: 'circle',
        source: 'proposalAffected',
        paint: {
          'circle-radius': 9,
          'circle-color': 'rgba(0,0,0,0)',
          'circle-stroke-color': '#b00020',
          'circle-stroke-width': 3,
        },
      },
      {
        id: 'proposal-area',
        type: 'fill',
        source: 'proposal',
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': VERDICT_COLOUR, 'fill-opacity': 0.5, 'fill-outline-color': '#000000' },
      },
      {
        id: 'proposal-point',
        type: 'circle',
        source: 'proposal',
        filter: ['==', ['geometry-type'], 'Point'],
        paint: {
          'circle-radius': 9,
          'circle-color': VERDICT_COLOUR,
          'circle-stroke-color': '#000000',
          'circle-stroke-width': 2.5,
        },
      },
      { id: 'drawing-line', type: 'line', source: 'drawing', paint: { 'line-color': '#1f4e99', 'line-width': 2 } },
      {
        id: 'drawing-vertices',
        type: 'circle',
        source: 'drawing',
        filter: ['==', ['geometry-type'], 'Point'],
        paint: { 'circle-radius': 4, 'circle-color': '#1f4e99' },
      },
    ],
  };
}

/** Layers a click can pick, top first. */
export const CLICKABLE_LAYERS: readonly string[] = [
  RESCUE_SITES,
  ...[...SITE_ROLES].reverse().flatMap((role) => [symbolLayer(role), dotLayer(role)]),
  'violations-line',
  'not-assessed-line',
  'site-areas',
  'zones-fill',
];
