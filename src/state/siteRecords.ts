// A dataset's sites in IndexedDB, apart from the project record, in records of SITES_PER_RECORD. Written and read by
// the engine worker, which holds the sites (the page never holds them): the project record, written by the page last,
// names the records and is the commit point, so records of a save that never committed are never referenced.
import { delMany, get, set } from 'idb-keyval';
import type { Site } from '../engine';
import type { ImportFileReport, RejectedRows } from '../io';
import { LocalisedError } from '../i18n/localisedError';
import { projectDb, type StoredSites } from './projectDb';

/** Sites per record: one put is one structured clone; 5 000 keep each short wherever it runs. Reading takes any size. */
export const SITES_PER_RECORD = 5_000;

/** Is there an IndexedDB here? (Node: the CLI and unit tests keep sites in memory only.) */
export const canStoreSites = (): boolean => typeof indexedDB !== 'undefined';

/** Write `sites` for `projectId` under fresh keys (a random part per write: two tabs never write into each other's). */
export async function writeSiteRecords(projectId: string, sites: readonly Site[]): Promise<StoredSites> {
  const write = globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2);
  const keys: string[] = [];
  for (let start = 0, part = 0; start < sites.length || part === 0; start += SITES_PER_RECORD, part++) {
    const key = `sites:${projectId}:${write}:${part}`;
    await set(key, sites.slice(start, start + SITES_PER_RECORD), projectDb());
    keys.push(key);
  }
  return { projectId, keys };
}

/** The sites of `keys`, in order, each record schema-checked (a record from another version or a broken one is refused). */
export async function readSiteRecords(projectId: string, keys: readonly string[]): Promise<Site[]> {
  const sites: Site[] = [];
  // the schema check (zod) is loaded with the first saved project read, not with the page
  const { parseSites } = await import('../io/projectFile');
  for (const key of keys) {
    const part = await get<unknown>(key, projectDb());
    if (!Array.isArray(part)) throw new LocalisedError('storage.incomplete', { id: projectId, key });
    for (const s of parseSites(part, key)) sites.push(s);
  }
  return sites;
}

/** A dataset's saved import report and rejected rows, apart from the project record (see StoredSites.reportKey). */
export interface ReportRecord {
  report: ImportFileReport;
  rejectedRows?: RejectedRows;
}

/** Write a dataset's report and rejected rows for `projectId` under a fresh key; returns the key. */
export async function writeReportRecord(projectId: string, record: ReportRecord): Promise<string> {
  const key = `report:${projectId}:${globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2)}`;
  await set(key, record, projectDb());
  return key;
}

export async function deleteSiteRecords(keys: readonly string[]): Promise<void> {
  if (keys.length) await delMany([...keys], projectDb());
}
