// The first-load list the size script reports (scripts/firstLoadSize.ts), read from a build manifest.
import { describe, expect, it } from 'vitest';
import { firstLoadFiles, staticImportsOf, type Manifest } from '../../scripts/firstLoadFiles';

// the shape of a real build: the entry (boot.ts, MapLibre inside) loads the app, which loads the map's wiring
const manifest: Manifest = {
  'index.html': {
    file: 'assets/index-AAAAAAAA.js',
    isEntry: true,
    imports: ['_shared-BBBBBBBB.js'],
    dynamicImports: ['src/app/main.tsx'],
    assets: ['assets/maplibre-gl-worker-IIIIIIII.mjs'],
  },
  '_shared-BBBBBBBB.js': { file: 'assets/shared-BBBBBBBB.js', imports: ['_runtime-FFFFFFFF.js'] },
  '_runtime-FFFFFFFF.js': { file: 'assets/runtime-FFFFFFFF.js' },
  'src/app/main.tsx': {
    file: 'assets/main-LLLLLLLL.js',
    src: 'src/app/main.tsx',
    imports: ['index.html', '_react-MMMMMMMM.js', '_shared-BBBBBBBB.js'],
    dynamicImports: ['src/map/createMap.ts', 'src/io/readZones.ts'],
    assets: ['assets/assess.worker-CCCCCCCC.js', 'assets/checksum.worker-DDDDDDDD.js', 'assets/demo-EEEEEEEE.csv'],
  },
  '_react-MMMMMMMM.js': { file: 'assets/react-MMMMMMMM.js' },
  'src/map/createMap.ts': {
    file: 'assets/createMap-GGGGGGGG.js',
    src: 'src/map/createMap.ts',
    imports: ['index.html', 'src/app/main.tsx', '_turf-HHHHHHHH.js'],
    assets: ['assets/tiles.worker-NNNNNNNN.js'],
  },
  '_turf-HHHHHHHH.js': { file: 'assets/turf-HHHHHHHH.js' },
  'src/io/readZones.ts': { file: 'assets/readZones-JJJJJJJJ.js', src: 'src/io/readZones.ts', imports: ['_proj-K.js'] },
  '_proj-K.js': { file: 'assets/proj-K.js' },
};

describe('firstLoadFiles', () => {
  it('lists the entry and its static imports once each as what loads before the map shows, no dynamic import', () => {
    expect(firstLoadFiles(manifest).page).toEqual([
      { file: 'assets/runtime-FFFFFFFF.js', role: 'import' },
      { file: 'assets/shared-BBBBBBBB.js', role: 'import' },
      { file: 'assets/index-AAAAAAAA.js', role: 'entry' },
    ]);
  });

  it("lists the app and its static imports apart, without the page's files again", () => {
    expect(firstLoadFiles(manifest).app).toEqual([
      { file: 'assets/react-MMMMMMMM.js', role: 'import' },
      { file: 'assets/main-LLLLLLLL.js', role: 'app' },
    ]);
  });

  it('counts a map module built as a chunk of its own with the page', () => {
    const withMapChunk: Manifest = {
      ...manifest,
      'index.html': { ...manifest['index.html']!, dynamicImports: ['src/map/earlyMap.ts', 'src/app/main.tsx'] },
      'src/map/earlyMap.ts': { file: 'assets/earlyMap-OOOOOOOO.js', src: 'src/map/earlyMap.ts', imports: ['_ml-P.js'] },
      '_ml-P.js': { file: 'assets/ml-P.js' },
    };
    expect(firstLoadFiles(withMapChunk).page.slice(-2)).toEqual([
      { file: 'assets/ml-P.js', role: 'import' },
      { file: 'assets/earlyMap-OOOOOOOO.js', role: 'map' },
    ]);
  });

  it("lists the scripts among each part's assets as workers, saying which start at load", () => {
    const { workers, appWorkers } = firstLoadFiles(manifest);
    expect(workers).toEqual([{ file: 'assets/maplibre-gl-worker-IIIIIIII.mjs', startedAtLoad: true }]);
    expect(appWorkers).toEqual([
      { file: 'assets/assess.worker-CCCCCCCC.js', startedAtLoad: true },
      { file: 'assets/checksum.worker-DDDDDDDD.js', startedAtLoad: false },
    ]);
  });

  it('refuses a manifest whose app is not a chunk of its own (it would be loaded before the map)', () => {
    const { 'src/app/main.tsx': _, ...withoutApp } = manifest;
    expect(() => firstLoadFiles(withoutApp)).toThrow(/main\.tsx/);
  });
});

describe('staticImportsOf', () => {
  it("finds a minified module's static imports of sibling files, not its dynamic ones", () => {
    const code =
      'import{a as e}from"./runtime-A.js";import"./side-B.js";const x=1;export{x};' +
      'async function f(){return import(`./exceljs.min-C.js`)}\nimport * as n from "./ns-D.js"';
    expect(staticImportsOf(code)).toEqual(['runtime-A.js', 'side-B.js', 'ns-D.js']);
  });
});
