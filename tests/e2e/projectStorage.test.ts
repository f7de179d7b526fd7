// The project store in a real browser's IndexedDB, driven directly: the module is bundled for the page with esbuild
// and run on the app's origin, so the test exercises the code the app ships, not a mock of IndexedDB.
import { describe, expect, inject, it } from 'vitest';
import { build } from 'esbuild';
import { useApp } from './useApp';

const app = useApp();

async function bundled(entry: string, globalName: string): Promise<string> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName,
    write: false,
    platform: 'browser',
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}
const storageModule = () => bundled('src/state/projectStorage.ts', 'projectStorage');

/** A blank page on the app's origin (its database), served without the app's CSP so modules can be injected. */
async function blankPage() {
  const page = await app.session.newPage();
  const blank = new URL('storage-test-blank', inject('baseUrl')).href;
  await page.route(blank, (r) =>
    r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>storage</title>' }),
  );
  await page.goto(blank);
  return page;
}

describe('project storage (IndexedDB)', () => {
  it('refuses the second of two saves from the same revision made at once (one transaction checks and commits)', async () => {
    const page = await blankPage();
    await page.addScriptTag({ content: await storageModule() });
    const outcome = await page.evaluate(async () => {
      const s = (window as unknown as { projectStorage: typeof import('../../src/state/projectStorage') })
        .projectStorage;
      const project = {
        schema: 'usrm-project/2',
        id: 'race-test',
        name: '并发保存',
        city: '',
        assessmentDate: '',
        dataCredit: '',
        notes: '',
        datasets: [],
        zones: [],
        zonesSource: '',
        zonesDigest: null,
        zoning: { kind: 'polygons' },
        profile: {},
        rules: {},
        revision: 0,
      } as unknown as Parameters<typeof s.saveProject>[0];
      const noSites = async () => null; // the project has no dataset to store
      const first = await s.saveProject(project, noSites); // revision 1 stored
      // two tabs that both hold revision 1 save at the same moment
      const results = await Promise.allSettled([
        s.saveProject({ ...first, name: 'A' }, noSites),
        s.saveProject({ ...first, name: 'B' }, noSites),
      ]);
      const stored = (await s.listProjects()).find((p) => p.id === 'race-test');
      await s.deleteStoredProject('race-test');
      return {
        statuses: results.map((r) => r.status),
        errors: results.map((r) => (r.status === 'rejected' ? (r.reason as Error).constructor.name : '')),
        stored,
      };
    });
    expect(outcome.statuses.sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcome.errors.filter(Boolean)).toEqual(['SaveConflictError']);
    expect(outcome.stored?.revision).toBe(2);
    await page.close();
  });

  it('keeps a dataset’s sites where the engine holds them: saved in records of 5 000, read back the same, checked', async () => {
    const page = await blankPage();
    await page.addScriptTag({ content: await storageModule() });
    await page.addScriptTag({ content: await bundled('src/worker/engineHost.ts', 'engineHost') });
    const outcome = await page.evaluate(async () => {
      const w = window as unknown as {
        projectStorage: typeof import('../../src/state/projectStorage');
        engineHost: typeof import('../../src/worker/engineHost');
      };
      const host = w.engineHost.createEngineHost();
      // 12 001 sites: three records (5 000, 5 000, 2 001)
      const sites = Array.from({ length: 12_001 }, (_, i) => ({
        id: `S${i}`,
        name: `点${i}`,
        category: 'school',
        geometry: { type: 'Point', coordinates: [118.7 + i * 1e-5, 32.0] },
      }));
      const held = await host.hold('a.csv#1', sites as never, 'sites-test');
      const project = {
        schema: 'usrm-project/2',
        id: 'sites-test',
        name: '点位保存',
        city: '',
        assessmentDate: '',
        dataCredit: '',
        notes: '',
        zones: [],
        datasets: [
          {
            id: 'a.csv#1',
            file: 'a.csv',
            report: { file: 'a.csv', rows: 12_001, accepted: 12_001, rejected: 0 },
            demo: false,
          },
        ],
        zonesSource: '',
        zonesDigest: null,
        zoning: { kind: 'polygons' },
        profile: {},
        rules: {},
        revision: 0,
      } as unknown as Parameters<typeof w.projectStorage.saveProject>[0];
      // held before the save: the save finds its records already written (the import stores them at once)
      w.projectStorage.noteStoredSites('a.csv#1', held.stored!);
      let storedBySave = 0;
      await w.projectStorage.saveProject(project, async () => (storedBySave++, null));
      const raw = await new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('urban-safety-risk-map');
        open.onsuccess = () => {
          const get = open.result.transaction('projects').objectStore('projects').get('project:sites-test');
          get.onsuccess = () => resolve(get.result);
          get.onerror = () => reject(get.error);
        };
      });
      const record = raw as { datasets: { siteChunks: string[]; sites?: unknown }[] };
      const fresh = w.engineHost.createEngineHost(); // another session's engine
      const loaded = await fresh.load('again', {
        stored: { projectId: 'sites-test', keys: record.datasets[0]!.siteChunks },
      });
      const back = fresh.writeProjectFile({ ...project, datasets: [{ ...project.datasets[0]!, id: 'again' }] });
      const file = JSON.parse(new TextDecoder().decode(back.bytes)) as { datasets: { sites: { id: string }[] }[] };
      await w.projectStorage.deleteStoredProject('sites-test');
      let refused = '';
      await fresh
        .load('gone', { stored: { projectId: 'sites-test', keys: record.datasets[0]!.siteChunks } })
        .catch((e: Error) => (refused = e.message));
      return {
        held,
        storedBySave,
        records: record.datasets[0]!.siteChunks.length,
        inline: 'sites' in record.datasets[0]!,
        loaded,
        ids: file.datasets[0]!.sites.map((s) => s.id),
        refused,
      };
    });
    expect(outcome.held).toMatchObject({ count: 12_001, fictitious: false });
    expect(outcome.storedBySave).toBe(0);
    expect(outcome.records).toBe(3);
    expect(outcome.inline).toBe(false);
    expect(outcome.loaded.count).toBe(12_001);
    expect(outcome.ids).toEqual(Array.from({ length: 12_001 }, (_, i) => `S${i}`));
    expect(outcome.refused).not.toBe(''); // records deleted with their project cannot be read back as if nothing happened
    await page.close();
  });

  it('deletes the site records a save no longer names, from the list kept beside the record or from an older record', async () => {
    const page = await blankPage();
    await page.addScriptTag({ content: await storageModule() });
    await page.addScriptTag({ content: await bundled('src/engine/defaults.ts', 'engineDefaults') }); // a project that loads needs a valid method and rule table
    const outcome = await page.evaluate(async () => {
      const s = (window as unknown as { projectStorage: typeof import('../../src/state/projectStorage') })
        .projectStorage;
      const { defaultConfig } = (window as unknown as { engineDefaults: typeof import('../../src/engine/defaults') })
        .engineDefaults;
      let db: IDBDatabase;
      const run = (mode: IDBTransactionMode, f: (os: IDBObjectStore) => IDBRequest) =>
        new Promise<unknown>((resolve, reject) => {
          const r = f(db.transaction('projects', mode).objectStore('projects'));
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      const present = async (keys: string[]) =>
        Promise.all(keys.map(async (k) => (await run('readonly', (os) => os.get(k))) !== undefined));
      const dataset = (id: string) => ({
        id,
        file: `${id}.csv`,
        report: { file: `${id}.csv`, rows: 1, accepted: 1, rejected: 0 },
        demo: false,
      });
      const project = {
        schema: 'usrm-project/2',
        id: 'stale-test',
        name: '旧记录',
        city: '',
        assessmentDate: '',
        dataCredit: '',
        notes: '',
        zones: [],
        datasets: [dataset('a')],
        zonesSource: '',
        zonesDigest: null,
        zoning: { kind: 'polygons' },
        profile: defaultConfig().method,
        rules: defaultConfig().rules,
        revision: 0,
      } as unknown as Parameters<typeof s.saveProject>[0];
      s.noteStoredSites('a', { projectId: 'stale-test', keys: ['sites:a:0'] });
      s.noteStoredSites('b', { projectId: 'stale-test', keys: ['sites:b:0'] });
      // c's report and rejected rows saved apart (as the import worker saves them)
      s.noteStoredSites('c', { projectId: 'stale-test', keys: ['sites:c:0'], reportKey: 'report:c' });
      const noSites = async () => null;
      const first = await s.saveProject(project, noSites); // (the first save creates the database)
      db = await new Promise<IDBDatabase>((resolve) => {
        const open = indexedDB.open('urban-safety-risk-map');
        open.onsuccess = () => resolve(open.result);
      });
      // the records each dataset's sites were saved in (their content does not matter here)
      for (const k of ['sites:a:0', 'sites:b:0', 'sites:c:0']) await run('readwrite', (os) => os.put([], k));
      const cReport = {
        report: { ...dataset('c').report, file: 'c.csv', rows: 3, accepted: 2, rejected: 1 },
        rejectedRows: { headers: ['名称'], rows: [{ line: 3, cells: ['坏行'] }], omitted: 0 },
      };
      await run('readwrite', (os) => os.put(cReport, 'report:c'));
      const listed = await run('readonly', (os) => os.get('chunks:stale-test'));
      const second = await s.saveProject({ ...first, datasets: [dataset('b')] } as typeof first, noSites);
      const afterSecond = await present(['sites:a:0', 'sites:b:0']);
      // a record saved before the list was kept: the list is gone, the record names the records
      await run('readwrite', (os) => os.delete('chunks:stale-test'));
      await s.saveProject({ ...second, datasets: [dataset('c')] } as typeof second, noSites);
      const afterLegacy = await present(['sites:b:0', 'sites:c:0']);
      const record = (await run('readonly', (os) => os.get('project:stale-test'))) as {
        datasets: Record<string, unknown>[];
      };
      const loaded = await s.loadProject('stale-test');
      await s.deleteStoredProject('stale-test');
      const afterDelete = await present(['sites:c:0', 'report:c', 'chunks:stale-test', 'project:stale-test']);
      return {
        listed,
        afterSecond,
        afterLegacy,
        afterDelete,
        recordKeys: Object.keys(record.datasets[0]!).sort(),
        loaded: loaded.datasets[0],
        cReport,
      };
    });
    expect(outcome.listed).toEqual(['sites:a:0']);
    expect(outcome.afterSecond).toEqual([false, true]);
    expect(outcome.afterLegacy).toEqual([false, true]);
    expect(outcome.afterDelete).toEqual([false, false, false, false]);
    // the record names c's report record instead of holding the report; loading reads it back
    expect(outcome.recordKeys).toEqual(['demo', 'file', 'reportKey', 'siteChunks']);
    expect(outcome.loaded).toMatchObject({
      report: outcome.cReport.report,
      rejectedRows: outcome.cReport.rejectedRows,
      stored: { keys: ['sites:c:0'], reportKey: 'report:c' },
    });
    await page.close();
  });
});
