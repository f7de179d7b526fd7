// Cuts the map's site tiles off the page: holds the last assessment's table and index and answers one tile per task,
// so a cancel (MapLibre panned past a tile) can overtake the work still queued.
import { SiteTiles } from '../tiles/siteTiles';
import { nextTask } from '../tiles/nextTask';
import type { TileRequest, TilesRequest, TilesResponse } from './tilesProtocol';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<TilesRequest>) => void) | null;
  postMessage(m: TilesResponse, transfer: Transferable[]): void;
};

let loaded: { data: number; tiles: SiteTiles } | null = null;
const queue = new Map<number, TileRequest>();
let draining = false;

scope.onmessage = (e) => {
  const m = e.data;
  if (m.kind === 'load') loaded = { data: m.data, tiles: new SiteTiles(m.table) };
  else if (m.kind === 'unload') loaded = null;
  else if (m.kind === 'cancel') {
    if (queue.delete(m.id)) reply(m.id, new Uint8Array(0));
  } else {
    queue.set(m.id, m.tile);
    if (!draining) {
      draining = true;
      void drain();
    }
  }
};

async function drain(): Promise<void> {
  for (;;) {
    await nextTask();
    const next = queue.entries().next();
    if (next.done) break;
    const [id, tile] = next.value;
    queue.delete(id);
    reply(id, cut(tile));
  }
  draining = false;
}

function cut(tile: TileRequest): Uint8Array {
  if (!loaded || loaded.data !== tile.data) return new Uint8Array(0);
  if (tile.kind === 'sites') return loaded.tiles.siteTile(tile);
  return tile.filter ? loaded.tiles.countTile(tile, tile.filter) : new Uint8Array(0);
}

function reply(id: number, bytes: Uint8Array): void {
  // a tile of its own buffer moves, not copied; pbf's output may be a view of a larger one
  const own =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
      ? (bytes.buffer as ArrayBuffer)
      : (bytes.slice().buffer as ArrayBuffer);
  scope.postMessage({ id, bytes: own }, [own]);
}
