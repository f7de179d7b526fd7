// What the PostGIS tests compare and how they reach the database: violations.csv of two runs row by row (distances
// within 1 cm), and one statement on a connection of its own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import pg from 'pg';
import { expect } from 'vitest';

/** violations.csv of both runs: the same rows, distances and shortfalls (printed to the centimetre) within 1 cm. */
export function expectSameViolationsCsv(inDb: string, js: string): Record<string, string>[] {
  const rows = (dir: string) =>
    Papa.parse<Record<string, string>>(readFileSync(join(dir, 'violations.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
  const a = rows(inDb);
  const b = rows(js);
  expect(a.length).toBe(b.length);
  expect(b.length).toBeGreaterThan(0);
  a.forEach((row, i) => {
    const { distance_m: d1, shortfall_m: s1, ...rest1 } = row;
    const { distance_m: d2, shortfall_m: s2, ...rest2 } = b[i]!;
    expect(rest1).toEqual(rest2);
    expect(Math.abs(Number(d1) - Number(d2))).toBeLessThanOrEqual(0.0100001);
    expect(Math.abs(Number(s1 || 0) - Number(s2 || 0))).toBeLessThanOrEqual(0.0100001);
  });
  return b;
}

export async function sql(db: string, text: string, values?: unknown[]) {
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}
