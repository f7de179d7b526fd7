import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { readZones } from '../../src/io';

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(__dirname, '../fixtures', name)));
}

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
