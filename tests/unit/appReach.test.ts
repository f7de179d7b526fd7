// Rescue within reach through the app's own path: actions → engine client (in-process here) → engine host, which
// assesses reach with the sites and notes it on the assessment. The minutes are checked against a hand computation
// from data/rules/reach-profile.json (turf's spherical distance, an independent formula), not against the engine.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { distance } from '@turf/distance';
import { createAppStore } from '../../src/state/store';
import { createEngineClient } from '../../src/worker/engineClient';
import { assessedReach } from '../../src/state/assessedReach';
import { LEVELS } from '../../src/engine';
import { setProfile } from '../../src/state/slices/method';
import { loadDemo } from '../../src/state/slices/project';

const demoFile = (name: string) => new Uint8Array(readFileSync(`data/demo/${name}`));
const profileFile = JSON.parse(readFileSync('data/rules/reach-profile.json', 'utf8'));
const rescueRows = readFileSync('data/demo/nanjing-rescue.fictitious.csv', 'utf8')
  .replace(/^\uFEFF/, '')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(','));

async function demoWithRescue() {
  const store = createAppStore();
  const services = { store, engine: createEngineClient() };
  await loadDemo(
    services,
    {
      zones: { file: 'nanjing-districts.wgs84.geojson', bytes: demoFile('nanjing-districts.wgs84.geojson') },
      sites: [
        { file: 'nanjing-sites.fictitious.csv', bytes: demoFile('nanjing-sites.fictitious.csv'), crs: 'wgs84' },
        { file: 'nanjing-rescue.fictitious.csv', bytes: demoFile('nanjing-rescue.fictitious.csv'), crs: 'wgs84' },
      ],
    },
    { id: 'reach-1', name: 'demo', city: '', assessmentDate: '', dataCredit: '', notes: '' },
  );
  return { store, services };
}

describe('rescue within reach in the app', { timeout: 60_000 }, () => {
  it('comes with the assessment: screening without roads, a cover row per scored site, minutes as computed by hand', async () => {
    const { store } = await demoWithRescue();
    const a = store.getState().assessment!;
    const reach = assessedReach.of(a)!;
    expect(reach).not.toBeNull();
    expect(reach.result.mode).toBe('screening');
    expect(reach.bands.summary.length).toBeGreaterThan(0);
    expect(reach.bands.shapes?.features.length).toBe(reach.bands.summary.length); // in-process: the shapes themselves
    // rescue sites are not risk points: not in the counts by level, counted apart
    const rescue = a.sites.filter((s) => ['fire_station', 'rescue_team', 'shelter'].includes(s.category));
    expect(rescue.length).toBe(rescueRows.length);
    const levelled = LEVELS.reduce((n, l) => n + a.stats.sitesByLevel[l], 0) + a.stats.sitesByLevel.unscored;
    expect(levelled).toBe(a.sites.length - rescue.length);
    expect(a.stats.reachSites.fire_station + a.stats.reachSites.rescue_team + a.stats.reachSites.shelter).toBe(
      rescue.length,
    );

    // the arrival at a red site, by hand: min over stations and teams of (alarm + turn-out) + distance × detour / speed
    const cover = reach.result.cover!;
    const row = cover.find((r) => r.level === 'red')!;
    const site = a.sites.find((s) => s.id === row.siteId)!;
    const { speedKmh, detourFactor } = profileFile.screening;
    let best = Infinity;
    for (const cols of rescueRows) {
      const category = cols[2]!;
      if (category === '应急避难场所' || category === '避难场所') continue;
      const kind = /救援队/.test(category) ? 'rescue_team' : 'fire_station';
      const delayMin = profileFile.resources[kind].alarmMinutes + profileFile.resources[kind].turnoutMinutes;
      const km = distance([site.lon, site.lat], [Number(cols[3]), Number(cols[4])], { units: 'kilometers' });
      best = Math.min(best, delayMin + ((km * detourFactor) / speedKmh) * 60);
    }
    // sphere against ellipsoid: well under 1 % of the travel part
    expect(Math.abs(row.minutes! - best)).toBeLessThan(0.01 * best);
    expect(row.status).toBe(row.minutes! <= row.targetMinutes ? 'covered' : 'uncovered');
  });

  it("raises a zone one level for its uncovered red/orange sites only when the city's option is on", async () => {
    const { store, services } = await demoWithRescue();
    const before = store.getState().assessment!;
    const uncovered = new Set(
      assessedReach
        .of(before)!
        .result.cover!.filter((r) => r.highRiskUncovered)
        .map((r) => r.siteId),
    );
    const raisable = before.zones.filter(
      (z) =>
        z.level !== null &&
        z.level !== 'red' &&
        z.contributors.some((c) => c.how === 'inside' && uncovered.has(c.siteId)),
    );
    expect(raisable.length, 'the demo has a zone with an uncovered orange site below red').toBeGreaterThan(0);
    const profile = store.getState().profile;
    await setProfile(services, { ...profile, reachRaise: { ...profile.reachRaise, enabled: true } });
    const after = store.getState().assessment!;
    const up = { blue: 'yellow', yellow: 'orange', orange: 'red', red: 'red' } as const;
    for (const z of before.zones) {
      const z2 = after.zones.find((x) => x.id === z.id)!;
      const raised = raisable.some((r) => r.id === z.id);
      expect(z2.level).toBe(raised ? up[z.level!] : z.level);
      if (raised) expect(z2.reason).toContain('城市自定');
    }
  });
});
