// Which built JavaScript files a browser loads before the map shows, read from Vite's build manifest
// (`build.manifest`, dist/.vite/manifest.json): the entry (src/app/boot.ts, which makes the map) and its static
// imports; then the app it loads once the map is made (src/app/main.tsx and its static imports); and the worker
// scripts those chunks reference.

export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  assets?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface WorkerFile {
  file: string;
  startedAtLoad: boolean;
}

export interface FirstLoadFiles {
  /** the page's JavaScript before the map shows: the entry, the map code and their static imports, each once, in load order */
  page: { file: string; role: 'entry' | 'map' | 'import' }[];
  /** worker scripts referenced by those chunks (built apart from the page: the manifest lists them as assets) */
  workers: WorkerFile[];
  /** the app's JavaScript, loaded by the entry after it made the map (files of `page` not repeated) */
  app: { file: string; role: 'app' | 'import' }[];
  /** worker scripts the app's chunks reference (not those of `workers`) */
  appWorkers: WorkerFile[];
}

/** The sibling files a built module imports statically (`import … from "./x.js"`, `import "./x.js"`), not import(). */
export function staticImportsOf(code: string): string[] {
  const found = code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[\w$*{][^"'`;]*?from\s*)?["'`]\.\/([^"'`]+)["'`]/g);
  return [...new Set([...found].map((m) => m[1]!))];
}

/** The module that makes the map: the entry imports it statically (it is then part of the entry's chunk). */
export const MAP_MODULE = 'src/map/earlyMap.ts';
/** The app: React, the store, the panels; the entry imports it once the map is made. */
export const APP_MODULE = 'src/app/main.tsx';

/**
 * Workers started at load, by the stem of their file name: MapLibre's when the map is made, the engine worker and
 * one spare import worker when the app's engine client is created (src/worker/engineClient.ts). The others start on
 * use (checksum: an upload; tiles: a large city; whitepaper: an export).
 */
export const WORKERS_STARTED_AT_LOAD = ['assess.worker', 'import.worker', 'maplibre-gl-worker'];

const isScript = (file: string): boolean => /\.m?js$/.test(file);
const stem = (file: string): string => file.replace(/^.*\//, '').replace(/-[\w-]{8}\.m?js$/, '');

export function firstLoadFiles(manifest: Manifest): FirstLoadFiles {
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entryKey) throw new Error('the manifest has no entry');
  const keyOf = (src: string) => Object.keys(manifest).find((k) => manifest[k]!.src === src);
  const appKey = keyOf(APP_MODULE);
  if (!appKey) throw new Error(`the manifest has no chunk for ${APP_MODULE}: the entry must load the app on its own`);
  const seen = new Set<string>();
  // each chunk after its static imports, once
  const closure = <R extends string>(key: string, role: R, into: { file: string; role: R | 'import' }[]): void => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest names ${key} but has no such chunk`);
    for (const dep of chunk.imports ?? []) closure(dep, 'import' as R | 'import', into);
    into.push({ file: chunk.file, role });
  };
  const page: FirstLoadFiles['page'] = [];
  closure(entryKey, 'entry', page);
  // a map module built as a chunk of its own loads with the page too
  const mapKey = keyOf(MAP_MODULE);
  if (mapKey) closure(mapKey, 'map', page);
  const pageKeys = new Set(seen);
  const app: FirstLoadFiles['app'] = [];
  closure(appKey, 'app', app);
  const appKeys = [...seen].filter((k) => !pageKeys.has(k));
  const workersOf = (keys: Iterable<string>, except: WorkerFile[] = []): WorkerFile[] =>
    [...keys]
      .flatMap((key) => (manifest[key]!.assets ?? []).filter(isScript))
      .filter((file, i, all) => all.indexOf(file) === i && !except.some((w) => w.file === file))
      .map((file) => ({ file, startedAtLoad: WORKERS_STARTED_AT_LOAD.includes(stem(file)) }));
  const workers = workersOf(pageKeys);
  return { page, workers, app, appWorkers: workersOf(appKeys, workers) };
}
