// The demo's first render, this tree against an earlier commit, in alternating fresh browsers: this VM's speed
// drifts by tens of percent within a day, so only runs interleaved in one session tell a change from noise.
// Usage: npm run bench:first-render-ab -- <git-ref> [rounds]   (e.g. HEAD~1 6)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';
import { launchChromium } from '../tests/e2e/browser';

const [ref = 'HEAD~1', roundsArg = '6'] = process.argv.slice(2);
const rounds = Number(roundsArg);
const scratch = mkdtempSync(join(tmpdir(), 'usrm-ab-'));
const here = resolve('.');
const worktree = join(scratch, 'tree');
execFileSync('git', ['worktree', 'add', '--detach', worktree, ref], { stdio: 'ignore' });
symlinkSync(join(here, 'node_modules'), join(worktree, 'node_modules'));
const builds = [
  { name: `this tree`, root: here, outDir: join(scratch, 'this') },
  { name: ref, root: worktree, outDir: join(scratch, 'ref') },
];
try {
  for (const b of builds) await build({ root: b.root, configFile: join(b.root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: b.outDir, emptyOutDir: true } });
  const servers = await Promise.all(builds.map((b) => preview({ root: b.root, configFile: join(b.root, 'vite.config.ts'), preview: { host: '127.0.0.1', port: 0, strictPort: false }, build: { outDir: b.outDir }, logLevel: 'warn' })));
  const times: number[][] = builds.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (const i of r % 2 === 0 ? [0, 1] : [1, 0]) {
      const session = await launchChromium();
      try {
        const page = await session.newPage();
        await page.goto(servers[i]!.resolvedUrls!.local[0]!);
        await page.waitForSelector('[data-map-ready="true"]', { timeout: 120_000 });
        times[i]!.push(Number(await page.getByTestId('map').getAttribute('data-ready-at')));
      } finally {
        await session.close();
      }
    }
  }
  await Promise.all(servers.map((s) => s.close()));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`demo first complete render (navigation → idle), ${rounds} fresh browsers each, alternating`);
  builds.forEach((b, i) => console.log(`  ${b.name}: median ${median(times[i]!).toFixed(0)} ms  [${times[i]!.map((t) => t.toFixed(0)).join(', ')}]`));
  console.log(`  ratio this tree / ${ref}: ${(median(times[0]!) / median(times[1]!)).toFixed(2)}`);
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', worktree], { stdio: 'ignore' });
  rmSync(scratch, { recursive: true, force: true });
}
