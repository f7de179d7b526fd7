// Findings cross from the engine worker to the page as columns (worker/findingColumns.ts): read back, each is the
// finding sent, field for field and in the engine's field order, texts shared, null distances still null.
import { describe, expect, it } from 'vitest';
import { assess, type Site } from '../../src/engine';
import { packFindings, unpackFindings, unpackFindingViews } from '../../src/worker/findingColumns';
import { FindingView, plainFinding } from '../../src/state/findingView';
import { createStringPool } from '../../src/worker/stringPool';
import { createConfig, createSite } from '../helpers/sites';

describe('findings as columns', () => {
  // fuel stations (GB 50156 distances, screening notes), fireworks shops (site distances) and a storage depot with no
  // assessed distance (not assessed: no required distance) beside schools and homes, some homes areas
  const sites: Site[] = [];
  for (let i = 0; i < 400; i++) {
    const [x, y] = [118.7 + (i % 20) * 0.0004, 32.0 + Math.floor(i / 20) * 0.0004];
    const category =
      i % 97 === 5 ? 'hazchem_storage' : ['fuel_station', 'school', 'fireworks_retail', 'residential'][i % 4]!;
    const site = createSite({ id: `S${i}`, category, at: [x, y] });
    if (category === 'residential' && i % 8 === 3)
      site.geometry = {
        type: 'Polygon',
        coordinates: [
          [
            [x, y],
            [x + 0.0002, y],
            [x + 0.0002, y + 0.0002],
            [x, y + 0.0002],
            [x, y],
          ],
        ],
      };
    if (category === 'fireworks_retail' && i % 3 === 0) site.protectionDistanceM = 45;
    sites.push(site);
  }
  const { findings } = assess({ sites, zones: [] }, createConfig());

  it('reads back every finding as sent', () => {
    expect(new Set(findings.map((v) => v.status))).toEqual(new Set(['violation', 'not_assessed']));
    expect(findings.some((v) => v.requiredM === null) && findings.some((v) => v.otherRequirements.length > 0)).toBe(
      true,
    );
    const { columns, transfer } = packFindings(findings);
    const crossed = structuredClone(columns, { transfer }); // as postMessage delivers it
    const back = unpackFindings(crossed, createStringPool());
    expect(back).toEqual(findings);
    expect(JSON.stringify(back)).toBe(JSON.stringify(findings)); // the same field order too
  });

  it('are views on the page: every field read from the columns, none held as its own, plain copies equal', () => {
    const { columns, transfer } = packFindings(findings);
    const views = unpackFindingViews(structuredClone(columns, { transfer }), createStringPool());
    expect(views).toHaveLength(findings.length);
    views.forEach((v, i) => {
      expect(v).toBeInstanceOf(FindingView);
      expect(Object.keys(v)).toEqual([]);
      for (const [key, value] of Object.entries(findings[i]!))
        expect((v as unknown as Record<string, unknown>)[key], key).toEqual(value);
      expect(v.risk).toBeUndefined();
      expect(structuredClone(plainFinding(v))).toEqual(findings[i]);
    });
    expect(columns.status.codes).toBeInstanceOf(Int8Array); // a byte a finding for a few statuses
  });

  it('sends each distinct text once and shares it on the page', () => {
    const { columns } = packFindings(findings);
    expect(columns.source.dict.length).toBeLessThan(10);
    const back = unpackFindings(structuredClone(columns), createStringPool());
    const sameRule = back.filter((v) => v.ruleId === back[0]!.ruleId && v.status === back[0]!.status);
    expect(sameRule.length).toBeGreaterThan(1);
    expect(
      sameRule.every((v) => v.source === sameRule[0]!.source && v.otherRequirements === sameRule[0]!.otherRequirements),
    ).toBe(true);
  });
});

describe('QRA findings as columns', () => {
  it('carries each finding’s individual-risk facts, and none where there are none', () => {
    // a square contour (1e-6/yr) round a storage depot, a school inside it, a fuel station beside it (distance findings)
    const [x, y] = [118.8, 32.0];
    const depot = createSite({ id: 'D', category: 'hazchem_storage', at: [x, y] });
    const inside = createSite({ id: 'S-in', category: 'school', at: [x + 0.001, y] });
    const station = createSite({ id: 'F', category: 'fuel_station', at: [x + 0.01, y] });
    const school = createSite({ id: 'S-near', category: 'school', at: [x + 0.0102, y] });
    const d = 0.003;
    const geometry = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [x - d, y - d],
          [x + d, y - d],
          [x + d, y + d],
          [x - d, y + d],
          [x - d, y - d],
        ],
      ],
    };
    const { findings: found } = assess(
      {
        sites: [depot, inside, station, school],
        zones: [],
        contours: [{ installationId: 'D', riskPerYear: 1e-6, geometry }],
      },
      createConfig(),
    );
    expect(found.some((v) => v.risk) && found.some((v) => !v.risk)).toBe(true);
    const { columns, transfer } = packFindings(found);
    const back = unpackFindings(structuredClone(columns, { transfer }), createStringPool());
    expect(back).toEqual(found);
    expect(JSON.stringify(back)).toBe(JSON.stringify(found));
  });
});
