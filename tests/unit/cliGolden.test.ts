// The five batch files are a contract (docs/batch-interface.md): this test fails when any byte of them changes. The
// digests were taken from the CLI as built before the batch path was made faster (commit 3c378c0), on the demo city
// (zones, areas, containment, district naming) and on a generated file of 20 000 hazards + 20 000 point targets
// (bench/pointPairsCsv.mjs: 12 491 findings). A deliberate change of the output updates them, with its reason.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAssess } from '../../src/cli/runAssess';

const FILES = ['import-report.json', 'sites.csv', 'summary.json', 'violations.csv', 'zones.geojson'];

async function digests(args: Parameters<typeof runAssess>[0]): Promise<Record<string, string>> {
  await runAssess(args);
  return Object.fromEntries(
    FILES.map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(join(args.out!, f)))
        .digest('hex'),
    ]),
  );
}

describe('batch output bytes (a contract)', { timeout: 60_000 }, () => {
  it('the demo city', async () => {
    const out = mkdtempSync(join(tmpdir(), 'usrm-golden-'));
    expect(
      await digests({
        sites: ['data/demo/nanjing-sites.fictitious.csv', 'data/demo/nanjing-osm.geojson'],
        zones: 'data/demo/nanjing-districts.wgs84.geojson',
        crs: 'wgs84',
        out,
      }),
    ).toEqual({
      // 2026-12-05: each file's entry gained `crsGiven: true` (the coordinate system was given with --crs), and only
      // that key; without it the digest is the earlier 41709d89…
      'import-report.json': 'd057eb5e8be49c4efbfac60e42e9aaeb1b08eef1cd914cf4d3ff4862432a8db5',
      'sites.csv': '490a4f8782d72e319879a264ec518f4ade2bd32f11c65071cf7bf670936da11d',
      // 2026-12-05: summary.json gained `reach_sites` (all 0 here); without that key its digest is the earlier 1f7d769d…
      'summary.json': '4f0da31421682028236d31e9e9a5bd63b5675dbcd6e3b5d54d0bc4c60fe28a11',
      // 2026-12-05: three QRA columns appended (risk_per_year, criterion_per_year, installation_status), empty on every
      // distance finding; with them stripped the file's digest is the earlier c55d64fe… (checked)
      'violations.csv': 'beccf9b31d6e906bd30a4ee6538622c1c9695b2b072b54101de64131909a4e4e',
      'zones.geojson': '2c3c41a968baccd6c5af3e8c60bf7513095a9786c309d525197dbb0e5125d8f4',
    });
  });

  it('20 000 hazards + 20 000 point targets over Nanjing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'usrm-golden-'));
    const file = join(dir, 'points20k.csv');
    expect(spawnSync(process.execPath, ['bench/pointPairsCsv.mjs', '20000', file]).status).toBe(0);
    expect(await digests({ sites: [file], out: join(dir, 'out') })).toEqual({
      'import-report.json': '2e9882503818999a5b7e3871fe730580ef8736ea3a8158849c47b4a9ba6d29d3',
      'sites.csv': '421f4a4397e312865e80cb03b7c5b05a2ffc2c40a31a0b9158890688de915fcb',
      'summary.json': 'bbb27643db2d01d019703ad3871e96816b1e6605de3f0a4fcee03a80b9147bde', // with `reach_sites` (was ab5a3639…)
      'violations.csv': 'b3a0e24ac3004da4a2fb89be18c1e5bf8c41bb1558361fab05ce99b398b53137', // with the QRA columns (was 5daf5553…)
      'zones.geojson': '6d18edfe75b3149104038dcbca4d0096bbcb923f0f9fa4b49f4815344e75bb90',
    });
  });
});
