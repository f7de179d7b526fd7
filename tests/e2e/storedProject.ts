// What the app has saved, read straight from its IndexedDB: a test that reloads waits until the change it made is
// stored (the autosave is debounced), rather than sleeping for longer than the debounce.
import type { Page } from 'playwright-core';

/** The last-opened project's record as stored (null when none is), with the fields the tests read. */
export interface StoredProjectRecord {
  id: string;
  name: string;
  revision: number;
  rules: { rules: { id: string; min_distance_m: number | null }[] };
  /** each with its report and rejected rows (read from the record `reportKey` names when they were saved apart) */
  datasets: {
    file: string;
    report: { accepted: number; rejected: number };
    rejectedRows?: unknown;
    reportKey?: string;
  }[];
  /** rescue within reach: the road network file named (the file itself is kept in its own record) and the population grid */
  roads?: { file: string; sha256: string; lines: number } | null;
  population?: { file: string; zones: unknown[] } | null;
  /** QRA contour files, inline */
  contourFiles?: { file: string; contours: unknown[] }[];
}

export function storedProject(page: Page): Promise<StoredProjectRecord | null> {
  return page.evaluate(
    () =>
      new Promise<StoredProjectRecord | null>((resolve, reject) => {
        const open = indexedDB.open('urban-safety-risk-map');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('projects').objectStore('projects');
          const last = store.get('last-project');
          last.onsuccess = () => {
            if (last.result === undefined) {
              open.result.close();
              return resolve(null);
            }
            const record = store.get(`project:${String(last.result)}`);
            record.onsuccess = () => {
              const project = (record.result as StoredProjectRecord | undefined) ?? null;
              // a dataset's report and rejected rows may be saved apart, in the record its reportKey names
              const apart = project?.datasets.filter((d) => typeof d.reportKey === 'string') ?? [];
              let pending = apart.length;
              const done = () => {
                open.result.close();
                resolve(project);
              };
              if (pending === 0) return done();
              for (const d of apart) {
                const r = store.get(d.reportKey!);
                r.onsuccess = () => {
                  Object.assign(d, r.result as object | undefined);
                  if (--pending === 0) done();
                };
              }
            };
          };
        };
      }),
  );
}

/** the stored distance of one rule */
export const storedRuleDistance = async (page: Page, ruleId: string): Promise<number | null | undefined> =>
  (await storedProject(page))?.rules.rules.find((r) => r.id === ruleId)?.min_distance_m;
