// The map's style as pure data: an offline background plus GeoJSON layers (no tile server, no glyph requests).
// Level colours come from the shared palette; labels are DOM markers, so no font files are fetched.
import type { ExpressionSpecification, FilterSpecification, StyleSpecification } from 'maplibre-gl';
import { LEVELS } from '../engine';
import { LEVEL_FILL } from '../figures/palette';
import { SYMBOL_MIN_ZOOM, TARGET_COLOUR } from './siteIcons';

export const UNSCORED_FILL = '#9e9e9e';

/** What-if verdict colours: 符合 green, 不符合 red, 临界 amber, 未评估 grey. */
export const VERDICT_FILL = { compliant: '#1a7f37', violation: '#b00020', borderline: '#d08700', not_assessed: '#6e7781', pending: '#ffffff' } as const;
const VERDICT_COLOUR = ['match', ['get', 'verdict'], ...Object.entries(VERDICT_FILL).flat(), '#ffffff'] as unknown as ExpressionSpecification;
export const BACKGROUND = '#eef1f4';
export const ZONE_OPACITY = 0.55;

export function levelColour(): ExpressionSpecification {
  return ['match', ['get', 'level'], ...LEVELS.flatMap((l) => [l, LEVEL_FILL[l]]), UNSCORED_FILL] as unknown as ExpressionSpecification;
}

/** Filters that belong to a layer itself; the user's filters are combined with them (src/map/filterExpressions). */
export const OWN_FILTERS = {
  'violations-line': ['!=', ['get', 'status'], 'not_assessed'],
  'not-assessed-line': ['==', ['get', 'status'], 'not_assessed'],
  // every site has a point, areas included: small polygons vanish at city scale, their points do not
  'site-points': ['has', 'siteId'],
  'site-symbols': ['has', 'siteId'],
} as const satisfies Record<string, FilterSpecification>;

/** Which style layers each layer toggle shows or hides. */
export const LAYER_GROUPS = {
  zones: ['zones-fill', 'zones-outline'],
  districts: ['districts-line'],
  violations: ['violations-line', 'not-assessed-line'],
} as const;

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
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } },
      { id: 'zones-fill', type: 'fill', source: 'zones', paint: { 'fill-color': levelColour(), 'fill-opacity': ZONE_OPACITY } },
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
      { id: 'districts-line', type: 'line', source: 'districts', paint: { 'line-color': '#222222', 'line-width': 1.6, 'line-dasharray': [4, 2] } },
      { id: 'site-areas', type: 'fill', source: 'sitePolygons', paint: { 'fill-color': '#6a3d9a', 'fill-opacity': 0.45, 'fill-outline-color': '#3f2260' } },
      {
        id: 'violations-line',
        type: 'line',
        source: 'violations',
        filter: OWN_FILTERS['violations-line'],
        paint: { 'line-color': '#7f0000', 'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 5, 2.5] },
      },
      {
        id: 'not-assessed-line',
        type: 'line',
        source: 'violations',
        filter: OWN_FILTERS['not-assessed-line'],
        paint: { 'line-color': '#555555', 'line-width': 1, 'line-dasharray': [2, 2] },
      },
      {
        id: 'site-points',
        type: 'circle',
        source: 'sitePoints',
        filter: OWN_FILTERS['site-points'],
        // dots at city scale; from SYMBOL_MIN_ZOOM the symbols below take over and the dot only rings a selection
        paint: {
          'circle-color': levelColour(),
          'circle-radius': [
            'interpolate', ['linear'], ['zoom'],
            8, ['match', ['get', 'role'], 'hazard', 3.5, 2.5],
            SYMBOL_MIN_ZOOM - 0.01, ['match', ['get', 'role'], 'hazard', 6, 4.5],
            SYMBOL_MIN_ZOOM, 14,
          ],
          'circle-opacity': ['step', ['zoom'], 1, SYMBOL_MIN_ZOOM, 0],
          'circle-stroke-color': ['match', ['get', 'role'], 'hazard', '#000000', 'target', TARGET_COLOUR, '#ffffff'],
          'circle-stroke-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, ['match', ['get', 'role'], 'hazard', 1.5, 1]],
          'circle-stroke-opacity': ['step', ['zoom'], 1, SYMBOL_MIN_ZOOM, ['case', ['boolean', ['feature-state', 'selected'], false], 1, 0]],
        },
      },
      {
        id: 'site-symbols',
        type: 'symbol',
        source: 'sitePoints',
        minzoom: SYMBOL_MIN_ZOOM,
        filter: OWN_FILTERS['site-symbols'],
        layout: {
          'icon-image': ['concat', 'site:', ['get', 'role'], ':', ['get', 'category'], ':', ['get', 'level']],
          'icon-size': ['interpolate', ['linear'], ['zoom'], SYMBOL_MIN_ZOOM, 0.85, 16, 1.15],
          'icon-allow-overlap': true,
          'icon-ignore-placement': true,
          // hazards on top, then protected places
          'symbol-sort-key': ['match', ['get', 'role'], 'hazard', 2, 'target', 1, 0],
        },
      },
      // what-if: rings (drawing only), links to findings, affected sites, the proposal itself, the polygon being drawn
      { id: 'proposal-rings', type: 'line', source: 'proposalRings', paint: { 'line-color': '#1f4e99', 'line-width': 1.5, 'line-dasharray': [3, 2] } },
      { id: 'proposal-links', type: 'line', source: 'proposalLinks', paint: { 'line-color': ['match', ['get', 'status'], 'violation', '#b00020', 'borderline', '#b36b00', '#555555'], 'line-width': 3 } },
      { id: 'proposal-affected', type: 'circle', source: 'proposalAffected', paint: { 'circle-radius': 9, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#b00020', 'circle-stroke-width': 3 } },
      { id: 'proposal-area', type: 'fill', source: 'proposal', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': VERDICT_COLOUR, 'fill-opacity': 0.5, 'fill-outline-color': '#000000' } },
      {
        id: 'proposal-point',
        type: 'circle',
        source: 'proposal',
        filter: ['==', ['geometry-type'], 'Point'],
        paint: { 'circle-radius': 9, 'circle-color': VERDICT_COLOUR, 'circle-stroke-color': '#000000', 'circle-stroke-width': 2.5 },
      },
      { id: 'drawing-line', type: 'line', source: 'drawing', paint: { 'line-color': '#1f4e99', 'line-width': 2 } },
      { id: 'drawing-vertices', type: 'circle', source: 'drawing', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 4, 'circle-color': '#1f4e99' } },
    ],
  };
}

/** Layers a click can pick, top first. */
export const CLICKABLE_LAYERS = ['site-symbols', 'site-points', 'violations-line', 'not-assessed-line', 'site-areas', 'zones-fill'] as const;
