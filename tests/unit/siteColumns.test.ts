import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packSites, unpackSites, unpackSiteViews } from '../../src/worker/siteColumns';
import { SiteView, geometryTypeOf, isAreaSite, plainSite } from '../../src/state/siteView';
import { createStringPool } from '../../src/worker/stringPool';
import { importSites } from '../../src/io';

const point = fc.record(
  {
    type: fc.constant('Point' as const),
    coordinates: fc.tuple(fc.double({ noNaN: true }), fc.double({ noNaN: true })),
  },
  { noNullPrototype: true },
);
const polygon = fc.record(
  {
    type: fc.constant('Polygon' as const),
    coordinates: fc.constant([
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
    ]),
  },
  { noNullPrototype: true },
);
// fields built in a fixed order, each one there or not, as the importer and the engine build them
const site = fc.record(
  {
    id: fc.string(),
    name: fc.string(),
    category: fc.constantFrom('fuel_station', 'school', 'construction'),
    geometry: fc.oneof({ weight: 4, arbitrary: point }, { weight: 1, arbitrary: polygon }),
    district: fc.constantFrom('鼓楼区', '玄武区'),
    likelihood: fc.integer({ min: 1, max: 5 }),
    majorHazardR: fc.double({ noNaN: true }),
    majorHazardItems: fc.array(
      fc.record(
        { q: fc.double({ noNaN: true }), Q: fc.double({ noNaN: true }), beta: fc.double({ noNaN: true }) },
        { noNullPrototype: true },
      ),
      { maxLength: 2 },
    ),
    controls: fc.string(),
    fictitious: fc.boolean(),
  },
  { requiredKeys: ['id', 'name', 'category', 'geometry'], noNullPrototype: true },
);

/** across the worker boundary: packed, cloned with its buffers, unpacked */
function roundTrip<T extends { id: string; name: string; category: string; geometry: never }>(sites: T[]): T[] {
  const { columns, transfer } = packSites(sites as never);
  return unpackSites<T>(structuredClone(columns, { transfer }), createStringPool());
}

describe('sites as columns across the worker boundary', () => {
  it('give back equal sites with their fields in the same order, for any mix of fields and geometries', () => {
    fc.assert(
      fc.property(fc.array(site, { maxLength: 60 }), (sites) => {
        const back = roundTrip(sites as never[]) as unknown as typeof sites;
        expect(back).toStrictEqual(sites);
        back.forEach((s, i) => expect(Object.keys(s)).toEqual(Object.keys(sites[i]!)));
      }),
    );
  });

  it('send plain points as one transferred Float64Array, numeric fields as typed arrays, categories as codes', () => {
    const sites = [
      {
        id: 'a',
        name: 'A',
        category: 'school',
        geometry: { type: 'Point', coordinates: [118.78, 32.04] },
        likelihood: 3,
      },
      { id: 'b', name: 'B', category: 'school', geometry: { type: 'Point', coordinates: [118.79, 32.05] } },
    ];
    const { columns, transfer } = packSites(sites as never);
    expect(Array.from(columns.points!)).toEqual([118.78, 32.04, 118.79, 32.05]);
    expect(columns.geometries).toBeNull();
    expect(columns.rest).toHaveLength(1);
    expect(Array.from((columns.rest[0] as { numbers: Float64Array }).numbers)).toEqual([3, NaN]);
    expect(columns.category).toEqual({ codes: Int8Array.from([0, 0]), dict: ['school'] }); // a byte a site
    expect(transfer).toHaveLength(3); // points, likelihood, category codes
    const back = unpackSites(structuredClone(columns, { transfer }), createStringPool());
    expect(back).toStrictEqual(sites); // b gets no likelihood key: NaN marks an absent number
  });

  it('send few distinct values as codes into their dictionary, and mostly distinct or object values as they are', () => {
    const sites = Array.from({ length: 100 }, (_, i) => ({
      id: `s${i}`,
      name: `N${i}`,
      category: i % 2 ? 'school' : 'fuel_station',
      geometry: { type: 'Point', coordinates: [118 + i / 1000, 32] },
      district: ['玄武区', '秦淮区', '鼓楼区'][i % 3],
      ...(i % 5 ? { controls: '' } : {}),
      address: `路 ${i} 号`,
      flag: i % 7 === 0,
      extra: { n: i },
    }));
    const { columns, transfer } = packSites(sites as never);
    const kinds = Object.fromEntries(
      columns.rest.map((c) => [c.key, 'numbers' in c ? 'numbers' : 'codes' in c ? `codes:${c.dict.length}` : 'values']),
    );
    expect(kinds).toEqual({
      district: 'codes:3',
      controls: 'codes:1',
      address: 'values',
      flag: 'codes:2',
      extra: 'values',
    });
    const back = unpackSites(structuredClone(columns, { transfer }), createStringPool());
    expect(back).toStrictEqual(sites); // absent fields stay absent (code -1), field order kept
  });

  it('keep a point with a third coordinate or a bbox as it is', () => {
    const sites = [
      { id: 'a', name: 'A', category: 'school', geometry: { type: 'Point', coordinates: [118.78, 32.04, 12] } },
      {
        id: 'b',
        name: 'B',
        category: 'school',
        geometry: { type: 'Point', coordinates: [118.79, 32.05], bbox: [118.79, 32.05, 118.79, 32.05] },
      },
    ];
    expect(packSites(sites as never).columns.points).toBeNull();
    expect(roundTrip(sites as never[])).toStrictEqual(sites);
  });

  it('carry what the importer builds unchanged (a generated file with all the usual columns)', () => {
    const header = '编号,名称,类别,经度,纬度,所属区域,可能性,严重性,管控措施,责任单位,最大储量';
    const rows = Array.from(
      { length: 50 },
      (_, i) =>
        `S${i},站${i},${i % 2 ? '加油站' : '学校'},118.${70 + (i % 9)},32.0${i % 9},鼓楼区,${i % 3 ? `${1 + (i % 5)},2` : ','},巡查,${i % 4 ? '' : '某公司'},`,
    );
    const {
      sites,
      rejectedRows: { rows: rejected },
    } = importSites('s.csv', new TextEncoder().encode([header, ...rows].join('\n')), { crs: 'wgs84', zones: [] });
    expect(rejected, JSON.stringify(rejected.slice(0, 2))).toEqual([]);
    const back = roundTrip(sites as never[]);
    expect(back).toStrictEqual(sites);
    back.forEach((s, i) => expect(Object.keys(s)).toEqual(Object.keys(sites[i]!)));
  });
});

describe('assessed sites on the page: views over the columns', () => {
  // an assessed site as the engine makes it (every field), with a Point or an area, some values absent or null
  const assessed = fc.record(
    {
      id: fc.string(),
      name: fc.string(),
      category: fc.constantFrom('school', 'fuel_station'),
      role: fc.constantFrom('target', 'hazard', null),
      district: fc.constantFrom('鼓楼区', '玄武区', ''),
      domain: fc.constantFrom('危险化学品', '其他'),
      geometry: fc.oneof({ weight: 4, arbitrary: point }, { weight: 1, arbitrary: polygon }),
      lon: fc.double({ noNaN: true, min: -180, max: 180 }),
      lat: fc.double({ noNaN: true, min: -90, max: 90 }),
      score: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 25 })),
      level: fc.constantFrom('red', 'orange', 'yellow', 'blue', null),
      scoreMethod: fc.constantFrom('matrix', 'lec', null),
      levelReason: fc.string(),
      footprintM: fc.double({ noNaN: true, min: 0, max: 1000 }),
      protectionDistanceNote: fc.constantFrom('', '按安全评价'),
      fictitious: fc.boolean(),
      responsibleUnit: fc.string(),
      controls: fc.string(),
    },
    { noNullPrototype: true },
  );
  const views = (sites: object[]) => {
    const { columns, transfer } = packSites(sites as never);
    return unpackSiteViews(structuredClone(columns, { transfer }), createStringPool());
  };

  it('read every field the site was sent with, the geometry made when read, and hold none of them as their own', () => {
    fc.assert(
      fc.property(fc.array(assessed, { maxLength: 30 }), (sites) => {
        const back = views(sites)!;
        expect(back).toHaveLength(sites.length);
        back.forEach((v, i) => {
          const sent = sites[i]! as unknown as Record<string, unknown>;
          expect(v).toBeInstanceOf(SiteView);
          for (const [key, value] of Object.entries(sent))
            expect((v as unknown as Record<string, unknown>)[key]).toEqual(value);
          expect(geometryTypeOf(v)).toBe(sites[i]!.geometry.type);
          expect(isAreaSite(v)).toBe(sites[i]!.geometry.type === 'Polygon');
          expect(Object.keys(v)).toEqual([]); // the columns hold the fields
          expect(plainSite(v)).toEqual(sent);
          expect(structuredClone(plainSite(v))).toEqual(sent); // what the white paper's worker receives
        });
      }),
    );
  });

  it('read an absent field as absent and a NaN as NaN, as the objects made from the columns do', () => {
    const [unknown] = views([
      {
        id: 'a',
        name: 'n',
        category: 'school',
        geometry: { type: 'Point', coordinates: [1, 2] },
        lon: Number.NaN,
        lat: 2,
      },
    ])!;
    expect(unknown!.lon).toBeNaN(); // a column with a NaN is sent as codes, not numbers (NaN marks absent there)
    expect(unknown!.lat).toBe(2);
    expect(unknown!.level).toBeUndefined(); // no such column
    expect(unknown!.geometry).toEqual({ type: 'Point', coordinates: [1, 2] });
    expect(
      unpackSites<Record<string, unknown>>(
        packSites([
          {
            id: 'a',
            name: 'n',
            category: 'school',
            geometry: { type: 'Point', coordinates: [1, 2] },
            lon: Number.NaN,
          } as never,
        ]).columns,
        createStringPool(),
      )[0]!.lon,
    ).toBeNaN();
  });

  it('code in the narrowest array the dictionary fits, and read lon and lat from the points when they are the points', () => {
    const many = (n: number) =>
      packSites(
        Array.from({ length: 1000 }, (_, i) => ({
          id: `s${i}`,
          name: 'n',
          category: 'school',
          geometry: { type: 'Point', coordinates: [i, i] },
          district: `d${i % n}`,
        })) as never,
      ).columns.rest[0] as { codes: ArrayLike<number> };
    expect(many(127).codes).toBeInstanceOf(Int8Array);
    expect(many(128).codes).toBeInstanceOf(Int16Array);
    const at = (lon: number, lat: number) => ({
      id: `s${lon}`,
      name: 'n',
      category: 'school',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      lon,
      lat,
    });
    const same = views([at(118.5, 32.1), at(118.6, 32.2)])!;
    expect(same.map((s) => [s.lon, s.lat])).toEqual([
      [118.5, 32.1],
      [118.6, 32.2],
    ]);
    // one site whose lon is not its point's: its own column is read, for every site of the block
    const moved = { ...at(118.7, 32.3), lon: 118.70001 };
    const differ = views([at(118.5, 32.1), moved])!;
    expect(differ.map((s) => [s.lon, s.lat, ...(s.geometry as { coordinates: number[] }).coordinates])).toEqual([
      [118.5, 32.1, 118.5, 32.1],
      [118.70001, 32.3, 118.7, 32.3],
    ]);
  });

  it('are not made for sites with a field a view does not read (objects are, losing nothing)', () => {
    const site = {
      id: 'a',
      name: 'n',
      category: 'school',
      geometry: { type: 'Point', coordinates: [1, 2] },
      level: 'red',
      reachMinutes: 7,
    };
    expect(views([site])).toBeNull();
  });
});
