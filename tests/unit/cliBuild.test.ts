// The CLI built to plain JavaScript (scripts/buildCli.mjs → dist-cli/usrm.js, the `usrm` bin): it starts without
// loading the engine, loads the white paper's modules only for `whitepaper`, needs nothing outside its own folder
// (built here into a temporary folder, away from the repository's node_modules and data/), and writes the same bytes
// as the CLI run from source.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runAssess } from '../../src/cli/runAssess';
import { version } from '../../package.json';
import { DEMO_ASSESS_ARGS, DEMO_SITE_FILES, DEMO_ZONES_FILE } from '../helpers/files';

// outside the repository: nothing of the clone is found by walking up from here
const BUILT = mkdtempSync(join(tmpdir(), 'usrm-dist-'));
const ENTRY = join(BUILT, 'usrm.js');
const DEMO = DEMO_SITE_FILES;
const ZONES = DEMO_ZONES_FILE;

function createOutDir(): string {
  return mkdtempSync(join(tmpdir(), 'usrm-built-'));
}

/** runs the built file from a folder that is not the repository, so nothing is found relative to the working directory */
function runBuilt(args: string[]) {
  return spawnSync(process.execPath, [ENTRY, ...args], { encoding: 'utf8', cwd: tmpdir() });
}

/** the files a chunk imports statically (loaded with it), as esbuild writes them: import {…} from "./x.js" / import "./x.js" */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)import\s*(?:\{[^}]*\}\s*from\s*)?"(\.\/[^"]+)"/g)].map((m) =>
    resolve(file, '..', m[1]!),
  );
}

/** a file and everything it imports statically: what Node loads before its code runs */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const f of staticImports(file)) staticClosure(f, seen);
  return seen;
}

const FIVE = ['import-report.json', 'sites.csv', 'zones.geojson', 'violations.csv', 'summary.json'];

describe('the built CLI', { timeout: 120_000 }, () => {
  beforeAll(() => {
    const r = spawnSync(process.execPath, ['scripts/buildCli.mjs', BUILT], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(BUILT, { recursive: true, force: true }));

  it('is one executable ESM entry with a shebang whose start-up loads only a few kilobytes', () => {
    expect(readFileSync(ENTRY, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(ENTRY).mode & 0o111).not.toBe(0);
    const startup = [...staticClosure(ENTRY)];
    const bytes = startup.reduce((n, f) => n + statSync(f).size, 0);
    expect(bytes, startup.join('\n')).toBeLessThan(32 * 1024);
    // `assess` loads the engine and io, but not the white paper's ECharts, resvg or ExcelJS
    const runAssessChunk = readdirSync(join(BUILT, 'chunks')).find((f) => f.startsWith('runAssess-'))!;
    for (const f of staticClosure(join(BUILT, 'chunks', runAssessChunk))) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/echarts\/|@resvg\/resvg-wasm|exceljs\//);
    }
  });

  it('answers --version and --help', () => {
    const v = runBuilt(['--version']);
    expect(v.status).toBe(0);
    expect(v.stdout).toBe(`${version}\n`);
    const h = runBuilt(['--help']);
    expect(h.status).toBe(0);
    expect(h.stdout).toMatch(/^usage:/);
    expect(runBuilt(['frobnicate']).status).toBe(2);
  });

  it('assess: the same five files as the CLI from source, run from another folder', async () => {
    const built = createOutDir();
    const r = runBuilt(['assess', ...DEMO_ASSESS_ARGS, '--out', built]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/477 accepted, 0 rejected/);
    expect(r.stderr).toBe('');
    const source = createOutDir();
    await runAssess({ sites: DEMO, zones: ZONES, crs: 'wgs84', out: source });
    for (const f of FIVE) expect(readFileSync(join(built, f)), f).toEqual(readFileSync(join(source, f)));
    // the search in three parts, two of them in the built setbackWorker.js's threads: the same bytes, no fallback
    const threaded = createOutDir();
    const t = runBuilt(['assess', ...DEMO_ASSESS_ARGS, '--threads', '3', '--out', threaded]);
    expect(t.status, t.stderr).toBe(0);
    expect(t.stderr).toBe('');
    for (const f of FIVE) expect(readFileSync(join(threaded, f)), f).toEqual(readFileSync(join(source, f)));
  });

  it('whitepaper: uses the figure font and resvg wasm copied beside it; same checksums as from source', async () => {
    expect(readdirSync(join(BUILT, 'data', 'fonts'))).toEqual(
      expect.arrayContaining(['NotoSansCJKsc-Regular.subset.otf', 'OFL.txt']),
    );
    const args = { sites: DEMO, zones: ZONES, crs: 'wgs84', dataDate: '2026-11-01' };
    const built = createOutDir();
    const r = runBuilt([
      'whitepaper',
      '--sites',
      DEMO[0]!,
      '--sites',
      DEMO[1]!,
      '--zones',
      ZONES,
      '--crs',
      'wgs84',
      '--data-date',
      args.dataDate,
      '--out',
      built,
    ]);
    expect(r.status, r.stderr).toBe(0);
    const source = createOutDir();
    await runAssess({ ...args, whitepaper: true, out: source });
    const checksums = readFileSync(join(built, 'checksums.sha256'), 'utf8');
    expect(checksums).toMatch(/ {2}figures\/F1-zoning-map\.png\n/);
    expect(checksums).toBe(readFileSync(join(source, 'checksums.sha256'), 'utf8'));
  });
});
