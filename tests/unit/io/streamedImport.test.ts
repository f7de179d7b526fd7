// A streamed import (createRowImporter with `onSettled`, as the PostGIS executor loads) hands its sites over and finds
// repeated ids only in the CRS sample; the caller finds the rest and withLaterDuplicates writes them into the report.
// Both together must give what the ordinary import gives: the same reports, byte for byte, and the same sites.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  importSites,
  withLaterDuplicates,
  type ImportFileReport,
  type LaterDuplicate,
  type SettledRow,
} from '../../../src/io';
import type { Site } from '../../../src/engine';
import { demoZones } from '../../helpers/files';

const zones = demoZones();
const utf8 = (s: string) => new TextEncoder().encode(s);

interface Row {
  id: number;
  /** 0 inside the zones, 1 outside the study area, 2 not a number (rejected when read) */
  where: 0 | 1 | 2;
  district: '' | '玄武区' | '鼓楼区';
  lonJitter: number;
}

function csv(rows: Row[]): string {
  const lines = rows.map((r, k) => {
    const lon = r.where === 1 ? 121.47 + r.lonJitter : 118.78 + r.lonJitter;
    const lat = r.where === 1 ? 31.23 : 32.05;
    return `S${r.id},site ${k},加油站,${r.where === 2 ? 'x' : lon.toFixed(5)},${lat},${r.district}`;
  });
  return `编号,名称,类别,经度,纬度,所属区\n${lines.join('\n')}\n`;
}

/** What the ordinary import gives for the files read one after another (each knowing the ids before it). */
function heldImport(files: string[], crs: 'auto' | 'wgs84') {
  const ids = new Set<string>();
  const reports: ImportFileReport[] = [];
  const sites: Site[] = [];
  files.forEach((text, k) => {
    const r = importSites(`f${k}.csv`, utf8(text), { crs, zones, existingIds: new Set(ids) });
    for (const s of r.sites) {
      ids.add(s.id);
      sites.push(s);
    }
    reports.push(r.report);
  });
  return { reports, sites };
}

/**
 * The streamed import with the repeats found as the PostGIS load finds them (in SQL there; here the same rule): a row
 * repeats an id accepted from an earlier file, else the first valid row of its id in its own file.
 */
function streamedImport(files: string[], crs: 'auto' | 'wgs84') {
  const accepted = new Set<string>();
  const reports: ImportFileReport[] = [];
  const sites: Site[] = [];
  let rereads = 0;
  const found: LaterDuplicate[] = [];
  let warnedRepeats = 0;
  files.forEach((text, k) => {
    let loaded = new Set<string>();
    for (;;) {
      const settled: SettledRow[] = [];
      const r = importSites(`f${k}.csv`, utf8(text), {
        crs,
        zones,
        existingIds: loaded,
        onSettled: (row) => settled.push({ ...row }),
      });
      expect(r.sites).toEqual([]);
      const first = new Map<string, number>();
      const duplicates: LaterDuplicate[] = [];
      for (const row of settled) {
        const line = first.get(row.id);
        if (accepted.has(row.id) || line !== undefined)
          duplicates.push({
            line: row.line,
            id: row.id,
            firstLine: accepted.has(row.id) ? null : line!,
            wasAccepted: row.site !== null,
          });
        else first.set(row.id, row.line);
      }
      const inSample = duplicates.filter((d) => d.firstLine === null && d.line <= r.streamed!.sampleEndLine);
      if (inSample.length) {
        rereads++;
        loaded = new Set([...loaded, ...inSample.map((d) => d.id)]);
        continue;
      }
      const repeated = new Set(duplicates.map((d) => d.line));
      for (const row of settled) if (row.site && !repeated.has(row.line)) sites.push(row.site);
      for (const row of settled) if (row.site && !repeated.has(row.line)) accepted.add(row.id);
      for (const d of duplicates) found.push(d);
      warnedRepeats += r.report.warnings.filter((w) => repeated.has(w.line)).length;
      reports.push(withLaterDuplicates(r, duplicates));
      break;
    }
  });
  return { reports, sites, rereads, found, warnedRepeats };
}

const row = fc.record({
  id: fc.integer({ min: 0, max: 900 }),
  where: fc.constantFrom<Row['where']>(0, 0, 0, 0, 1, 2),
  district: fc.constantFrom<Row['district']>('', '', '玄武区', '鼓楼区'),
  lonJitter: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
});

describe('a streamed import with its repeats found afterwards = the ordinary import', () => {
  it.each(['auto', 'wgs84'] as const)('CRS %s: reports byte for byte, the same sites (property)', (crs) => {
    const samples: ReturnType<typeof streamedImport>[] = [];
    fc.assert(
      fc.property(
        fc.array(fc.array(row, { maxLength: 1500, size: 'max' }), { minLength: 1, maxLength: 3 }),
        (files) => {
          const texts = files.map(csv);
          const held = heldImport(texts, crs);
          const streamed = streamedImport(texts, crs);
          expect(JSON.stringify(streamed.reports, null, 1)).toBe(JSON.stringify(held.reports, null, 1));
          expect(streamed.sites.map((s) => s.id).sort()).toEqual(held.sites.map((s) => s.id).sort());
          const byId = (a: Site, b: Site) => (a.id < b.id ? -1 : 1);
          expect([...streamed.sites].sort(byId)).toEqual([...held.sites].sort(byId));
          samples.push(streamed);
        },
      ),
      { numRuns: 25, seed: 20261206 },
    );
    // the cases the property is about did occur: repeats found afterwards, with warnings, and files read again
    const found = samples.flatMap((s) => s.found);
    expect(found.filter((d) => d.firstLine !== null).length).toBeGreaterThan(10);
    expect(found.filter((d) => d.firstLine === null).length).toBeGreaterThan(10);
    expect(found.filter((d) => !d.wasAccepted).length).toBeGreaterThan(0);
    expect(samples.some((s) => s.warnedRepeats > 0)).toBe(true);
    if (crs === 'auto') expect(samples.some((s) => s.rereads > 0)).toBe(true);
  });

  it('reads a file again when a row of the CRS sample repeats an earlier file’s id', () => {
    const first = csv([{ id: 1, where: 0, district: '', lonJitter: 0 }]);
    const second = csv([
      { id: 1, where: 0, district: '', lonJitter: 0.01 },
      { id: 1, where: 0, district: '', lonJitter: 0.02 },
      { id: 2, where: 0, district: '', lonJitter: 0.03 },
    ]);
    const streamed = streamedImport([first, second], 'auto');
    expect(streamed.rereads).toBe(1);
    expect(streamed.reports).toEqual(heldImport([first, second], 'auto').reports);
    expect(streamed.reports[1]!.errors.map((e) => [e.line, e.reason])).toEqual([
      [2, '编号「S1」与已加载数据重复 (duplicate of an id already loaded)'],
      [3, '编号「S1」与已加载数据重复 (duplicate of an id already loaded)'],
    ]);
  });

  it('a repeat of a row whose position was rejected is still a repeat (the first valid row counts)', () => {
    const text = csv([
      { id: 5, where: 1, district: '', lonJitter: 0 },
      { id: 5, where: 0, district: '', lonJitter: 0 },
    ]);
    const streamed = streamedImport([text], 'wgs84');
    expect(streamed.reports).toEqual(heldImport([text], 'wgs84').reports);
    expect(streamed.reports[0]!.errors.map((e) => e.line)).toEqual([2, 3]);
    expect(streamed.reports[0]!.accepted).toBe(0);
  });
});
