// Which built JavaScript files a browser loads before the map shows, read from Vite's build manifest
// (`build.manifest`, dist/.vite/manifest.json): the entry and its static imports, the map chunk and its static
// imports, and the worker scripts those chunks reference.

export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  assets?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface FirstLoadFiles {
  /** the page's JavaScript: the entry, the map chunk and what they import statically, each once, in load order */
  page: { file: string; role: 'entry' | 'map' | 'import' }[];
  /** worker scripts referenced by those chunks (built apart from the page: the manifest lists them as assets) */
  workers: { file: string; startedAtLoad: boolean }[];
}

/** The sibling files a built module imports statically (`import … from "./x.js"`, `import "./x.js"`), not import(). */
export function staticImportsOf(code: string): string[] {
  const found = code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[\w$*{][^"'`;]*?from\s*)?["'`]\.\/([^"'`]+)["'`]/g);
  return [...new Set([...found].map((m) => m[1]!))];
}

/** The module that creates the map: main.tsx imports it at start and the index.html preloads its chunk. */
export const MAP_MODULE = 'src/map/createMap.ts';

/**
 * Workers started before the map shows, by the stem of their file name: the engine client starts the engine worker
 * and one spare import worker when it is created (src/worker/engineClient.ts), MapLibre its worker when the map is
 * created. The others start on use (checksum: an upload; tiles: a large city; whitepaper: an export).
 */
export const WORKERS_STARTED_AT_LOAD = ['assess.worker', 'import.worker', 'maplibre-gl-worker'];

const isScript = (file: string): boolean => /\.m?js$/.test(file);
const stem = (file: string): string => file.replace(/^.*\//, '').replace(/-[\w-]{8}\.m?js$/, '');

export function firstLoadFiles(manifest: Manifest): FirstLoadFiles {
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entryKey) throw new Error('the manifest has no entry');
  const mapKey = Object.keys(manifest).find((k) => manifest[k]!.src === MAP_MODULE);
  if (!mapKey) throw new Error(`the manifest has no chunk for ${MAP_MODULE}`);
  const page: FirstLoadFiles['page'] = [];
  const seen = new Set<string>();
  const visit = (key: string, role: 'entry' | 'map' | 'import'): void => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest names ${key} but has no such chunk`);
    for (const dep of chunk.imports ?? []) visit(dep, 'import');
    page.push({ file: chunk.file, role });
  };
  visit(entryKey, 'entry');
  visit(mapKey, 'map');
  const workers = [...seen]
    .flatMap((key) => (manifest[key]!.assets ?? []).filter(isScript))
    .filter((file, i, all) => all.indexOf(file) === i)
    .map((file) => ({ file, startedAtLoad: WORKERS_STARTED_AT_LOAD.includes(stem(file)) }));
  return { page, workers };
}
