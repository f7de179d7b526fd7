// `whitepaper` adds figures/ and tables/ to the assess outputs. So far: F3 (risk points by district and level)
// and T2 (violations); the rest of the set (DESIGN §7) is tracked in its own issue.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Assessment } from '../engine';
import { violationsCsv } from '../io';
import { riskByDistrictFigure } from '../figures/riskByDistrictFigure';
import { DEMO_ATTRIBUTION } from '../figures/attribution';

export async function writeWhitepaperFiles(out: string, a: Assessment, dataDate: string): Promise<void> {
  await mkdir(join(out, 'figures'), { recursive: true });
  await mkdir(join(out, 'tables'), { recursive: true });
  const f3 = riskByDistrictFigure(a.stats, { dataDate, methodName: a.methodId, attribution: DEMO_ATTRIBUTION });
  await writeFile(join(out, 'figures', `${f3.id}.svg`), f3.svg);
  await writeFile(join(out, 'figures', `${f3.id}.csv`), f3.csv);
  await writeFile(join(out, 'tables', 'T2-violations.csv'), violationsCsv(a, { bom: true }));
}
