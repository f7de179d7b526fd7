// The batch CLI at scale: a generated city of N point rows (default 300 000; hazards, targets and risk points, one
// row in 1 000 rejected) assessed by the built CLI (dist-cli/usrm.js) and by the CLI from source under tsx, each a
// fresh process, with wall time and peak RSS (/usr/bin/time -f "%e %M"; without it, wall time only). Checks that
// every row is accounted for (accepted + rejected = rows in import-report.json, sites.csv has one line per accepted
// row, violations.csv one per finding) and that both write the same bytes. Then start-up: median wall time of
// `--version` for bare node, an empty ES module, the built CLI and tsx. Usage: npm run bench:cli-scale [-- ROWS]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedPointCityCsv } from './generatedSites';

const rows = Number(process.argv[2] ?? 300_000);
const work = mkdtempSync(join(tmpdir(), 'usrm-cli-scale-'));
const sites = join(work, `sites-${rows}.csv`);
const { text, rejected: expectRejected } = generatedPointCityCsv(rows);
writeFileSync(sites, text);
console.log(
  `batch CLI on a generated ${rows.toLocaleString()}-row CSV (${(statSync(sites).size / 2 ** 20).toFixed(1)} MB, UTF-8, points: petrol stations, schools, residential, construction, road hazards; ${expectRejected} rows to reject), node ${process.version}`,
);

const build = spawnSync(process.execPath, ['scripts/buildCli.mjs'], { encoding: 'utf8' });
if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);

const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);
const VARIANTS: [string, string[]][] = [
  ['built (node dist-cli/usrm.js)', [process.execPath, 'dist-cli/usrm.js']],
  ['source (tsx src/cli/main.ts)', [process.execPath, '--import', 'tsx', 'src/cli/main.ts']],
];

/** wall seconds and peak RSS in MB (null without /usr/bin/time) of one run */
function timed(command: string[]): { seconds: number; rssMb: number | null; stdout: string } {
  const stats = join(work, 'time.txt');
  const t0 = performance.now();
  const r = hasTime
    ? spawnSync(TIME, ['-f', '%e %M', '-o', stats, ...command], { encoding: 'utf8', maxBuffer: 2 ** 26 })
    : spawnSync(command[0]!, command.slice(1), { encoding: 'utf8', maxBuffer: 2 ** 26 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${command.join(' ')} exited ${r.status}: ${r.stderr}`);
  const rssMb = hasTime ? Number(readFileSync(stats, 'utf8').trim().split(/\s+/).at(-1)) / 1024 : null;
  return { seconds, rssMb, stdout: r.stdout };
}

function lineCount(path: string): number {
  const bytes = readFileSync(path);
  let n = 0;
  for (const b of bytes) if (b === 0x0a) n++;
  return n;
}

const outputs: string[] = [];
for (const [name, command] of VARIANTS) {
  const out = join(work, `out-${outputs.length}`);
  mkdirSync(out);
  const run = timed([...command, 'assess', '--sites', sites, '--crs', 'wgs84', '--out', out]);
  const report = JSON.parse(readFileSync(join(out, 'import-report.json'), 'utf8')) as {
    files: { rows: number; accepted: number; rejected: number }[];
  };
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as {
    violations_total: Record<string, number>;
  };
  const file = report.files[0]!;
  const findings = Object.values(summary.violations_total).reduce((n, v) => n + v, 0);
  const siteLines = lineCount(join(out, 'sites.csv')) - 1;
  const violationLines = lineCount(join(out, 'violations.csv')) - 1;
  const accounted =
    file.rows === rows &&
    file.accepted + file.rejected === file.rows &&
    file.rejected === expectRejected &&
    siteLines === file.accepted &&
    violationLines === (findings || 1);
  console.log(
    `  ${name}: ${run.seconds.toFixed(1)} s wall${run.rssMb === null ? '' : `, peak RSS ${run.rssMb.toFixed(0)} MB`}`,
  );
  console.log(
    `    rows ${file.rows.toLocaleString()} = ${file.accepted.toLocaleString()} accepted + ${file.rejected.toLocaleString()} rejected; sites.csv ${siteLines.toLocaleString()} rows (${(statSync(join(out, 'sites.csv')).size / 2 ** 20).toFixed(1)} MB); violations.csv ${violationLines.toLocaleString()} rows (${(statSync(join(out, 'violations.csv')).size / 2 ** 20).toFixed(1)} MB) → ${accounted ? 'every row accounted for' : 'ROWS MISSING'}`,
  );
  if (!accounted) process.exitCode = 1;
  outputs.push(out);
}
for (const f of ['import-report.json', 'sites.csv', 'zones.geojson', 'violations.csv', 'summary.json']) {
  if (!readFileSync(join(outputs[0]!, f)).equals(readFileSync(join(outputs[1]!, f)))) {
    console.log(`  ${f} differs between the built CLI and the source`);
    process.exitCode = 1;
  }
}

function medianWall(command: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(command[0]!, command.slice(1));
    if (r.status !== 0) throw new Error(`${command.join(' ')} exited ${r.status}`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
const emptyModule = join(work, 'empty.mjs');
writeFileSync(emptyModule, '');
const node = medianWall([process.execPath, '-e', '0'], 15);
const esm = medianWall([process.execPath, emptyModule], 15);
const built = medianWall([process.execPath, 'dist-cli/usrm.js', '--version'], 15);
const tsx = medianWall([process.execPath, '--import', 'tsx', 'src/cli/main.ts', '--version'], 5);
console.log(
  `  start-up, median wall: node -e 0 ${node.toFixed(0)} ms; an empty ES module ${esm.toFixed(0)} ms; built --version ${built.toFixed(0)} ms (+${(built - esm).toFixed(0)} ms over the empty module); tsx --version ${tsx.toFixed(0)} ms`,
);
rmSync(work, { recursive: true, force: true });
