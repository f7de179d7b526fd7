// Projects in the browser's IndexedDB (idb-keyval). Every record read back is schema-checked; a save checks the stored
// revision first, so a stale tab never overwrites a newer save; a failed write (quota) leaves the old record intact.
//
// A project's sites are stored apart from it (state/siteRecords.ts), written and read by the engine, which holds
// them: on import, or here when a dataset has not been saved for this project yet (a duplicate, an imported project
// file). The project record, written last, names each dataset's records; it is the commit point.
import { LocalisedError } from '../i18n/localisedError';
import { del, delMany, get, getMany, keys, promisifyRequest } from 'idb-keyval';
import type { Site } from '../engine';
import type { Project, ProjectDataset } from '../io';
import type { HeldProject } from './engineClient';
import { projectDb as store, type StoredSites } from './projectDb';
import type { ReportRecord } from './siteRecords';
import { roadFileKey, writeRoadFile } from './roadFiles';

export interface ProjectSummary {
  id: string;
  name: string;
  assessmentDate: string;
  revision: number;
  /** wall-clock time of the last save, for the list only (never written into exports) */
  savedAt: string;
}

export class SaveConflictError extends LocalisedError {}
export class StorageError extends LocalisedError {}

/**
 * A dataset as the project record keeps it: its site records named (older records keep the sites inline), and its
 * report and rejected rows inline or, when saved apart, the record that holds them.
 */
type StoredDataset = Omit<ProjectDataset, 'sites' | 'report'> & {
  report?: ProjectDataset['report'];
  sites?: Site[];
  siteChunks?: string[];
  reportKey?: string;
};
type StoredProject = Omit<Project, 'datasets'> & { datasets: StoredDataset[] };

/** The records a stored project names apart from itself: its datasets' sites and reports, and its road file. */
const recordKeysOf = (record: StoredProject): string[] => [
  ...record.datasets.flatMap((d) => [...(d.siteChunks ?? []), ...(d.reportKey ? [d.reportKey] : [])]), // spread-ok: a dataset's record keys
  ...(record.roads ? [roadFileKey(record.id, record.roads.sha256)] : []),
];

/** A project as read back: each dataset with where its sites are (or, from an older record, the sites themselves). */
export type SavedProject = Omit<Project, 'datasets'> & {
  datasets: (Omit<ProjectDataset, 'sites'> & ({ stored: StoredSites } | { sites: Site[] }))[];
};

const PROJECT = (id: string) => `project:${id}`;
const SUMMARY = (id: string) => `summary:${id}`;
/** the site and report records a project's record names, kept apart so a save need not read the whole record back */
const CHUNKS = (id: string) => `chunks:${id}`;
const LAST = 'last-project';

/**
 * Where each held dataset's sites are saved (by dataset id), or being saved (an import saves them beside the
 * assessment): an unchanged dataset keeps its records from save to save.
 */
const storedSites = new Map<string, StoredSites | Promise<StoredSites | null>>();
export const noteStoredSites = (datasetId: string, stored: StoredSites | Promise<StoredSites | null>): void =>
  void storedSites.set(datasetId, stored);

export async function listProjects(): Promise<ProjectSummary[]> {
  const summaryKeys = (await keys<string>(store())).filter((k) => typeof k === 'string' && k.startsWith('summary:'));
  const all = (await getMany<ProjectSummary | undefined>(summaryKeys, store())).filter(
    (s): s is ProjectSummary => s !== undefined,
  );
  return all.sort((a, b) => (a.savedAt < b.savedAt ? 1 : -1));
}

export async function loadProject(id: string): Promise<SavedProject> {
  const raw = (await get(PROJECT(id), store())) as StoredProject | undefined;
  if (raw === undefined) throw new StorageError('storage.missing', { id });
  const datasets = await withReports(id, Array.isArray(raw.datasets) ? raw.datasets : []);
  // the record goes through the schema with its sites left out (the engine checks them when it reads the records);
  // an older record with its sites inline is checked whole
  const { parseProject } = await import('../io/projectFile'); // the reader loads with the first saved project opened
  const project = parseProject({
    ...raw,
    datasets: datasets.map(({ siteChunks, ...d }) => (Array.isArray(siteChunks) ? { ...d, sites: [] } : d)),
  });
  return {
    ...project,
    datasets: project.datasets.map(({ sites, ...d }, i) => {
      const { siteChunks: chunks, reportKey } = datasets[i] ?? {};
      const stored = {
        projectId: id,
        keys: (chunks ?? []).map(String),
        ...(typeof reportKey === 'string' ? { reportKey } : {}),
      };
      return Array.isArray(chunks) ? { ...d, stored } : { ...d, sites };
    }),
  };
}

/** The datasets with their reports and rejected rows read back from the records that hold them (the schema then checks them). */
async function withReports(projectId: string, datasets: StoredDataset[]): Promise<StoredDataset[]> {
  const keys = datasets.flatMap((d) => (typeof d.reportKey === 'string' ? [d.reportKey] : []));
  if (keys.length === 0) return datasets;
  const records = new Map(keys.map((k, i) => [k, i]));
  const read = await getMany<ReportRecord | undefined>(keys, store());
  return datasets.map((d) => {
    if (typeof d.reportKey !== 'string') return d;
    const record = read[records.get(d.reportKey)!];
    if (!record) throw new StorageError('storage.incomplete', { id: projectId, key: d.reportKey });
    return { ...d, report: record.report, ...(record.rejectedRows ? { rejectedRows: record.rejectedRows } : {}) };
  });
}

/**
 * Save `project` as revision `project.revision + 1`; refuses when storage holds a newer revision than it started from.
 * A dataset not yet saved for this project is saved first by `storeSites` (the engine, which holds its sites).
 */
export async function saveProject(
  project: HeldProject,
  storeSites: (datasetId: string, projectId: string) => Promise<StoredSites | null>,
): Promise<HeldProject> {
  const stored = (await get(SUMMARY(project.id), store())) as ProjectSummary | undefined;
  if (stored && stored.revision > project.revision) {
    throw new SaveConflictError('storage.conflict', { stored: stored.revision, mine: project.revision });
  }
  const next: HeldProject = { ...project, revision: project.revision + 1 };
  const previousChunks = await siteChunksOf(project.id).catch(() => []);
  try {
    const datasets: StoredDataset[] = [];
    for (const { id, ...d } of next.datasets) {
      let sites = await storedSites.get(id);
      if (sites?.projectId !== next.id) {
        const written = await storeSites(id, next.id);
        if (!written) throw new StorageError('storage.failed', { message: 'no IndexedDB' });
        storedSites.set(id, (sites = written));
      }
      if (sites.reportKey === undefined) datasets.push({ ...d, siteChunks: sites.keys });
      else {
        // the report and rejected rows are in their own record, written once (by the import worker)
        const { report: _report, rejectedRows: _rows, ...rest } = d;
        datasets.push({ ...rest, siteChunks: sites.keys, reportKey: sites.reportKey });
      }
    }
    // the road file is saved before the record that names it (the record is the commit point)
    const { roads, ...rest } = next;
    if (roads) await writeRoadFile(next.id, roads.sha256, roads.source);
    const record: StoredProject = {
      ...rest,
      datasets,
      roads: roads ? { file: roads.file, sha256: roads.sha256, lines: roads.lines } : null,
    };
    const summary: ProjectSummary = {
      id: next.id,
      name: next.name,
      assessmentDate: next.assessmentDate,
      revision: next.revision,
      savedAt: new Date().toISOString(),
    };
    await commit(project.revision, record, summary);
  } catch (e) {
    if (e instanceof SaveConflictError || e instanceof StorageError) throw e;
    const quota = (e as DOMException)?.name === 'QuotaExceededError' || /quota/i.test((e as Error)?.message ?? '');
    throw quota
      ? new StorageError('storage.quota')
      : new StorageError('storage.failed', { message: (e as Error).message });
  }
  // records the stored record no longer names (best effort: a leftover costs space, never data); read again, as
  // another tab may have saved since
  const inUse = new Set(await siteChunksOf(project.id));
  const stale = previousChunks.filter((k) => !inUse.has(k));
  if (stale.length) await delMany(stale, store()).catch(() => undefined);
  return next;
}

/** The site and report records the stored project names: their list, or (a record saved before the list was kept) the record's. */
async function siteChunksOf(id: string): Promise<string[]> {
  const listed = await get<string[]>(CHUNKS(id), store());
  if (listed) return listed;
  const raw = (await get(PROJECT(id), store())) as StoredProject | undefined;
  return raw ? recordKeysOf({ ...raw, datasets: raw.datasets ?? [] }) : [];
}

/**
 * The commit point, in one read-write transaction: the stored revision is checked again and the project, its summary
 * and the last-opened mark are written together. Two tabs saving at once are serialised by IndexedDB, so the second
 * sees the first's revision and is refused (checked and written in separate transactions, both could commit).
 */
function commit(fromRevision: number, record: StoredProject, summary: ProjectSummary): Promise<void> {
  return store()(
    'readwrite',
    (os) =>
      new Promise<void>((resolve, reject) => {
        const done = promisifyRequest(os.transaction); // rejects on abort, e.g. a quota error reported by the transaction
        done.catch(reject);
        const read = os.get(SUMMARY(summary.id));
        read.onsuccess = () => {
          const stored = read.result as ProjectSummary | undefined;
          if (stored && stored.revision > fromRevision) {
            reject(new SaveConflictError('storage.conflict', { stored: stored.revision, mine: fromRevision }));
            os.transaction.abort();
            return;
          }
          try {
            os.put(record, PROJECT(summary.id));
            os.put(recordKeysOf(record), CHUNKS(summary.id));
            os.put(summary, SUMMARY(summary.id));
            os.put(summary.id, LAST);
          } catch (e) {
            reject(e as Error); // a put can also throw at once (quota, a value that cannot be cloned): nothing is written
            os.transaction.abort();
            return;
          }
          resolve(done);
        };
      }),
  );
}

export async function deleteStoredProject(id: string): Promise<void> {
  const chunkKeys = await siteChunksOf(id);
  await del(PROJECT(id), store());
  await del(SUMMARY(id), store());
  await del(CHUNKS(id), store());
  if (chunkKeys.length) await delMany(chunkKeys, store()).catch(() => undefined);
  if ((await get(LAST, store())) === id) await del(LAST, store());
}

export async function lastProjectId(): Promise<string | undefined> {
  return get(LAST, store());
}
