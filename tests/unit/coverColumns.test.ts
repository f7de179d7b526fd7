// Rescue cover rows cross from the engine worker to the page as columns (worker/coverColumns, state/reachCover): the
// rows the page reads back must be the rows the engine made, on the demo with its stations (the in-process engine's
// own rows are the known answer), and a repeated site id must still find its own site.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createAppStore } from '../../src/state/store';
import { createEngineClient } from '../../src/worker/engineClient';
import { assessedReach } from '../../src/state/assessedReach';
import { coverRowOf, hasCover, withCoverRows } from '../../src/state/reachCover';
import { reachForPage, reachTransfer } from '../../src/worker/reachMessage';
import { packCover } from '../../src/worker/coverColumns';
import { loadDemo } from '../../src/state/slices/project';
import type { AssessedSite, CoverRow } from '../../src/engine';

const demoFile = (name: string) => new Uint8Array(readFileSync(`data/demo/${name}`));

describe('rescue cover as columns', { timeout: 60_000 }, () => {
  it("gives the page the engine's rows: all of them when read, one site's by its position, none for a rescue site", async () => {
    const store = createAppStore();
    await loadDemo(
      { store, engine: createEngineClient() },
      {
        zones: { file: 'nanjing-districts.wgs84.geojson', bytes: demoFile('nanjing-districts.wgs84.geojson') },
        sites: [
          { file: 'nanjing-sites.fictitious.csv', bytes: demoFile('nanjing-sites.fictitious.csv'), crs: 'wgs84' },
          { file: 'nanjing-rescue.fictitious.csv', bytes: demoFile('nanjing-rescue.fictitious.csv'), crs: 'wgs84' },
        ],
      },
      { id: 'cover-1', name: 'demo', city: '', assessmentDate: '', dataCredit: '', notes: '' },
    );
    const a = store.getState().assessment!;
    const made = assessedReach.of(a)!;
    const rows = made.result.cover!;
    expect(rows.length).toBeGreaterThan(300);
    expect(rows.some((r) => r.highRiskUncovered)).toBe(true);

    const sent = reachForPage(made, a.sites);
    expect(sent.result.cover).toBeNull();
    expect(sent.coverColumns!.position).toHaveLength(rows.length);
    const received = withCoverRows(structuredClone(sent, { transfer: reachTransfer(sent) }), a.sites);
    expect(hasCover(received)).toBe(true);
    for (const row of [rows[0]!, rows.find((r) => r.highRiskUncovered)!, rows.at(-1)!]) {
      const at = a.sites.findIndex((s) => s.id === row.siteId);
      expect(coverRowOf(received, a.sites, at, a.sites[at]!)).toEqual(row);
    }
    const station = a.sites.findIndex((s) => s.category === 'fire_station');
    expect(coverRowOf(received, a.sites, station, a.sites[station]!)).toBeUndefined();
    expect(received.result.cover).toEqual(rows);
    // and on to the white-paper worker: a clone carries the rows
    expect(structuredClone(received).result.cover).toEqual(rows);
  });

  it('finds each of two sites with one id by walking the sites in order', () => {
    const site = (id: string, name: string, level: AssessedSite['level']) =>
      ({ id, name, category: 'school', role: 'target', level }) as AssessedSite;
    const sites = [site('S1', 'first', null), site('S1', 'second', null), site('S2', 'third', null)];
    const row = (s: AssessedSite, minutes: number | null): CoverRow => ({
      siteId: s.id,
      name: s.name,
      category: s.category,
      role: 'target',
      level: null,
      nearestResourceId: minutes === null ? null : 'F1',
      minutes,
      circle: '135',
      targetMinutes: 5,
      status: minutes !== null && minutes <= 5 ? 'covered' : 'uncovered',
      mode: 'screening',
      highRiskUncovered: false,
      note: minutes === null ? '无可达救援力量' : '',
    });
    const rows = [row(sites[0]!, 3), row(sites[1]!, 7.5), row(sites[2]!, null)];
    const c = packCover(rows, sites, ['F0', 'F1'])!;
    expect(Array.from(c.position)).toEqual([0, 1, 2]);
    const reach = {
      result: { cover: null, resources: [{ id: 'F0' }, { id: 'F1' }], mode: 'screening' },
      coverColumns: c,
    };
    const page = reach as unknown as Parameters<typeof coverRowOf>[0];
    expect(coverRowOf(page, sites, 1, sites[1]!)).toEqual(rows[1]);
    expect(coverRowOf(page, sites, 2, sites[2]!)).toEqual(rows[2]);
    // rows that do not follow the sites are not packed (the page gets them as they are)
    expect(packCover([rows[2]!, rows[0]!], sites, ['F0', 'F1'])).toBeNull();
  });
});
