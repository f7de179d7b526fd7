// Which runs of `--engine postgis` hold no site: `assess` alone, and not what needs every site in memory anyway.
import { describe, expect, it } from 'vitest';
import { checkOptions, streamsSites } from '../../src/cli/readInputs';
import type { AssessArgs } from '../../src/cli/assessArgs';

const base: AssessArgs = { sites: ['a.csv'], out: 'out', engine: 'postgis', zones: 'z.geojson' };
const streams = (args: AssessArgs) => streamsSites(args, checkOptions(args));

describe('streamsSites', () => {
  it('assess --engine postgis holds no site, with or without --write-tables and --sites-table', () => {
    expect(streams(base)).toBe(true);
    expect(streams({ ...base, writeTables: 'results' })).toBe(true);
    expect(streams({ ...base, sites: [], sitesTable: ['province.sites'] })).toBe(true);
  });

  it.each([
    ['the white paper', { whitepaper: true }],
    ['a grid', { grid: 'square:500' }],
    ['roads', { roads: 'roads.geojson' }],
    ['population', { population: 'pop.geojson' }],
    ['F–N curves', { fn: ['fn.csv'] }],
    ['the in-process engine', { engine: 'js' }],
  ] as [string, Partial<AssessArgs>][])('holds the sites for %s', (_, extra) => {
    expect(streams({ ...base, ...extra })).toBe(false);
  });
});
