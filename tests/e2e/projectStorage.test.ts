// The project store in a real browser's IndexedDB, driven directly: the module is bundled for the page with esbuild
// and run on the app's origin, so the test exercises the code the app ships, not a mock of IndexedDB.
import { describe, expect, inject, it } from 'vitest';
import { build } from 'esbuild';
import { useApp } from './useApp';

const app = useApp();

async function storageModule(): Promise<string> {
  const out = await build({ entryPoints: ['src/state/projectStorage.ts'], bundle: true, format: 'iife', globalName: 'projectStorage', write: false, platform: 'browser', logLevel: 'silent' });
  return out.outputFiles[0]!.text;
}

describe('project storage (IndexedDB)', () => {
  it('refuses the second of two saves from the same revision made at once (one transaction checks and commits)', async () => {
    const page = await app.session.newPage();
    // a blank page on the app's origin (its database), served without the app's CSP so the module can be injected
    const blank = new URL('storage-test-blank', inject('baseUrl')).href;
    await page.route(blank, (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>storage</title>' }));
    await page.goto(blank);
    await page.addScriptTag({ content: await storageModule() });
    const outcome = await page.evaluate(async () => {
      const s = (window as unknown as { projectStorage: typeof import('../../src/state/projectStorage') }).projectStorage;
      const project = {
        schema: 'usrm-project/2', id: 'race-test', name: '并发保存', city: '', assessmentDate: '', dataCredit: '', notes: '', datasets: [], zones: [],
        zonesSource: '', zonesDigest: null, zoning: { kind: 'polygons' }, profile: {}, rules: {}, revision: 0,
      } as unknown as Parameters<typeof s.saveProject>[0];
      const first = await s.saveProject(project); // revision 1 stored
      // two tabs that both hold revision 1 save at the same moment
      const results = await Promise.allSettled([s.saveProject({ ...first, name: 'A' }), s.saveProject({ ...first, name: 'B' })]);
      const stored = (await s.listProjects()).find((p) => p.id === 'race-test');
      await s.deleteStoredProject('race-test');
      return { statuses: results.map((r) => r.status), errors: results.map((r) => (r.status === 'rejected' ? (r.reason as Error).constructor.name : '')), stored };
    });
    expect(outcome.statuses.sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcome.errors.filter(Boolean)).toEqual(['SaveConflictError']);
    expect(outcome.stored?.revision).toBe(2);
    await page.close();
  });
});
