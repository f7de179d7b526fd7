// The page's side of the tile worker: hands it an assessment's table, asks for tiles, cancels those MapLibre drops.
import { transferablesOf, type SiteTable } from '../tiles/siteTable';
import type { TileRequest, TilesRequest, TilesResponse } from './tilesProtocol';

export interface TilesClient {
  load(data: number, table: SiteTable): void;
  unload(): void;
  tile(request: TileRequest, signal: AbortSignal): Promise<ArrayBuffer>;
}

export function createTilesClient(): TilesClient {
  const worker = new Worker(new URL('./tiles.worker.ts', import.meta.url), { type: 'module' });
  const post = (m: TilesRequest, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
  const pending = new Map<number, (bytes: ArrayBuffer) => void>();
  let next = 0;
  worker.onmessage = (e: MessageEvent<TilesResponse>) => {
    pending.get(e.data.id)?.(e.data.bytes);
    pending.delete(e.data.id);
  };
  return {
    load: (data, table) => post({ kind: 'load', data, table }, transferablesOf(table)),
    unload: () => post({ kind: 'unload' }),
    tile(tile, signal) {
      const id = next++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        post({ kind: 'tile', id, tile });
        signal.addEventListener('abort', () => post({ kind: 'cancel', id }), { once: true });
      });
    },
  };
}
