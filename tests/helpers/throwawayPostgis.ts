// A PostGIS for tests: the one named by USRM_TEST_DB (a libpq URI), else a throwaway cluster started here with the
// distribution's PostgreSQL (initdb into a temporary folder, listening on a Unix socket in it only: no port, no
// password), stopped and removed afterwards. initdb refuses to run as root, so as root the cluster belongs to the
// `postgres` system user (runuser). Nothing is mocked: the tests run against a real server.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestDatabase {
  /** libpq URI of a database with PostGIS */
  db: string;
  stop(): void;
}

/** The folder with initdb and pg_ctl, newest version first; null when PostgreSQL is not installed. */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  for (const v of readdirSync(root).sort((a, b) => Number(b) - Number(a))) {
    const bin = join(root, v, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(root, v, 'lib', 'postgis-3.so'))) return bin;
  }
  return null;
}

/** Why no database can be had here, or null when one can. */
export function unavailableReason(): string | null {
  if (process.env.USRM_TEST_DB) return null;
  if (!postgresBin())
    return 'PostgreSQL with PostGIS 3 is not installed (apt-get install postgresql postgis), and USRM_TEST_DB is not set';
  if (process.getuid?.() === 0 && spawnSync('id', ['postgres']).status !== 0)
    return 'running as root and there is no postgres user to own a throwaway cluster';
  return null;
}

export function startTestDatabase(): TestDatabase {
  if (process.env.USRM_TEST_DB) return { db: process.env.USRM_TEST_DB, stop: () => {} };
  const bin = postgresBin()!;
  const dir = mkdtempSync(join(tmpdir(), 'usrm-pg-'));
  const asRoot = process.getuid?.() === 0;
  // the cluster's owner runs its commands; as root that is the postgres user, who must be able to reach the folder
  const run = (cmd: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : cmd, asRoot ? ['-u', 'postgres', '--', cmd, ...args] : args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  if (asRoot) {
    chmodSync(dir, 0o777);
    execFileSync('chown', ['postgres', dir]);
  }
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  // Unix socket in the temporary folder only (listen_addresses empty: no TCP port to collide with)
  run(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-k ${dir} -c listen_addresses='' -c fsync=off`,
    'start',
  ]);
  const db = `postgresql://postgres@/postgres?host=${encodeURIComponent(dir)}`;
  execFileSync(
    join(bin, 'psql'),
    ['-X', '-q', '-h', dir, '-U', 'postgres', '-d', 'postgres', '-c', 'create extension postgis'],
    { stdio: 'pipe' },
  );
  return {
    db,
    stop() {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
