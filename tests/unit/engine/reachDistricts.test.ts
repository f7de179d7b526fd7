// Station districts (消防站辖区) against 建标152-2017 第十四条's area limits, on a square study area whose area is
// known by hand (3 km × 3 km = 9 km²).
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { areaKm2, DEFAULT_REACH_PROFILE, type Site, type Zone } from '../../../src/engine';
import { reachGrid, stationDistricts, districtStations } from '../../../src/engine/reach/stationDistricts';
import { screeningModel } from '../../../src/engine/reach/reachModel';
import { resourcesOf } from '../../../src/engine/reach/resources';
import { latitudeNorthOf, parallelArcMeters } from '../../helpers/ellipsoid';

const LON = 118.78;
const LAT = 32.04;
const degEast = (m: number) => m / parallelArcMeters(LAT, 1);

// 3 000 m east–west (at the south edge) and 3 000 m north–south: 9 km² to within the parallel's convergence (< 0.01 %)
const north = latitudeNorthOf(LAT, 3000);
const east = LON + degEast(3000);
const squareZone = (areaType?: Zone['areaType']): Zone => {
  const g: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [LON, LAT],
        [east, LAT],
        [east, north],
        [LON, north],
        [LON, LAT],
      ],
    ],
  };
  return { id: 'z', name: 'z', geometry: g, ...(areaType ? { areaType } : {}) };
};
const station = (id: string, northM: number, eastM: number, rescueGrade?: Site['rescueGrade']): Site => ({
  id,
  name: id,
  category: 'fire_station',
  geometry: { type: 'Point', coordinates: [LON + degEast(eastM), latitudeNorthOf(LAT, northM)] },
  ...(rescueGrade ? { rescueGrade } : {}),
});

function districts(sites: Site[], zone: Zone, cellM = 100) {
  const rs = districtStations(resourcesOf(sites, DEFAULT_REACH_PROFILE), DEFAULT_REACH_PROFILE);
  const grid = reachGrid([zone], cellM, screeningModel(rs, DEFAULT_REACH_PROFILE));
  return { rows: stationDistricts(rs, grid, [zone], DEFAULT_REACH_PROFILE), grid };
}

describe('station districts and 建标152 area limits', () => {
  it('the study square is 9 km² (hand) and the grid counts it to within a cell row', () => {
    expect(areaKm2(squareZone().geometry)).toBeCloseTo(9, 2);
    const { grid } = districts([station('F', 1500, 1500, 'standard1')], squareZone());
    expect(grid.cells.length * grid.cellKm2).toBeGreaterThan(9 - 0.3);
    expect(grid.cells.length * grid.cellKm2).toBeLessThan(9 + 0.3);
  });

  it('one 一级站 alone: a 9 km² district exceeds 7 km²; a 小型站 exceeds 2 km²', () => {
    const [row] = districts([station('F', 1500, 1500, 'standard1')], squareZone()).rows;
    expect(row).toMatchObject({ stationId: 'F', limitKm2: 7, status: 'exceeds' });
    expect(row!.districtKm2).toBeCloseTo(9, 0);
    expect(districts([station('F', 1500, 1500, 'small')], squareZone()).rows[0]).toMatchObject({
      limitKm2: 2,
      status: 'exceeds',
    });
  });

  it('two 一级站 at the quarter points share the square: ≈ 4.5 km² each, within 7 km²', () => {
    const { rows } = districts(
      [station('F1', 1500, 750, 'standard1'), station('F2', 1500, 2250, 'standard1')],
      squareZone(),
    );
    for (const r of rows) {
      expect(r.districtKm2).toBeGreaterThan(4.2);
      expect(r.districtKm2).toBeLessThan(4.8);
      expect(r.status).toBe('within');
    }
  });

  it('a 普通站 in a 近郊区 may have 15 km²; a 特勤站 takes the 一级站 limit; unknown grade is held to 2 km² and says so', () => {
    expect(districts([station('F', 1500, 1500, 'standard2')], squareZone('suburban')).rows[0]).toMatchObject({
      limitKm2: 15,
      status: 'within',
    });
    expect(districts([station('F', 1500, 1500, 'special')], squareZone()).rows[0]).toMatchObject({ limitKm2: 7 });
    const unknown = districts([station('F', 1500, 1500)], squareZone()).rows[0]!;
    expect(unknown).toMatchObject({ grade: null, limitKm2: 2, status: 'exceeds' });
    expect(unknown.note).toContain('从严');
  });

  it('微型消防站 and rescue teams have no district; they do not take cells from a station that has one', () => {
    const sites = [
      station('F', 1500, 1500, 'standard1'),
      station('M', 100, 100, 'micro'),
      { ...station('T', 2900, 2900), category: 'rescue_team' },
    ];
    const { rows } = districts(sites, squareZone());
    expect(rows.map((r) => r.stationId)).toEqual(['F']);
    expect(rows[0]!.districtKm2).toBeCloseTo(9, 0);
  });

  it('edge minutes: the farthest corner by hand, after the dispatch order (the alarm minute excluded)', () => {
    const [row] = districts([station('F', 0, 0, 'standard1')], squareZone(), 100).rows;
    // cell centres lie on a 100 m lattice from the square's corner: the farthest counted one is within one cell of the
    // opposite corner, between (2 900, 2 900) and (3 000, 3 000) m; × 1.4 / 500 m/min, + 3 min turn-out
    const low = 3 + (Math.hypot(2900, 2900) * 1.4) / 500; // 14.48
    const high = 3 + (Math.hypot(3000, 3000) * 1.4) / 500; // 14.88
    expect(row!.edgeMinutes).toBeGreaterThan(low - 0.01);
    expect(row!.edgeMinutes).toBeLessThan(high);
  });
});

describe('reach per zone (the reach grid of every resource, summarised)', () => {
  it('a 135 zone: the covered share is the 357 m circle over the 9 km² square (π·357.14² ≈ 0.4007 km² → 4.45 %)', async () => {
    const { zoneReach } = await import('../../../src/engine/reach/zoneReach');
    const sites = [station('F', 1500, 1500, 'standard1')];
    const rs = resourcesOf(sites, DEFAULT_REACH_PROFILE);
    const z = squareZone('built_up');
    const grid = reachGrid([z], 25, screeningModel(rs, DEFAULT_REACH_PROFILE));
    const [row] = zoneReach([z], grid, DEFAULT_REACH_PROFILE);
    const hand = (Math.PI * (((5 - 4) * 500) / 1.4) ** 2) / 9e6;
    expect(hand).toBeCloseTo(0.04452, 4);
    expect(row!.circle).toBe('135');
    expect(Math.abs(row!.coveredShare! - hand)).toBeLessThan(0.002);
    // the farthest cell is near a corner, ≈ 2 121 m from the centre
    expect(row!.maxMinutes!).toBeGreaterThan(4 + (Math.hypot(1450, 1450) * 1.4) / 500);
    expect(row!.maxMinutes!).toBeLessThan(4 + (Math.hypot(1500, 1500) * 1.4) / 500);
  });

  it('a 15-minute zone wholly within reach: covered share 1; a zone without a type says its circle was assumed', async () => {
    const { zoneReach } = await import('../../../src/engine/reach/zoneReach');
    const rs = resourcesOf([station('F', 1500, 1500, 'standard1')], DEFAULT_REACH_PROFILE);
    const rural = squareZone('rural');
    const [row] = zoneReach(
      [rural],
      reachGrid([rural], 100, screeningModel(rs, DEFAULT_REACH_PROFILE)),
      DEFAULT_REACH_PROFILE,
    );
    expect(row).toMatchObject({ circle: '15min', coveredShare: 1, unreachedCells: 0, circleAssumed: false });
    const plain = squareZone();
    expect(
      zoneReach([plain], reachGrid([plain], 100, screeningModel(rs, DEFAULT_REACH_PROFILE)), DEFAULT_REACH_PROFILE)[0],
    ).toMatchObject({ circle: '135', circleAssumed: true });
  });
});
