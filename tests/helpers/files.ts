import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { readZones } from '../../src/io';

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(__dirname, '../fixtures', name)));
}

/** The demo's site files and zones, as absolute paths (a CLI run from another folder finds them). */
export const DEMO_SITE_FILES = ['data/demo/nanjing-sites.fictitious.csv', 'data/demo/nanjing-osm.geojson'].map((f) =>
  resolve(__dirname, '../..', f),
);
export const DEMO_ZONES_FILE = resolve(__dirname, '../../data/demo/nanjing-districts.wgs84.geojson');
/** The demo as `assess` options on the command line (WGS-84). */
export const DEMO_ASSESS_ARGS: readonly string[] = [
  '--sites',
  DEMO_SITE_FILES[0]!,
  '--sites',
  DEMO_SITE_FILES[1]!,
  '--zones',
  DEMO_ZONES_FILE,
  '--crs',
  'wgs84',
];

export function demoZones() {
  return readZones(readFileSync(resolve(__dirname, '../../data/demo/nanjing-districts.wgs84.geojson'), 'utf8'));
}

/** Every file under `dir`, as sorted paths relative to it with `/` separators (a written output set). */
export function writtenPaths(dir: string): string[] {
  const walk = (at: string): string[] =>
    readdirSync(at).flatMap((name) =>
      statSync(join(at, name)).isDirectory() ? walk(join(at, name)) : [join(at, name)],
    );
  return walk(dir)
    .map((p) => relative(dir, p).split('\\').join('/'))
    .sort();
}
