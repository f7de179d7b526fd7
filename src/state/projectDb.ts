// The IndexedDB store projects and their site records live in (one database, shared by the page and the engine worker).
import { createStore, type UseStore } from 'idb-keyval';

let db: UseStore | null = null;
export const projectDb = (): UseStore => (db ??= createStore('urban-safety-risk-map', 'projects'));

/** Where a dataset's sites are saved: the project they were saved for and the records that hold them, in order. */
export interface StoredSites {
  projectId: string;
  keys: string[];
  /**
   * the record holding the dataset's import report and rejected rows, when they were saved apart from the project
   * record (by the import worker): each autosave then writes a small record instead of cloning them again
   */
  reportKey?: string;
}
