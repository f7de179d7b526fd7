// QRA contours through the batch interface (issue #20): N installations (default 1 000), each with 5 wind-elongated
// individual-risk rings of 72 vertices (1e-5 … 1e-7, out to ~1.3 km), among M protection targets (default 100 000:
// schools, hospitals, kindergartens, homes and shops with people counts, parks) over a 50 km × 55 km city — ~270
// targets within reach of each installation. The built CLI (scripts/buildCli.mjs into a temporary folder) runs
// `assess` with --contours and, as the same-run baseline, without (the same sites: the chemical stores are then
// screened 500 m round, 条例第十九条), each a fresh process, alternately, twice; wall time and peak RSS by
// /usr/bin/time (and CPU seconds, steadier on a shared machine). The print is the ratio of the best runs. Usage: npm run bench:qra [-- INSTALLATIONS TARGETS]
// KEEP=1 keeps the generated files and the built CLI (the folder is printed), e.g. to profile with node --cpu-prof.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import geodesic from 'geographiclib-geodesic';

const installations = Number(process.argv[2] ?? 1_000);
const targets = Number(process.argv[3] ?? 100_000);
const RINGS: [number, number][] = [
  [1e-5, 150],
  [3e-6, 300],
  [1e-6, 500],
  [3e-7, 700],
  [1e-7, 1000],
];
const VERTICES = 72;
const [WEST, SOUTH, WIDTH, HEIGHT] = [118.55, 31.85, 0.53, 0.5];
const G = geodesic.Geodesic.WGS84;

let seed = 7;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const work = mkdtempSync(join(tmpdir(), 'usrm-qra-bench-'));
const sitesPath = join(work, 'sites.csv');
const contoursPath = join(work, 'contours.geojson');
const KINDS = ['学校', '医院', '幼儿园', '居住区', '居住区', '商场', '公园'];
const lines = ['编号,名称,类别,经度,纬度,人数'];
const centres: [number, number][] = [];
for (let i = 0; i < installations; i++) {
  const c: [number, number] = [WEST + rnd() * WIDTH, SOUTH + rnd() * HEIGHT];
  centres.push(c);
  lines.push(`Q${i},装置${i},危险化学品储存设施,${c[0].toFixed(6)},${c[1].toFixed(6)},`);
}
for (let i = 0; i < targets; i++) {
  const kind = KINDS[i % KINDS.length]!;
  const people = kind === '居住区' || kind === '商场' ? String(Math.floor(rnd() * 200)) : '';
  lines.push(
    `T${i},目标${i},${kind},${(WEST + rnd() * WIDTH).toFixed(6)},${(SOUTH + rnd() * HEIGHT).toFixed(6)},${people}`,
  );
}
writeFileSync(sitesPath, lines.join('\n') + '\n');
const features: string[] = [];
centres.forEach((c, i) => {
  const toward = rnd() * 360;
  for (const [risk, base] of RINGS) {
    const ring = Array.from({ length: VERTICES }, (_, k) => {
      const az = (360 * k) / VERTICES;
      const r = G.Direct(c[1], c[0], az, base * (1 + 0.3 * Math.cos(((az - toward) * Math.PI) / 180)));
      return [Number(r.lon2!.toFixed(7)), Number(r.lat2!.toFixed(7))];
    });
    ring.push(ring[0]!);
    const props = {
      installation_id: `Q${i}`,
      risk_per_year: risk.toExponential(),
      installation_status: i % 2 ? '在役' : '新建',
    };
    features.push(
      JSON.stringify({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [ring] } }),
    );
  }
});
writeFileSync(contoursPath, `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}\n`);
const mb = (p: string) => (statSync(p).size / 2 ** 20).toFixed(1);
console.log(
  `QRA contours via the batch CLI: ${installations.toLocaleString()} installations × ${RINGS.length} rings (${VERTICES} vertices; contours.geojson ${mb(contoursPath)} MB) among ${targets.toLocaleString()} targets (sites.csv ${mb(sitesPath)} MB), node ${process.version}`,
);

const cli = join(work, 'cli');
const build = spawnSync(process.execPath, ['scripts/buildCli.mjs', cli], { encoding: 'utf8' });
if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);

const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);
function timed(
  extra: string[],
  out: string,
): { seconds: number; cpu: number | null; rssMb: number | null; stdout: string } {
  const command = [
    process.execPath,
    join(cli, 'usrm.js'),
    'assess',
    '--sites',
    sitesPath,
    '--crs',
    'wgs84',
    ...extra,
    '--out',
    out,
  ];
  const stats = join(work, 'time.txt');
  const t0 = performance.now();
  const r = hasTime
    ? spawnSync(TIME, ['-f', '%e %U %S %M', '-o', stats, ...command], { encoding: 'utf8', maxBuffer: 2 ** 26 })
    : spawnSync(command[0]!, command.slice(1), { encoding: 'utf8', maxBuffer: 2 ** 26 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${command.join(' ')} exited ${r.status}: ${r.stderr}`);
  const [, user, sys, rss] = hasTime
    ? readFileSync(stats, 'utf8').trim().split('\n').at(-1)!.split(/\s+/).map(Number)
    : [];
  return { seconds, cpu: hasTime ? user! + sys! : null, rssMb: hasTime ? rss! / 1024 : null, stdout: r.stdout };
}

const runs: Record<'baseline' | 'contours', { seconds: number; cpu: number | null; rssMb: number | null }[]> = {
  baseline: [],
  contours: [],
};
const ROUNDS = Number(process.env.ROUNDS ?? 2);
for (let round = 0; round < ROUNDS; round++) {
  for (const variant of ['baseline', 'contours'] as const) {
    const out = join(work, `${variant}-${round}`);
    const r = timed(variant === 'contours' ? ['--contours', contoursPath] : [], out);
    runs[variant].push(r);
    console.log(
      `  ${variant === 'contours' ? 'with --contours   ' : 'without (baseline)'} run ${round + 1}: ${r.seconds.toFixed(1)} s wall${r.cpu === null ? '' : ` (${r.cpu.toFixed(1)} s CPU)`}${r.rssMb === null ? '' : `, peak RSS ${r.rssMb.toFixed(0)} MB`}; ${r.stdout.trim().split('\n')[0]!.replace(/ → .*/, '')}`,
    );
    if (variant === 'contours' && round === 0) {
      const violations = readFileSync(join(out, 'violations.csv'), 'utf8')
        .split('\n')
        .filter((l) => /,qra-ir-/.test(l)).length;
      const distances = readFileSync(join(out, 'qra-distances.csv'), 'utf8').trim().split('\n').length - 1;
      const report = JSON.parse(readFileSync(join(out, 'import-report.json'), 'utf8')) as {
        files: { file: string; accepted: number; rejected: number }[];
      };
      const c = report.files.find((f) => f.file === 'contours.geojson')!;
      console.log(
        `    contours accepted ${c.accepted.toLocaleString()}, rejected ${c.rejected}; QRA findings ${violations.toLocaleString()}; qra-distances.csv ${distances.toLocaleString()} rows`,
      );
    }
  }
}
const best = (v: keyof typeof runs) => runs[v].reduce((a, b) => (b.seconds < a.seconds ? b : a));
const [b, c] = [best('baseline'), best('contours')];
// CPU seconds too: on a shared machine the wall time of a run depends on its neighbours more than on itself
const cpu = (v: keyof typeof runs) => runs[v].reduce((m, r) => Math.min(m, r.cpu ?? Infinity), Infinity);
const cpuRatio = hasTime
  ? `; CPU ${cpu('contours').toFixed(1)} / ${cpu('baseline').toFixed(1)} s = ${(cpu('contours') / cpu('baseline')).toFixed(2)}×`
  : '';
const rss =
  b.rssMb !== null && c.rssMb !== null
    ? `; peak RSS ${c.rssMb.toFixed(0)} / ${b.rssMb.toFixed(0)} MB = ${(c.rssMb / b.rssMb).toFixed(2)}×`
    : '';
console.log(
  `  best of ${ROUNDS}: with --contours ${c.seconds.toFixed(1)} s / without ${b.seconds.toFixed(1)} s = ${(c.seconds / b.seconds).toFixed(2)}× wall${cpuRatio}${rss}`,
);
if (process.env.KEEP) console.log(`  kept: ${work}`);
else rmSync(work, { recursive: true, force: true });
