// The shareable view in the URL hash: map position, filters and the selected zone or site, e.g.
// #map=12.5/32.05/118.78&lv=red,orange&dist=鼓楼区&only=1&sel=site:DEMO-CTR-KNOWN. Unknown or malformed parts are
// ignored (a pasted link never breaks the app).
import type { Selection } from './store';
import { LEVEL_OR_NONE, NO_FILTERS, type LevelOrNone, type MapFilters } from './mapFilters';

export interface Camera {
  lon: number;
  lat: number;
  zoom: number;
}

export interface ViewState {
  camera: Camera | null;
  filters: MapFilters;
  selection: Selection;
}

export function encodeView(v: ViewState): string {
  const p = new URLSearchParams();
  if (v.camera) p.set('map', `${v.camera.zoom.toFixed(2)}/${v.camera.lat.toFixed(5)}/${v.camera.lon.toFixed(5)}`);
  const f = v.filters;
  if (f.levels.length !== LEVEL_OR_NONE.length) p.set('lv', f.levels.join(','));
  if (f.districts.length) p.set('dist', f.districts.join(','));
  if (f.domains.length) p.set('dom', f.domains.join(','));
  if (f.categories.length) p.set('cat', f.categories.join(','));
  if (f.violationsOnly) p.set('only', '1');
  if (v.selection && v.selection.kind !== 'violation') p.set('sel', `${v.selection.kind}:${v.selection.id}`);
  return p.toString();
}

export function decodeView(hash: string): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const list = (key: string) => (p.get(key) ? p.get(key)!.split(',').filter(Boolean) : []);
  const levels = p.has('lv') ? list('lv').filter((l): l is LevelOrNone => (LEVEL_OR_NONE as readonly string[]).includes(l)) : [...NO_FILTERS.levels];
  const filters: MapFilters = { levels, districts: list('dist'), domains: list('dom'), categories: list('cat'), violationsOnly: p.get('only') === '1' };
  const m = /^(\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(p.get('map') ?? '');
  const camera = m && Number(m[1]) <= 24 && Math.abs(Number(m[2])) <= 85 && Math.abs(Number(m[3])) <= 180 ? { zoom: Number(m[1]), lat: Number(m[2]), lon: Number(m[3]) } : null;
  const s = /^(zone|site):(.+)$/.exec(p.get('sel') ?? '');
  const selection: Selection = s ? { kind: s[1] as 'zone' | 'site', id: s[2]! } : null;
  return { camera, filters, selection };
}
