// What both PostGIS executors do with their connection: run a statement, logged with the seconds it took (--log-sql,
// for a DBA, the docs and the benchmarks), and describe a (hazard profile × target kind) in the generated SQL.
import type pg from 'pg';
import { categoryByCode, type Site } from '../../engine';

export interface SqlSession {
  /** `work` run as the statement `sql`: the statement logged, then its time */
  timed: <T>(sql: string, work: () => Promise<T>) => Promise<T>;
  run: (sql: string) => Promise<pg.QueryResult>;
}

export function sqlSession(client: pg.Client, log?: (text: string) => void): SqlSession {
  const timed = async <T>(sql: string, work: () => Promise<T>): Promise<T> => {
    log?.(`${sql};`);
    const t0 = performance.now();
    const result = await work();
    log?.(`-- ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return result;
  };
  return { timed, run: (sql) => timed(sql, () => client.query(sql)) };
}

/** "加油站 (grade 1, none) → 学校 [important_public, section19]", for the comments of the generated SQL. */
export function describer(
  hazardOfProfile: (profile: number) => Site,
  kinds: readonly { category: string; classes: readonly string[] }[],
): (profile: number, kind: number) => string {
  return (profile, kind) => {
    const h = hazardOfProfile(profile);
    const attrs = [
      h.stationGrade && `grade ${h.stationGrade}`,
      h.vapourRecovery,
      h.protectionDistanceM !== undefined && `own ${h.protectionDistanceM} m`,
    ].filter(Boolean);
    const k = kinds[kind]!;
    return `${zh(h.category)}${attrs.length ? ` (${attrs.join(', ')})` : ''} → ${zh(k.category)} [${k.classes.join(', ')}]`;
  };
}

function zh(category: string): string {
  return categoryByCode(category)?.zh ?? category;
}
