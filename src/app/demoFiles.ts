// The demo city's files, bundled as same-origin assets (no network beyond the page's own host).
import districtsUrl from '../../data/demo/nanjing-districts.wgs84.geojson?url';
import fictitiousUrl from '../../data/demo/nanjing-sites.fictitious.csv?url';
import osmUrl from '../../data/demo/nanjing-osm.geojson?url';
import rescueUrl from '../../data/demo/nanjing-rescue.fictitious.csv?url';
import type { DemoFiles } from '../state/slices/project';
import { fetchBytes } from '../io/fetchBytes';

export async function fetchDemoFiles(): Promise<DemoFiles> {
  const [zones, fictitious, osm, rescue] = await Promise.all([
    fetchBytes(districtsUrl),
    fetchBytes(fictitiousUrl),
    fetchBytes(osmUrl),
    fetchBytes(rescueUrl),
  ]);
  return {
    zones: { file: 'nanjing-districts.wgs84.geojson', bytes: zones },
    sites: [
      { file: 'nanjing-sites.fictitious.csv', bytes: fictitious, crs: 'wgs84' },
      { file: 'nanjing-osm.geojson', bytes: osm, crs: 'wgs84' },
      // fire stations, rescue teams and shelters (invented: the OSM extract holds none), for rescue within reach
      { file: 'nanjing-rescue.fictitious.csv', bytes: rescue, crs: 'wgs84' },
    ],
  };
}

let prefetched: Promise<DemoFiles> | null = null;

/**
 * Fetch the demo's files now (the page's first script does, beside the look-up of the last project: not needed when
 * a saved project opens, and a demo load reports its own failure).
 */
export function prefetchDemoFiles(): void {
  prefetched = fetchDemoFiles();
  prefetched.catch(() => undefined);
}

/** The files fetched at start, the first time; a later "new demo" fetches again. */
export function demoFiles(): Promise<DemoFiles> {
  const files = prefetched ?? fetchDemoFiles();
  prefetched = null;
  return files;
}
