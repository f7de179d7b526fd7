// The data slice's rescue-within-reach inputs: the road network (read and held by the engine; the page keeps the
// file as a Blob to save it) and the population grid (small: read on the page). A file that cannot be used is
// refused with the reason and what was loaded stays; each change assesses the project again.
import { LocalisedError } from '../i18n/localisedError';
import { aboutFile, messageOfError } from '../i18n/shownMessage';
import { sha256Hex } from '../io/sha256';
import { zoneReader } from './zoneReader';
import type { AppServices } from './appServices';
import { reassess } from './slices/assessment';
import { newDatasetId } from './slices/data';

/** A road network file (GeoJSON lines), read in the engine worker; replaces the one in use. */
export async function importRoads(app: AppServices, file: string, source: Blob): Promise<void> {
  const { store, engine } = app;
  store.setState({ readingReachFile: file, reachFileError: null });
  const id = newDatasetId(file);
  try {
    // GeoJSON is WGS 84 (RFC 7946), as the CLI reads it; the page never parses it (the engine worker does)
    const held = await engine.readRoads(id, source, 'wgs84');
    if (held.lines === 0) throw new LocalisedError('reach.roadsEmpty');
    const before = store.getState().roads;
    store.setState({ roads: { id, file, sha256: held.sha256, lines: held.lines, source }, readingReachFile: null });
    if (before) engine.dropDatasets([before.id]);
  } catch (e) {
    engine.dropDatasets([id]);
    store.setState({ reachFileError: aboutFile(file, messageOfError(e)), readingReachFile: null });
    return;
  }
  await reassess(app);
}

export async function removeRoads(app: AppServices): Promise<void> {
  const roads = app.store.getState().roads;
  if (!roads) return;
  app.store.setState({ roads: null, reachFileError: null });
  app.engine.dropDatasets([roads.id]);
  await reassess(app);
}

/** A population grid (GeoJSON polygons with population); replaces the one in use. */
export async function importPopulation(app: AppServices, file: string, bytes: Uint8Array): Promise<void> {
  try {
    // read as the CLI reads --population: zones with a population field (small: read on the page)
    const zones = (await zoneReader())(new TextDecoder().decode(bytes));
    if (!zones.some((z) => z.population !== undefined)) throw new LocalisedError('reach.populationNone');
    app.store.setState({ population: { file, sha256: await sha256Hex(bytes), zones }, reachFileError: null });
  } catch (e) {
    app.store.setState({ reachFileError: aboutFile(file, messageOfError(e)) });
    return;
  }
  await reassess(app);
}

export async function removePopulation(app: AppServices): Promise<void> {
  if (!app.store.getState().population) return;
  app.store.setState({ population: null, reachFileError: null });
  await reassess(app);
}
