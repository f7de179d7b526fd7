// The map's style as pure data: an offline background plus GeoJSON layers (no tile server, no glyph requests).
// Level colours come from the shared palette; labels are DOM markers, so no font files are fetched.
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { LEVELS } from '../engine';
import { LEVEL_FILL } from '../figures/palette';

export const UNSCORED_FILL = '#9e9e9e';
export const BACKGROUND = '#eef1f4';
export const ZONE_OPACITY = 0.55;

export function levelColour(): ExpressionSpecification {
  return ['match', ['get', 'level'], ...LEVELS.flatMap((l) => [l, LEVEL_FILL[l]]), UNSCORED_FILL] as unknown as ExpressionSpecification;
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
          'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, 1],
        },
      },
      { id: 'site-areas', type: 'fill', source: 'sitePolygons', paint: { 'fill-color': '#6a3d9a', 'fill-opacity': 0.45, 'fill-outline-color': '#3f2260' } },
      {
        id: 'violations-line',
        type: 'line',
        source: 'violations',
        filter: ['!=', ['get', 'status'], 'not_assessed'],
        paint: { 'line-color': '#7f0000', 'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 5, 2.5] },
      },
      {
        id: 'not-assessed-line',
        type: 'line',
        source: 'violations',
        filter: ['==', ['get', 'status'], 'not_assessed'],
        paint: { 'line-color': '#555555', 'line-width': 1, 'line-dasharray': [2, 2] },
      },
      {
        id: 'site-points',
        type: 'circle',
        source: 'sitePoints',
        filter: ['!', ['get', 'area']],
        paint: {
          'circle-color': levelColour(),
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, ['match', ['get', 'role'], 'hazard', 3.5, 2.5], 14, ['match', ['get', 'role'], 'hazard', 7, 5]],
          'circle-stroke-color': ['match', ['get', 'role'], 'hazard', '#000000', 'target', '#3f2260', '#ffffff'],
          'circle-stroke-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, ['match', ['get', 'role'], 'hazard', 1.5, 1]],
        },
      },
    ],
  };
}

/** Layers a click can pick, top first. */
export const CLICKABLE_LAYERS = ['site-points', 'violations-line', 'not-assessed-line', 'site-areas', 'zones-fill'] as const;
