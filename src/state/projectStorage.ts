// Projects in the browser's IndexedDB (idb-keyval). Every record read back is schema-checked; a save checks the stored
// revision first, so a stale tab never overwrites a newer save; a failed write (quota) leaves the old record intact.
//
// A project's sites are stored apart from it, in chunks of SITES_PER_RECORD, each written in its own task and only
// when its dataset changed: an autosave never clones a whole city's sites on the main thread at once. The project
// record, written last, names its chunks; it is the commit point (chunks of a failed save are never referenced).
import { LocalisedError } from '../i18n/localisedError';
import { createStore, del, delMany, get, getMany, keys, promisifyRequest, set, type UseStore } from 'idb-keyval';
import type { Site } from '../engine';
import { parseProject, type Project } from '../io';

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

/** One record's worth of sites, one IndexedDB put (a synchronous clone on the main thread): 20 000 a record took
 * 82–135 ms a put with a million sites in the page; 5 000 keep each well under that. Reading takes any size. */
export const SITES_PER_RECORD = 5_000;

type StoredDataset = Omit<Project['datasets'][number], 'sites'> & { sites?: Site[]; siteChunks?: string[] };
type StoredProject = Omit<Project, 'datasets'> & { datasets: StoredDataset[] };

let db: UseStore | null = null;
const store = (): UseStore => (db ??= createStore('urban-safety-risk-map', 'projects'));

const PROJECT = (id: string) => `project:${id}`;
const SUMMARY = (id: string) => `summary:${id}`;
// a per-save nonce: two tabs saving the same revision at once never write into each other's chunks
const CHUNK = (id: string, save: string, dataset: number, part: number) => `sites:${id}:${save}:${dataset}:${part}`;
const LAST = 'last-project';

/** Site lists already stored, by identity: an unchanged dataset keeps its chunks from save to save. */
const storedChunks = new WeakMap<Site[], { projectId: string; keys: string[] }>();

export async function listProjects(): Promise<ProjectSummary[]> {
  const summaryKeys = (await keys<string>(store())).filter((k) => typeof k === 'string' && k.startsWith('summary:'));
  const all = (await getMany<ProjectSummary | undefined>(summaryKeys, store())).filter((s): s is ProjectSummary => s !== undefined);
  return all.sort((a, b) => (a.savedAt < b.savedAt ? 1 : -1));
}

export async function loadProject(id: string): Promise<Project> {
  const raw = (await get(PROJECT(id), store())) as StoredProject | undefined;
  if (raw === undefined) throw new StorageError('storage.missing', { id });
  const assembled: { sites: Site[]; keys: string[] }[] = [];
  const datasets = Array.isArray(raw.datasets) ? raw.datasets : [];
  for (const d of datasets) {
    if (!Array.isArray(d?.siteChunks)) continue;
    const sites: Site[] = [];
    for (const key of d.siteChunks) {
      const part = await get<unknown>(key, store());
      if (!Array.isArray(part)) throw new StorageError('storage.incomplete', { id, key });
      for (const s of part) sites.push(s as Site);
    }
    assembled.push({ sites, keys: d.siteChunks });
  }
  let next = 0;
  // older records keep their sites inline; either way the whole project then goes through the schema
  const project = parseProject({ ...raw, datasets: datasets.map(({ siteChunks, ...d }) => (siteChunks ? { ...d, sites: assembled[next++]!.sites } : d)) });
  project.datasets.forEach((d, i) => {
    const keysOfDataset = datasets[i]?.siteChunks;
    if (keysOfDataset) storedChunks.set(d.sites, { projectId: id, keys: keysOfDataset });
  });
  return project;
}

/** Save `project` as revision `project.revision + 1`; refuses when storage holds a newer revision than it started from. */
export async function saveProject(project: Project): Promise<Project> {
  const stored = (await get(SUMMARY(project.id), store())) as ProjectSummary | undefined;
  if (stored && stored.revision > project.revision) {
    throw new SaveConflictError('storage.conflict', { stored: stored.revision, mine: project.revision });
  }
  const next: Project = { ...project, revision: project.revision + 1 };
  const previous = (await get(PROJECT(project.id), store()).catch(() => undefined)) as StoredProject | undefined;
  try {
    const datasets: StoredDataset[] = [];
    const save = `${next.revision}-${globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2)}`;
    for (const [i, d] of next.datasets.entries()) {
      const known = storedChunks.get(d.sites);
      let chunkKeys = known?.projectId === next.id ? known.keys : null;
      if (!chunkKeys) {
        chunkKeys = [];
        for (let start = 0, part = 0; start < d.sites.length || part === 0; start += SITES_PER_RECORD, part++) {
          const key = CHUNK(next.id, save, i, part);
          await set(key, d.sites.slice(start, start + SITES_PER_RECORD), store()); // one chunk per task
          chunkKeys.push(key);
        }
      }
      const { sites: _sites, ...rest } = d;
      datasets.push({ ...rest, siteChunks: chunkKeys });
    }
    const record: StoredProject = { ...next, datasets };
    const summary: ProjectSummary = { id: next.id, name: next.name, assessmentDate: next.assessmentDate, revision: next.revision, savedAt: new Date().toISOString() };
    await commit(project.revision, record, summary);
    next.datasets.forEach((d, i) => storedChunks.set(d.sites, { projectId: next.id, keys: datasets[i]!.siteChunks! }));
  } catch (e) {
    if (e instanceof SaveConflictError) throw e;
    const quota = (e as DOMException)?.name === 'QuotaExceededError';
    throw (quota ? new StorageError('storage.quota') : new StorageError('storage.failed', { message: (e as Error).message }));
  }
  // chunks the new record no longer names (best effort: a leftover costs space, never data)
  const inUse = new Set((await get<StoredProject>(PROJECT(project.id), store()))?.datasets.flatMap((d) => d.siteChunks ?? []) ?? []);
  const stale = (previous?.datasets ?? []).flatMap((d) => d.siteChunks ?? []).filter((k) => !inUse.has(k));
  if (stale.length) await delMany(stale, store()).catch(() => undefined);
  return next;
}

/**
 * The commit point, in one read-write transaction: the stored revision is checked again and the project, its summary
 * and the last-opened mark are written together. Two tabs saving at once are serialised by IndexedDB, so the second
 * sees the first's revision and is refused (checked and written in separate transactions, both could commit).
 */
function commit(fromRevision: number, record: StoredProject, summary: ProjectSummary): Promise<void> {
  return store()('readwrite', (os) => new Promise<void>((resolve, reject) => {
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
        os.put(summary, SUMMARY(summary.id));
        os.put(summary.id, LAST);
      } catch (e) {
        reject(e as Error); // a put can also throw at once (quota, a value that cannot be cloned): nothing is written
        os.transaction.abort();
        return;
      }
      resolve(done);
    };
  }));
}

export async function deleteStoredProject(id: string): Promise<void> {
  const raw = (await get(PROJECT(id), store())) as StoredProject | undefined;
  const chunkKeys = (raw?.datasets ?? []).flatMap((d) => d.siteChunks ?? []);
  await del(PROJECT(id), store());
  await del(SUMMARY(id), store());
  if (chunkKeys.length) await delMany(chunkKeys, store()).catch(() => undefined);
  if ((await get(LAST, store())) === id) await del(LAST, store());
}

export async function lastProjectId(): Promise<string | undefined> {
  return get(LAST, store());
}
