// The map's style checked by MapLibre's own style specification: valid, and lean where 100 000 sites are drawn.
import { describe, expect, it } from 'vitest';
import { createPropertyExpression, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { ABOVE_SITE_LAYERS, baseStyle, CLICKABLE_LAYERS, dotLayer, LAYER_GROUPS, SITE_COUNTS, SITE_ROLES, siteLayers, siteTileSources, symbolLayer } from '../../src/map/style';

const layers = baseStyle().layers;
const layer = (id: string) => layers.find((l) => l.id === id) as LayerSpecification & { paint: Record<string, unknown> };

/** Paint properties whose value depends on the feature (its properties or feature-state): MapLibre stores those per vertex. */
function perVertexPaint(l: LayerSpecification & { paint: Record<string, unknown> }): string[] {
  return Object.entries(l.paint).filter(([name, value]) => {
    const spec = (latest as unknown as Record<string, Record<string, unknown>>)[`paint_${l.type}`]![name];
    const parsed = createPropertyExpression(value, name, spec as never);
    if (parsed.result !== 'success') throw new Error(`${l.id} ${name}: ${JSON.stringify(parsed.value)}`);
    return parsed.value.kind === 'source' || parsed.value.kind === 'composite';
  }).map(([name]) => name);
}

describe('the map style', () => {
  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(baseStyle() as never)).toEqual([]);
  });

  it('stores only the level colour and the selection per vertex in the city-scale dots', () => {
    for (const role of SITE_ROLES) expect(perVertexPaint(layer(dotLayer(role))).sort()).toEqual(['circle-color', 'circle-stroke-width']);
  });

  it('draws hazards above protected places above other risk points, at both scales', () => {
    const order = (id: string) => layers.findIndex((l) => l.id === id);
    for (const of of [dotLayer, symbolLayer]) expect(order(of('risk'))).toBeLessThan(order(of('target'))), expect(order(of('target'))).toBeLessThan(order(of('hazard')));
    expect(CLICKABLE_LAYERS.indexOf(symbolLayer('hazard'))).toBe(0);
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
    expect(tiles.filter((l) => l.id !== SITE_COUNTS).map((l) => strip(l as never))).toEqual(geojson.map((l) => strip(l as never)));
    // the tiled style as the map has it after the switch: valid, and the site layers still under the what-if layers
    const style = baseStyle();
    const first = style.layers.findIndex((l) => l.id === geojson[0]!.id);
    style.layers.splice(first, geojson.length, ...tiles); // spread-ok: a dozen layers
    Object.assign(style.sources, siteTileSources((kind) => `usrm-sites://${kind}/{z}/{x}/{y}?data=1`));
    expect(validateStyleMin(style as never)).toEqual([]);
    expect(style.layers.findIndex((l) => l.id === ABOVE_SITE_LAYERS)).toBe(first + tiles.length);
  });
});
