// Zip archives whose bytes depend only on their contents: fixed entry dates (1980-01-01, the format's epoch), the
// given entry order, fixed compression. Used for the white-paper bundle and to re-pack ExcelJS output, which stamps
// entries with the wall clock.
import { unzipSync, zipSync, type Zippable } from 'fflate';

const ZIP_EPOCH = new Date(1980, 0, 1, 0, 0, 0);

export function stableZip(entries: [string, Uint8Array][]): Uint8Array {
  const files: Zippable = {};
  for (const [name, data] of entries) {
    // already-compressed formats (PNG, XLSX) are stored; text is deflated
    const stored = /\.(png|xlsx|zip|gz)$/i.test(name);
    files[name] = [data, { mtime: ZIP_EPOCH, level: stored ? 0 : 6 }];
  }
  return zipSync(files, { mtime: ZIP_EPOCH });
}

/** Re-packs an archive with stableZip, keeping its entry order (OOXML expects [Content_Types].xml first). */
export function restampZip(archive: Uint8Array): Uint8Array {
  return stableZip(Object.entries(unzipSync(archive)));
}
