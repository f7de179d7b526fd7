// Uploaded files kept in IndexedDB by their SHA-256, so that after a reload a dataset can still be read again: the
// column-mapping step, the coordinate-system choice and the sheet choice need the file itself. Bounded: a file above
// MAX_KEPT_SOURCE_BYTES is not kept (the panel says so: upload it again to re-read it), and the oldest files go
// once all together pass MAX_SOURCE_STORE_BYTES. A file shared by several projects is stored once.
import { createStore, del, get, set, update, type UseStore } from 'idb-keyval';

export const MAX_KEPT_SOURCE_BYTES = 32 * 2 ** 20;
export const MAX_SOURCE_STORE_BYTES = 256 * 2 ** 20;

/** Sizes and last use of the kept files, in one small record (so eviction never reads the files themselves). */
type SourceIndex = Record<string, { size: number; usedAt: number }>;
const INDEX = 'index';

let db: UseStore | null = null;
const store = (): UseStore => (db ??= createStore('urban-safety-risk-map-sources', 'sources'));

/** Keep a file for re-reading; false when it is too large to keep or storage refused it. */
export async function keepSourceFile(sha256: string, bytes: Uint8Array): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || bytes.length > MAX_KEPT_SOURCE_BYTES) return false;
  try {
    await set(`file:${sha256}`, bytes, store());
    await update<SourceIndex>(
      INDEX,
      (index = {}) => ({ ...index, [sha256]: { size: bytes.length, usedAt: Date.now() } }),
      store(),
    );
    await evictOldest(sha256);
    return true;
  } catch {
    return false; // quota: the dataset works; only re-reading after a reload needs the file uploaded again
  }
}

/** A kept file, or undefined (never kept, too large, or evicted). */
export async function keptSourceFile(sha256: string): Promise<Uint8Array | undefined> {
  if (typeof indexedDB === 'undefined') return undefined;
  const stored = await get<unknown>(`file:${sha256}`, store()).catch(() => undefined);
  return stored instanceof Uint8Array ? stored : undefined;
}

/** The least recently kept files go until the rest fit MAX_SOURCE_STORE_BYTES (the one just kept stays). */
async function evictOldest(keep: string): Promise<void> {
  const index = (await get<SourceIndex>(INDEX, store())) ?? {};
  const byAge = Object.entries(index).sort((a, b) => a[1].usedAt - b[1].usedAt);
  let total = byAge.reduce((n, [, s]) => n + s.size, 0);
  const gone: string[] = [];
  for (const [key, s] of byAge) {
    if (total <= MAX_SOURCE_STORE_BYTES) break;
    if (key === keep) continue;
    await del(`file:${key}`, store());
    gone.push(key);
    total -= s.size;
  }
  if (gone.length)
    await update<SourceIndex>(
      INDEX,
      (now = {}) => Object.fromEntries(Object.entries(now).filter(([k]) => !gone.includes(k))),
      store(),
    );
}

/** Is a file kept? (Reads the small index only, never the file.) */
export async function isSourceFileKept(sha256: string): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  const index = await get<SourceIndex>(INDEX, store()).catch(() => undefined);
  return Boolean(index && Object.hasOwn(index, sha256));
}
