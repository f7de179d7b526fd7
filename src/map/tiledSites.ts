// Large cities on the map: sites and findings as vector tiles cut in a worker (src/worker/tiles.worker.ts) and served
// to MapLibre through a custom protocol, so MapLibre never takes every site as GeoJSON (its setData held the page
// 0.5 s at 100 000 sites and 5.7 s at 1 000 000: a serialisation walk and a structured clone into its worker). The
// page hands the worker the assessment once, as columns built in slices; after that only tiles of a few kB cross.
import { addProtocol, type FeatureIdentifier, type Map as MapLibreMap, type VectorTileSource } from 'maplibre-gl';
import type { Assessment } from '../engine';
import { buildSiteTable, type SiteTable } from '../tiles/siteTable';
import { nextTask } from '../tiles/nextTask';
import type { CountFilter } from '../tiles/siteTiles';
import { FINDINGS_LAYER, SITES_LAYER } from '../tiles/layerNames';
import { createTilesClient, type TilesClient } from '../worker/tilesClient';
import type { TileKind, TileRequest } from '../worker/tilesProtocol';
import {
  ABOVE_SITE_LAYERS,
  SITE_COUNTS_SOURCE,
  SITE_TILES_SOURCE,
  siteLayers,
  siteTileSources,
  type SiteSource,
} from './style';

// when a city is large enough for this: src/map/largeCity.ts
const PROTOCOL = 'usrm-sites';
const TILE_URL = new RegExp(`^${PROTOCOL}://(sites|counts)/(\\d+)/(\\d+)/(\\d+)\\?data=(\\d+)(?:&filter=(\\d+))?$`);

/** The map whose tiles the protocol serves (one map per page). */
let serving: ((url: string, signal: AbortSignal) => Promise<ArrayBuffer>) | null = null;
let registered = false;

export interface TiledSites {
  /** the site layers' source now */
  readonly source: SiteSource;
  /** switch the site layers to tiles or back to the GeoJSON sources */
  use(source: SiteSource): void;
  /** hand the assessment to the tile worker; true once its tiles are being drawn, false if a newer one came first */
  show(a: Assessment): Promise<boolean>;
  /** what the city-scale counts count (re-cut when it changes) */
  count(filter: CountFilter): void;
  /** a site's or finding's feature, for feature-state (by its index in the assessment) */
  feature(kind: 'site' | 'finding', index: number): FeatureIdentifier;
}

export function createTiledSites(map: MapLibreMap): TiledSites {
  let client: TilesClient | null = null; // started with the first large city
  let source: SiteSource = 'geojson';
  /** the assessment being shown (numbered on this page) and the one whose table the worker has */
  let data = 0,
    loaded = 0;
  let filter: { version: number; key: string; value: CountFilter } | null = null;
  const filters = new Map<number, CountFilter>();

  const url = (kind: TileKind): string =>
    `${PROTOCOL}://${kind}/{z}/{x}/{y}?data=${loaded}${kind === 'counts' ? `&filter=${filter?.version ?? 0}` : ''}`;
  /**
   * Points a tile source at the current data and filter. MapLibre reloads a tile that is still loading by re-reading
   * the bytes it already has (the new address is never asked for), so the switch waits until none is loading.
   */
  const pointAtCurrent = (kind: TileKind): Promise<void> =>
    new Promise((resolve) => {
      const id = kind === 'sites' ? SITE_TILES_SOURCE : SITE_COUNTS_SOURCE;
      const apply = (): void => {
        const source = map.getSource(id) as VectorTileSource | undefined;
        if (!source) return resolve();
        if (!map.isSourceLoaded(id)) {
          map.once('idle', apply);
          map.triggerRepaint();
          return;
        }
        const next = url(kind);
        if (source.tiles?.[0] !== next) source.setTiles([next]);
        resolve();
      };
      apply();
    });

  serving = async (address, signal) => {
    const m = TILE_URL.exec(address);
    if (!m || !client) return new ArrayBuffer(0);
    const request: TileRequest = {
      kind: m[1] as TileKind,
      z: Number(m[2]),
      x: Number(m[3]),
      y: Number(m[4]),
      data: Number(m[5]),
      filter: m[6] ? filters.get(Number(m[6])) : undefined,
    };
    return client.tile(request, signal);
  };
  if (!registered) {
    registered = true;
    addProtocol(PROTOCOL, async (params, abort) => ({
      data: serving ? await serving(params.url, abort.signal) : new ArrayBuffer(0),
    }));
  }

  return {
    get source() {
      return source;
    },
    use(next) {
      if (next === source) return;
      if (next === 'tiles') {
        for (const [id, spec] of Object.entries(siteTileSources(url))) if (!map.getSource(id)) map.addSource(id, spec);
      } else {
        client?.unload();
        loaded = 0;
      }
      const ids = new Set([...siteLayers('geojson'), ...siteLayers('tiles')].map((l) => l.id));
      for (const id of ids) if (map.getLayer(id)) map.removeLayer(id);
      for (const layer of siteLayers(next)) map.addLayer(layer, ABOVE_SITE_LAYERS);
      source = next;
    },
    async show(a) {
      const mine = ++data;
      const table = await inSlices(buildSiteTable(a));
      if (mine !== data || source !== 'tiles') return false;
      client ??= createTilesClient();
      client.load(mine, table);
      loaded = mine;
      await Promise.all([pointAtCurrent('sites'), pointAtCurrent('counts')]);
      return mine === data && source === 'tiles';
    },
    count(value) {
      const key = JSON.stringify(value);
      if (filter?.key === key) return;
      filter = { version: (filter?.version ?? 0) + 1, key, value };
      filters.set(filter.version, value);
      filters.delete(filter.version - 8); // requests already on their way may still name a recent one
      if (loaded > 0) void pointAtCurrent('counts');
    },
    feature(kind, index) {
      if (source === 'geojson') return { source: kind === 'site' ? 'sitePoints' : 'violations', id: index };
      return { source: SITE_TILES_SOURCE, sourceLayer: kind === 'site' ? SITES_LAYER : FINDINGS_LAYER, id: index };
    },
  };
}

/** Runs the builder a slice per task. */
async function inSlices(steps: Generator<void, SiteTable>): Promise<SiteTable> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await nextTask();
  }
}
