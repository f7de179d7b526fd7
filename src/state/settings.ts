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
    kind: z.literal('pmtiles'),
    file: z.instanceof(Blob),
    name: z.string().max(300),
    tileType: z.enum(['raster', 'vector']),
    vectorLayers: z.array(z.string().max(100)).max(200),
    minZoom: z.number().int().min(0).max(30),
    maxZoom: z.number().int().min(0).max(30),
    attribution: z.string().max(500),
  }),
]);

/** A saved setting when it is still valid; the default when there is none, it is unreadable or storage is missing. */
async function readSetting<T>(key: string, valid: (saved: unknown) => T | null, fallback: T): Promise<T> {
  if (typeof indexedDB === 'undefined') return fallback;
  const saved = await get<unknown>(key, store()).catch(() => undefined);
  return valid(saved) ?? fallback;
}

async function writeSetting(key: string, value: unknown): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  await set(key, value, store());
}

export const loadBasemap = (): Promise<Basemap> =>
  readSetting('basemap', (saved) => basemapSchema.safeParse(saved).data ?? null, NO_BASEMAP);
export const saveBasemap = (b: Basemap): Promise<void> => writeSetting('basemap', b);
export const loadLocale = (): Promise<Locale> =>
  readSetting('locale', (saved) => (isLocale(saved) ? saved : null), DEFAULT_LOCALE);
export const saveLocale = (locale: Locale): Promise<void> => writeSetting('locale', locale);
