import { describe, expect, it } from 'vitest';
import * as geographiclib from 'geographiclib-geodesic';
import proj4 from 'proj4';
import { geodesicDistanceM } from '../../../src/engine';
import { importSites, isCrsOption, rereadChoices, toWgs84, type Crs } from '../../../src/io';
import { demoZones } from '../../helpers/files';

// CGCS2000 ellipsoid: a = 6 378 137 m, f = 1/298.257222101 (GB/T 2000 国家大地坐标系; GRS80's a and f)
const cgcs2000 = new geographiclib.Geodesic.Geodesic(6378137, 1 / 298.257222101);
/** Meridian arc from the equator: on the central meridian a Gauss–Krüger northing is exactly this (k0 = 1). */
const meridianArc = (lat: number, lon: number): number => cgcs2000.Inverse(0, lon, lat, lon).s12!;
const lonLat = (x: number, y: number, crs: Crs): [number, number] =>
  (toWgs84({ type: 'Point', coordinates: [x, y] }, crs) as { coordinates: [number, number] } | null)!.coordinates;

describe('CGCS2000 Gauss–Krüger → lon/lat, against independent answers', () => {
  it.each([
    [31.5, 120, 'cgcs2000_gk3_120', 500_000],
    [32.06, 117, 'cgcs2000_gk3_117', 500_000],
    [32.06, 120, 'cgcs2000_gk', 40_500_000], // 3° zone 40 → CM 120°
    [32.06, 117, 'cgcs2000_gk', 39_500_000], // 3° zone 39 → CM 117°
    [32.06, 117, 'cgcs2000_gk', 20_500_000], // 6° zone 20 → CM 6·20 − 3 = 117°
    [45.0, 126, 'cgcs2000_gk', 42_500_000],
  ] as const)(
    'a point on the central meridian: lat %f°, CM %i° (%s, easting %i) comes back to within 1 mm',
    (lat, cm, crs, easting) => {
      const [lon, back] = lonLat(easting, meridianArc(lat, cm), crs);
      expect(geodesicDistanceM([lon, back], [cm, lat])).toBeLessThan(0.001);
    },
  );

  it('proj4’s transverse Mercator, the one used here, meets the EPSG Guidance Note 7-2 worked example (OSGB, 2.5° off its meridian)', () => {
    // GN 7-2 §3.5.3: lat 50°30′N, lon 0°30′E on Airy 1830, k0 0.9996012717, origin 49°N 2°W, FE 400 km, FN −100 km
    const osgb =
      '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +units=m +no_defs';
    const [e, n] = proj4('+proj=longlat +ellps=airy +no_defs', osgb, [0.5, 50.5]);
    expect(e).toBeCloseTo(577274.99, 1);
    expect(n).toBeCloseTo(69740.5, 1);
  });

  it('is symmetric about the central meridian: equal distances east and west give mirrored longitudes', () => {
    const n = meridianArc(32, 120);
    const [east] = lonLat(40_500_000 + 61_234.5, n, 'cgcs2000_gk');
    const [west] = lonLat(40_500_000 - 61_234.5, n, 'cgcs2000_gk');
    expect(east - 120).toBeCloseTo(120 - west, 12);
    expect(east).toBeGreaterThan(120.6);
  });

  it('reads a file’s X as the northing when it is (surveyors’ order): (northing, easting) and (easting, northing) agree', () => {
    expect(lonLat(3_546_000, 40_412_345, 'cgcs2000_gk')).toEqual(lonLat(40_412_345, 3_546_000, 'cgcs2000_gk'));
    expect(lonLat(3_546_000, 668_000, 'cgcs2000_gk3_117')).toEqual(lonLat(668_000, 3_546_000, 'cgcs2000_gk3_117'));
  });

  it('gives null for numbers that are not metres of that form: a plain easting under the zone-number form, a prefixed one under a meridian', () => {
    expect(toWgs84({ type: 'Point', coordinates: [668_000, 3_546_000] }, 'cgcs2000_gk')).toBeNull();
    expect(toWgs84({ type: 'Point', coordinates: [40_412_345, 3_546_000] }, 'cgcs2000_gk3_120')).toBeNull();
  });

  it('names every 3° zone over China and nothing else', () => {
    expect(isCrsOption('cgcs2000_gk3_75')).toBe(true);
    expect(isCrsOption('cgcs2000_gk3_135')).toBe(true);
    expect(isCrsOption('cgcs2000_gk3_118')).toBe(false);
    expect(isCrsOption('cgcs2000_gk3_138')).toBe(false);
    expect(rereadChoices('cgcs2000_gk3_120')).toEqual(['cgcs2000_gk', 'cgcs2000_gk3_117', 'cgcs2000_gk3_123']);
    expect(rereadChoices('gcj02')).toEqual(['wgs84', 'bd09']);
  });
});

describe('importing a site file in Gauss–Krüger metres', () => {
  const zones = demoZones();
  // true WGS-84 positions in four districts, written in the file as each form would have them (proj4 forward)
  const places = [
    { id: 'G1', district: '玄武区', lonLat: [118.82, 32.06] },
    { id: 'G2', district: '鼓楼区', lonLat: [118.76, 32.07] },
    { id: 'G3', district: '江宁区', lonLat: [118.85, 31.9] },
    { id: 'G4', district: '浦口区', lonLat: [118.6, 32.1] },
  ] as const;
  const forward = (cm: number, [lon, lat]: readonly number[]) =>
    proj4('WGS84', `+proj=tmerc +lat_0=0 +lon_0=${cm} +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs`, [
      lon!,
      lat!,
    ]);
  const csv = (rows: string[], header = '编号,名称,类别,X,Y,所属区域') =>
    new TextEncoder().encode([header, ...rows].join('\n'));

  it('zone number in the easting, X = northing (survey order): suggested without help, every point where it belongs', () => {
    const rows = places.map((p) => {
      const [e, n] = forward(120, p.lonLat);
      return `${p.id},${p.district}点,学校,${n!.toFixed(3)},${(40_000_000 + e!).toFixed(3)},${p.district}`;
    });
    const { sites, report } = importSites('gk.csv', csv(rows, '编号,名称,类别,X坐标(北),Y坐标(东),所属区域'), {
      crs: 'auto',
      zones: [],
    });
    expect(report.unmappedColumns).toEqual([]);
    expect(report.crs).toBe('cgcs2000_gk');
    expect(report.crsEvidence).toMatch(/带号/);
    expect(report.accepted).toBe(4);
    sites.forEach((s, i) =>
      expect(
        geodesicDistanceM(
          (s.geometry as unknown as { coordinates: [number, number] }).coordinates,
          places[i]!.lonLat as [number, number],
        ),
      ).toBeLessThan(0.01),
    );
  });

  it('plain eastings: the 3° zone whose meridian puts the points in their districts is suggested, with its evidence', () => {
    const rows = places.map((p) => {
      const [e, n] = forward(117, p.lonLat);
      return `${p.id},${p.district}点,学校,${e!.toFixed(3)},${n!.toFixed(3)},${p.district}`;
    });
    const { sites, report } = importSites('gk.csv', csv(rows), { crs: 'auto', zones });
    expect(report.crs).toBe('cgcs2000_gk3_117');
    expect(report.crsEvidence).toMatch(/cgcs2000_gk3_117 4\/4.*cgcs2000_gk3_120 0\/4/);
    sites.forEach((s, i) =>
      expect(
        geodesicDistanceM(
          (s.geometry as unknown as { coordinates: [number, number] }).coordinates,
          places[i]!.lonLat as [number, number],
        ),
      ).toBeLessThan(0.01),
    );
  });

  it('rejects with the reason, and counts every row: metres under a lon/lat system, degrees under Gauss–Krüger, no zone number where one is needed', () => {
    const [e, n] = forward(120, places[0].lonLat);
    const rows = [
      `M1,米,学校,${e!.toFixed(1)},${n!.toFixed(1)},玄武区`,
      'D1,度,学校,118.8,32.05,玄武区',
      `Z1,带号,学校,${(40_000_000 + e!).toFixed(1)},${n!.toFixed(1)},玄武区`,
    ];
    const asGiven = (crs: Crs) => importSites('gk.csv', csv(rows), { crs, zones }).report;
    const wgs = asGiven('wgs84');
    expect(wgs.errors.map((x) => [x.line, x.reason])).toEqual([
      [2, expect.stringMatching(/投影坐标.*高斯-克吕格/)],
      [4, expect.stringMatching(/投影坐标.*高斯-克吕格/)],
    ]);
    const zoned = asGiven('cgcs2000_gk');
    expect(zoned.errors.map((x) => [x.line, x.reason])).toEqual([
      [2, expect.stringMatching(/没有带号/)],
      [3, expect.stringMatching(/是经纬度/)],
    ]);
    const plain = asGiven('cgcs2000_gk3_120');
    expect(plain.errors.map((x) => [x.line, x.reason])).toEqual([
      [3, expect.stringMatching(/是经纬度/)],
      [4, expect.stringMatching(/带有带号/)],
    ]);
    for (const r of [wgs, zoned, plain]) expect(r.accepted + r.rejected).toBe(3);
  });

  it('rejects metres that are no Gauss–Krüger position in China at validation, naming them', () => {
    const { report } = importSites('gk.csv', csv(['P1,远,学校,99000000,3546000,玄武区']), { crs: 'auto', zones });
    expect(report.errors[0]!.reason).toMatch(/不是中国境内的 CGCS2000 高斯-克吕格坐标/);
  });
});
