// Count screenshot pixels near an expected colour.
import { PNG } from 'pngjs';

export type RGB = [number, number, number];

export function hexToRgb(hex: string): RGB {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The colour a fill of `fill` at `opacity` shows over `background`. */
export function blend(fill: RGB, background: RGB, opacity: number): RGB {
  return fill.map((c, i) => c * opacity + background[i]! * (1 - opacity)) as RGB;
}

export function countPixelsNear(png: Buffer, colour: RGB, tolerance = 6): number {
  const img = PNG.sync.read(png);
  let n = 0;
  for (let i = 0; i < img.data.length; i += 4) {
    if (
      Math.abs(img.data[i]! - colour[0]) <= tolerance &&
      Math.abs(img.data[i + 1]! - colour[1]) <= tolerance &&
      Math.abs(img.data[i + 2]! - colour[2]) <= tolerance
    )
      n++;
  }
  return n;
}
