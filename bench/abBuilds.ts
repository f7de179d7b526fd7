// Two builds of the app served side by side: this tree and a git ref (a worktree sharing node_modules). For A/B
// benchmarks: this VM's speed drifts by tens of percent within a day, so only runs interleaved in one session tell a
// change from noise.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';

export interface ServedBuild {
  name: string;
  url: string;
}

export async function withBuildsOf(
  ref: string,
  run: (builds: ServedBuild[], scratch: string) => Promise<void>,
): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'usrm-ab-'));
  const here = resolve('.');
  const worktree = join(scratch, 'tree');
  execFileSync('git', ['worktree', 'add', '--detach', worktree, ref], { stdio: 'ignore' });
  symlinkSync(join(here, 'node_modules'), join(worktree, 'node_modules'));
  const trees = [
    { name: 'this tree', root: here, outDir: join(scratch, 'this') },
    { name: ref, root: worktree, outDir: join(scratch, 'ref') },
  ];
  try {
    for (const t of trees)
      await build({
        root: t.root,
        configFile: join(t.root, 'vite.config.ts'),
        logLevel: 'warn',
        build: { outDir: t.outDir, emptyOutDir: true },
      });
    const servers = await Promise.all(
      trees.map((t) =>
        preview({
          root: t.root,
          configFile: join(t.root, 'vite.config.ts'),
          preview: { host: '127.0.0.1', port: 0, strictPort: false },
          build: { outDir: t.outDir },
          logLevel: 'warn',
        }),
      ),
    );
    try {
      await run(
        trees.map((t, i) => ({ name: t.name, url: servers[i]!.resolvedUrls!.local[0]! })),
        scratch,
      );
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', worktree], { stdio: 'ignore' });
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Round r runs the builds in the order 0,1 or 1,0, so neither always goes first. */
export const alternating = (round: number): number[] => (round % 2 === 0 ? [0, 1] : [1, 0]);

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
