// Column mappings the user corrected, remembered per header set in IndexedDB, so the next file shaped the same way
// is read the same way.
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { headerSetKey, type MappingOverride } from '../io';

let db: UseStore | null = null;
const store = (): UseStore => (db ??= createStore('urban-safety-risk-map-mappings', 'mappings'));

export async function rememberedMapping(headers: string[]): Promise<MappingOverride | undefined> {
  if (typeof indexedDB === 'undefined') return undefined;
  return get<MappingOverride>(headerSetKey(headers), store()).catch(() => undefined);
}

export async function rememberMapping(headers: string[], mapping: MappingOverride): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  await set(headerSetKey(headers), mapping, store());
}
