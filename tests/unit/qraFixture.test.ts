// The QRA contour fixture (tests/fixtures/qra/) through the batch interface, against answers computed without the
// app: tests/fixtures/qra/qra_fixture.py (pyproj.Geod and shapely; how to re-run it is in its docstring) wrote the
// fixture and expected.json — the verdict of every protection target and the protection distance each criterion's
// contour implies. The same fixture in GCJ-02 (converted there by the published formula, back here by gcoord) must
// give the same verdicts and the same distances to the centimetre.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runAssess } from '../../src/cli/runAssess';

const DIR = 'tests/fixtures/qra';
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as {
  verdicts: { hazard: string; target: string; status: string; perYear: number | null; criterion: number }[];
  distances: {
    installation: string;
    status: string;
    targetClass: string;
    criterion: number;
    found: boolean;
    maxM?: number;
    minM?: number;
    lowerBoundM?: number | null;
    upperBoundM?: number | null;
  }[];
};
const records = (path: string) =>
  Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));

async function run(crs: 'wgs84' | 'gcj02') {
  const out = join(mkdtempSync(join(tmpdir(), `usrm-qra-${crs}-`)), 'out');
  await runAssess({
    sites: [join(DIR, `sites-${crs}.geojson`)],
    contours: [join(DIR, `contours-${crs}.geojson`)],
    crs,
    out,
  });
  const findings = records(join(out, 'violations.csv')).filter((r) => r.rule_id!.startsWith('qra-'));
  return { findings, distances: records(join(out, 'qra-distances.csv')) };
}

const verdictsOf = (rows: Record<string, string>[]) =>
  rows
    .map((r) => ({
      hazard: r.hazard_id ?? '',
      target: r.target_id ?? '',
      status: r.status,
      perYear: num(r.risk_per_year),
      criterion: num(r.criterion_per_year),
    }))
    .sort((a, b) => (a.hazard + a.target < b.hazard + b.target ? -1 : 1));

describe('the QRA fixture against its independent answers', () => {
  for (const [crs, tolerance] of [
    ['wgs84', 0.002],
    ['gcj02', 0.01],
  ] as const) {
    it(`${crs}: every target's verdict and every implied distance`, async () => {
      const { findings, distances } = await run(crs);
      expect(verdictsOf(findings)).toEqual(
        [...expected.verdicts].sort((a, b) => (a.hazard + a.target < b.hazard + b.target ? -1 : 1)),
      );
      expect(
        distances.map((r) => [
          r.installation_id,
          r.installation_status,
          r.target_class,
          num(r.criterion_per_year),
          r.contour_found === 'true',
        ]),
      ).toEqual(expected.distances.map((d) => [d.installation, d.status, d.targetClass, d.criterion, d.found]));
      distances.forEach((r, i) => {
        const e = expected.distances[i]!;
        const close = (got: number | null, want: number | null | undefined) => {
          if (want === undefined || want === null) return expect(got).toBeNull();
          expect(Math.abs(got! - want), `${e.installation} ${e.targetClass}: ${got} vs ${want}`).toBeLessThan(
            tolerance,
          );
        };
        close(num(r.max_distance_m), e.maxM);
        close(num(r.min_distance_m), e.minM);
        close(num(r.lower_bound_m), e.lowerBoundM);
        close(num(r.upper_bound_m), e.upperBoundM);
      });
    });
  }
});
