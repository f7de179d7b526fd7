// `assess --engine postgis` beside the in-process engine, the built CLI's whole command each, on the same site files
// in the same run: wall time, peak RSS of the CLI, and whether both wrote the same findings (pairs, rules, statuses).
// Needs a PostGIS reachable through the usual PG* variables (e.g. PGDATABASE=usrm_bench) or --db in DB=….
// Usage: npm run bench:postgis-engine -- FILE [FILE …]   (e.g. from `node bench/pointPairsCsv.mjs 100000 FILE` or
//        `node bench/polygonPairsGeojson.mjs 100000 FILE.geojson`;
//        the in-process engine is skipped for files larger than JS_MAX_MB, default 200, where it runs out of memory)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const files = process.argv.slice(2).map((f) => resolve(f));
const jsMaxMb = Number(process.env.JS_MAX_MB ?? 200);
const db = process.env.DB ? ['--db', process.env.DB] : [];
execFileSync('npm', ['run', '-s', 'build:cli'], { stdio: 'ignore' });

interface Run {
  seconds: number;
  rssMb: number;
  findings: Set<string>;
  /** --log-sql: seconds of the main statements, and the size of the site table with its index */
  steps: string;
}

/** "copy 1.2 s, index 3.4 s, …" from --log-sql's statements and times. */
function stepsOf(stderr: string): string {
  const names: [RegExp, string][] = [
    [/^copy usrm_site/, 'COPY'],
    [/^copy usrm_load/, 'COPY'],
    [/^create temporary table usrm_repeat/, 'repeated ids'],
    [/^insert into usrm_site/, 'kept'],
    [/^select key, site from usrm_site/, 'sites read back, scored, sites.csv'],
    [/^select detail from usrm_contrib/, 'zones.geojson'],
    [/^create index on usrm_site/, 'GiST index'],
    [/^analyze usrm_site/, 'analyze'],
    [/^with search/, 'pair join + ST_Distance, rows judged'],
    [/^select h.hazard, t.target/, 'inside join'],
  ];
  const out: string[] = [];
  let current: string | null = null;
  for (const line of stderr.split('\n')) {
    const time = /^-- ([\d.]+) s$/.exec(line);
    const size = /^-- usrm_site and its index: (.+)$/.exec(line);
    if (time && current) out.push(`${current} ${time[1]} s`), (current = null);
    else if (size) out.push(`site table ${size[1]}`);
    else if (!line.startsWith('--') && !line.startsWith(' '))
      current = names.find(([re]) => re.test(line))?.[1] ?? current;
  }
  return out.join('; ');
}

function run(file: string, engine: 'js' | 'postgis'): Run {
  const out = mkdtempSync(join(tmpdir(), `usrm-${engine}-`));
  const t0 = performance.now();
  const args = [
    '-f',
    '%M',
    process.execPath,
    'dist-cli/usrm.js',
    'assess',
    '--sites',
    file,
    '--engine',
    engine,
    ...(engine === 'postgis' ? [...db, '--log-sql'] : []),
    '--out',
    out,
  ];
  const r = spawnSync('/usr/bin/time', args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${engine}: ${r.stderr}`);
  const rssMb = Number(r.stderr.trim().split('\n').pop()) / 1024;
  const findings = new Set<string>();
  const text = readFileSync(join(out, 'violations.csv'), 'utf8');
  let at = text.indexOf('\n') + 1;
  while (at > 0 && at < text.length) {
    const end = text.indexOf('\n', at);
    const cells = text.slice(at, end).split(',');
    findings.add(`${cells[0]}|${cells[1]}|${cells[2]}|${cells[6]}`); // hazard, target, rule, status
    at = end + 1;
  }
  rmSync(out, { recursive: true, force: true });
  return { seconds, rssMb, findings, steps: stepsOf(r.stderr) };
}

let previous: { rows: number; seconds: number } | null = null;
for (const file of files) {
  const mb = statSync(file).size / 2 ** 20;
  const text = readFileSync(file, 'utf8');
  const rows = /\.(geo)?json$/i.test(file) ? text.split('"type":"Feature"').length - 1 : text.split('\n').length - 2;
  const pg = run(file, 'postgis');
  const js = mb <= jsMaxMb ? run(file, 'js') : null;
  console.log(`${rows.toLocaleString('en')} sites (${mb.toFixed(1)} MB) from ${file}`);
  console.log(
    `  --engine postgis: ${pg.seconds.toFixed(1)} s, CLI peak RSS ${pg.rssMb.toFixed(0)} MB, ${pg.findings.size.toLocaleString('en')} findings`,
  );
  console.log(`    in the database: ${pg.steps}`);
  if (js) {
    const onlyPg = [...pg.findings].filter((f) => !js.findings.has(f)).length;
    const onlyJs = [...js.findings].filter((f) => !pg.findings.has(f)).length;
    console.log(
      `  --engine js:      ${js.seconds.toFixed(1)} s, peak RSS ${js.rssMb.toFixed(0)} MB, ${js.findings.size.toLocaleString('en')} findings`,
    );
    console.log(
      `  same findings (pair, rule, status): ${onlyPg + onlyJs === 0 ? 'yes' : `NO (${onlyPg} only PostGIS, ${onlyJs} only in process)`}`,
    );
  } else console.log(`  --engine js: not run (file over ${jsMaxMb} MB)`);
  if (previous)
    console.log(
      `  scaling: ×${(rows / previous.rows).toFixed(1)} sites → ×${(pg.seconds / previous.seconds).toFixed(1)} time (postgis)`,
    );
  previous = { rows, seconds: pg.seconds };
}
