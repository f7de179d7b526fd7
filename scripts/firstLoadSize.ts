// The JavaScript loaded before the map shows, gzip-compressed (node's zlib at its default level), from the build
// manifest: `npm run size:first-load` builds the app into a temporary folder; `npm run size:first-load -- dist`
// reads a build that has dist/.vite/manifest.json (`vite build --manifest`). The page's total is compared with
// issue #19's target; the app loaded once the map is made, and the workers, are listed apart (each worker runs in its
// own thread).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { firstLoadFiles, staticImportsOf, type Manifest } from './firstLoadFiles';

/** Issue #19's target for the page's JavaScript before the map shows (workers apart), in kB of gzip. */
export const FIRST_LOAD_TARGET_KB = 400;

const [given] = process.argv.slice(2);
const outDir = given ? resolve(given) : mkdtempSync(join(tmpdir(), 'usrm-first-load-'));
try {
  if (!given) await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false } });
  const manifestPath = join(outDir, '.vite/manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: build with --manifest`);
  const { page, workers, app, appWorkers } = firstLoadFiles(JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest);
  const sizeOf = (file: string) => {
    const bytes = readFileSync(join(outDir, file));
    return { raw: bytes.length, gzip: gzipSync(bytes).length };
  };
  const kB = (n: number) => (n / 1000).toFixed(1).padStart(8);
  const row = (file: string, note: string) => {
    const s = sizeOf(file);
    console.log(`${file.padEnd(52)} ${kB(s.raw)} ${kB(s.gzip)}  ${note}`);
    return s.gzip;
  };
  const total = (label: string, gzip: number, note = '') => console.log(`${label.padEnd(61)} ${kB(gzip)}  ${note}`);
  // a worker's own static imports load with it (its dynamic ones, such as ExcelJS, on use)
  const workerRows = (list: typeof workers): number => {
    let startedAtLoad = 0;
    for (const w of list) {
      const note = w.startedAtLoad ? 'worker, started at load' : 'worker, started on use';
      const files = [w.file];
      for (let i = 0; i < files.length; i++) {
        const dir = files[i]!.replace(/[^/]*$/, '');
        for (const f of staticImportsOf(readFileSync(join(outDir, files[i]!), 'utf8')))
          if (!files.includes(dir + f)) files.push(dir + f);
      }
      const gzip = files.reduce((sum, f, i) => sum + row(f, i === 0 ? note : '  imported by the worker above'), 0);
      if (w.startedAtLoad) startedAtLoad += gzip;
    }
    return startedAtLoad;
  };
  console.log(`${'file'.padEnd(52)} ${'kB'.padStart(8)} ${'gzip kB'.padStart(8)}`);
  const pageTotal = page.reduce((sum, p) => sum + row(p.file, p.role), 0);
  const verdict = pageTotal < FIRST_LOAD_TARGET_KB * 1000 ? 'under' : 'over';
  total('page total, before the map shows', pageTotal, `(${verdict} the target, ${FIRST_LOAD_TARGET_KB})`);
  total('its workers started at load', workerRows(workers));
  console.log('then the app, fetched beside the map and run after it is made:');
  total(
    'the app (React, store, panels, words, defaults)',
    app.reduce((sum, p) => sum + row(p.file, p.role), 0),
  );
  total("the app's workers started at load", workerRows(appWorkers));
} finally {
  if (!given) rmSync(outDir, { recursive: true, force: true });
}
