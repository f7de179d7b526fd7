// The white-paper set in Node: the same bundle as the app, with resvg's wasm and the figure font read from disk.
// Loaded by runAssess only for `whitepaper`, so `assess` never loads ECharts, resvg or ExcelJS.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createPngRenderer } from '../figures/png';
import { buildWhitepaper, type OutputFile, type WhitepaperInput } from '../whitepaper/bundle';
import { packageFile } from './packageFile';

export async function whitepaperFilesInNode(input: WhitepaperInput, onProgress?: (share: number) => void): Promise<OutputFile[]> {
  const wasmPath = createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm');
  const [wasm, font] = await Promise.all([readFile(wasmPath), readFile(packageFile('data/fonts/NotoSansCJKsc-Regular.subset.otf'))]);
  const png = await createPngRenderer(new Uint8Array(wasm), [new Uint8Array(font)]);
  return buildWhitepaper(input, png, onProgress && ((share) => onProgress(share)));
}
