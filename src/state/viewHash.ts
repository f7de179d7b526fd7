// The shareable view in the URL hash: map position, filters and the selected zone or site, e.g.
// #map=12.5/32.05/118.78&lv=red,orange&dist=鼓楼区&only=1&sel=site:DEMO-CTR-KNOWN, and the what-if proposal
// (wi=kindergarten&win=名称&wix=u:300&wig=118.78,32.05). Unknown or malformed parts are ignored (a pasted link
// never breaks the app).
import { categoryByCode, LEVELS_AND_UNSCORED, type LevelOrUnscored, type Site } from '../engine';
import type { Selection } from './store';
import { NO_FILTERS, type MapFilters } from './mapFilters';

export interface Camera {
  lon: number;
  lat: number;
  zoom: number;
}

export interface ViewState {
  camera: Camera | null;
  filters: MapFilters;
  selection: Selection;
  /** the what-if's proposed site (absent: none) */
  proposal?: ProposalLink | null;
}

/** The proposal's attributes as the what-if form edits them, and where it was placed. */
export interface ProposalLink {
  site: Pick<
    Site,
    'id' | 'name' | 'category' | 'stationGrade' | 'vapourRecovery' | 'protectionDistanceM' | 'users' | 'beds'
  >;
  geometry: Extract<Site['geometry'], { type: 'Point' | 'Polygon' }>;
}

const PROPOSAL_ID = 'PROPOSED-1';
const MAX_VERTICES = 400;
const coord = (x: number) => String(Math.round(x * 1e6) / 1e6);
/** short keys for the optional attributes */
const ATTRS = { sg: 'stationGrade', vr: 'vapourRecovery', pd: 'protectionDistanceM', u: 'users', b: 'beds' } as const;

/** The proposal link of a placed site (null for geometries a link does not carry). */
export function proposalLinkOf(site: Site): ProposalLink | null {
  const g = site.geometry;
  if (g.type !== 'Point' && g.type !== 'Polygon') return null;
  const { id, name, category, stationGrade, vapourRecovery, protectionDistanceM, users, beds } = site;
  const attrs = { stationGrade, vapourRecovery, protectionDistanceM, users, beds };
  for (const k of Object.keys(attrs) as (keyof typeof attrs)[]) if (attrs[k] === undefined) delete attrs[k];
  return { site: { id, name, category, ...attrs }, geometry: g };
}

function encodeProposal(p: URLSearchParams, link: ProposalLink): void {
  const g = link.geometry;
  const points = g.type === 'Point' ? [g.coordinates] : g.coordinates[0]!.slice(0, -1); // the ring's closing vertex is implied
  p.set('wi', link.site.category);
  p.set('win', link.site.name);
  const attrs = Object.entries(ATTRS)
    .filter(([, k]) => link.site[k] !== undefined)
    .map(([short, k]) => `${short}:${link.site[k]}`);
  if (attrs.length) p.set('wix', attrs.join(','));
  p.set('wig', points.map((c) => `${coord(c[0]!)},${coord(c[1]!)}`).join(';'));
}

function decodeProposal(p: URLSearchParams): ProposalLink | null {
  const category = p.get('wi') ?? '';
  if (!categoryByCode(category) || categoryByCode(category)!.role === 'risk') return null;
  const points = (p.get('wig') ?? '').split(';').map((pair) => pair.split(',').map(Number));
  if (points.length === 0 || points.length > MAX_VERTICES || points.length === 2) return null;
  if (
    !points.every(
      (c) =>
        c.length === 2 &&
        Number.isFinite(c[0]) &&
        Number.isFinite(c[1]) &&
        Math.abs(c[0]!) <= 180 &&
        Math.abs(c[1]!) <= 85,
    )
  )
    return null;
  const pts = points as [number, number][];
  const geometry: ProposalLink['geometry'] =
    pts.length === 1 ? { type: 'Point', coordinates: pts[0]! } : { type: 'Polygon', coordinates: [[...pts, pts[0]!]] };
  const site: ProposalLink['site'] = {
    id: PROPOSAL_ID,
    name: (p.get('win') ?? '').slice(0, 200) || category,
    category,
  };
  for (const part of (p.get('wix') ?? '').split(',')) {
    const [short, value = ''] = part.split(':');
    const key = ATTRS[short as keyof typeof ATTRS];
    if (!key) continue;
    if (key === 'vapourRecovery') {
      if (value === 'none' || value === 'unloading' || value === 'full') site.vapourRecovery = value;
    } else if (key === 'stationGrade') {
      if (value === '1' || value === '2' || value === '3') site.stationGrade = Number(value) as 1 | 2 | 3;
    } else if (value !== '' && Number.isFinite(Number(value)) && Number(value) >= 0) site[key] = Number(value);
  }
  return { site, geometry };
}

export function encodeView(v: ViewState): string {
  const p = new URLSearchParams();
  if (v.camera) p.set('map', `${v.camera.zoom.toFixed(2)}/${v.camera.lat.toFixed(5)}/${v.camera.lon.toFixed(5)}`);
  const f = v.filters;
  if (f.levels.length !== LEVELS_AND_UNSCORED.length) p.set('lv', f.levels.join(','));
  if (f.districts.length) p.set('dist', f.districts.join(','));
  if (f.domains.length) p.set('dom', f.domains.join(','));
  if (f.categories.length) p.set('cat', f.categories.join(','));
  if (f.violationsOnly) p.set('only', '1');
  if (v.selection && v.selection.kind !== 'violation') p.set('sel', `${v.selection.kind}:${v.selection.id}`);
  if (v.proposal) encodeProposal(p, v.proposal);
  return p.toString();
}

export function decodeView(hash: string): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const list = (key: string) => (p.get(key) ? p.get(key)!.split(',').filter(Boolean) : []);
  const levels = p.has('lv')
    ? list('lv')
        .map((l) => (l === 'none' ? 'unscored' : l)) // links shared before the name was unified said `none`
        .filter((l): l is LevelOrUnscored => (LEVELS_AND_UNSCORED as readonly string[]).includes(l))
    : [...NO_FILTERS.levels];
  const filters: MapFilters = {
    levels,
    districts: list('dist'),
    domains: list('dom'),
    categories: list('cat'),
    violationsOnly: p.get('only') === '1',
  };
  const m = /^(\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(p.get('map') ?? '');
  const camera =
    m && Number(m[1]) <= 24 && Math.abs(Number(m[2])) <= 85 && Math.abs(Number(m[3])) <= 180
      ? { zoom: Number(m[1]), lat: Number(m[2]), lon: Number(m[3]) }
      : null;
  const s = /^(zone|site):(.+)$/.exec(p.get('sel') ?? '');
  const selection: Selection = s ? { kind: s[1] as 'zone' | 'site', id: s[2]! } : null;
  return { camera, filters, selection, proposal: decodeProposal(p) };
}
