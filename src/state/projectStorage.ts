// Projects in the browser's IndexedDB (idb-keyval). Every record read back is schema-checked; a save checks the stored
// revision first, so a stale tab never overwrites a newer save; a failed write (quota) leaves the old record intact.
import { createStore, del, get, set, entries, type UseStore } from 'idb-keyval';
import { parseProject, type Project } from '../io';

export interface ProjectSummary {
  id: string;
  name: string;
  assessmentDate: string;
  revision: number;
  /** wall-clock time of the last save, for the list only (never written into exports) */
  savedAt: string;
}

export class SaveConflictError extends Error {}
export class StorageError extends Error {}

let db: UseStore | null = null;
const store = (): UseStore => (db ??= createStore('urban-safety-risk-map', 'projects'));

const PROJECT = (id: string) => `project:${id}`;
const SUMMARY = (id: string) => `summary:${id}`;
const LAST = 'last-project';

export async function listProjects(): Promise<ProjectSummary[]> {
  const all = await entries<string, unknown>(store());
  return all
    .filter(([k]) => typeof k === 'string' && k.startsWith('summary:'))
    .map(([, v]) => v as ProjectSummary)
    .sort((a, b) => (a.savedAt < b.savedAt ? 1 : -1));
}

export async function loadProject(id: string): Promise<Project> {
  const raw = await get(PROJECT(id), store());
  if (raw === undefined) throw new StorageError(`项目 ${id} 不存在`);
  return parseProject(raw);
}

/** Save `project` as revision `project.revision + 1`; refuses when storage holds a newer revision than it started from. */
export async function saveProject(project: Project): Promise<Project> {
  const stored = (await get(SUMMARY(project.id), store())) as ProjectSummary | undefined;
  if (stored && stored.revision > project.revision) {
    throw new SaveConflictError(`此项目已在另一个标签页中保存了更新的版本(第 ${stored.revision} 版,本页为第 ${project.revision} 版);为避免覆盖,本页不再保存。请重新加载。`);
  }
  const next: Project = { ...project, revision: project.revision + 1 };
  try {
    await set(PROJECT(project.id), next, store());
    await set(SUMMARY(project.id), { id: next.id, name: next.name, assessmentDate: next.assessmentDate, revision: next.revision, savedAt: new Date().toISOString() } satisfies ProjectSummary, store());
    await set(LAST, project.id, store());
  } catch (e) {
    const quota = (e as DOMException)?.name === 'QuotaExceededError';
    throw new StorageError(quota ? '浏览器存储空间已满,本次修改未保存(已保存的版本完好)。请导出项目文件或删除旧项目后重试。' : `保存失败:${(e as Error).message}(已保存的版本完好)`);
  }
  return next;
}

export async function deleteStoredProject(id: string): Promise<void> {
  await del(PROJECT(id), store());
  await del(SUMMARY(id), store());
  if ((await get(LAST, store())) === id) await del(LAST, store());
}

export async function lastProjectId(): Promise<string | undefined> {
  return get(LAST, store());
}
