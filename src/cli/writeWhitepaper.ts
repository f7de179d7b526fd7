// The white-paper set in Node: the same bundle as the app, with resvg's wasm and the figure font read from disk.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createPngRenderer } from '../figures/png';
import { buildWhitepaper, type OutputFile, type WhitepaperInput } from '../whitepaper/bundle';

const FIGURE_FONT_FILE = new URL('../../data/fonts/NotoSansCJKsc-Regular.subset.otf', import.meta.url);

export async function whitepaperFilesInNode(input: WhitepaperInput): Promise<OutputFile[]> {
  const wasmPath = createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm');
  const [wasm, font] = await Promise.all([readFile(wasmPath), readFile(FIGURE_FONT_FILE)]);
  const png = await createPngRenderer(new Uint8Array(wasm), [new Uint8Array(font)]);
  return buildWhitepaper(input, png);
}
