// Per-browser settings that are not part of a project (the basemap), kept in IndexedDB.
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import { NO_BASEMAP, type Basemap } from './basemap';

let db: UseStore | null = null;
const store = (): UseStore => (db ??= createStore('urban-safety-risk-map-settings', 'settings'));

const basemapSchema = z.union([
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('raster'), url: z.string().max(2000), attribution: z.string().max(500) }),
]);

export async function loadBasemap(): Promise<Basemap> {
  if (typeof indexedDB === 'undefined') return NO_BASEMAP;
  const saved = await get<unknown>('basemap', store()).catch(() => undefined);
  const parsed = basemapSchema.safeParse(saved);
  return parsed.success ? parsed.data : NO_BASEMAP;
}

export async function saveBasemap(b: Basemap): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  await set('basemap', b, store());
}
