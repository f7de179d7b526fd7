// The SQL the PostGIS executor sends, checked without a database (the equivalence with the in-process engine is
// tests/unit/postgisEngine.test.ts, against a real PostGIS): one reach row per (hazard profile × target kind) that a
// rule binds, named by its governing rule; EWKT that keeps every coordinate's digits.
import { describe, expect, it } from 'vitest';
import { defaultConfig, planSetbacks, prepareAssessment, type Site } from '../../src/engine';
import { reachSql, tempBuffersSql } from '../../src/cli/postgis/setbackSql';
import { toEwkt } from '../../src/cli/postgis/ewkt';
import { createSite } from '../helpers/sites';
import { runAssess, UsageError } from '../../src/cli/runAssess';

function planOf(sites: Site[]) {
  const p = prepareAssessment({ sites, zones: [] });
  return planSetbacks(p.hazards, p.targets, p.kinds, defaultConfig());
}

describe('SQL generated from the rule table', () => {
  it('writes each (profile × kind) requirement once, however many sites share it, with its governing rule', () => {
    const sites = [
      ...['a', 'b', 'c'].map((id) =>
        createSite({ id: `fuel-${id}`, category: 'fuel_station', stationGrade: 1, vapourRecovery: 'none' }),
      ),
      ...['a', 'b'].map((id) => createSite({ id: `school-${id}`, category: 'school' })),
      createSite({ id: 'store', category: 'hazchem_storage' }),
    ];
    const plan = planOf(sites);
    const insert = reachSql(plan, () => 'pair').find((s) => s.startsWith('insert into usrm_reach'))!;
    const rows = insert.split('\n').filter((l) => l.startsWith('  ('));
    expect(rows).toHaveLength(plan.distancePairs.length);
    // petrol station → school once (three stations, two schools), at 50 m + the 1 m band
    expect(rows.filter((r) => r.includes('gb50156-important-none 50 m + band'))).toHaveLength(1);
    expect(rows.find((r) => r.includes('gb50156-important-none'))).toMatch(/\(\d+, \d+, 51\),/);
    // the store without an assessed distance screens the school at 500 m (条例 §19: not assessed)
    expect(rows.find((r) => r.includes('reg19-assessed-distance'))).toMatch(/, 500\)/);
    expect(insert.endsWith('\n')).toBe(true); // a ';' after the statement is not inside the last comment
  });

  it('lists the not_inside pairs apart, and nothing when no rule binds', () => {
    const plan = planOf([
      createSite({ id: 'shop', category: 'fireworks_retail' }),
      {
        ...createSite({ id: 'home', category: 'residential' }),
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [118, 32],
              [118.01, 32],
              [118.01, 32.01],
              [118, 32],
            ],
          ],
        },
      },
    ]);
    expect(plan.insidePairs.map((p) => p.rule.id)).toEqual(['fireworks-not-in-residential']);
    expect(planOf([createSite({ id: 'home', category: 'residential' })]).distancePairs).toEqual([]);
  });

  it('sizes temp_buffers to the data, within 64 MB and 4 GB', () => {
    expect(tempBuffersSql(10)).toBe("set temp_buffers = '64MB'");
    expect(tempBuffersSql(1_000_000)).toBe("set temp_buffers = '489MB'");
    expect(tempBuffersSql(1e9)).toBe("set temp_buffers = '4096MB'");
  });

  it('writes EWKT in SRID 4326 with the coordinates as JavaScript holds them', () => {
    const lon = 118.77988971234566;
    const ewkt = toEwkt({ type: 'Point', coordinates: [lon, 32.0507544] });
    expect(ewkt).toMatch(/^SRID=4326;POINT\(\S+ 32\.0507544\)$/);
    expect(Number(/POINT\((\S+) /.exec(ewkt)![1])).toBe(lon); // the very double, not a rounded one
    expect(
      toEwkt({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
            [
              [0.1, 0.1],
              [0.2, 0.1],
              [0.2, 0.2],
              [0.1, 0.1],
            ],
          ],
        ],
      }),
    ).toBe('SRID=4326;MULTIPOLYGON(((0 0,1 0,1 1,0 0),(0.1 0.1,0.2 0.1,0.2 0.2,0.1 0.1)))');
    expect(
      toEwkt({
        type: 'LineString',
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      }),
    ).toBe('SRID=4326;LINESTRING(1 2,3 4)');
  });
});

describe('--engine options (usage errors, exit 2, before any database is reached)', () => {
  const sites = ['data/demo/nanjing-osm.geojson'];
  it('knows js and postgis only', async () => {
    await expect(runAssess({ sites, out: '/nonexistent', engine: 'duckdb' })).rejects.toThrow(UsageError);
  });
  it('refuses the database options without --engine postgis', async () => {
    for (const extra of [{ db: 'postgresql:///x' }, { writeTables: 's' }, { sitesTable: ['t'] }, { logSql: true }]) {
      await expect(runAssess({ sites, out: '/nonexistent', ...extra })).rejects.toThrow(/need --engine postgis/);
    }
    await expect(runAssess({ sites, out: '/nonexistent', engine: 'postgis', geometryColumn: 'g' })).rejects.toThrow(
      /--geometry-column needs --sites-table/,
    );
  });
});
