// Builds the white-paper zip off the main thread: figures (with PNG rendering, the slow part), tables, report.
// Started on demand by the export button, so resvg's wasm and the figure font never weigh on the first page load.
import './nodeGlobalShim';
import wasmUrl from '@resvg/resvg-wasm/index_bg.wasm?url';
import fontUrl from '../../data/fonts/NotoSansCJKsc-Regular.subset.otf?url';
import { fetchBytes } from '../io/fetchBytes';
import { stableZip } from '../io/stableZip';
import { createPngRenderer } from '../figures/png';
import { buildWhitepaper, fileBytes, type WhitepaperInput } from '../whitepaper/bundle';

export type WhitepaperWorkerMessage =
  | { kind: 'progress'; share: number; stage: string }
  | { kind: 'done'; zip: Uint8Array }
  | { kind: 'error'; message: string };

const post = (m: WhitepaperWorkerMessage, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(m, transfer);

self.onmessage = async (e: MessageEvent<WhitepaperInput>) => {
  try {
    post({ kind: 'progress', share: 0, stage: 'load' });
    const [wasm, font] = await Promise.all([fetchBytes(wasmUrl), fetchBytes(fontUrl)]);
    const png = await createPngRenderer(wasm, [font]);
    const files = await buildWhitepaper(e.data, png, (share, stage) =>
      post({ kind: 'progress', share: 0.1 + 0.85 * share, stage }),
    );
    const zip = stableZip(files.map((f) => [f.path, fileBytes(f)]));
    post({ kind: 'done', zip }, [zip.buffer]);
  } catch (err) {
    post({ kind: 'error', message: (err as Error).message });
  }
};
