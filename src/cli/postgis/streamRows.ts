// Every row of a query through a server-side cursor, a batch at a time: the client never holds a whole result.
import type pg from 'pg';
import Cursor from 'pg-cursor';

const BATCH_ROWS = 10_000;

export async function streamRows(
  client: pg.Client,
  sql: string,
  values: unknown[],
  each: (row: unknown[]) => void,
): Promise<void> {
  const cursor = client.query(new Cursor(sql, values, { rowMode: 'array' }));
  try {
    for (;;) {
      const rows: unknown[][] = await cursor.read(BATCH_ROWS);
      if (rows.length === 0) break;
      for (const r of rows) each(r);
    }
  } finally {
    await cursor.close();
  }
}
