import { describe, expect, it } from 'vitest';
import { areaKm2, assess, DEFAULT_PROFILE, type MethodProfile } from '../../../src/engine';
import { createConfig, createSite, createSquareZone } from '../../helpers/sites';

// Independent area of a 0.01° square at 32.045°N: (Δλ·N·cosφ)·(Δφ·M) with the WGS-84 radii at the mid-latitude.
function squareAreaKm2(midLat: number, sizeDeg: number): number {
  const a = 6378137;
  const e2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);
  const phi = (midLat * Math.PI) / 180;
  const w = Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
  const n = a / w;
  const m = (a * (1 - e2)) / w ** 3;
  const rad = (sizeDeg * Math.PI) / 180;
  return (rad * n * Math.cos(phi) * rad * m) / 1e6;
}

const W = createSquareZone('W', 118.78, 32.04, 0.01);
const E = createSquareZone('E', 118.79, 32.04, 0.01);
const withMode = (mode: MethodProfile['aggregation']['mode'], patch: Partial<MethodProfile['aggregation']> = {}) =>
  createConfig({ method: { ...DEFAULT_PROFILE, aggregation: { ...DEFAULT_PROFILE.aggregation, ...patch, mode } } });
const sites = [
  createSite({ id: 'r1', category: 'construction', at: [118.782, 32.042], likelihood: 5, severity: 5 }),
  createSite({ id: 'r2', category: 'construction', at: [118.784, 32.044], likelihood: 5, severity: 4 }),
  createSite({ id: 'b1', category: 'traffic', at: [118.786, 32.046], likelihood: 1, severity: 1 }),
  createSite({ id: 'y1', category: 'traffic', at: [118.795, 32.045], likelihood: 2, severity: 2 }),
];

describe('zone area', () => {
  it('matches the area from the ellipsoid radii to 0.01 %', () => {
    expect(areaKm2(W.geometry) / squareAreaKm2(32.045, 0.01)).toBeCloseTo(1, 4);
  });
});

describe('index mode: I = Σ w(level) per km², stated thresholds', () => {
  const zones = assess({ sites, zones: [W, E] }, withMode('index')).zones;
  const area = squareAreaKm2(32.045, 0.01);

  it('W: two red (w 8) and one blue (w 1) → I = 17/A ≥ 4 → red', () => {
    const w = zones.find((z) => z.id === 'W')!;
    expect(w.score).toBeCloseTo(17 / area, 3);
    expect(w).toMatchObject({ level: 'red', mode: 'index' });
    expect(w.contributors.map((c) => c.siteId)).toEqual(['r1', 'r2', 'b1']);
    expect(w.reason).toContain('城市设定');
  });

  it('E: one yellow (w 2) → I = 2/A ≈ 1.9 → yellow (0.5 ≤ I < 2)', () => {
    expect(zones.find((z) => z.id === 'E')).toMatchObject({ level: 'yellow' });
  });

  it('per population: a zone without residents figures is not levelled, and says why', () => {
    const z = assess(
      { sites, zones: [W] },
      withMode('index', { index: { ...DEFAULT_PROFILE.aggregation.index, normaliser: 'population' } }),
    ).zones[0]!;
    expect(z.level).toBeNull();
    expect(z.reason).toContain('人口');
    const populated = assess(
      { sites, zones: [{ ...W, population: 50_000 }] },
      withMode('index', { index: { ...DEFAULT_PROFILE.aggregation.index, normaliser: 'population' } }),
    ).zones[0]!;
    expect(populated.score).toBeCloseTo(17 / 5, 6);
  });
});

describe('relative mode: density ranked into quantile classes', () => {
  it('ranks the denser zone first; the legend text calls the colours relative', () => {
    const zones = assess({ sites, zones: [W, E] }, withMode('relative')).zones;
    const w = zones.find((z) => z.id === 'W')!;
    const e = zones.find((z) => z.id === 'E')!;
    expect(w).toMatchObject({ level: 'red', mode: 'relative' });
    expect(w.score).toBeCloseTo(3 / squareAreaKm2(32.045, 0.01), 3);
    // half of the zones are denser than E: beyond the top 30 %, within the top 60 % → yellow
    expect(e.level).toBe('yellow');
    expect(e.reason).toContain('相对排名');
  });

  it('an empty zone is 未评级, not a rank and not 低', () => {
    const n = createSquareZone('N', 118.78, 32.06, 0.01);
    const zone = assess({ sites, zones: [W, E, n] }, withMode('relative')).zones.find((z) => z.id === 'N')!;
    expect(zone.level).toBeNull();
    expect(zone.reason).toContain('未评级');
    expect(assess({ sites, zones: [W, E, n] }, withMode('index')).zones.find((z) => z.id === 'N')!.level).toBeNull();
  });
});
