// A minimal PMTiles v3 writer for test fixtures (no npm package writes the format). It follows the specification
// (github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md): a 127-byte header, one uncompressed root directory,
// JSON metadata, then the tiles. The tests read what it writes back through the official `pmtiles` decoder.
import { zxyToTileId } from 'pmtiles';

export interface FixtureTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export interface FixtureArchive {
  tiles: FixtureTile[];
  /** 1 MVT, 2 PNG, 3 JPEG, 4 WebP, 5 AVIF */
  tileType: number;
  bounds: [number, number, number, number];
  metadata: Record<string, unknown>;
}

function varints(values: number[]): number[] {
  const out: number[] = [];
  for (let v of values) {
    while (v >= 0x80) {
      out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    out.push(v);
  }
  return out;
}

export function writePmtiles(a: FixtureArchive): Uint8Array {
  const tiles = a.tiles.map((t) => ({ ...t, id: zxyToTileId(t.z, t.x, t.y) })).sort((p, q) => p.id - q.id);
  let offset = 0;
  const entries = tiles.map((t) => {
    const e = { id: t.id, offset, length: t.data.length };
    offset += t.data.length;
    return e;
  });
  const directory = Uint8Array.from([
    ...varints([entries.length]),
    ...varints(entries.map((e, i) => e.id - (i ? entries[i - 1]!.id : 0))),
    ...varints(entries.map(() => 1)),
    ...varints(entries.map((e) => e.length)),
    // 0 means "right after the previous tile"
    ...varints(
      entries.map((e, i) => (i > 0 && e.offset === entries[i - 1]!.offset + entries[i - 1]!.length ? 0 : e.offset + 1)),
    ),
  ]);
  const metadata = new TextEncoder().encode(JSON.stringify(a.metadata));
  const tileData = new Uint8Array(offset);
  tiles.forEach((t, i) => tileData.set(t.data, entries[i]!.offset));

  const header = new DataView(new ArrayBuffer(127));
  new TextEncoder().encode('PMTiles').forEach((b, i) => header.setUint8(i, b));
  header.setUint8(7, 3);
  const u64 = (at: number, v: number) => header.setBigUint64(at, BigInt(v), true);
  const rootOffset = 127;
  const metadataOffset = rootOffset + directory.length;
  const tileOffset = metadataOffset + metadata.length;
  u64(8, rootOffset);
  u64(16, directory.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, tileOffset); // no leaf directories
  u64(48, 0);
  u64(56, tileOffset);
  u64(64, tileData.length);
  u64(72, tiles.length);
  u64(80, tiles.length);
  u64(88, tiles.length);
  header.setUint8(96, 1); // clustered: tiles in id order
  header.setUint8(97, 1); // internal compression: none
  header.setUint8(98, 1); // tile compression: none
  header.setUint8(99, a.tileType);
  const zooms = tiles.map((t) => t.z);
  header.setUint8(100, Math.min(...zooms));
  header.setUint8(101, Math.max(...zooms));
  const e7 = (v: number) => Math.round(v * 1e7);
  header.setInt32(102, e7(a.bounds[0]), true);
  header.setInt32(106, e7(a.bounds[1]), true);
  header.setInt32(110, e7(a.bounds[2]), true);
  header.setInt32(114, e7(a.bounds[3]), true);
  header.setUint8(118, Math.min(...zooms));
  header.setInt32(119, e7((a.bounds[0] + a.bounds[2]) / 2), true);
  header.setInt32(123, e7((a.bounds[1] + a.bounds[3]) / 2), true);

  const out = new Uint8Array(tileOffset + tileData.length);
  out.set(new Uint8Array(header.buffer), 0);
  out.set(directory, rootOffset);
  out.set(metadata, metadataOffset);
  out.set(tileData, tileOffset);
  return out;
}

/** Web-Mercator tiles covering `bounds` at zoom z (standard XYZ scheme). */
export function tilesCovering(bounds: [number, number, number, number], z: number): { x: number; y: number }[] {
  const n = 2 ** z;
  const x = (lon: number) => Math.floor(((lon + 180) / 360) * n);
  const y = (lat: number) =>
    Math.floor(
      ((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * n,
    );
  const out: { x: number; y: number }[] = [];
  for (let i = x(bounds[0]); i <= x(bounds[2]); i++)
    for (let j = y(bounds[3]); j <= y(bounds[1]); j++) out.push({ x: i, y: j });
  return out;
}
