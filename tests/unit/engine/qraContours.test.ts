// QRA individual-risk contours against the criteria (issue #20), on hand-built geometry with known answers: circular
// contours around one installation (64-gons whose vertices lie exactly on the circle, built with geographiclib's
// direct problem, not the engine's), targets placed at chosen distances along a vertex's bearing, and the verdict each
// must get from data/rules/qra-criteria.json read here independently.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { geodesicCircle, pointAt } from '../../helpers/geodesicCircle';
import geodesic from 'geographiclib-geodesic';
import type { Polygon } from 'geojson';
import { assess, checkProposal, defaultConfig, type RiskContour, type Site } from '../../../src/engine';

const criteria = JSON.parse(readFileSync('data/rules/qra-criteria.json', 'utf8'));
const G = geodesic.Geodesic.WGS84;
const C: [number, number] = [118.8, 32.0];
const at = (metres: number, azimuth = 0): [number, number] => pointAt(C, metres, azimuth);
const circle = (metres: number): Polygon => geodesicCircle(C, metres);
const point = (id: string, category: string, metres: number, extra: Partial<Site> = {}): Site =>
  ({ id, name: id, category, geometry: { type: 'Point', coordinates: at(metres) }, ...extra }) as Site;

const plant: Site = {
  id: 'P1',
  name: '储罐区',
  category: 'hazchem_storage',
  geometry: { type: 'Point', coordinates: C },
} as Site;
const contours = (status?: 'new' | 'existing'): RiskContour[] =>
  [
    [100, 1e-5],
    [200, 3e-6],
    [400, 1e-6],
    [600, 3e-7],
  ].map(([m, risk]) => ({
    installationId: 'P1',
    riskPerYear: risk!,
    geometry: circle(m!),
    ...(status ? { installationStatus: status } : {}),
  }));

function findings(targets: Site[], cs: RiskContour[]) {
  const a = assess({ sites: [plant, ...targets], zones: [], contours: cs }, defaultConfig());
  return { a, qra: a.findings.filter((v) => v.ruleId.startsWith('qra-')) };
}
const limit = (cls: string, status: 'new' | 'existing') =>
  criteria.classes.find((c: { id: string }) => c.id === cls)[`${status}PerYear`];

describe('individual risk from QRA contours', () => {
  it('judges each target by the highest contour it lies in against its class and the installation status', () => {
    const tol = defaultConfig().borderlineToleranceM;
    const { qra } = findings(
      [
        point('S-300', 'school', 300), // inside 1e-6 (400 m) and 3e-7, outside 3e-6 (200 m): over 3e-7
        point('S-700', 'school', 700), // outside the 3e-7 contour: below the criterion, no finding
        point('S-edge', 'school', 600 + tol / 2), // just outside the criterion's own contour: borderline
        point('R-50-300', 'residential', 300, { users: 50 }), // 30–99 people: 3e-6; outside the 3e-6 contour
        point('R-50-150', 'residential', 150, { users: 50 }), // inside 3e-6, 50 m deep: over
        point('C-10-150', 'commercial', 150, { users: 10 }), // < 30 people: 1e-5; outside the 1e-5 contour
        point('W-50', 'water_source', 50), // not a class the criteria name: nothing
      ],
      contours('new'),
    );
    const by = Object.fromEntries(qra.map((v) => [v.targetId, v]));
    expect(Object.keys(by).sort()).toEqual(['R-50-150', 'S-300', 'S-edge']);
    expect(by['S-300']).toMatchObject({
      status: 'violation',
      ruleId: 'qra-ir-special-new',
      requiredM: null,
      risk: {
        perYear: 1e-6,
        criterionPerYear: limit('special', 'new'),
        installationStatus: 'new',
        installationStatusAssumed: false,
      },
    });
    expect(by['S-edge']).toMatchObject({ status: 'borderline', risk: { perYear: null, criterionPerYear: 3e-7 } });
    expect(by['S-edge']!.distanceM).toBeCloseTo(tol / 2, 2);
    expect(by['R-50-150']).toMatchObject({
      status: 'violation',
      ruleId: 'qra-ir-high_density-new',
      risk: { perYear: 3e-6, criterionPerYear: limit('high_density', 'new') },
    });
  });

  it('says 临界 only just inside the criterion’s own contour, and 超标 deeper, for points and areas', () => {
    const tol = defaultConfig().borderlineToleranceM;
    // toward the middle of the contour's first edge (no contour vertex can fall inside a target there)
    const v0 = at(600, 0);
    const v1 = at(600, 360 / 64);
    const mid = G.Inverse(C[1], C[0], (v0[1] + v1[1]) / 2, (v0[0] + v1[0]) / 2);
    const [edgeM, az] = [mid.s12!, mid.azi1!];
    const square = (id: string, from: number, to: number): Site => {
      const [a, b] = [at(from, az - 0.05), at(to, az + 0.05)]; // about a metre wide across the bearing
      const ring = [
        [a[0], a[1]],
        [b[0], a[1]],
        [b[0], b[1]],
        [a[0], b[1]],
        [a[0], a[1]],
      ];
      return { id, name: id, category: 'school', geometry: { type: 'Polygon', coordinates: [ring] } } as Site;
    };
    const { qra } = findings(
      [
        point('S-in-shallow', 'school', 600 - tol / 2), // inside 3e-7 (600 m) by half the band
        point('S-in-deep', 'school', 600 - 5 * tol),
        square('A-shallow', edgeM - tol / 2, 650), // an area reaching half the band into the contour
        square('A-deep', edgeM - 5 * tol, 650),
      ],
      contours('new'),
    );
    expect(Object.fromEntries(qra.map((v) => [v.targetId, v.status]))).toEqual({
      'S-in-shallow': 'borderline',
      'S-in-deep': 'violation',
      'A-shallow': 'borderline',
      'A-deep': 'violation',
    });
  });

  it('holds a target near an existing installation to the existing criterion, and a missing status to the new one', () => {
    expect(findings([point('S-300', 'school', 300)], contours('existing')).qra).toEqual([]); // 3e-6 for existing: outside it
    const assumed = findings([point('S-300', 'school', 300)], contours()).qra;
    expect(assumed).toHaveLength(1);
    expect(assumed[0]!.risk).toMatchObject({ installationStatus: 'new', installationStatusAssumed: true });
    expect(assumed[0]!.note).toContain(criteria.unknownInstallationStatusNote);
  });

  it('says 未评估 where the contours do not reach down to the criterion, never 符合', () => {
    const stopsAbove = contours('new').filter((c) => c.riskPerYear >= 1e-6); // lowest contour 1e-6 at 400 m
    const { qra } = findings([point('S-450', 'school', 450), point('S-2000', 'school', 2000)], stopsAbove);
    expect(qra.map((v) => [v.targetId, v.status])).toEqual([['S-450', 'not_assessed']]); // 2 km is beyond the 500 m screening radius
    expect(qra[0]!.distanceM).toBeCloseTo(50, 0);
    // between two contours with no contour at the criterion itself: 1e-6 inside, 3e-7 missing → cannot say
    const gap = contours('new')
      .filter((c) => c.riskPerYear !== 3e-7)
      .concat([{ installationId: 'P1', riskPerYear: 1e-7, geometry: circle(800) }]);
    expect(findings([point('S-500', 'school', 500)], gap).qra.map((v) => v.status)).toEqual(['not_assessed']);
    expect(findings([point('S-900', 'school', 900)], gap).qra).toEqual([]); // outside 1e-7 < 3e-7: below the criterion
  });

  it('counts the findings with the others and binds every class rule once per installation', () => {
    const { a } = findings([point('S-300', 'school', 300), point('K-100', 'kindergarten', 50)], contours('new'));
    expect(a.stats.findingsByStatus.violation).toBeGreaterThanOrEqual(2);
    expect(a.stats.violationsByRule['qra-ir-special-new']?.violation).toBe(2);
    expect(a.stats.hazardsByRule['qra-ir-special-new']).toBe(1);
  });

  it('answers §19 for the targets the criteria name, keeps 未评估 for the others, and says 无检查对象 for absent classes', () => {
    // without contours the plant (no assessed distance of its own) leaves both the school and the water source 未评估
    const targets = [point('S-300', 'school', 300), point('W-300', 'water_source', 300)];
    const plain = assess({ sites: [plant, ...targets], zones: [] }, defaultConfig());
    expect(
      plain.findings
        .filter((v) => v.status === 'not_assessed')
        .map((v) => v.targetId)
        .sort(),
    ).toEqual(['S-300', 'W-300']);
    // with an existing installation's contours the school is judged by them (outside 3e-6: no finding at all)
    const { a, qra } = findings(targets, contours('existing'));
    expect(qra).toEqual([]);
    expect(a.findings.map((v) => [v.targetId, v.status])).toEqual([['W-300', 'not_assessed']]);
    expect(a.stats.targetsByRule['qra-ir-special-existing']).toBe(1);
    expect(a.stats.targetsByRule['qra-ir-high_density-existing']).toBe(0);
  });

  it('tests a proposed school against every contour (what-if), as the assessment would judge it', () => {
    const school = point('NEW-1', 'school', 300);
    const r = checkProposal(school, [plant], defaultConfig(), contours('new'));
    expect(r.verdict).toBe('violation');
    expect(r.findings.map((f) => [f.ruleId, f.status, f.risk?.perYear])).toEqual([
      ['qra-ir-special-new', 'violation', 1e-6],
    ]);
    // far outside the criterion's contour: compliant; and without contours §19 leaves it 未评估
    expect(checkProposal(point('NEW-2', 'school', 800), [plant], defaultConfig(), contours('new')).verdict).toBe(
      'compliant',
    );
    expect(checkProposal(point('NEW-2', 'school', 300), [plant], defaultConfig()).verdict).toBe('not_assessed');
  });
});

describe('the installation status from the site file', () => {
  it('holds a school near an installation the site file calls 在役 to the existing criterion, unless the contours say otherwise', () => {
    const existingPlant = { ...plant, installationStatus: 'existing' as const };
    const school = point('S-300', 'school', 300); // inside 1e-6, outside 3e-6: over 3e-7 (new), under 3e-6 (existing)
    expect(
      assess({ sites: [existingPlant, school], zones: [], contours: contours() }, defaultConfig()).findings.filter(
        (v) => v.risk,
      ),
    ).toEqual([]);
    const stated = assess(
      { sites: [existingPlant, school], zones: [], contours: contours('new') },
      defaultConfig(),
    ).findings.filter((v) => v.risk);
    expect(stated.map((v) => [v.status, v.risk!.installationStatus, v.risk!.installationStatusAssumed])).toEqual([
      ['violation', 'new', false],
    ]);
  });
});
