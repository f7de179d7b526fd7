// Where the engine's two workers are started: by the page's first script (src/app/boot.ts), so that their code loads
// and starts while MapLibre makes the map, then handed to the engine client once the app has loaded. A worker answers
// requests only, so nothing it says is lost before the client listens.

export const startEngineWorker = (): Worker =>
  new Worker(new URL('./assess.worker.ts', import.meta.url), { type: 'module' });
export const startImportWorker = (): Worker =>
  new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });

let early: { engine: Worker; importer: Worker } | null = null;

/** Start the engine worker and one import worker now (nothing happens where workers are missing: Node, jsdom). */
export function startWorkersEarly(): void {
  if (typeof Worker !== 'undefined') early = { engine: startEngineWorker(), importer: startImportWorker() };
}

/** The workers started at load, once; null if none were (the client starts its own). */
export function takeEarlyWorkers(): { engine: Worker; importer: Worker } | null {
  const taken = early;
  early = null;
  return taken;
}
