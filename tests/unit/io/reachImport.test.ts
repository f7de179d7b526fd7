// Importing rescue resources and shelters: categories by Chinese and English names, grades and classes from their
// columns or from the category text, a fire station's 站级 read as its rescue grade (not GB 50156's 1/2/3).
import { describe, expect, it } from 'vitest';
import { importSites, readRoads, readZones } from '../../../src/io';

const encode = (s: string) => new TextEncoder().encode(s);

async function rows(csv: string) {
  return importSites('reach.csv', encode(csv), { crs: 'wgs84', zones: [] });
}

describe('import of rescue resources and shelters', () => {
  it('reads categories, grades, classes, capacity, effective area and households', async () => {
    const r = await rows(
      [
        '编号,名称,类别,经度,纬度,站级,避难场所类别,容纳人数,有效避难面积,户数',
        'F1,一号站,消防站,118.78,32.04,一级,,,,',
        'F2,二号站,fire station,118.79,32.04,小型,,,,',
        'F3,社区站,微型消防站,118.80,32.04,,,,,',
        'F4,特勤站,特勤消防站,118.81,32.04,,,,,',
        'T1,化工园区救援队,企业救援队,118.82,32.04,,,,,',
        'SH1,广场,应急避难场所,118.78,32.05,,紧急,1000,,',
        'SH2,公园,长期固定避难场所,118.79,32.05,,,,20000,',
        'SH3,体育场,shelter,118.80,32.05,,中心,,,',
        'R1,小区,居住区,118.78,32.06,,,,,350',
      ].join('\n'),
    );
    expect(r.report.errors).toEqual([]);
    const by = Object.fromEntries(r.sites.map((s) => [s.id, s]));
    expect(by.F1).toMatchObject({ category: 'fire_station', rescueGrade: 'standard1' });
    expect(by.F1!.stationGrade).toBeUndefined(); // not a petrol-station grade
    expect(by.F2).toMatchObject({ category: 'fire_station', rescueGrade: 'small' });
    expect(by.F3).toMatchObject({ category: 'fire_station', rescueGrade: 'micro' }); // from the category text
    expect(by.F4).toMatchObject({ rescueGrade: 'special' });
    expect(by.T1).toMatchObject({ category: 'rescue_team', rescueGrade: 'enterprise' });
    expect(by.SH1).toMatchObject({ category: 'shelter', shelterClass: 'emergency', users: 1000 });
    expect(by.SH2).toMatchObject({ shelterClass: 'fixed_long', effectiveAreaM2: 20000 });
    expect(by.SH3).toMatchObject({ shelterClass: 'central' });
    expect(by.R1).toMatchObject({ category: 'residential', households: 350 });
  });

  it('rejects a grade or class it cannot read, with the row and the expected values', async () => {
    const r = await rows(
      [
        '编号,名称,类别,经度,纬度,站级,避难场所类别',
        'F1,站,消防站,118.78,32.04,三级,',
        'SH,场所,避难场所,118.78,32.05,,大型',
      ].join('\n'),
    );
    expect(r.report.rejected).toBe(2);
    expect(r.report.errors.map((e) => e.field)).toEqual(['station_grade', 'shelter_class']);
    expect(r.report.errors[0]!.reason).toContain('特勤/一级/二级/小型/微型');
  });

  it('a petrol station keeps its GB 50156 grade', async () => {
    const r = await rows(['编号,名称,类别,经度,纬度,站级', 'J1,加油站,加油站,118.78,32.04,二级'].join('\n'));
    expect(r.sites[0]).toMatchObject({ stationGrade: 2 });
    expect(r.sites[0]!.rescueGrade).toBeUndefined();
  });
});

describe('zones and roads for reach', () => {
  it('a zone’s 区域类型 decides its circle', () => {
    const square = [
      [
        [118.7, 32],
        [118.8, 32],
        [118.8, 32.1],
        [118.7, 32.1],
        [118.7, 32],
      ],
    ];
    const zones = readZones(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { id: 'a', 区域类型: '建成区' },
            geometry: { type: 'Polygon', coordinates: square },
          },
          {
            type: 'Feature',
            properties: { id: 'b', area_type: '化工园区' },
            geometry: { type: 'Polygon', coordinates: square },
          },
          {
            type: 'Feature',
            properties: { id: 'c', 区域类型: '近郊区' },
            geometry: { type: 'Polygon', coordinates: square },
          },
          { type: 'Feature', properties: { id: 'd' }, geometry: { type: 'Polygon', coordinates: square } },
        ],
      }),
    );
    expect(zones.map((z) => z.areaType)).toEqual(['built_up', 'industrial_park', 'suburban', undefined]);
  });

  it('reads road class, speed (mph converted) and one-way, with OSM’s implied one-ways', () => {
    const l = (
      props: Record<string, unknown>,
      type = 'LineString',
      coordinates: unknown = [
        [118.7, 32],
        [118.71, 32],
      ],
    ) => ({ type: 'Feature', properties: props, geometry: { type, coordinates } });
    const roads = readRoads(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          l({ highway: 'primary', maxspeed: '50', oneway: 'yes' }),
          l({ highway: 'secondary', maxspeed: '30 mph', oneway: '-1' }),
          l({ highway: 'motorway' }),
          l({ highway: 'residential', junction: 'roundabout' }),
          l({ 道路等级: '主干路', 限速: 40, oneway: 'no' }),
          l({ highway: 'service' }, 'MultiLineString', [
            [
              [118.7, 32],
              [118.71, 32],
            ],
            [
              [118.72, 32],
              [118.73, 32],
            ],
          ]),
        ],
      }),
    );
    expect(
      roads.map((r) => [
        r.roadClass,
        r.speedKmh === undefined ? undefined : Math.round(r.speedKmh * 1000) / 1000,
        r.oneway,
      ]),
    ).toEqual([
      ['primary', 50, 'forward'],
      ['secondary', 48.28, 'backward'],
      ['motorway', undefined, 'forward'],
      ['residential', undefined, 'forward'],
      ['主干路', 40, 'no'],
      ['service', undefined, 'no'],
      ['service', undefined, 'no'],
    ]);
  });

  it('railways, rivers and power lines in an OSM export are not roads (their key is the class the profile excludes)', async () => {
    const { roadSpeedFor, DEFAULT_REACH_PROFILE } = {
      ...(await import('../../../src/engine/reach/roadSpeed')),
      ...(await import('../../../src/engine/reach/profile')),
    };
    const l = (props: Record<string, unknown>) => ({
      type: 'Feature',
      properties: props,
      geometry: {
        type: 'LineString',
        coordinates: [
          [118.7, 32],
          [118.71, 32],
        ],
      },
    });
    const roads = readRoads(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [l({ railway: 'rail' }), l({ waterway: 'river' }), l({ power: 'line' }), l({ name: '无名路' })],
      }),
    );
    const speed = roadSpeedFor(DEFAULT_REACH_PROFILE);
    expect(roads.map((r) => speed(r))).toEqual([null, null, null, DEFAULT_REACH_PROFILE.roads.defaultKmh]);
  });

  it('refuses a road file that is not lines', () => {
    expect(() =>
      readRoads(
        JSON.stringify({
          type: 'FeatureCollection',
          features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [118, 32] } }],
        }),
      ),
    ).toThrow(/LineString/);
  });
});
