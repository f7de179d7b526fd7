// A project's road network file in IndexedDB, beside its site records: kept whole (the engine reads it again after a
// reload; its parsed lines would be larger than the file) under a key naming the project and the file's checksum, so
// a replaced file never overwrites the one the stored project still names until the new record commits. The project
// record lists the key with its site records: deleting the project, or dropping the roads, deletes the file too.
import { get, set } from 'idb-keyval';
import { projectDb } from './projectDb';

export const roadFileKey = (projectId: string, sha256: string): string => `roads:${projectId}:${sha256}`;

/** Save the file for the project (once: an unchanged file is not written again); returns its key. */
export async function writeRoadFile(projectId: string, sha256: string, source: Blob): Promise<string> {
  const key = roadFileKey(projectId, sha256);
  if (!((await get(key, projectDb())) instanceof Blob)) await set(key, source, projectDb());
  return key;
}

/** The saved file (a Blob: the browser reads it from disk when asked), or undefined when it is not there. */
export async function readRoadFile(projectId: string, sha256: string): Promise<Blob | undefined> {
  if (typeof indexedDB === 'undefined') return undefined;
  const stored = await get<unknown>(roadFileKey(projectId, sha256), projectDb()).catch(() => undefined);
  return stored instanceof Blob ? stored : undefined;
}
