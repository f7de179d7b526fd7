// Per-browser settings that are not part of a project (the basemap, the language), kept in IndexedDB.
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import { NO_BASEMAP, type Basemap } from './basemap';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/translate';

let db: UseStore | null = null;
const store = (): UseStore => (db ??= createStore('urban-safety-risk-map-settings', 'settings'));

const basemapSchema = z.union([
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('raster'), url: z.string().max(2000), attribution: z.string().max(500) }),
  z.object({
    kind: z.literal('pmtiles'), file: z.instanceof(Blob), name: z.string().max(300), tileType: z.enum(['raster', 'vector']),
    vectorLayers: z.array(z.string().max(100)).max(200), minZoom: z.number().int().min(0).max(30), maxZoom: z.number().int().min(0).max(30), attribution: z.string().max(500),
  }),
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

export async function loadLocale(): Promise<Locale> {
  if (typeof indexedDB === 'undefined') return DEFAULT_LOCALE;
  const saved = await get<unknown>('locale', store()).catch(() => undefined);
  return isLocale(saved) ? saved : DEFAULT_LOCALE;
}

export async function saveLocale(locale: Locale): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  await set('locale', locale, store());
}
