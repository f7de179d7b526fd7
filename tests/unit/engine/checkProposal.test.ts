import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { checkProposal, type Site } from '../../../src/engine';
import { createConfig, createSite } from '../../helpers/sites';
import { latitudeNorthOf } from '../../helpers/ellipsoid';

const LON = 118.78;
const LAT = 32.04;

function school(id: string, northM: number, users?: number): Site {
  const south = latitudeNorthOf(LAT, northM);
  const geometry: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [LON - 0.0005, south],
        [LON + 0.0005, south],
        [LON + 0.0005, south + 0.001],
        [LON - 0.0005, south + 0.001],
        [LON - 0.0005, south],
      ],
    ],
  };
  return { id, name: id, category: 'school', geometry, ...(users !== undefined ? { users } : {}) };
}

describe('checkProposal (一票否决)', () => {
  const existingSchool = school('s1', 45, 900);

  it('rejects a proposed petrol station 45 m from a large school (50 m, no vapour recovery): 不符合 with rule and shortfall', () => {
    const proposal = createSite({
      id: 'new',
      category: 'fuel_station',
      at: [LON, LAT],
      stationGrade: 2,
      vapourRecovery: 'none',
    });
    const r = checkProposal(proposal, [existingSchool], createConfig());
    expect(r.verdict).toBe('violation');
    expect(r.findings[0]).toMatchObject({
      hazardId: 'new',
      targetId: 's1',
      ruleId: 'gb50156-important-none',
      requiredM: 50,
    });
    expect(r.findings[0]!.shortfallM).toBeCloseTo(5, 2);
    // GB 50156 表4.0.4, 二级站 without vapour recovery: 快速路、主干路 8, 三类 12, 二类 16, 一类 20, 铁路 22,
    // 重要公共建筑物 and (note 3) main entrances 50; the city's water-source rule 500. One ring per rule: the map draws
    // rules at the same distance as one circle
    expect(r.ringsM.map((x) => x.requiredM)).toEqual([8, 12, 16, 20, 22, 50, 50, 500]);
    expect(r.ringsM.filter((x) => x.requiredM === 50).map((x) => x.ruleId)).toEqual([
      'gb50156-important-none',
      'gb50156-main-entrance-50',
    ]);
  });

  it('accepts the same station with full vapour recovery (35 m): 符合', () => {
    const proposal = createSite({
      id: 'new',
      category: 'fuel_station',
      at: [LON, LAT],
      stationGrade: 2,
      vapourRecovery: 'full',
    });
    expect(checkProposal(proposal, [existingSchool], createConfig())).toMatchObject({
      verdict: 'compliant',
      findings: [],
    });
  });

  it('checks a proposed school against existing hazards, within the borderline band → 临界', () => {
    const station = createSite({
      id: 'fs',
      category: 'fuel_station',
      at: [LON, LAT],
      stationGrade: 2,
      vapourRecovery: 'full',
    });
    const r = checkProposal(school('new-school', 34.6, 900), [station], createConfig());
    expect(r.verdict).toBe('borderline');
    expect(r.findings[0]).toMatchObject({ hazardId: 'fs', targetId: 'new-school', status: 'borderline' });
    expect(r.ringsM).toEqual([]);
  });

  it('a proposed chemical store without an assessed distance is 未评估 near protected places, never a pass', () => {
    const store = createSite({ id: 'new', category: 'hazchem_storage', at: [LON, latitudeNorthOf(LAT, -300)] });
    expect(checkProposal(store, [existingSchool], createConfig()).verdict).toBe('not_assessed');
    const assessed = { ...store, protectionDistanceM: 200 };
    // its own 200 m and GB 50016's 50 m are both drawn: the larger governs
    expect(checkProposal(assessed, [existingSchool], createConfig())).toMatchObject({
      verdict: 'compliant',
      ringsM: [{ requiredM: 50 }, { requiredM: 200 }],
    });
  });

  it('a proposal far from everything is 符合', () => {
    const far = createSite({ id: 'new', category: 'fireworks_retail', at: [LON + 0.05, LAT] });
    expect(checkProposal(far, [existingSchool], createConfig()).verdict).toBe('compliant');
  });
});
