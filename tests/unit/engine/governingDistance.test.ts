// The governing requirement of a pair is the largest of the site's own assessed distance (GB/T 37243) and every
// applicable table rule; the finding names it and lists the others. And a point on either side makes a screening
// result (GB 50156 附录A measuring points). Cases worked by hand from the standards' figures.
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { assess, DEFAULT_RULES, SITE_DISTANCE_RULE_ID, type Site, type Finding } from '../../../src/engine';
import { violationsCsv } from '../../../src/io';
import { createConfig, createSite } from '../../helpers/sites';
import { latitudeNorthOf } from '../../helpers/ellipsoid';

const LON = 118.78;
const LAT = 32.04;

/** A 0.001° square whose south edge lies `distanceM` north of (LON, LAT) along the meridian. */
function squareNorthOf(distanceM: number): Polygon {
  const south = latitudeNorthOf(LAT, distanceM);
  const n = south + 0.001;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [LON - 0.0005, south],
        [LON + 0.0005, south],
        [LON + 0.0005, n],
        [LON - 0.0005, n],
        [LON - 0.0005, south],
      ],
    ],
  };
}

/** A 0.0004° square whose north edge is at LAT (so an area hazard's edge stands where the point hazards stand). */
function squareSouthOfOrigin(): Polygon {
  const s = LAT - 0.0004;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [LON - 0.0002, s],
        [LON + 0.0002, s],
        [LON + 0.0002, LAT],
        [LON - 0.0002, LAT],
        [LON - 0.0002, s],
      ],
    ],
  };
}

/** A school of unknown size: 重要公共建筑物 by the strictest reading (GB 50156 附录B). */
const school = (distanceM: number, extra: Partial<Site> = {}): Site => ({
  id: 'school',
  name: 'school',
  category: 'school',
  geometry: squareNorthOf(distanceM),
  ...extra,
});
const store = (extra: Partial<Site> = {}): Site =>
  createSite({ id: 'store', category: 'hazchem_storage', at: [LON, LAT], ...extra });

function findings(...sites: Site[]): Finding[] {
  return assess({ sites, zones: [] }, createConfig({ borderlineToleranceM: 0 })).findings;
}

// GB 50016-2014 表3.5.1: 甲类仓库 to 重要公共建筑 50 m. The rule of the shipped table that carries it:
const gb50016 = DEFAULT_RULES.rules.find(
  (r) => r.hazard.categories.includes('hazchem_storage') && /GB 50016/.test(r.source) && r.min_distance_m !== null,
)!;

describe('the site’s own assessed distance never lowers a table distance', () => {
  it('the shipped table holds a hazchem store to GB 50016’s 50 m from a 重要公共建筑', () => {
    expect(gb50016.min_distance_m).toBe(50);
  });

  it('a store declaring 20 m, 30 m from a school, is held to 50 m: one finding, naming GB 50016 and showing the 20 m', () => {
    const found = findings(store({ protectionDistanceM: 20 }), school(30));
    expect(found).toHaveLength(1);
    const [v] = found;
    expect(v).toMatchObject({ status: 'violation', ruleId: gb50016.id, requiredM: 50 });
    expect(v!.shortfallM).toBeCloseTo(20, 3);
    expect(v!.source).toMatch(/GB 50016/);
    expect(v!.otherRequirements).toEqual([
      { ruleId: SITE_DISTANCE_RULE_ID, requiredM: 20, source: expect.stringMatching(/GB\/T 37243/) },
    ]);
  });

  it('a store declaring 300 m, 100 m from a school: its 300 m governs, named, with the table’s 50 m beside it', () => {
    const found = findings(store({ protectionDistanceM: 300 }), school(100));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ status: 'violation', ruleId: SITE_DISTANCE_RULE_ID, requiredM: 300 });
    expect(found[0]!.shortfallM).toBeCloseTo(200, 3);
    expect(found[0]!.otherRequirements).toEqual([{ ruleId: gb50016.id, requiredM: 50, source: gb50016.source }]);
  });

  it('the store declaring 300 m 40 m from the school fails both: still one finding for the pair, the larger governing', () => {
    const found = findings(store({ protectionDistanceM: 300 }), school(40));
    expect(found.map((v) => [v.ruleId, v.requiredM])).toEqual([[SITE_DISTANCE_RULE_ID, 300]]);
  });

  it('a store declaring 20 m complies at 50 m and at 60 m: the table is met and so is its own distance', () => {
    expect(findings(store({ protectionDistanceM: 20 }), school(50))).toEqual([]);
    expect(findings(store({ protectionDistanceM: 20 }), school(60))).toEqual([]);
  });

  it('a store with no assessed distance 30 m from a school: the GB 50016 violation stands beside the not_assessed finding', () => {
    const found = findings(store(), school(30));
    expect(found.map((v) => v.status).sort()).toEqual(['not_assessed', 'violation']);
    const violation = found.find((v) => v.status === 'violation')!;
    expect(violation).toMatchObject({ ruleId: gb50016.id, requiredM: 50 });
    const missing = found.find((v) => v.status === 'not_assessed')!;
    expect(missing.requiredM).toBeNull();
    expect(missing.otherRequirements).toContainEqual({ ruleId: gb50016.id, requiredM: 50, source: gb50016.source });
  });

  it('a petrol station (outside GB/T 37243’s scope) declaring 10 m is held to GB 50156’s 35 m, and the finding says why its own figure cannot stand', () => {
    // grade 2, full vapour recovery → 重要公共建筑物 35 m (GB 50156-2012 表4.0.4); a school of 800 pupils is 重要公共建筑物
    const station = createSite({
      id: 'fs',
      category: 'fuel_station',
      at: [LON, LAT],
      stationGrade: 2,
      vapourRecovery: 'full',
      protectionDistanceM: 10,
    });
    const [v] = findings(station, school(30, { users: 800 }));
    expect(v).toMatchObject({ status: 'violation', requiredM: 35 });
    expect(v!.ruleId).not.toBe(SITE_DISTANCE_RULE_ID);
    expect(v!.otherRequirements[0]).toMatchObject({ ruleId: SITE_DISTANCE_RULE_ID, requiredM: 10 });
    expect(v!.otherRequirements[0]!.source).toMatch(/加油站不属 GB\/T 37243-2019 适用范围/);
  });

  it('the site’s explanation states what its own distance can do, in and outside GB/T 37243’s scope', () => {
    const station = createSite({ id: 'fs', category: 'fuel_station', protectionDistanceM: 10 });
    const a = assess(
      {
        sites: [store({ protectionDistanceM: 20 }), station, createSite({ id: 'x', category: 'fuel_station' })],
        zones: [],
      },
      createConfig(),
    );
    const note = (id: string) => a.sites.find((s) => s.id === id)!.protectionDistanceNote;
    expect(note('fs')).toMatch(/^自报防护距离 10 m:加油站不属 GB\/T 37243-2019 适用范围,该距离不能替代规范表列距离/);
    expect(note('store')).toMatch(/^外部安全防护距离 20 m \(GB\/T 37243-2019\):核查时与规范表列距离取较大值/);
    expect(note('x')).toBe('');
  });

  it('violations.csv keeps its contract columns first and appends the other requirements and the screening flag', () => {
    const sites = [store({ protectionDistanceM: 20 }), school(30)];
    const a = assess({ sites, zones: [] }, createConfig({ borderlineToleranceM: 0 }));
    const [header, row] = violationsCsv(a).trim().split(/\r?\n/);
    const cols = header!.split(',');
    expect(cols.slice(0, 7)).toEqual([
      'hazard_id',
      'target_id',
      'rule_id',
      'distance_m',
      'required_m',
      'shortfall_m',
      'status',
    ]);
    // the screening flag and the other requirements, then the three QRA columns (empty on a distance finding)
    expect(cols.slice(-5)).toEqual([
      'screening',
      'other_requirements',
      'risk_per_year',
      'criterion_per_year',
      'installation_status',
    ]);
    expect(row!.endsWith(`,true,${SITE_DISTANCE_RULE_ID}=20,,,`)).toBe(true);
    expect(row!.startsWith(`store,school,${gb50016.id},30.00,50.00,20.00,violation,`)).toBe(true);
  });
});

describe('measuring points (GB 50156 附录A): a point on either side is a screening result', () => {
  const station = (geometry: Site['geometry']): Site => ({
    id: 'fs',
    name: 'fs',
    category: 'fuel_station',
    stationGrade: 2,
    vapourRecovery: 'full',
    geometry,
  });

  it('a station given as a point, 30 m from a school footprint: violation, flagged 初筛, naming the hazard side', () => {
    const [v] = findings(station({ type: 'Point', coordinates: [LON, LAT] }), school(30, { users: 800 }));
    expect(v).toMatchObject({ status: 'violation', screening: true, measuredBetween: 'Point–Polygon' });
    expect(v!.note).toMatch(/初筛:危险源仅有点位坐标,无法按 GB 50156 附录A/);
  });

  it('a station footprint and a school given as a point: flagged, naming the target side', () => {
    const schoolPoint: Site = {
      id: 'school',
      name: 'school',
      category: 'school',
      users: 800,
      geometry: { type: 'Point', coordinates: [LON, latitudeNorthOf(LAT, 30)] },
    };
    const [v] = findings(station(squareSouthOfOrigin()), schoolPoint);
    expect(v).toMatchObject({ screening: true });
    expect(v!.note).toMatch(/初筛:防护目标仅有点位坐标/);
  });

  it('footprints on both sides: measured to the outlines, not flagged', () => {
    const [v] = findings(station(squareSouthOfOrigin()), school(30, { users: 800 }));
    expect(v).toMatchObject({ status: 'violation', screening: false, measuredBetween: 'Polygon–Polygon' });
    expect(v!.distanceM).toBeCloseTo(30, 3);
    expect(v!.note).not.toMatch(/初筛/);
  });
});
