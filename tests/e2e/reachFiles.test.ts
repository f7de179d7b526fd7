// Rescue within reach's own inputs in the real app (issue #21): a road network and a population grid uploaded in the
// data panel belong to the project: after a reload (real IndexedDB) they are listed and the road network is still
// what the engine routes on — the exported white paper's reach map is computed on roads, not screened (初筛). A project
// file carries both, and its import saves them for the new project.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { useApp } from './useApp';
import { storedProject } from './storedProject';
import { NANJING_CENTRE, roadGridGeoJson } from '../helpers/roadGrid';

const app = useApp();
// The two tests share one page (the second one after the first has removed its roads again: its project file and
// the road records it counts are its own); the first reloads it, which the shared page allows like any other.

const roadFile = {
  name: 'streets.geojson',
  mimeType: 'application/geo+json',
  buffer: Buffer.from(roadGridGeoJson(NANJING_CENTRE, 12)),
};
const populationFile = {
  name: 'people.geojson',
  mimeType: 'application/geo+json',
  buffer: Buffer.from(
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'g1', 人口: 50000 },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [118.7, 31.95],
                [118.9, 31.95],
                [118.9, 32.12],
                [118.7, 32.12],
                [118.7, 31.95],
              ],
            ],
          },
        },
      ],
    }),
  ),
};
const pointsFile = {
  name: 'points.geojson',
  mimeType: 'application/geo+json',
  buffer: Buffer.from(
    JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [118.8, 32] } }],
    }),
  ),
};

/** The road-file records in the app's project database. */
const roadKeys = (page: Page): Promise<string[]> =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('urban-safety-risk-map');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('projects').objectStore('projects').getAllKeys();
          all.onsuccess = () => {
            open.result.close();
            resolve(all.result.map(String).filter((k) => k.startsWith('roads:')));
          };
        };
      }),
  );

describe('road network and population grid in the app', () => {
  it('are listed, refuse a bad file without losing what is loaded, survive a reload, and the roads are still routed on', async () => {
    const page = await app.sharedApp();
    const roads = page.getByTestId('roads-in-use');
    const population = page.getByTestId('population-in-use');
    expect(await roads.innerText()).toContain('未载入路网');
    await page.getByLabel(/上传路网 GeoJSON/).setInputFiles(roadFile);
    await expect.poll(() => roads.innerText(), { timeout: 30_000 }).toBe('路网:streets.geojson(24 条线)');
    await page.getByLabel(/上传人口网格 GeoJSON/).setInputFiles(populationFile);
    await expect.poll(() => population.innerText(), { timeout: 30_000 }).toBe('人口网格:people.geojson(1 个单元)');

    // a file of points is no road network: refused with the reason, the roads in use stay
    await page.getByLabel(/上传路网 GeoJSON/).setInputFiles(pointsFile);
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'points.geojson' }).innerText(), { timeout: 30_000 })
      .toContain('不是线');
    expect(await roads.innerText()).toBe('路网:streets.geojson(24 条线)');

    // stored with the project (the autosave is debounced), then reloaded
    await expect.poll(async () => (await storedProject(page))?.roads?.lines, { timeout: 30_000 }).toBe(24);
    expect((await storedProject(page))?.population?.file).toBe('people.geojson');
    await page.reload();
    await app.ready(page);
    await expect.poll(() => roads.innerText(), { timeout: 30_000 }).toBe('路网:streets.geojson(24 条线)');
    expect(await population.innerText()).toBe('人口网格:people.geojson(1 个单元)');

    // the white paper of the reloaded project: reach computed on the road network, the population grid used
    await page.getByRole('button', { name: '导出白皮书图表 (ZIP)' }).click();
    const form = page.getByRole('form', { name: '白皮书图表的评估基准日与数据来源' });
    await form.getByRole('button', { name: '生成白皮书图表' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      form.getByRole('button', { name: '仍然导出' }).click(),
    ]);
    const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    const reach = JSON.parse(new TextDecoder().decode(zip['reach.json'])) as { mode: string };
    expect(reach.mode).toBe('network');
    const f7 = new TextDecoder().decode(zip['figures/F7-reach-map.svg']);
    expect(f7).toContain('路网计算');
    expect(f7).not.toContain('初筛');
    expect(Object.keys(zip)).toContain('shelter-cells.csv'); // written only when the population grid is used

    // the road file is the project's record: removing the roads frees it once the project saved without them
    const project = (await storedProject(page))!;
    expect(await roadKeys(page)).toEqual([`roads:${project.id}:${project.roads!.sha256}`]);
    await page.getByRole('button', { name: '移除路网' }).click();
    await expect.poll(async () => (await storedProject(page))?.roads ?? null, { timeout: 30_000 }).toBeNull();
    await expect.poll(() => roadKeys(page), { timeout: 30_000 }).toEqual([]);
    expect(await roads.innerText()).toContain('未载入路网');
  }, 300_000);

  it('go with the project file: exported with it, and imported as a project of its own that saves them again', async () => {
    const page = await app.sharedApp();
    const roads = page.getByTestId('roads-in-use');
    await page.getByLabel(/上传路网 GeoJSON/).setInputFiles(roadFile);
    await page.getByLabel(/上传人口网格 GeoJSON/).setInputFiles(populationFile);
    // both saved (after the first test the page already holds this population grid, not the roads)
    await expect
      .poll(
        async () => {
          const p = await storedProject(page);
          return [p?.roads?.lines, p?.population?.file];
        },
        { timeout: 30_000 },
      )
      .toEqual([24, 'people.geojson']);
    const first = (await storedProject(page))!;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出项目文件' }).click(),
    ]);
    const bytes = readFileSync((await download.path())!);
    const file = JSON.parse(bytes.toString('utf8')) as {
      roads: { file: string; lines: number };
      roadsGeoJson: string;
      population: { zones: unknown[] };
    };
    expect(file.roads).toMatchObject({ file: 'streets.geojson', lines: 24 });
    expect(file.roadsGeoJson).toBe(roadFile.buffer.toString('utf8'));
    expect(file.population.zones).toHaveLength(1);

    await page
      .getByLabel('导入项目文件:')
      .setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: bytes });
    await expect.poll(async () => (await storedProject(page))?.id, { timeout: 30_000 }).not.toBe(first.id);
    await expect.poll(async () => (await storedProject(page))?.roads?.lines, { timeout: 30_000 }).toBe(24);
    const imported = (await storedProject(page))!;
    expect(await roads.innerText()).toBe('路网:streets.geojson(24 条线)');
    expect(await page.getByTestId('population-in-use').innerText()).toBe('人口网格:people.geojson(1 个单元)');
    // each project keeps its own copy of the road file
    expect((await roadKeys(page)).sort()).toEqual(
      [`roads:${first.id}:${first.roads!.sha256}`, `roads:${imported.id}:${first.roads!.sha256}`].sort(),
    );
  }, 180_000);
});
