// The warm-up copies select the same shader programs as the layers they stand for: same type, paint and layout (the
// icon aside: a transparent one), at every zoom; and every site layer first drawn when zoomed in has its copy.
import { describe, expect, it } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';
import { SYMBOL_MIN_ZOOM } from '../../src/map/siteIcons';
import { SITE_COUNTS, siteLayers } from '../../src/map/style';
import { warmLayerSpecs } from '../../src/map/warmPrograms';

describe('warm-up layers', () => {
  const originals = new Map([...siteLayers('geojson'), ...siteLayers('tiles')].map((l) => [l.id, l]));
  const copies = warmLayerSpecs();

  it('copy the paint and layout of the layers they stand for, with no zoom range and no filter', () => {
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      const original = originals.get(copy.id.replace(/^warm-programs:/, ''))!;
      expect(original).toBeDefined();
      expect(copy.type).toBe(original.type);
      expect((copy as { paint?: unknown }).paint).toEqual((original as { paint?: unknown }).paint);
      const { 'icon-image': icon, ...layout } = ((copy as { layout?: object }).layout ?? {}) as Record<string, unknown>;
      const { 'icon-image': _, ...originalLayout } = ((original as { layout?: object }).layout ?? {}) as Record<
        string,
        unknown
      >;
      expect(layout).toEqual(originalLayout);
      if (copy.type === 'symbol') expect(icon).toBe('warm-programs:icon');
      expect(copy).not.toHaveProperty('minzoom');
      expect(copy).not.toHaveProperty('maxzoom');
      expect(copy).not.toHaveProperty('source-layer');
      expect(copy).not.toHaveProperty('filter');
    }
  });

  it('cover the street-scale symbols and circles, every finding line and a large city’s counts', () => {
    const warmed = new Set(copies.map((c) => c.id.replace(/^warm-programs:/, '')));
    const needed = siteLayers('geojson').filter(
      (l: LayerSpecification) => (l.minzoom === SYMBOL_MIN_ZOOM && l.type !== 'fill') || l.type === 'line',
    );
    expect([...needed.map((l) => l.id), SITE_COUNTS].sort()).toEqual([...warmed].sort());
    expect([...warmed]).toEqual(
      expect.arrayContaining(['violations-line', 'not-assessed-line', 'site-selection-ring', SITE_COUNTS]),
    );
  });
});
