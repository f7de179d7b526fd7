// The batch interface against PostGIS on the same site CSV, in the same run: the built CLI's whole `assess`
// (start-up, parsing, assessment, writing five files) against PostGIS loading the file (COPY), building geography
// points, a GiST index, and joining every hazard to the targets within its reach (`ST_DWithin` on geography, with
// `ST_Distance` for each pair). The reach of each (hazard category, target category) pair is the engine's own
// (`planPair`: governing requirement + borderline band, or the §19 screening radius), so both should find the same
// pairs; the bench checks that they do.
// Needs a PostGIS reachable through the usual PG* variables (e.g. PGDATABASE=usrm_bench) and `psql` on the PATH.
// Usage: npm run bench:postgis -- SITES.csv [--rounds N] [--against GIT_REF]
//        (points, columns 编号,名称,类别,经度,纬度: e.g. 100 000 hazards and 100 000 targets from
//        `node bench/pointPairsCsv.mjs 100000 FILE`). Each round runs every CLI and PostGIS once, the CLIs in
//        alternating order; with --against, the CLI as built at GIT_REF (from `git archive`, sharing node_modules)
//        runs beside this tree's, so a change is measured before and after in one session on this noisy VM.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { classifyTarget, defaultConfig, hazardRules, resolveCategory, roleOf, type Site } from '../src/engine';
import { planPair } from '../src/engine/setback/judgePair';

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '1' }, against: { type: 'string' } },
});
const file = resolve(positionals[0] ?? '');
const rounds = Math.max(1, Number(opts.rounds));
const psql = (sql: string, input?: string): string =>
  execFileSync('psql', ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
    encoding: 'utf8',
    input,
    maxBuffer: 1 << 30,
  });
const seconds = (t0: number) => (performance.now() - t0) / 1000;
const rssOf = (stderr: string) => Number(/^(\d+)$/m.exec(stderr.trim().split('\n').pop() ?? '')?.[1] ?? NaN) / 1024;

if (spawnSync('psql', ['-X', '-At', '-c', 'select postgis_lib_version()'], { encoding: 'utf8' }).status !== 0) {
  console.error('no PostGIS reachable through PG* variables (e.g. PGDATABASE=usrm_bench): nothing measured');
  process.exit(2);
}
execFileSync('npm', ['run', '-s', 'build:cli'], { stdio: 'ignore' });
const scratch = mkdtempSync(join(tmpdir(), 'usrm-pg-'));
const clis: { name: string; entry: string }[] = [{ name: 'this tree', entry: resolve('dist-cli/usrm.js') }];
if (opts.against) {
  // the ref's sources without a worktree: git archive into the scratch folder, this tree's node_modules linked in
  const tree = join(scratch, 'ref');
  mkdirSync(tree);
  execFileSync('sh', ['-c', `git archive ${JSON.stringify(opts.against)} | tar -x -C ${JSON.stringify(tree)}`]);
  symlinkSync(resolve('node_modules'), join(tree, 'node_modules'));
  execFileSync(process.execPath, ['scripts/buildCli.mjs', join(scratch, 'ref-cli')], { cwd: tree, stdio: 'ignore' });
  clis.push({ name: opts.against, entry: join(scratch, 'ref-cli', 'usrm.js') });
}
const text = readFileSync(file, 'utf8');
const rows = text.split('\n').length - 2;

/** 1. a built CLI, the whole command: wall seconds, peak RSS (MB) and the finding pairs of its violations.csv */
function runCli(entry: string): { seconds: number; rssMb: number; pairs: Set<string> } {
  const out = join(scratch, 'out');
  const t0 = performance.now();
  const cli = spawnSync(
    '/usr/bin/time',
    ['-f', '%M', process.execPath, entry, 'assess', '--sites', file, '--out', out],
    { encoding: 'utf8' },
  );
  const s = seconds(t0);
  if (cli.status !== 0) throw new Error(cli.stderr);
  const pairs = new Set(
    readFileSync(join(out, 'violations.csv'), 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(',', 2).join('|')),
  );
  rmSync(out, { recursive: true, force: true });
  return { seconds: s, rssMb: rssOf(cli.stderr), pairs };
}

// 2. the reach of every (hazard category, target category) pair present, from the engine's own plan
const config = defaultConfig();
const zhNames = new Set(
  text
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split(',')[2]!),
);
// the category codes in the file, each with the Chinese name the file writes it as (the reach table joins on that)
const zhOf = Object.fromEntries([...zhNames].map((zh) => [resolveCategory(zh)!.code, zh]));
const categories = Object.keys(zhOf);
const site = (category: string): Site => ({
  id: category,
  name: category,
  category,
  geometry: { type: 'Point', coordinates: [118.8, 32] },
});
const reach: [string, string, number][] = [];
for (const h of categories.filter((c) => roleOf(c) === 'hazard')) {
  for (const t of categories.filter((c) => roleOf(c) !== 'risk')) {
    const plan = planPair(site(h), hazardRules(site(h), config.rules), site(t), classifyTarget(site(t)), config);
    if (plan) reach.push([h, t, plan.reachM]);
  }
}

// 3. PostGIS: load, index, join (each step timed; the table is dropped first)
// tables named by this process: another bench on the same database cannot drop them mid-run
const SITES = `usrm_sites_${process.pid}`;
const REACH = `usrm_reach_${process.pid}`;
function runPostgis(): { seconds: number; steps: [string, number][]; pairs: Set<string> } {
  const steps: [string, number][] = [];
  const step = (name: string, sql: string, input?: string): string => {
    const t = performance.now();
    const r = psql(sql, input);
    steps.push([name, seconds(t)]);
    return r;
  };
  psql(`drop table if exists ${SITES}, ${REACH}`);
  const t0 = performance.now();
  step(
    'create + COPY',
    `create unlogged table ${SITES} (id text, name text, category text, lon float8, lat float8); copy ${SITES} from stdin with (format csv, header true)`,
    text,
  );
  step(
    'geography + GiST index + analyze',
    `alter table ${SITES} add column g geography(Point, 4326); update ${SITES} set g = ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography; create index on ${SITES} using gist (g); analyze ${SITES}`,
  );
  step(
    'reach table',
    `create unlogged table ${REACH} (hazard_category text, target_category text, reach_m float8); copy ${REACH} from stdin with (format csv)`,
    reach.map(([h, t, m]) => `${zhOf[h]},${zhOf[t]},${m}`).join('\n') + '\n',
  );
  const joined = step(
    'ST_DWithin join + ST_Distance',
    `select h.id || '|' || t.id, ST_Distance(h.g, t.g) from ${SITES} h join ${REACH} r on r.hazard_category = h.category join ${SITES} t on t.category = r.target_category and t.id <> h.id and ST_DWithin(h.g, t.g, r.reach_m)`,
  );
  const total = seconds(t0);
  psql(`drop table if exists ${SITES}, ${REACH}`);
  return {
    seconds: total,
    steps,
    pairs: new Set(
      joined
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('|').slice(0, 2).join('|')),
    ),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cliRuns = clis.map(() => [] as ReturnType<typeof runCli>[]);
const pgRuns: ReturnType<typeof runPostgis>[] = [];
for (let r = 0; r < rounds; r++) {
  const order = clis.map((_, i) => i);
  if (r % 2 === 1) order.reverse(); // neither CLI always runs first
  for (const i of order) cliRuns[i]!.push(runCli(clis[i]!.entry));
  pgRuns.push(runPostgis());
}
rmSync(scratch, { recursive: true, force: true });

const pgMedian = median(pgRuns.map((p) => p.seconds));
const pgPairs = pgRuns[0]!.pairs;
console.log(
  `${rows.toLocaleString('en')} sites from ${file} (${(text.length / 2 ** 20).toFixed(1)} M characters), ${rounds} round(s)`,
);
for (const p of pgRuns)
  console.log(
    `  PostGIS, load + index + join: ${p.seconds.toFixed(1)} s (${p.steps.map(([n, s]) => `${n} ${s.toFixed(1)} s`).join('; ')}), ${p.pairs.size.toLocaleString('en')} pairs`,
  );
clis.forEach((c, i) => {
  const runs = cliRuns[i]!;
  const cliPairs = runs[0]!.pairs;
  const onlyCli = [...cliPairs].filter((p) => !pgPairs.has(p)).length;
  const onlyPg = [...pgPairs].filter((p) => !cliPairs.has(p)).length;
  console.log(
    `  built CLI (${c.name}), whole command: ${runs.map((x) => `${x.seconds.toFixed(1)} s`).join(', ')}; peak RSS ${runs.map((x) => `${x.rssMb.toFixed(0)} MB`).join(', ')}; ${cliPairs.size.toLocaleString('en')} finding pairs`,
  );
  console.log(
    `    ratio CLI / PostGIS, by round: ${runs.map((x, r) => (x.seconds / pgRuns[r]!.seconds).toFixed(2)).join(', ')}; of the medians: ${(median(runs.map((x) => x.seconds)) / pgMedian).toFixed(2)}`,
  );
  console.log(
    `    same pairs as PostGIS: ${onlyCli === 0 && onlyPg === 0 ? 'yes' : `NO (${onlyCli} only in the CLI's violations.csv, ${onlyPg} only in PostGIS)`}`,
  );
});
