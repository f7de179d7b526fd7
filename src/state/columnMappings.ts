// Column mappings the user corrected, remembered per header set in IndexedDB, so the next file shaped the same way
// is read the same way. Columns only: a category given to every row is a choice about one file and is never kept here
// (an older entry that carried one has it dropped when read).
import { createStore, entries, get, set, type UseStore } from 'idb-keyval';
import { columnsOnly, headerSetKey } from '../io/columns';
import type { MappingOverride } from '../io';

let db: UseStore | null = null;
const store = (): UseStore => (db ??= createStore('urban-safety-risk-map-mappings', 'mappings'));

export async function rememberedMapping(headers: string[]): Promise<MappingOverride | undefined> {
  if (typeof indexedDB === 'undefined') return undefined;
  const stored = await get<Record<string, unknown>>(headerSetKey(headers), store()).catch(() => undefined);
  return stored && typeof stored === 'object' ? columnsOnly(stored) : undefined;
}

export async function rememberMapping(headers: string[], mapping: MappingOverride): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  await set(headerSetKey(headers), columnsOnly(mapping), store());
}

/** Every remembered mapping, by header set, for the importer to pick from (so a file is read once, not twice). */
export async function rememberedMappings(): Promise<Record<string, MappingOverride>> {
  if (typeof indexedDB === 'undefined') return {};
  const all = await entries<string, Record<string, unknown>>(store()).catch(() => []);
  return Object.fromEntries(
    all.filter(([k, v]) => typeof k === 'string' && v && typeof v === 'object').map(([k, v]) => [k, columnsOnly(v)]),
  );
}
