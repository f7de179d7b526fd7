import { describe, expect, it } from 'vitest';
import { checkProposal, type Site } from '../../../src/engine';
import { createConfig, createSite } from '../../helpers/sites';
import { latitudeNorthOf } from '../../helpers/ellipsoid';

const LON = 118.78;
const LAT = 32.04;
const north = (m: number): [number, number] => [LON, latitudeNorthOf(LAT, m)];

// GB 50156-2012 表4.0.4, 汽油设备 to 重要公共建筑物: 50 m without vapour recovery, 35 m with full recovery;
// to 一类保护物 from a 三级站 without recovery: 16 m. A kindergarten of 300 children is 重要公共建筑物 (附录B: > 200).
describe('what-if rings the other way: a proposed protected place near existing hazards', () => {
  const kindergarten = (users?: number): Site =>
    createSite({ id: 'new-kg', category: 'kindergarten', at: [LON, LAT], ...(users !== undefined ? { users } : {}) });

  it('draws each nearby station’s own required distance from the kindergarten, nearest to failing first', () => {
    const full = createSite({
      id: 'fs-full',
      category: 'fuel_station',
      at: north(60),
      stationGrade: 2,
      vapourRecovery: 'full',
    });
    const none = createSite({
      id: 'fs-none',
      category: 'fuel_station',
      at: north(-70),
      stationGrade: 2,
      vapourRecovery: 'none',
    });
    const r = checkProposal(kindergarten(300), [full, none], createConfig());
    expect(r.verdict).toBe('compliant');
    expect(r.ringsM).toEqual([]); // a kindergarten asks no distance of anything
    expect(r.hazardRings.map(({ hazardId, ruleId, requiredM }) => ({ hazardId, ruleId, requiredM }))).toEqual([
      { hazardId: 'fs-none', ruleId: 'gb50156-important-none', requiredM: 50 }, // 20 m to spare
      { hazardId: 'fs-full', ruleId: 'gb50156-important-full', requiredM: 35 }, // 25 m to spare
    ]);
    expect(r.hazardRings[0]!.source).toMatch(/GB 50156.*4\.0\.4/);
  });

  it('leaves out hazards far beyond their distance, and places no hazard binds', () => {
    const far = createSite({ id: 'fs-far', category: 'fuel_station', at: north(400), vapourRecovery: 'full' }); // 35 m asked, 400 m away
    const noRule = createSite({ id: 'risk', category: 'fireworks_retail', at: north(20) }); // 100 m asked of kindergartens: in
    const r = checkProposal(kindergarten(300), [far, noRule], createConfig());
    expect(r.hazardRings.map((x) => [x.hazardId, x.requiredM])).toEqual([['risk', 100]]);
  });

  it('a small kindergarten is a 一类保护物: the 三级站’s 16 m, not the 50 m of 重要公共建筑物', () => {
    const station = createSite({
      id: 'fs3',
      category: 'fuel_station',
      at: north(25),
      stationGrade: 3,
      vapourRecovery: 'none',
    });
    const r = checkProposal(kindergarten(120), [station], createConfig());
    expect(r.hazardRings.map((x) => [x.ruleId, x.requiredM])).toEqual([['gb50156-class1-g3-none', 16]]);
  });

  it('a proposed hazard gets one ring per rule around itself, each with its source', () => {
    const r = checkProposal(
      createSite({ id: 'new', category: 'fuel_station', at: [LON, LAT], stationGrade: 2, vapourRecovery: 'none' }),
      [],
      createConfig(),
    );
    // GB 50156 表4.0.4, 二级站 without vapour recovery: 快速路、主干路 8, 三类 12, 二类 16, 一类 20, 铁路 22, 重要公共建筑物 and
    // (note 3) main entrances 50; the city's water-source rule 500
    expect(r.ringsM.map((x) => [x.ruleId, x.requiredM])).toEqual([
      ['gb50156-trunk-road-g2-none', 8],
      ['gb50156-class3-g2-none', 12],
      ['gb50156-class2-g2-none', 16],
      ['gb50156-class1-g2-none', 20],
      [expect.stringMatching(/^gb50156-railway/), 22],
      ['gb50156-important-none', 50],
      ['gb50156-main-entrance-50', 50],
      ['city-fuel-water-source-500', 500],
    ]);
    expect(r.ringsM.every((x) => x.source.length > 0)).toBe(true);
  });
});
