// Import + assessment of a generated city in Node: this tree against a git ref, runs interleaved in one session
// (this VM's speed drifts, so only an A/B in one run tells a change from noise). Each run is a fresh process.
// Usage: npm run bench:assess-ab -- <git-ref> [rows=1000000] [rounds=3]
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { alternating, median } from './abBuilds';

const [ref = 'HEAD~1', rowsArg = '1000000', roundsArg = '3'] = process.argv.slice(2);
const rows = Number(rowsArg);
const rounds = Number(roundsArg);
const here = resolve('.');
const scratch = mkdtempSync(join(tmpdir(), 'usrm-assess-ab-'));
const worktree = join(scratch, 'tree');
execFileSync('git', ['worktree', 'add', '--detach', worktree, ref], { stdio: 'ignore' });
symlinkSync(join(here, 'node_modules'), join(worktree, 'node_modules'));
// the same runner and generator in both trees, so only the engine and import differ
for (const f of ['assessRun.ts', 'generatedSites.ts']) copyFileSync(join(here, 'bench', f), join(worktree, 'bench', f));

interface Run {
  importMs: number;
  assessMs: number;
  maxRssMB: number;
  findings: number;
  zones: string;
  accepted: number;
}
const trees = [
  { name: 'this tree', root: here, runs: [] as Run[] },
  { name: ref, root: worktree, runs: [] as Run[] },
];
try {
  for (let r = 0; r < rounds; r++) {
    for (const i of alternating(r)) {
      const out = execFileSync(
        process.execPath,
        ['--max-old-space-size=8000', '--import', 'tsx', 'bench/assessRun.ts', String(rows)],
        { cwd: trees[i]!.root, encoding: 'utf8' },
      );
      const run = JSON.parse(out.trim().split('\n').pop()!) as Run;
      trees[i]!.runs.push(run);
      process.stderr.write(
        `round ${r + 1} ${trees[i]!.name}: import ${run.importMs} ms, assess ${run.assessMs} ms, peak RSS ${run.maxRssMB} MB\n`,
      );
    }
  }
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', worktree], { stdio: 'ignore' });
  rmSync(scratch, { recursive: true, force: true });
}
const [a, b] = trees as [(typeof trees)[0], (typeof trees)[0]];
const same =
  a.runs[0]!.findings === b.runs[0]!.findings &&
  a.runs[0]!.zones === b.runs[0]!.zones &&
  a.runs[0]!.accepted === b.runs[0]!.accepted;
console.log(
  `generated city, ${rows.toLocaleString('en')} rows (Nanjing's 11 districts), ${rounds} interleaved rounds, medians:`,
);
for (const t of trees)
  console.log(
    `  ${t.name.padEnd(12)} import ${median(t.runs.map((x) => x.importMs))} ms, assess ${median(t.runs.map((x) => x.assessMs))} ms, peak RSS ${median(t.runs.map((x) => x.maxRssMB))} MB`,
  );
console.log(
  `  ratio this/ref: import ${(median(a.runs.map((x) => x.importMs)) / median(b.runs.map((x) => x.importMs))).toFixed(2)}, assess ${(median(a.runs.map((x) => x.assessMs)) / median(b.runs.map((x) => x.assessMs))).toFixed(2)}`,
);
console.log(`  same results (accepted rows, findings, zone levels): ${same ? 'yes' : 'NO'}`);
