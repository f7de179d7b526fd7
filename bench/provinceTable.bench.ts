// A province's sites kept in PostGIS, assessed in place of a file: `assess --engine postgis --sites-table` on tables
// of N hazards + N targets made in the database itself (generate_series, the city-like mix of bench/pointPairsCsv.mjs,
// uniform over an extent that grows with N so the density stays a province's), the built CLI's wall time and peak RSS
// at each size in the same run, and the scaling. The point: the CLI's memory does not grow with the sites.
// Needs a PostGIS reachable through the PG* variables (e.g. PGHOST=/tmp/pgb PGUSER=postgres PGDATABASE=usrm_bench).
// Usage: [HEAP_MB=300] npx tsx bench/provinceTable.bench.ts N [N …]   (e.g. 500000 5000000; N per role)
// HEAP_MB caps the CLI's JavaScript heap (--max-old-space-size): without it V8 lets garbage grow towards its default
// limit before collecting, so the peak RSS says little about what the run needs; with it, the run either fits or fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const sizes = process.argv.slice(2).map(Number);
const heap = process.env.HEAP_MB ? [`--max-old-space-size=${process.env.HEAP_MB}`] : [];
execFileSync('npm', ['run', '-s', 'build:cli'], { stdio: 'ignore' });

/** Jiangsu's extent holds 10⁶ + 10⁶ (bench/pointPairsCsv.mjs EXTENT=jiangsu); larger N spreads over a wider one. */
function extentFor(n: number): [number, number, number, number] {
  const scale = Math.sqrt(Math.max(1, n / 1_000_000));
  return [116.3, 30.7, 5.6 * scale, 4.4 * scale];
}

const MIX = `case
  when role = 'H' then case when u < 0.6 then '加油站' when u < 0.8 then '烟花爆竹零售点' when u < 0.95 then '加气站' else '危险化学品仓库' end
  else case when u < 0.55 then '居住区' when u < 0.7 then '学校' when u < 0.8 then '幼儿园' when u < 0.9 then '医院' when u < 0.999 then '商场' else '饮用水源' end
end`;

/** The main statements' seconds from --log-sql (statement lines, then "-- N s"). */
function steps(lines: string[]): string {
  const names: [RegExp, string][] = [
    [/^copy usrm_load/, 'COPY'],
    [/^create temporary table usrm_repeat/, 'repeated ids'],
    [/^insert into usrm_site/, 'kept'],
    [/^create index on usrm_site/, 'GiST index'],
    [/^with search/, 'pairs judged'],
    [/^select key, site from usrm_site/, 'sites.csv'],
    [/^select detail from usrm_contrib/, 'zones'],
  ];
  const out: string[] = [];
  let current: string | null = null;
  for (const line of lines) {
    const time = /^-- ([\d.]+) s$/.exec(line);
    const size = /^-- usrm_site and its index: (.+)$/.exec(line);
    if (time && current) {
      out.push(`${current} ${time[1]} s`);
      current = null;
    } else if (size) out.push(`site table ${size[1]}`);
    else if (!line.startsWith('--') && !line.startsWith(' '))
      current = names.find(([re]) => re.test(line))?.[1] ?? current;
  }
  return out.join('; ');
}

async function makeTable(client: pg.Client, table: string, n: number): Promise<string> {
  const [west, south, width, height] = extentFor(n);
  await client.query(`drop table if exists ${table}`);
  await client.query('select setseed(0.42)');
  await client.query(`create table ${table} as
    select role || k as id, '点' || i as name, ${MIX} as category,
      ST_SetSRID(ST_MakePoint(${west} + random() * ${width}, ${south} + random() * ${height}), 4326) as geom
    from (select i, case when i % 2 = 0 then 'H' else 'T' end as role, i / 2 as k, ((i / 2) + 0.5) / ${n} as u
          from generate_series(0, ${2 * n - 1}) i) s`);
  const size = await client.query(`select pg_size_pretty(pg_total_relation_size('${table}')) as size`);
  return size.rows[0].size as string;
}

const client = new pg.Client();
await client.connect();
let previous: { sites: number; seconds: number; density: number } | null = null;
try {
  for (const n of sizes) {
    const table = `usrm_bench_province_${n}`;
    const size = await makeTable(client, table, n);
    const out = mkdtempSync(join(tmpdir(), 'usrm-province-'));
    const t0 = performance.now();
    const r = spawnSync(
      '/usr/bin/time',
      [
        '-f',
        '%M',
        process.execPath,
        ...heap,
        'dist-cli/usrm.js',
        'assess',
        '--sites-table',
        table,
        '--engine',
        'postgis',
        '--log-sql',
        '--out',
        out,
      ],
      { encoding: 'utf8', maxBuffer: 1 << 28 },
    );
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(r.stderr.slice(-2000));
    const lines = r.stderr.trim().split('\n');
    const rssMb = Number(lines.pop()) / 1024;
    const summary = r.stdout.trim().split('\n').pop();
    const [west, south, width, height] = extentFor(n);
    console.log(
      `${(2 * n).toLocaleString('en')} sites (${n.toLocaleString('en')} + ${n.toLocaleString('en')}) in table ${table} (${size}), over ${width.toFixed(1)}° × ${height.toFixed(1)}° from ${west}° E ${south}° N`,
    );
    console.log(
      `  --engine postgis --sites-table: ${seconds.toFixed(1)} s, CLI peak RSS ${rssMb.toFixed(0)} MB${heap.length ? ` (heap capped at ${process.env.HEAP_MB} MB)` : ''}`,
    );
    console.log(`  in the database: ${steps(lines)}`);
    console.log(`  ${summary}`);
    const density = (2 * n) / (width * height);
    if (previous)
      console.log(
        `  scaling: ×${((2 * n) / previous.sites).toFixed(1)} sites (×${(density / previous.density).toFixed(1)} density) → ×${(seconds / previous.seconds).toFixed(1)} time`,
      );
    previous = { sites: 2 * n, seconds, density };
    rmSync(out, { recursive: true, force: true });
    await client.query(`drop table ${table}`);
  }
} finally {
  await client.end();
}
