// When a city is drawn from tiles (src/map/tiledSites.ts) rather than GeoJSON: one number, read by the map and the
// legend. Kept apart from MapLibre so the legend can ask without loading the map's code.
import type { Assessment } from '../engine';

/**
 * From this many sites the map draws sites from tiles cut in a worker. Below it every site goes to MapLibre as
 * GeoJSON, as it always has: at the demo's size that is the faster first render (no second worker, no tile round
 * trips) and it draws single sites at every zoom. MapLibre's setData held the page 0.5 s at 100 000 sites.
 */
export const TILED_SITES_FROM = 50_000;

export const drawsTiles = (a: Assessment): boolean => a.sites.length >= TILED_SITES_FROM;
