import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_PROFILE, lecLevel, majorHazardLevel, majorHazardR, parseMethodProfile, scoreSite } from '../../../src/engine';
import { createSite } from '../../helpers/sites';

const lec = DEFAULT_PROFILE.lec;
const mh = DEFAULT_PROFILE.majorHazard;

describe('LEC D = L × E × C (bands: D > 320 red, 160 < D ≤ 320 orange, 70 < D ≤ 160 yellow, D ≤ 70 blue)', () => {
  it.each([
    [20, 'blue'], [70, 'blue'], [70.5, 'yellow'], [160, 'yellow'], [160.5, 'orange'], [320, 'orange'], [320.5, 'red'],
  ])('D = %d → %s', (d, level) => {
    expect(lecLevel(lec, d, 1, 1)!.level).toBe(level);
  });

  it.each([
    [6, 6, 7, 252, 'orange'], [3, 6, 40, 720, 'red'], [1, 6, 15, 90, 'yellow'], [0.1, 3, 1, 0.3, 'blue'],
  ])('table factors %d × %d × %d = %d → %s, with the rule in the reason', (l, e, c, d, level) => {
    const r = lecLevel(lec, l, e, c)!;
    expect(r).toMatchObject({ score: d, level });
    expect(r.reason).toMatch(/D >|D ≤|< D ≤/);
  });

  it('is unscored without all three factors', () => {
    expect(lecLevel(lec, 6, 6, undefined)).toBeNull();
  });
});

describe('重大危险源 grade (一级 R ≥ 100, 二级 50 ≤ R < 100, 三级 10 ≤ R < 50, 四级 R < 10)', () => {
  it.each([
    [100, 1, 'red'], [99.99, 2, 'orange'], [50, 2, 'orange'], [49.99, 3, 'yellow'], [10, 3, 'yellow'], [9.99, 4, 'blue'], [0, 4, 'blue'],
  ])('R = %d → grade %d → %s', (r, grade, level) => {
    expect(majorHazardLevel(mh, { r })).toMatchObject({ grade, level });
  });

  it('computes R = α·Σβq/Q: α 2, chlorine 20 t of Q 5 t (β 4) and LPG 100 t of Q 50 t (β 1.5) → 2 × (16 + 3) = 38 → 三级', () => {
    const items = [{ q: 20, Q: 5, beta: 4 }, { q: 100, Q: 50, beta: 1.5 }];
    expect(majorHazardR(2, items)).toBe(38);
    expect(majorHazardLevel(mh, { alpha: 2, items })).toMatchObject({ grade: 3, r: 38, level: 'yellow' });
  });

  it('maps a given grade to its level', () => {
    expect(majorHazardLevel(mh, { grade: 1 })!.level).toBe('red');
  });
});

describe('scoreSite: the highest level of every method a site has data for (就高)', () => {
  it('takes the 重大危险源 grade over a lower matrix score, and says why', () => {
    const site = createSite({ id: 's', category: 'hazchem_storage', likelihood: 2, severity: 3, majorHazardGrade: 1 });
    const r = scoreSite(DEFAULT_PROFILE, site)!;
    expect(r).toMatchObject({ level: 'red', method: 'major_hazard' });
    expect(r.reason).toMatch(/就高.*L=2 × S=3.*一级/);
  });

  it('leaves a site with no scoring data unscored', () => {
    expect(scoreSite(DEFAULT_PROFILE, createSite({ id: 's', category: 'school' }))).toBeNull();
  });
});

describe('parseMethodProfile', () => {
  const broken = (patch: (p: Record<string, any>) => void) => {
    const copy = structuredClone(DEFAULT_PROFILE) as Record<string, any>;
    patch(copy);
    return copy;
  };

  it('accepts the shipped profile', () => {
    expect(parseMethodProfile(structuredClone(DEFAULT_PROFILE)).id).toBe('default-2026');
  });

  it.each([
    ['matrix.cells.0.0', (p: Record<string, any>) => (p.matrix.cells[0][0] = 'purple')],
    ['lec.bands', (p: Record<string, any>) => (p.lec.bands[0].above = 10)],
    ['majorHazard.gradeFromR', (p: Record<string, any>) => (p.majorHazard.gradeFromR[1].atLeast = 500)],
    ['aggregation.mode', (p: Record<string, any>) => (p.aggregation.mode = 'average')],
    ['aggregation.relative.quantiles', (p: Record<string, any>) => (p.aggregation.relative.quantiles[3].top = 0.9)],
    ['schema', (p: Record<string, any>) => (p.schema = 'method-profile/9')],
  ])('names the field at fault: %s', (path, patch) => {
    expect(() => parseMethodProfile(broken(patch))).toThrow(ConfigError);
    expect(() => parseMethodProfile(broken(patch))).toThrow(new RegExp(`method profile ${path.replace(/\./g, '\\.')}`));
  });
});
