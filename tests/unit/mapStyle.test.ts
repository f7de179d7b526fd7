// The map's style checked by MapLibre's own style specification: valid, and lean where 100 000 sites are drawn.
import { describe, expect, it } from 'vitest';
import { createPropertyExpression, featureFilter, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { REACH_BANDS, RESCUE_SITES, SHELTER_AREAS_FILL } from '../../src/map/reachLayers';
import {
  ABOVE_SITE_LAYERS,
  baseStyle,
  CLICKABLE_LAYERS,
  dotLayer,
  LAYER_GROUPS,
  SITE_COUNTS,
  SITE_ROLES,
  siteLayers,
  siteTileSources,
  symbolLayer,
} from '../../src/map/style';

const layers = baseStyle().layers;
const layer = (id: string) =>
  layers.find((l) => l.id === id) as LayerSpecification & { paint: Record<string, unknown> };

/** Paint properties whose value depends on the feature (its properties or feature-state): MapLibre stores those per vertex. */
function perVertexPaint(l: LayerSpecification & { paint: Record<string, unknown> }): string[] {
  return Object.entries(l.paint)
    .filter(([name, value]) => {
      const spec = (latest as unknown as Record<string, Record<string, unknown>>)[`paint_${l.type}`]![name];
      const parsed = createPropertyExpression(value, name, spec as never);
      if (parsed.result !== 'success') throw new Error(`${l.id} ${name}: ${JSON.stringify(parsed.value)}`);
      return parsed.value.kind === 'source' || parsed.value.kind === 'composite';
    })
    .map(([name]) => name);
}

describe('the map style', () => {
  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(baseStyle() as never)).toEqual([]);
  });

  it('stores only the level colour and the selection per vertex in the city-scale dots', () => {
    for (const role of SITE_ROLES)
      expect(perVertexPaint(layer(dotLayer(role))).sort()).toEqual(['circle-color', 'circle-stroke-width']);
  });

  it('draws hazards above protected places above other risk points, at both scales', () => {
    const order = (id: string) => layers.findIndex((l) => l.id === id);
    for (const of of [dotLayer, symbolLayer])
      expect(order(of('risk'))).toBeLessThan(order(of('target'))),
        expect(order(of('target'))).toBeLessThan(order(of('hazard')));
    // the rescue symbols are drawn above every site symbol (src/map/reachLayers), so a click reaches them first
    expect(CLICKABLE_LAYERS.indexOf(RESCUE_SITES)).toBe(0);
    expect(CLICKABLE_LAYERS.indexOf(symbolLayer('hazard'))).toBe(1);
    expect(order(RESCUE_SITES)).toBeGreaterThan(order(symbolLayer('hazard')));
  });

  it('draws the reach bands over the zone fills but under their outlines, and shelter areas under the sites', () => {
    const order = (id: string) => layers.findIndex((l) => l.id === id);
    expect(order(REACH_BANDS)).toBe(order('zones-fill') + 1);
    expect(order(REACH_BANDS)).toBeLessThan(order('zones-outline'));
    expect(order(SHELTER_AREAS_FILL)).toBeGreaterThan(order('districts-line'));
    expect(order(SHELTER_AREAS_FILL)).toBeLessThan(order('site-areas'));
    // the reach layers are off until their toggle is on (DEFAULT_LAYERS), the rescue symbols on
    for (const id of [...LAYER_GROUPS.reach, ...LAYER_GROUPS.shelters])
      expect((layer(id) as { layout?: { visibility?: string } }).layout?.visibility).toBe('none');
  });

  it('leaves fire stations, rescue teams and shelters out of the risk layers on both paths (they are not 未评级 risk points)', () => {
    const evaluate = (filter: unknown, category: string) =>
      featureFilter(filter as never, 'layers[0].filter').filter(
        { zoom: 14 } as never,
        { type: 1, properties: { siteId: 'x', role: 'risk', category, level: 'unscored' } } as never,
      );
    for (const from of ['geojson', 'tiles'] as const) {
      for (const l of siteLayers(from).filter((x) => x.id === dotLayer('risk') || x.id === symbolLayer('risk'))) {
        expect(evaluate((l as { filter?: unknown }).filter, 'construction')).toBe(true);
        for (const c of ['fire_station', 'rescue_team', 'shelter'])
          expect(evaluate((l as { filter?: unknown }).filter, c)).toBe(false);
      }
    }
  });

  it('gives every role a toggle for its own layers', () => {
    expect(LAYER_GROUPS.hazards).toEqual([dotLayer('hazard'), symbolLayer('hazard')]);
    expect(LAYER_GROUPS.targets).toEqual([dotLayer('target'), symbolLayer('target')]);
    expect(LAYER_GROUPS.risks).toEqual([dotLayer('risk'), symbolLayer('risk')]);
  });

  it('draws a large city from tiles with the same layers, filters and paint, plus the city-scale counts', () => {
    const geojson = siteLayers('geojson');
    const tiles = siteLayers('tiles');
    const strip = ({ source: _s, 'source-layer': _l, ...rest }: Record<string, unknown>) => rest;
    expect(tiles.filter((l) => l.id !== SITE_COUNTS).map((l) => strip(l as never))).toEqual(
      geojson.map((l) => strip(l as never)),
    );
    // the tiled style as the map has it after the switch: valid, and the site layers still under the what-if layers
    const style = baseStyle();
    const first = style.layers.findIndex((l) => l.id === geojson[0]!.id);
    style.layers.splice(first, geojson.length, ...tiles); // spread-ok: a dozen layers
    Object.assign(
      style.sources,
      siteTileSources((kind) => `usrm-sites://${kind}/{z}/{x}/{y}?data=1`),
    );
    expect(validateStyleMin(style as never)).toEqual([]);
    expect(style.layers.findIndex((l) => l.id === ABOVE_SITE_LAYERS)).toBe(first + tiles.length);
  });
});
