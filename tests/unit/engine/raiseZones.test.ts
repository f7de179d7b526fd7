// The city's optional zone raise (method profile reachRaise): a hand-built assessment with a known answer, so the rule
// is checked apart from the reach computation that feeds it.
import { describe, expect, it } from 'vitest';
import {
  raiseZonesOutOfReach,
  type AssessedZone,
  type Assessment,
  type CoverRow,
  type Level,
  type ZoneContributor,
} from '../../../src/engine';
import { emptyCounts } from '../../../src/engine/risk/levels';

const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [118.78, 32.04],
      [118.79, 32.04],
      [118.79, 32.05],
      [118.78, 32.04],
    ],
  ],
};

const inside = (siteId: string, level: Level): ZoneContributor => ({
  siteId,
  level,
  score: 20,
  how: 'inside',
  distanceM: 0,
});
const footprint = (siteId: string, level: Level): ZoneContributor => ({
  siteId,
  level,
  score: 20,
  how: 'footprint',
  distanceM: 30,
});

function zone(id: string, level: Level | null, contributors: ZoneContributor[]): AssessedZone {
  return { id, name: id, geometry: square, level, score: 0, mode: 'max', contributors, reason: `原因${id}` };
}

function assessmentOf(zones: AssessedZone[]): Assessment {
  const zonesByLevel = emptyCounts();
  for (const z of zones) zonesByLevel[z.level ?? 'unscored']++;
  return {
    methodId: 'm',
    matrixId: 'x',
    aggregationMode: 'max',
    grid: null,
    rulesId: 'r',
    sites: [],
    zones,
    findings: [],
    stats: {
      sitesByLevel: emptyCounts(),
      zonesByLevel,
      sitesByDistrict: {},
      sitesByDomain: {},
      violationsByRule: {},
      findingsByStatus: { violation: 0, borderline: 0, not_assessed: 0 },
      reachSites: { fire_station: 0, rescue_team: 0, shelter: 0 },
      hazardsChecked: 0,
      targetsChecked: 0,
      pairsExamined: 0,
      hazardsByRule: {},
      targetsByRule: {},
    },
  } as Assessment;
}

function cover(siteId: string, level: Level, highRiskUncovered: boolean): CoverRow {
  return {
    siteId,
    name: siteId,
    category: 'construction',
    role: 'risk',
    level,
    nearestResourceId: null,
    minutes: null,
    circle: '135',
    targetMinutes: 5,
    status: highRiskUncovered ? 'uncovered' : 'covered',
    mode: 'screening',
    highRiskUncovered,
    note: '',
  };
}

describe('raiseZonesOutOfReach (the city’s own rule, off by default)', () => {
  // uncovered high-risk sites: u1 (orange), u2 (red); c1 is red but covered
  const rows = [cover('u1', 'orange', true), cover('u2', 'red', true), cover('c1', 'red', false)];
  const before = assessmentOf([
    zone('blueOut', 'blue', [inside('u1', 'orange')]),
    zone('orangeOut', 'orange', [inside('u2', 'red')]),
    zone('redOut', 'red', [inside('u2', 'red')]),
    zone('unscored', null, [inside('u1', 'orange')]),
    zone('footprintOnly', 'yellow', [footprint('u2', 'red')]),
    zone('covered', 'yellow', [inside('c1', 'red')]),
  ]);
  const after = raiseZonesOutOfReach(before, rows);
  const byId = (id: string) => after.zones.find((z) => z.id === id)!;

  it('raises a zone one level when a red/orange site inside it is out of reach: blue → yellow, orange → red', () => {
    expect(byId('blueOut').level).toBe('yellow');
    expect(byId('orangeOut').level).toBe('red');
  });

  it('keeps red red, 未评级 unrated, and a zone reached only by a footprint or holding covered sites as it was', () => {
    expect(byId('redOut').level).toBe('red');
    expect(byId('unscored').level).toBeNull();
    expect(byId('footprintOnly').level).toBe('yellow');
    expect(byId('covered').level).toBe('yellow');
    expect(byId('unscored')).toBe(before.zones[3]);
    expect(byId('footprintOnly')).toBe(before.zones[4]);
  });

  it('says why in the zone’s reason, naming the sites and that it is the city’s rule, not a standard', () => {
    expect(byId('blueOut').reason).toBe(
      '原因blueOut;救援可达(城市自定规则,非标准):区内重大/较大风险点 u1 位于救援圈外,由低(蓝)上调一级为一般(黄)',
    );
    expect(byId('redOut').reason).toContain('已为最高等级,不再上调');
    expect(byId('covered').reason).toBe('原因covered');
  });

  it('counts zones by level again, and changes nothing when every high-risk site is reached', () => {
    expect(after.stats.zonesByLevel).toEqual({ red: 2, orange: 0, yellow: 3, blue: 0, unscored: 1 });
    expect(before.stats.zonesByLevel).toEqual({ red: 1, orange: 1, yellow: 2, blue: 1, unscored: 1 });
    expect(raiseZonesOutOfReach(before, [cover('u1', 'orange', false)])).toBe(before);
  });
});
