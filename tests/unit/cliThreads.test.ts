// assess --threads: the distance search cut into parts of the hazards, the others searched in worker threads that read
// the inputs themselves (src/cli/setbackThreads.ts). Whatever the parts and wherever they ran, the five files are
// the bytes of one thread; a part whose thread fails is searched in the main thread, with a warning.
import { describe, expect, it } from 'vitest';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import geodesic from 'geographiclib-geodesic';
import { runAssess, UsageError } from '../../src/cli/runAssess';
import { checkOptions } from '../../src/cli/readInputs';
import { setbackThreadCount } from '../../src/cli/setbackThreads';
import { DEMO_ASSESS_ARGS, DEMO_SITE_FILES, DEMO_ZONES_FILE } from '../helpers/files';

const DEMO = DEMO_SITE_FILES;
const ZONES = DEMO_ZONES_FILE;
const FIVE = ['import-report.json', 'sites.csv', 'zones.geojson', 'violations.csv', 'summary.json'];
const G = geodesic.Geodesic.WGS84;

const createDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

function expectSameFiles(a: string, b: string): void {
  for (const f of FIVE) expect(readFileSync(join(a, f)), f).toEqual(readFileSync(join(b, f)));
}

/** Six storage installations 2 km apart, each with its QRA contours and schools at 300 and 700 m (findings in every part). */
function qraCity(): { sites: string; contours: string } {
  const dir = createDir('usrm-threads-qra-');
  const rows = ['编号,名称,类别,经度,纬度'];
  const features: unknown[] = [];
  for (let i = 0; i < 6; i++) {
    const c = G.Direct(32.0, 118.8, 90, 2000 * i);
    const at = (m: number, az: number) => {
      const r = G.Direct(c.lat2!, c.lon2!, az, m);
      return [r.lon2!, r.lat2!];
    };
    const ring = (m: number) => {
      const r = Array.from({ length: 48 }, (_, k) => at(m, (360 * k) / 48));
      return [[...r, r[0]!]];
    };
    rows.push(`P${i},储罐区${i},危险化学品储存设施,${c.lon2},${c.lat2}`);
    rows.push(`S${i}a,小学${i}a,学校,${at(300, 10).join(',')}`, `S${i}b,小学${i}b,学校,${at(700, 200).join(',')}`);
    for (const [m, risk] of [
      [100, '1e-5'],
      [400, '1e-6'],
      [600, '3e-7'],
    ] as const)
      features.push({
        type: 'Feature',
        properties: { 装置编号: `P${i}`, 个人风险: risk, 装置状态: '新建' },
        geometry: { type: 'Polygon', coordinates: ring(m) },
      });
  }
  writeFileSync(join(dir, 'sites.csv'), `${rows.join('\n')}\n`);
  writeFileSync(join(dir, 'contours.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
  return { sites: join(dir, 'sites.csv'), contours: join(dir, 'contours.geojson') };
}

describe('assess --threads', { timeout: 120_000 }, () => {
  it('counts threads: --threads N as given; by default two for site files of 1–32 MiB where a worker can run', () => {
    const dir = createDir('usrm-threads-size-');
    const sized = (name: string, bytes: number) => {
      const path = join(dir, name);
      const fd = openSync(path, 'w');
      ftruncateSync(fd, bytes); // a sparse file: only its size is read
      closeSync(fd);
      return path;
    };
    const small = sized('small.csv', 200 * 1024);
    const city = sized('city.csv', 10 << 20);
    const province = sized('province.csv', 40 << 20);
    const count = (args: Parameters<typeof runAssess>[0], worker = true, cores = 2) =>
      setbackThreadCount(args, checkOptions(args), worker, cores);
    const out = '/nonexistent-out';
    expect(count({ sites: [city], out })).toBe(2);
    expect(count({ sites: [small, small, small, small, small, small], out })).toBe(2); // 1.2 MiB in all
    expect(count({ sites: [small], out })).toBe(1);
    expect(count({ sites: [province], out })).toBe(1);
    expect(count({ sites: [city], out }, false)).toBe(1);
    expect(count({ sites: [city], out }, true, 1)).toBe(1);
    expect(count({ sites: [city], out, whitepaper: true })).toBe(1);
    expect(count({ sites: [join(dir, 'missing.csv')], out })).toBe(1);
    expect(count({ sites: [small], out, threads: '3' }, false, 1)).toBe(3);
    expect(count({ sites: [small], out, threads: '1', whitepaper: true })).toBe(1);
    for (const bad of ['0', '1.5', 'two', '17', ''])
      expect(() => count({ sites: [small], out, threads: bad })).toThrow(UsageError);
    expect(() => count({ sites: [small], out, threads: '2', whitepaper: true })).toThrow(/not whitepaper/);
    expect(() => count({ sites: [small], out, threads: '2', engine: 'postgis' })).toThrow(/--engine postgis/);
  });

  it('parts searched in this thread (no worker given): the five files of one thread, the demo and QRA contours', async () => {
    const one = createDir('usrm-threads-1-');
    await runAssess({ sites: DEMO, zones: ZONES, crs: 'wgs84', out: one });
    for (const threads of ['2', '5']) {
      const parts = createDir('usrm-threads-n-');
      const warnings: string[] = [];
      await runAssess({ sites: DEMO, zones: ZONES, crs: 'wgs84', out: parts, threads }, undefined, {
        warn: (t) => warnings.push(t),
      });
      expect(warnings).toEqual([]);
      expectSameFiles(parts, one);
    }
    const qra = qraCity();
    const qraOne = createDir('usrm-threads-qra1-');
    await runAssess({ sites: [qra.sites], contours: [qra.contours], crs: 'wgs84', out: qraOne });
    // the contours' findings are in violations.csv, from every installation
    const rows = readFileSync(join(qraOne, 'violations.csv'), 'utf8').split('\n');
    for (let i = 0; i < 6; i++) expect(rows.some((r) => r.startsWith(`P${i},S${i}a,`))).toBe(true);
    for (const threads of ['2', '4', '7']) {
      const parts = createDir('usrm-threads-qran-');
      await runAssess({ sites: [qra.sites], contours: [qra.contours], crs: 'wgs84', out: parts, threads });
      expectSameFiles(parts, qraOne);
    }
  });

  it('a part whose thread cannot start is searched in the main thread, with a warning; the files are the same', async () => {
    const one = createDir('usrm-threads-1-');
    await runAssess({ sites: DEMO, zones: ZONES, crs: 'wgs84', out: one });
    const parts = createDir('usrm-threads-fail-');
    const warnings: string[] = [];
    await runAssess({ sites: DEMO, zones: ZONES, crs: 'wgs84', out: parts, threads: '3' }, undefined, {
      setbackWorker: new URL('file:///nonexistent/setbackWorker.js'),
      warn: (t) => warnings.push(t),
    });
    // one line for each part, in the order their threads failed
    expect([...warnings].sort()).toEqual([
      expect.stringMatching(/^part 2 of 3: its thread failed .*; searched in the main thread$/),
      expect.stringMatching(/^part 3 of 3: its thread failed .*; searched in the main thread$/),
    ]);
    expectSameFiles(parts, one);
  });

  it('from source (tsx), as npm run cli runs it: the parts in worker threads, the same files as one thread', () => {
    const run = (out: string, threads: string) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', 'src/cli/main.ts', 'assess', ...DEMO_ASSESS_ARGS, '--threads', threads, '--out', out],
        { encoding: 'utf8' },
      );
    const one = createDir('usrm-threads-src1-');
    const parts = createDir('usrm-threads-src3-');
    expect(run(one, '1').status).toBe(0);
    const r = run(parts, '3');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe(''); // no part fell back to the main thread
    expectSameFiles(parts, one);
  });
});
