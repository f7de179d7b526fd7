// SVG → PNG for print, with resvg (Rust, compiled to WebAssembly): the same wasm and the same bundled font give the
// same pixels in Node and in the browser, so the app's PNGs equal the CLI's byte for byte.
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import CRC32 from 'crc-32';

/** Figures are laid out for a 16 cm text width (A4 with 2.5 cm margins); at 300 dpi that is 1890 px. */
export const PRINT_DPI = 300;
export const PRINT_WIDTH_CM = 16;
export const PRINT_WIDTH_PX = Math.round((PRINT_WIDTH_CM / 2.54) * PRINT_DPI);
export const FIGURE_FONT_FAMILY = 'Noto Sans CJK SC';

export interface PngRenderer {
  /** PNG of `svg` scaled to the print width, tagged 300 dpi */
  render(svg: string): Uint8Array;
}

let wasmReady: Promise<void> | null = null;

/** `wasm`: resvg's index_bg.wasm; `fonts`: the figure font(s) (the browser's and Node's system fonts are not used). */
export async function createPngRenderer(wasm: Uint8Array, fonts: Uint8Array[]): Promise<PngRenderer> {
  // resvg's wasm may be initialised once per page or process
  wasmReady ??= initWasm(wasm);
  await wasmReady;
  return {
    render(svg) {
      const resvg = new Resvg(svg, {
        fitTo: { mode: 'width', value: PRINT_WIDTH_PX },
        background: '#ffffff',
        font: {
          fontBuffers: fonts,
          defaultFontFamily: FIGURE_FONT_FAMILY,
          sansSerifFamily: FIGURE_FONT_FAMILY,
          loadSystemFonts: false,
        },
      } as ConstructorParameters<typeof Resvg>[1]);
      const image = resvg.render();
      const png = image.asPng();
      image.free();
      resvg.free();
      return withDpi(png, PRINT_DPI);
    },
  };
}

/** Inserts (or replaces) the pHYs chunk after IHDR so word processors place the image at its print size. */
export function withDpi(png: Uint8Array, dpi: number): Uint8Array {
  const IHDR_END = 8 + 8 + 13 + 4; // signature, IHDR length+type, IHDR data, CRC
  const chunks: Uint8Array[] = [png.subarray(0, IHDR_END)];
  const perMetre = Math.round(dpi / 0.0254);
  const phys = new Uint8Array(4 + 4 + 9 + 4);
  const view = new DataView(phys.buffer);
  view.setUint32(0, 9);
  phys.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
  view.setUint32(8, perMetre);
  view.setUint32(12, perMetre);
  phys[16] = 1; // unit: metre
  view.setUint32(17, CRC32.buf(phys.subarray(4, 17)) >>> 0);
  chunks.push(phys);
  // copy the remaining chunks, dropping any pHYs already there
  let at = IHDR_END;
  const src = new DataView(png.buffer, png.byteOffset, png.byteLength);
  while (at < png.length) {
    const length = src.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8)); // spread-ok: a chunk type's 4 bytes
    const end = at + 12 + length;
    if (type !== 'pHYs') chunks.push(png.subarray(at, end));
    at = end;
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
