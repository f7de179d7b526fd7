// The app's white paper with the city's own rule table, method profile, reach profile and F–N lines equals the CLI's
// given the files the app exports for them (--rules, --method, --reach-profile, --fn-criteria), byte for byte: the
// app lists them among the inputs (summary.json's `inputs`, T3, checksums) under the names it exports them as, with
// the SHA-256 of those bytes (whitepaper/whitepaperInput, io/configFiles). In-process engine, the demo's files.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writtenPaths } from '../helpers/files';
import { DEFAULT_FN_CRITERIA } from '../../src/engine';
import { fnCriteriaFile, methodProfileFile, reachProfileFile, ruleTableFile } from '../../src/io';
import { createAppStore } from '../../src/state/store';
import { createEngineClient } from '../../src/worker/engineClient';
import { whitepaperInput } from '../../src/ui/ExportPanel';
import { whitepaperFilesInNode } from '../../src/cli/writeWhitepaper';
import { fileBytes } from '../../src/whitepaper/bundle';
import { whitepaperTitle } from '../../src/whitepaper/title';
import { runAssess } from '../../src/cli/runAssess';
import { importReachProfile, setProfile, updateRule } from '../../src/state/slices/method';
import { loadDemo } from '../../src/state/slices/project';
import { importFnCriteria, importFnCurves } from '../../src/state/fnFiles';

const SITE_FILES = ['nanjing-sites.fictitious.csv', 'nanjing-osm.geojson'];
const ZONES = 'nanjing-districts.wgs84.geojson';
const demo = (name: string) => new Uint8Array(readFileSync(`data/demo/${name}`));

describe('the app’s white paper with the city’s rules, method, reach profile and F–N lines', () => {
  it('is the CLI’s white paper given the files the app exports for them, byte for byte', {
    timeout: 240_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'usrm-app-config-'));
    const store = createAppStore();
    const services = { store, engine: createEngineClient() };
    await loadDemo(
      services,
      {
        zones: { file: ZONES, bytes: demo(ZONES) },
        sites: SITE_FILES.map((file) => ({ file, bytes: demo(file), crs: 'wgs84' as const })),
      },
      { id: 'p', name: '本市参数项目', city: '', assessmentDate: '', dataCredit: '', notes: '' },
    );
    const rule = store.getState().rules.rules.find((r) => (r.min_distance_m ?? 0) > 0)!;
    await updateRule(services, rule.id, { min_distance_m: rule.min_distance_m! + 7 });
    const { profile, reachProfile } = store.getState();
    await setProfile(services, { ...profile, id: 'city-method', name: `${profile.name}(本市)` });
    await importReachProfile(
      services,
      'reach.json',
      JSON.stringify({ ...reachProfile, id: 'city-reach', personsPerHousehold: 2.8 }),
    );
    const fn = 'installation_id,N,F\nDEMO-CTR-018,1,5e-4\nDEMO-CTR-018,10,8e-5\nDEMO-CTR-018,100,2e-6\n';
    writeFileSync(join(dir, 'fn.csv'), fn);
    await importFnCurves(services, 'fn.csv', new TextEncoder().encode(fn));
    importFnCriteria(
      services,
      'lines.json',
      JSON.stringify({
        ...DEFAULT_FN_CRITERIA,
        id: 'city-lines',
        source: { ...DEFAULT_FN_CRITERIA.source, status: 'city' },
        lines: {
          upper: [
            [1, 1e-3],
            [1000, 1e-6],
          ],
          lower: [
            [1, 1e-5],
            [1000, 1e-8],
          ],
        },
      }),
    );
    const s = store.getState();
    expect([s.rulesError, s.profileError, s.reachProfileError, s.fnFileError]).toEqual([null, null, null, null]);
    expect(s.fnCriteria.id).toBe('city-lines');
    const input = (await whitepaperInput(s))!;
    const exported = [
      methodProfileFile(s.profile),
      ruleTableFile(s.rules),
      reachProfileFile(s.reachProfile),
      fnCriteriaFile(s.fnCriteria),
    ];
    for (const f of exported) writeFileSync(join(dir, f.file), f.text);
    expect(input.digests.map((d) => d.file)).toEqual(expect.arrayContaining(exported.map((f) => f.file)));
    const app = new Map((await whitepaperFilesInNode(input)).map((f) => [f.path, fileBytes(f)]));

    const out = join(dir, 'cli');
    await runAssess({
      whitepaper: true,
      crs: 'wgs84',
      out,
      title: whitepaperTitle('本市参数项目'),
      zones: `data/demo/${ZONES}`,
      sites: SITE_FILES.map((f) => `data/demo/${f}`),
      method: join(dir, exported[0]!.file),
      rules: join(dir, exported[1]!.file),
      reachProfile: join(dir, exported[2]!.file),
      fn: [join(dir, 'fn.csv')],
      fnCriteria: join(dir, exported[3]!.file),
    });
    const cli = writtenPaths(out);
    expect([...app.keys()].sort()).toEqual(cli);
    const differing = cli.filter((path) => !Buffer.from(app.get(path)!).equals(readFileSync(join(out, path))));
    for (const p of differing) writeFileSync(join(dir, `app-${p.replace(/\//g, '_')}`), app.get(p)!);
    if (differing.length) console.info(`differing: ${differing.join(', ')}; the app's copies are in ${dir}`);
    expect(differing).toEqual([]);
    const summary = JSON.parse(new TextDecoder().decode(app.get('summary.json')));
    expect(summary.inputs.map((i: { file: string }) => i.file)).toEqual(
      expect.arrayContaining(['setback-rules.json', 'method-profile-city-method.json', 'fn-criteria-city-lines.json']),
    );
  });
});
