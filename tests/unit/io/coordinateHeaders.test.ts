// Suffixed coordinate headers ("lon_gcj02", "纬度(高德)") are read as coordinates and name the CRS.
import { describe, expect, it } from 'vitest';
import { coordinateSuffix, importSites, mapColumns } from '../../../src/io';
import { demoZones, fixtureBytes } from '../../helpers/files';

const zones = demoZones();
const utf8 = (s: string) => new TextEncoder().encode(s);
// GCJ-02 vertices of 玄武区 and their WGS-84 as converted independently of gcoord (see tests/fixtures/README.md)
const key = JSON.parse(new TextDecoder().decode(fixtureBytes('xuanwu-gcj02-wgs84.json'))) as {
  gcj02: [number, number][];
  wgs84: [number, number][];
};

describe('coordinateSuffix', () => {
  it.each([
    ['lon_wgs84', 'lon', 'wgs84'],
    ['lat_gcj02', 'lat', 'gcj02'],
    ['lng_bd09', 'lon', 'bd09'],
    ['经度_百度', 'lon', 'bd09'],
    ['纬度(高德)', 'lat', 'gcj02'],
    ['纬度（高德）', 'lat', 'gcj02'],
    ['x_gcj', 'lon', 'gcj02'],
    ['Y_GCJ', 'lat', 'gcj02'],
    ['wgs84_lon', 'lon', 'wgs84'],
    ['百度经度', 'lon', 'bd09'],
    ['longitude (WGS-84)', 'lon', 'wgs84'],
    ['lat-cgcs2000', 'lat', 'cgcs2000'],
    ['Lng_BD09LL', 'lon', 'bd09'],
  ])('%s → %s in %s', (header, field, crs) => {
    expect(coordinateSuffix(header)).toEqual({ field, crs });
  });

  it.each(['lon', '经度', 'x坐标', 'y', 'district', 'lon_old', 'latitude2', '纬度(度)'])(
    '%s names no system',
    (header) => {
      expect(coordinateSuffix(header)).toBeNull();
    },
  );
});

describe('mapColumns with suffixed coordinate columns', () => {
  it('prefers the WGS-84 pair over GCJ-02 and BD-09 and lists the others as ignored', () => {
    const m = mapColumns(['id', 'lon_bd09', 'lat_bd09', 'lon_gcj02', 'lat_gcj02', 'lon_wgs84', 'lat_wgs84']);
    expect(m.fields).toMatchObject({ id: 0, lon: 5, lat: 6 });
    expect(m.coordinateCrs).toEqual({ crs: 'wgs84', headers: ['lon_wgs84', 'lat_wgs84'] });
    expect(m.ignoredCoordinates).toEqual(['lon_bd09', 'lat_bd09', 'lon_gcj02', 'lat_gcj02']);
    expect(m.unmapped).toEqual(['lon_bd09', 'lat_bd09', 'lon_gcj02', 'lat_gcj02']);
  });

  it('prefers a named pair over plain lon/lat columns, whose system is unknown', () => {
    const m = mapColumns(['lng', 'lat', '经度(高德)', '纬度(高德)']);
    expect(m.fields).toMatchObject({ lon: 2, lat: 3 });
    expect(m.coordinateCrs?.crs).toBe('gcj02');
    expect(m.ignoredCoordinates).toEqual(['lng', 'lat']);
  });

  it('leaves the choice to the user when they map coordinate columns themselves', () => {
    const m = mapColumns(['lon_gcj02', 'lat_gcj02', 'lon_wgs84', 'lat_wgs84'], { lon_gcj02: 'lon', lat_gcj02: 'lat' });
    expect(m.fields).toMatchObject({ lon: 0, lat: 1 });
    expect(m.coordinateCrs?.crs).toBe('gcj02');
    expect(m.ignoredCoordinates).toEqual([]);
  });
});

describe('importSites: the CRS named by the headers', () => {
  const rows = key.gcj02.slice(0, 5).map(([lon, lat], i) => `X${i},点${i},学校,${lon},${lat}`);

  it('reads lon_gcj02/lat_gcj02 as GCJ-02, said as the evidence, to within 0.5 m of the independent WGS-84 answer', () => {
    const { sites, report } = importSites(
      'amap.csv',
      utf8(`id,name,category,lon_gcj02,lat_gcj02\n${rows.join('\n')}\n`),
      { crs: 'auto', zones },
    );
    expect(report.crs).toBe('gcj02');
    expect(report.crsEvidence).toMatch(/lon_gcj02.*lat_gcj02.*GCJ02/);
    sites.forEach((s, i) => {
      const [lon, lat] = (s.geometry as { coordinates: number[] }).coordinates as [number, number];
      const [wlon, wlat] = key.wgs84[i]!;
      // metres per degree at 32° N: 111 320 cos φ east, 110 900 north (rough, enough for a 0.5 m bound)
      expect(Math.hypot((lon - wlon) * 111_320 * Math.cos((32 * Math.PI) / 180), (lat - wlat) * 110_900)).toBeLessThan(
        0.5,
      );
    });
  });

  it('reads the WGS-84 pair of a file that has both, and says the GCJ-02 pair was not read', () => {
    const both = key.gcj02
      .slice(0, 5)
      .map(([lon, lat], i) => `X${i},点${i},学校,${lon},${lat},${key.wgs84[i]![0]},${key.wgs84[i]![1]}`);
    const { sites, report } = importSites(
      'both.csv',
      utf8(`id,name,category,lon_gcj02,lat_gcj02,lon_wgs84,lat_wgs84\n${both.join('\n')}\n`),
      { crs: 'auto', zones },
    );
    expect(report.crs).toBe('wgs84');
    expect(report.ignoredCoordinateColumns).toEqual(['lon_gcj02', 'lat_gcj02']);
    expect(report.crsEvidence).toMatch(/lon_wgs84.*未读取/);
    expect((sites[0]!.geometry as { coordinates: number[] }).coordinates).toEqual(key.wgs84[0]);
  });

  it('keeps the user’s CRS over the headers', () => {
    const { report } = importSites('amap.csv', utf8(`id,name,category,lon_gcj02,lat_gcj02\n${rows.join('\n')}\n`), {
      crs: 'wgs84',
      zones,
    });
    expect(report.crs).toBe('wgs84');
  });
});
