// A connection to the user's PostgreSQL: `--db` as a libpq URI (postgresql://user@host/db?host=/socket/dir) or as
// libpq keywords (host=/tmp dbname=x user=y), else the usual PG* variables (PGHOST, PGPORT, PGDATABASE, PGUSER,
// PGPASSWORD), which node-postgres reads itself. Where those leave a gap, the defaults are libpq's rather than
// node-postgres's: the user is the login name (node-postgres reads $USER, which cron and CI may not set), and the
// server is the Unix socket of a Debian/Ubuntu PostgreSQL when there is one (node-postgres would try TCP localhost).
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import pg from 'pg';
import { InputError } from '../errors';

const DEBIAN_SOCKET_DIR = '/var/run/postgresql';

export async function connect(db: string | undefined): Promise<pg.Client> {
  if (!process.env.PGUSER && !process.env.USER) pg.defaults.user = userInfo().username;
  if (!process.env.PGHOST && existsSync(DEBIAN_SOCKET_DIR)) pg.defaults.host = DEBIAN_SOCKET_DIR;
  const client = new pg.Client(db === undefined ? {} : db.includes('://') ? { connectionString: db } : keywords(db));
  try {
    await client.connect();
  } catch (e) {
    throw new InputError(
      `cannot connect to PostgreSQL${db ? ` (${redacted(db)})` : ' (PG* variables)'}: ${(e as Error).message}`,
    );
  }
  try {
    await client.query('select postgis_lib_version()');
  } catch {
    await client.end();
    throw new InputError('the database has no PostGIS: a superuser can add it with CREATE EXTENSION postgis');
  }
  return client;
}

const KEYWORDS: Record<string, keyof pg.ClientConfig> = {
  host: 'host',
  port: 'port',
  dbname: 'database',
  user: 'user',
  password: 'password',
  application_name: 'application_name',
};

/** "host=/tmp dbname=usrm user=me" (libpq keywords; values without spaces or quotes) → a client config. */
function keywords(text: string): pg.ClientConfig {
  const config: Record<string, string | number> = {};
  for (const part of text.trim().split(/\s+/)) {
    const at = part.indexOf('=');
    const key = KEYWORDS[part.slice(0, at)];
    if (at <= 0 || !key)
      throw new InputError(
        `--db: "${part}" is not one of ${Object.keys(KEYWORDS).join(', ')}=VALUE (or give a postgresql:// URI)`,
      );
    config[key] = key === 'port' ? Number(part.slice(at + 1)) : part.slice(at + 1);
  }
  return config as pg.ClientConfig;
}

/** A connection string for a message, without its password. */
function redacted(db: string): string {
  return db.replace(/(:\/\/[^:/@]*:)[^@]*@/, '$1***@').replace(/password=\S+/, 'password=***');
}
