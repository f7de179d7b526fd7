// --sites-table [SCHEMA.]TABLE: sites read from an existing table or view instead of a file. Each row goes through
// the same row importer as a file's (automatic column mapping by header, --column overrides, every row checked and
// accounted for in import-report.json); the geometry column is read as GeoJSON in WGS-84 (ST_Transform from the
// column's SRID; a geography column is WGS-84 already). Rows are streamed through a cursor.
import type pg from 'pg';
import Cursor from 'pg-cursor';
import type { Geometry } from 'geojson';
import { createRowImporter, type ImportOptions, type ImportResult } from '../../io';
import { InputError, UsageError } from '../errors';
import { connect } from './connect';

const BATCH_ROWS = 5_000;

export async function readSitesTable(
  db: string | undefined,
  table: string,
  geometryColumn: string | undefined,
  options: ImportOptions,
): Promise<ImportResult> {
  const client = await connect(db);
  try {
    const relation = quoteRelation(table);
    const found = await client.query<{ rel: string | null }>('select to_regclass($1)::text as rel', [relation]);
    if (!found.rows[0]?.rel) throw new InputError(`--sites-table ${table}: no such table or view`);
    const columns = await columnsOf(client, relation);
    const spatial = columns.filter((c) => /^(geometry|geography)\b/.test(c.type));
    const geom =
      geometryColumn === undefined
        ? spatial.length === 1
          ? spatial[0]
          : undefined
        : spatial.find((c) => c.name === geometryColumn);
    if (!geom) {
      throw new UsageError(
        geometryColumn === undefined
          ? `--sites-table ${table}: ${spatial.length ? `several geometry columns (${spatial.map((c) => c.name).join(', ')}): name one with --geometry-column` : 'no geometry or geography column'}`
          : `--sites-table ${table}: no geometry or geography column "${geometryColumn}"`,
      );
    }
    const headers = columns.filter((c) => c !== geom).map((c) => c.name);
    const g = quoteIdent(geom.name);
    const wgs84 = geom.type.startsWith('geography') ? `${g}::geometry` : `ST_Transform(${g}, 4326)`;
    const sql = `select ${[...headers.map((h) => `${quoteIdent(h)}::text`), `ST_AsGeoJSON(${wgs84}, 15)`].join(', ')} from ${relation}`;
    const importer = createRowImporter(`table ${table}`, headers, 'utf-8', { ...options, crs: 'wgs84' });
    const cursor = client.query(new Cursor(sql, [], { rowMode: 'array' }));
    let line = 0;
    try {
      for (;;) {
        const rows: (string | null)[][] = await cursor.read(BATCH_ROWS);
        if (rows.length === 0) break;
        for (const r of rows) {
          const json = r[headers.length];
          importer.add({
            line: ++line,
            cells: headers.map((_, i) => r[i]?.trim() ?? ''),
            geometry: json ? (JSON.parse(json) as Geometry) : null,
          });
        }
      }
    } catch (e) {
      throw new InputError(`--sites-table ${table}: ${(e as Error).message}`);
    } finally {
      await cursor.close().catch(() => {});
    }
    return importer.finish();
  } finally {
    await client.end();
  }
}

async function columnsOf(client: pg.Client, relation: string): Promise<{ name: string; type: string }[]> {
  const r = await client.query<{ name: string; type: string }>(
    `select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute
     where attrelid = $1::regclass and attnum > 0 and not attisdropped order by attnum`,
    [relation],
  );
  return r.rows;
}

/** "schema.table" or "table" → a quoted relation name (each part quoted as written). */
function quoteRelation(name: string): string {
  const parts = name.split('.');
  if (parts.length > 2 || parts.some((p) => p === ''))
    throw new UsageError(`--sites-table "${name}" is not TABLE or SCHEMA.TABLE`);
  return parts.map(quoteIdent).join('.');
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
