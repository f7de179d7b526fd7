import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readZones } from '../../src/io';

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(__dirname, '../fixtures', name)));
}

export function demoZones() {
  return readZones(readFileSync(resolve(__dirname, '../../data/demo/nanjing-districts.wgs84.geojson'), 'utf8'));
}
