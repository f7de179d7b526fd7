// The settings slice: what this browser keeps for every project (the basemap, the language), saved in IndexedDB
// (state/settings.ts) as it changes; the view works on even if a setting cannot be kept.
import { messageOf } from '../../i18n/localisedError';
import { DEFAULT_LOCALE, translator, type Locale } from '../../i18n/translate';
import type { AppServices } from '../appServices';
import { checkRasterUrl, NO_BASEMAP, parseHostList, type Basemap } from '../basemap';
import { loadBasemap, loadLocale, saveBasemap, saveLocale } from '../settings';

export interface SettingsState {
  /** none by default */
  basemap: Basemap;
  /** the UI's language (zh-CN by default) */
  locale: Locale;
}

export const initialSettings = (): SettingsState => ({ basemap: NO_BASEMAP, locale: DEFAULT_LOCALE });

/** Basemap hosts this build's CSP allows (VITE_BASEMAP_HOSTS at build time; none by default). */
export const ALLOWED_BASEMAP_HOSTS = parseHostList(import.meta.env.VITE_BASEMAP_HOSTS as string | undefined);

/** Use a basemap (checked against this build's allowed hosts) or none; returns the refusal reason, if any. */
export async function setBasemap({ store }: AppServices, basemap: Basemap): Promise<string | null> {
  if (basemap.kind === 'raster') {
    const check = checkRasterUrl(basemap.url, ALLOWED_BASEMAP_HOSTS, translator(store.getState().locale));
    if (!check.ok) return check.reason;
  }
  store.setState({ basemap });
  await saveBasemap(basemap).catch(() => undefined);
  return null;
}

/** A local PMTiles file as the basemap; returns the refusal reason, if any (the basemap in use stays). */
export async function chooseLocalBasemap(app: AppServices, file: File): Promise<string | null> {
  try {
    // the PMTiles reader (pmtiles, fflate) loads with the first local basemap, not with the page
    const { readPmtilesInfo } = await import('../pmtilesInfo');
    const info = await readPmtilesInfo(file);
    return await setBasemap(app, { kind: 'pmtiles', file, name: file.name.slice(0, 300), ...info });
  } catch (e) {
    return messageOf(e, translator(app.store.getState().locale));
  }
}

export async function setLocale({ store }: AppServices, locale: Locale): Promise<void> {
  store.setState({ locale });
  await saveLocale(locale).catch(() => undefined);
}

/** The basemap this browser kept (at start). */
export async function restoreBasemap({ store }: AppServices): Promise<void> {
  store.setState({ basemap: await loadBasemap() });
}

/** The language this browser kept (at start). */
export async function restoreLocale({ store }: AppServices): Promise<void> {
  store.setState({ locale: await loadLocale() });
}
