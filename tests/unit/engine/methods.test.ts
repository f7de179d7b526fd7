import { describe, expect, it } from 'vitest';
import {
  assess,
  ConfigError,
  correctionAlpha,
  DEFAULT_PROFILE,
  defaultConfig,
  lecLevel,
  majorHazardLevel,
  majorHazardR,
  parseMethodProfile,
  scoreSite,
  thresholdRatioSum,
} from '../../../src/engine';
import { createSite } from '../../helpers/sites';

const lec = DEFAULT_PROFILE.lec;
const mh = DEFAULT_PROFILE.majorHazard;

describe('LEC D = L × E × C (bands: D > 320 red, 160 ≤ D ≤ 320 orange, 70 ≤ D < 160 yellow, D < 70 blue)', () => {
  // The published bands overlap at 70 and 160 ("70~160", "20~70"); the profile puts a D exactly on 70 or 160 in
  // the higher band (从严) and keeps 320 in 高度危险 (every text writes "> 320" for 极其危险).
  it.each([
    [20, 'blue'],
    [69.5, 'blue'],
    [70, 'yellow'],
    [159.5, 'yellow'],
    [160, 'orange'],
    [320, 'orange'],
    [320.5, 'red'],
  ])('D = %d → %s', (d, level) => {
    expect(lecLevel(lec, d, 1, 1)!.level).toBe(level);
  });

  it('D = 70 reached from the tables (L 1 完全意外 × E 10 连续暴露 × C 7 严重) is 显著危险 → 一般风险 (yellow), and the reason quotes the band', () => {
    const r = lecLevel(lec, 1, 10, 7)!;
    expect(r).toMatchObject({ score: 70, level: 'yellow' });
    expect(r.reason).toContain('70 ≤ D < 160');
    expect(r.reason).toContain('显著危险');
  });

  it('the profile states the boundary in words and per band', () => {
    expect(lec.boundary).toBe('per band');
    expect(lec.bands.map((b) => [b.above, b.inclusive])).toEqual([
      [320, false],
      [160, true],
      [70, true],
      [0, true],
    ]);
    expect(lec.boundaryNote).toMatch(/D = 320 属高度危险.*D = 160 属高度危险.*D = 70 属显著危险/);
  });

  it('a profile saved with the older rule "D > above" keeps its meaning: D = 70 stays blue, 160 yellow', () => {
    const old = {
      ...lec,
      boundary: 'D > above' as const,
      bands: lec.bands.map(({ level, above }) => ({ level, above })),
    };
    expect(lecLevel(old, 70, 1, 1)!.level).toBe('blue');
    expect(lecLevel(old, 160, 1, 1)!.level).toBe('yellow');
    expect(lecLevel(old, 160, 1, 1)!.reason).toContain('70 < D ≤ 160');
  });

  it.each([
    [6, 6, 7, 252, 'orange', '160 ≤ D ≤ 320'],
    [3, 6, 40, 720, 'red', 'D > 320'],
    [1, 6, 15, 90, 'yellow', '70 ≤ D < 160'],
    [0.1, 3, 1, 0.3, 'blue', 'D < 70'],
  ])('table factors %d × %d × %d = %d → %s (%s)', (l, e, c, d, level, rule) => {
    const r = lecLevel(lec, l, e, c)!;
    expect(r).toMatchObject({ score: d, level });
    expect(r.reason).toContain(`(${rule},`);
  });

  it('is unscored without all three factors', () => {
    expect(lecLevel(lec, 6, 6, undefined)).toBeNull();
  });
});

describe('重大危险源 grade (一级 R ≥ 100, 二级 50 ≤ R < 100, 三级 10 ≤ R < 50, 四级 R < 10)', () => {
  it.each([
    [100, 1, 'red'],
    [99.99, 2, 'orange'],
    [50, 2, 'orange'],
    [49.99, 3, 'yellow'],
    [10, 3, 'yellow'],
    [9.99, 4, 'blue'],
    [0, 4, 'blue'],
  ])('R = %d → grade %d → %s', (r, grade, level) => {
    expect(majorHazardLevel(mh, { r })).toMatchObject({ grade, level });
  });

  it('computes R = α·Σβq/Q: α 2, chlorine 20 t of Q 5 t (β 4) and LPG 100 t of Q 50 t (β 1.5) → 2 × (16 + 3) = 38 → 三级', () => {
    const items = [
      { q: 20, Q: 5, beta: 4 },
      { q: 100, Q: 50, beta: 1.5 },
    ];
    expect(majorHazardR(2, items)).toBe(38);
    expect(majorHazardLevel(mh, { alpha: 2, items })).toMatchObject({ grade: 3, r: 38, level: 'yellow' });
  });

  it('maps a given grade to its level', () => {
    expect(majorHazardLevel(mh, { grade: 1 })!.level).toBe('red');
  });
});

describe('重大危险源 α (原安监总局令第40号 附件1 表3) and identification (GB 18218: Σq/Q ≥ 1)', () => {
  // liquid ammonia 30 t against its threshold 10 t, β 2 (毒性气体 氨): Σq/Q = 3, Σβq/Q = 6
  const ammonia = [{ q: 30, Q: 10, beta: 2 }];

  it('without α or a people count takes the strict α = 2.0: R = 2 × 6 = 12 → 三级, and says so', () => {
    const r = majorHazardLevel(mh, { items: ammonia })!;
    expect(r).toMatchObject({ grade: 3, level: 'yellow' });
    expect(r.r).toBeCloseTo(12, 9);
    expect(r.reason).toMatch(/α=2 \(未提供α及500米内常住人口,按从严/);
  });

  it('40 residents within 500 m → α 1.2: R = 1.2 × 6 = 7.2 → 四级', () => {
    const r = majorHazardLevel(mh, { items: ammonia, people500m: 40 })!;
    expect(r).toMatchObject({ grade: 4, level: 'blue' });
    expect(r.r).toBeCloseTo(7.2, 9);
    expect(r.reason).toMatch(/α=1\.2 \(500米内常住人口 40 人/);
  });

  it.each([
    [1000, 2],
    [100, 2],
    [99, 1.5],
    [50, 1.5],
    [49, 1.2],
    [30, 1.2],
    [29, 1],
    [1, 1],
    [0, 0.5],
  ])('%i residents within 500 m → α %d', (people, alpha) => {
    expect(correctionAlpha(mh, undefined, people).alpha).toBe(alpha);
  });

  it('an α the site gives is used as given, before any people count', () => {
    const r = majorHazardLevel(mh, { items: ammonia, alpha: 1.5, people500m: 0 })!;
    expect(r.r).toBeCloseTo(9, 9);
    expect(r.reason).toMatch(/α=1\.5 \(单位提供\)/);
  });

  it('Σq/Q = 0.8 (4 t of a substance whose threshold is 5 t) is not a 重大危险源: no grade, and the reason says why', () => {
    expect(thresholdRatioSum([{ q: 4, Q: 5 }])).toBeCloseTo(0.8, 12);
    const r = majorHazardLevel(mh, { items: [{ q: 4, Q: 5, beta: 4 }] })!;
    expect(r).toMatchObject({ grade: null, level: null, r: null });
    expect(r.reason).toMatch(/Σq\/Q=0\.8 < 1,不构成重大危险源/);
  });

  it('Σq/Q = 1 exactly is a 重大危险源 (two substances 0.5 + 0.5): graded', () => {
    const r = majorHazardLevel(mh, {
      items: [
        { q: 5, Q: 10, beta: 1 },
        { q: 25, Q: 50, beta: 1 },
      ],
    })!;
    expect(r.grade).toBe(4); // R = 2 × 1 = 2
    expect(r.r).toBeCloseTo(2, 12);
  });

  it('a site with Σq/Q < 1 and nothing else is unscored, with the reason, never 四级', () => {
    const site = createSite({ id: 's', category: 'hazchem_storage', majorHazardItems: [{ q: 4, Q: 5, beta: 1 }] });
    expect(scoreSite(DEFAULT_PROFILE, site)).toMatchObject({
      level: null,
      score: null,
      method: null,
      reason: expect.stringMatching(/不构成重大危险源/),
    });
    const a = assess({ sites: [site], zones: [] }, defaultConfig());
    expect(a.sites[0]).toMatchObject({ level: null, scoreMethod: null });
    expect(a.sites[0]!.levelReason).toMatch(/未评分.*不构成重大危险源/);
  });

  it('beside a matrix score, the matrix sets the level and the reason still says it is no 重大危险源', () => {
    const site = createSite({
      id: 's',
      category: 'hazchem_storage',
      likelihood: 3,
      severity: 4,
      majorHazardItems: [{ q: 4, Q: 5, beta: 1 }],
    });
    const r = scoreSite(DEFAULT_PROFILE, site)!;
    expect(r).toMatchObject({ level: 'orange', method: 'matrix' }); // 3 × 4 = 12 → 较大 in scheme A
    expect(r.reason).toMatch(/L=3 × S=4.*不构成重大危险源/);
  });

  it('a profile saved before α was part of it reads with the shipped table', () => {
    const copy = structuredClone(DEFAULT_PROFILE) as Record<string, any>;
    delete copy.majorHazard.alpha;
    delete copy.majorHazard.identification;
    const p = parseMethodProfile(copy);
    expect(p.majorHazard.alpha.default).toBe(2);
    expect(p.majorHazard.identification.threshold).toBe(1);
  });
});

describe('scoreSite: the highest level of every method a site has data for (就高)', () => {
  it('takes the 重大危险源 grade over a lower matrix score, and says why', () => {
    const site = createSite({ id: 's', category: 'hazchem_storage', likelihood: 2, severity: 3, majorHazardGrade: 1 });
    const r = scoreSite(DEFAULT_PROFILE, site)!;
    expect(r).toMatchObject({ level: 'red', method: 'major_hazard' });
    expect(r.reason).toMatch(/就高取重大危险源分级.*L=2 × S=3.*一级/);
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
    ['majorHazard.alpha.byPeople', (p: Record<string, any>) => (p.majorHazard.alpha.byPeople[4].atLeast = 5)],
    ['lec.bands', (p: Record<string, any>) => delete p.lec.bands[1].inclusive],
    ['aggregation.mode', (p: Record<string, any>) => (p.aggregation.mode = 'average')],
    ['aggregation.relative.quantiles', (p: Record<string, any>) => (p.aggregation.relative.quantiles[3].top = 0.9)],
    ['schema', (p: Record<string, any>) => (p.schema = 'method-profile/9')],
  ])('names the field at fault: %s', (path, patch) => {
    expect(() => parseMethodProfile(broken(patch))).toThrow(ConfigError);
    expect(() => parseMethodProfile(broken(patch))).toThrow(new RegExp(`method profile ${path.replace(/\./g, '\\.')}`));
  });
});
