// The white-paper set in Node: the same bundle as the app, with resvg's wasm and the figure font read from disk.
// Loaded by runAssess only for `whitepaper`, so `assess` never loads ECharts, resvg or ExcelJS.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createPngRenderer } from '../figures/png';
import { buildWhitepaper, type OutputFile, type WhitepaperInput } from '../whitepaper/bundle';
import { findPackageFile, packageFile } from './packageFile';

/** where scripts/buildCli.mjs copies resvg's wasm, relative to dist-cli/ */
export const RESVG_WASM_COPY = 'resvg-wasm/index_bg.wasm';

export async function whitepaperFilesInNode(
  input: WhitepaperInput,
  onProgress?: (share: number) => void,
): Promise<OutputFile[]> {
  // the built CLI carries the wasm beside its chunks (dist-cli/resvg-wasm/); from source it is in node_modules
  const wasmPath =
    findPackageFile(RESVG_WASM_COPY) ?? createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm');
  const [wasm, font] = await Promise.all([
    readFile(wasmPath),
    readFile(packageFile('data/fonts/NotoSansCJKsc-Regular.subset.otf')),
  ]);
  const png = await createPngRenderer(new Uint8Array(wasm), [new Uint8Array(font)]);
  return buildWhitepaper(input, png, onProgress && ((share) => onProgress(share)));
}
