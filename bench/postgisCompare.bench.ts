// The batch interface against PostGIS on the same site CSV, in the same run: the built CLI's whole `assess`
// (start-up, parsing, assessment, writing five files) against PostGIS loading the file (COPY), building geography
// points, a GiST index, and joining every hazard to the targets within its reach (`ST_DWithin` on geography, with
// `ST_Distance` for each pair). The reach of each (hazard category, target category) pair is the engine's own
// (`planPair`: governing requirement + borderline band, or the §19 screening radius), so both should find the same
// pairs; the bench checks that they do.
// Needs a PostGIS reachable through the usual PG* variables (e.g. PGDATABASE=usrm_bench) and `psql` on the PATH.
// Usage: npm run bench:postgis -- SITES.csv   (points, columns 编号,名称,类别,经度,纬度: e.g. 100 000 hazards and
//        100 000 targets from `node bench/pointPairsCsv.mjs 100000 FILE`)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { classifyTarget, defaultConfig, hazardRules, resolveCategory, roleOf, type Site } from '../src/engine';
import { planPair } from '../src/engine/setback/judgePair';

const file = resolve(process.argv[2] ?? '');
const psql = (sql: string, input?: string): string => execFileSync('psql', ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8', input, maxBuffer: 1 << 30 });
const seconds = (t0: number) => (performance.now() - t0) / 1000;
const rssOf = (stderr: string) => Number(/^(\d+)$/m.exec(stderr.trim().split('\n').pop() ?? '')?.[1] ?? NaN) / 1024;

if (spawnSync('psql', ['-X', '-At', '-c', 'select postgis_lib_version()'], { encoding: 'utf8' }).status !== 0) {
  console.error('no PostGIS reachable through PG* variables (e.g. PGDATABASE=usrm_bench): nothing measured');
  process.exit(2);
}
execFileSync('npm', ['run', '-s', 'build:cli'], { stdio: 'ignore' });
const text = readFileSync(file, 'utf8');
const rows = text.split('\n').length - 2;

// 1. the built CLI, the whole command
const out = mkdtempSync(join(tmpdir(), 'usrm-pg-'));
let t0 = performance.now();
const cli = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, 'dist-cli/usrm.js', 'assess', '--sites', file, '--out', out], { encoding: 'utf8' });
const cliSeconds = seconds(t0);
if (cli.status !== 0) throw new Error(cli.stderr);
const cliPairs = new Set(readFileSync(join(out, 'violations.csv'), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split(',', 2).join('|')));
rmSync(out, { recursive: true, force: true });

// 2. the reach of every (hazard category, target category) pair present, from the engine's own plan
const config = defaultConfig();
const zhNames = new Set(text.split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[2]!));
// the category codes in the file, each with the Chinese name the file writes it as (the reach table joins on that)
const zhOf = Object.fromEntries([...zhNames].map((zh) => [resolveCategory(zh)!.code, zh]));
const categories = Object.keys(zhOf);
const site = (category: string): Site => ({ id: category, name: category, category, geometry: { type: 'Point', coordinates: [118.8, 32] } });
const reach: [string, string, number][] = [];
for (const h of categories.filter((c) => roleOf(c) === 'hazard')) {
  for (const t of categories.filter((c) => roleOf(c) !== 'risk')) {
    const plan = planPair(site(h), hazardRules(site(h), config.rules), site(t), classifyTarget(site(t)), config);
    if (plan) reach.push([h, t, plan.reachM]);
  }
}

// 3. PostGIS: load, index, join (each step timed; the table is dropped first)
const steps: [string, number][] = [];
const step = (name: string, sql: string, input?: string): string => {
  const t = performance.now();
  const r = psql(sql, input);
  steps.push([name, seconds(t)]);
  return r;
};
psql('drop table if exists usrm_sites, usrm_reach');
t0 = performance.now();
step('create + COPY', `create unlogged table usrm_sites (id text, name text, category text, lon float8, lat float8); copy usrm_sites from stdin with (format csv, header true)`, text);
step('geography + GiST index + analyze', `alter table usrm_sites add column g geography(Point, 4326); update usrm_sites set g = ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography; create index on usrm_sites using gist (g); analyze usrm_sites`);
step('reach table', `create unlogged table usrm_reach (hazard_category text, target_category text, reach_m float8); copy usrm_reach from stdin with (format csv)`, reach.map(([h, t, m]) => `${zhOf[h]},${zhOf[t]},${m}`).join('\n') + '\n');
const joined = step('ST_DWithin join + ST_Distance', `select h.id || '|' || t.id, ST_Distance(h.g, t.g) from usrm_sites h join usrm_reach r on r.hazard_category = h.category join usrm_sites t on t.category = r.target_category and t.id <> h.id and ST_DWithin(h.g, t.g, r.reach_m)`);
const pgSeconds = seconds(t0);
psql('drop table if exists usrm_sites, usrm_reach');
const pgPairs = new Set(joined.split('\n').filter(Boolean).map((l) => l.split('|').slice(0, 2).join('|')));

const onlyCli = [...cliPairs].filter((p) => !pgPairs.has(p)).length;
const onlyPg = [...pgPairs].filter((p) => !cliPairs.has(p)).length;
console.log(`${rows.toLocaleString('en')} sites from ${file} (${(text.length / 2 ** 20).toFixed(1)} M characters)`);
console.log(`  built CLI, whole command:  ${cliSeconds.toFixed(1)} s, peak RSS ${rssOf(cli.stderr).toFixed(0)} MB, ${cliPairs.size.toLocaleString('en')} finding pairs`);
console.log(`  PostGIS, load + index + join: ${pgSeconds.toFixed(1)} s (${steps.map(([n, s]) => `${n} ${s.toFixed(1)} s`).join('; ')}), ${pgPairs.size.toLocaleString('en')} pairs`);
console.log(`  ratio CLI / PostGIS: ${(cliSeconds / pgSeconds).toFixed(2)}`);
console.log(`  same pairs: ${onlyCli === 0 && onlyPg === 0 ? 'yes' : `NO (${onlyCli} only in the CLI's violations.csv, ${onlyPg} only in PostGIS)`}`);
