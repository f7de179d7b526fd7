// Answers the browser tests' MAP_PROBE_EVENT (see probe.ts) after the map's next idle, from what it has rendered.
import { bboxOf } from '../engine';
import { siteById } from '../state/siteLookup';
import { probeContours } from './contourLayers';
import type { MapContext } from './mapContext';
import { MAP_PROBE_EVENT, type MapProbe, type MapProbeRequest } from './probe';
import { probeReach } from './reachLayers';
import { SITE_COUNTS, SITE_LAYERS } from './style';
import type { TiledSites } from './tiledSites';

export function answerProbes({ map, container, store }: MapContext, tiledSites: TiledSites): void {
  const selectedBox = (): MapProbe['selectedBox'] => {
    const { assessment: a, selection: s } = store.getState();
    if (!a || !s || s.kind === 'violation') return null;
    const g = s.kind === 'zone' ? a.zones.find((z) => z.id === s.id)?.geometry : siteById(a, s.id)?.geometry;
    if (!g) return null;
    const b = bboxOf(g);
    const p = map.project([b[0], b[3]]);
    const q = map.project([b[2], b[1]]);
    return { x0: p.x, y0: p.y, x1: q.x, y1: q.y };
  };
  const probe = (): MapProbe => {
    const drawn = map.queryRenderedFeatures({ layers: SITE_LAYERS });
    const symbols = drawn
      .filter((f) => f.layer.type === 'symbol')
      .map((f) => `${f.properties.role}:${f.properties.category}:${f.properties.level}`);
    const c = map.getCenter();
    const rings = map.queryRenderedFeatures({ layers: ['proposal-rings'] }).length;
    // a count belongs to one tile cell, so none is drawn twice
    const counts = map.getLayer(SITE_COUNTS) ? map.queryRenderedFeatures({ layers: [SITE_COUNTS] }) : [];
    const counted = { circles: counts.length, sites: counts.reduce((n, f) => n + Number(f.properties.count), 0) };
    const selectedDrawn = new Set(
      drawn.filter((f) => f.state?.selected === true).map((f) => String(f.properties.siteId)),
    ).size;
    return {
      sites: new Set(drawn.map((f) => String(f.properties.siteId))).size,
      symbols: [...new Set(symbols)].sort(),
      camera: { lon: c.lng, lat: c.lat, zoom: map.getZoom() },
      rings,
      selectedBox: selectedBox(),
      counted,
      drawnFrom: tiledSites.source,
      selectedDrawn,
      reach: probeReach(map),
      contours: probeContours(map),
    };
  };
  container.addEventListener(MAP_PROBE_EVENT, (e) => {
    const reply = (e as MapProbeRequest).detail;
    map.once('idle', () => reply(probe()));
    map.triggerRepaint();
  });
}
