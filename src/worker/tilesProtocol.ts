// Messages between the page and the tile worker (src/worker/tiles.worker.ts): plain data and transferred buffers.
import type { SiteTable } from '../tiles/siteTable';
import type { CountFilter } from '../tiles/siteTiles';
import type { TileId } from '../tiles/tileGrid';

/** `sites`: street-scale sites and findings; `counts`: city-scale counts per level. */
export type TileKind = 'sites' | 'counts';

export interface TileRequest extends TileId {
  kind: TileKind;
  /** the assessment the tile is cut from (the page numbers them); a tile of an older one comes back empty */
  data: number;
  /** for counts: what the filters leave */
  filter?: CountFilter;
}

export type TilesRequest =
  | { kind: 'load'; data: number; table: SiteTable }
  | { kind: 'unload' }
  | { kind: 'tile'; id: number; tile: TileRequest }
  /** MapLibre no longer needs the tile (panned past it): dropped if not yet cut */
  | { kind: 'cancel'; id: number };

export interface TilesResponse {
  id: number;
  /** MVT bytes; empty when there is nothing to draw */
  bytes: ArrayBuffer;
}
