// The first-load list the size script reports (scripts/firstLoadSize.ts), read from a build manifest.
import { describe, expect, it } from 'vitest';
import { firstLoadFiles, staticImportsOf, type Manifest } from '../../scripts/firstLoadFiles';

const manifest: Manifest = {
  'index.html': {
    file: 'assets/index-AAAAAAAA.js',
    isEntry: true,
    imports: ['_shared-BBBBBBBB.js'],
    dynamicImports: ['src/map/createMap.ts', 'src/io/readZones.ts'],
    assets: ['assets/assess.worker-CCCCCCCC.js', 'assets/checksum.worker-DDDDDDDD.js', 'assets/demo-EEEEEEEE.csv'],
  },
  '_shared-BBBBBBBB.js': { file: 'assets/shared-BBBBBBBB.js', imports: ['_runtime-FFFFFFFF.js'] },
  '_runtime-FFFFFFFF.js': { file: 'assets/runtime-FFFFFFFF.js' },
  'src/map/createMap.ts': {
    file: 'assets/createMap-GGGGGGGG.js',
    src: 'src/map/createMap.ts',
    imports: ['index.html', '_shared-BBBBBBBB.js', '_turf-HHHHHHHH.js'],
    assets: ['assets/maplibre-gl-worker-IIIIIIII.mjs'],
  },
  '_turf-HHHHHHHH.js': { file: 'assets/turf-HHHHHHHH.js' },
  'src/io/readZones.ts': { file: 'assets/readZones-JJJJJJJJ.js', src: 'src/io/readZones.ts', imports: ['_proj-K.js'] },
  '_proj-K.js': { file: 'assets/proj-K.js' },
};

describe('firstLoadFiles', () => {
  it('lists the entry, the map chunk and their static imports once each, and no dynamic import', () => {
    const { page } = firstLoadFiles(manifest);
    expect(page).toEqual([
      { file: 'assets/runtime-FFFFFFFF.js', role: 'import' },
      { file: 'assets/shared-BBBBBBBB.js', role: 'import' },
      { file: 'assets/index-AAAAAAAA.js', role: 'entry' },
      { file: 'assets/turf-HHHHHHHH.js', role: 'import' },
      { file: 'assets/createMap-GGGGGGGG.js', role: 'map' },
    ]);
  });

  it("lists the scripts among those chunks' assets as workers, saying which start at load", () => {
    expect(firstLoadFiles(manifest).workers).toEqual([
      { file: 'assets/assess.worker-CCCCCCCC.js', startedAtLoad: true },
      { file: 'assets/checksum.worker-DDDDDDDD.js', startedAtLoad: false },
      { file: 'assets/maplibre-gl-worker-IIIIIIII.mjs', startedAtLoad: true },
    ]);
  });

  it('refuses a manifest without the map chunk', () => {
    const { 'src/map/createMap.ts': _, ...withoutMap } = manifest;
    expect(() => firstLoadFiles(withoutMap)).toThrow(/createMap/);
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
