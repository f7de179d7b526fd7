// The only place MapLibre is touched: mount once, then follow the store one way (store → map).
import { AttributionControl, Map as MapLibreMap, Marker, NavigationControl, ScaleControl, setWorkerUrl, type ExpressionSpecification, type GeoJSONSource, type MapGeoJSONFeature } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { pointOnFeature } from '@turf/turf';
import { bboxOf, type Assessment, type Role, type Site } from '../engine';
import { translator, type Translate } from '../i18n/translate';
import type { Actions } from '../state/actions';
import type { AppStore, Selection } from '../state/store';
import { mapSources } from './mapData';
import { addBasemap, removeBasemap } from './basemapLayers';
import { needsBuffer, proposalSources, type BufferForDrawing } from './proposalData';
import { baseStyle, CLICKABLE_LAYERS, dotLayer, LAYER_GROUPS, OWN_FILTERS, SELECTION_RING, SITE_LAYERS, SITE_ROLES, symbolLayer } from './style';
import { categoryMark, drawSiteIcon, ICON_PIXEL_RATIO, parseSiteIconId } from './siteIcons';
import { combine, siteFilter, zoneFilter } from './filterExpressions';
import { filteredView, zoneMatches } from '../state/mapFilters';
import { siteById, sitePosition } from '../state/siteLookup';
import { MAP_PROBE_EVENT, type MapProbe, type MapProbeRequest } from './probe';
import { DEMO_ATTRIBUTION } from '../figures/attribution';
import { escapeXml } from '../io/escapeXml';

// Without this the map never loads from `vite build` output (STACK.md pitfall 2).
setWorkerUrl(workerUrl);

const MAX_LABELLED_ZONES = 60;

export interface MountedMap {
  map: MapLibreMap;
  destroy(): void;
}

export function createMap(container: HTMLElement, store: AppStore, actions: Actions): MountedMap {
  const map = new MapLibreMap({
    container,
    style: baseStyle(),
    center: [118.8, 32.05],
    zoom: 8,
    attributionControl: false,
    // no preserveDrawingBuffer: nothing reads the canvas back (figures are drawn as SVG, tests use screenshots),
    // and keeping the buffer cost 0.4–0.7 s of the first render under software WebGL
  });
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
  const t = (): Translate => translator(store.getState().locale);
  // The credit is the open project's own (the demo's only in the demo): MapLibre shows it as HTML, so it is escaped.
  const credit = (): string => {
    const p = store.getState().project;
    if (!p) return '';
    if (p.dataCredit === DEMO_ATTRIBUTION) return t()('map.attribution');
    return p.dataCredit ? escapeXml(p.dataCredit) : t()('map.attributionInputs');
  };
  let attribution = new AttributionControl({ compact: false, customAttribution: credit() });
  map.addControl(attribution, 'bottom-right');
  // the attribution text is fixed when the control is made: a new language or credit makes a new control
  const applyCredit = (): void => {
    map.removeControl(attribution);
    attribution = new AttributionControl({ compact: false, customAttribution: credit() });
    map.addControl(attribution, 'bottom-right');
  };
  const applyLocale = (): void => {
    applyCredit();
    const a = store.getState().assessment;
    if (a) renderLabels(a);
    for (const id of siteIcons) map.updateImage(id, siteIcon(id)!);
  };

  // site symbols are drawn when the map first needs one, and again in a new language (their marks are words)
  const siteIcons = new Set<string>();
  const siteIcon = (id: string): ImageData | null => {
    const key = parseSiteIconId(id);
    return key ? drawSiteIcon(key, categoryMark(t(), key.category)) : null;
  };
  map.setMissingStyleImageResolver((id) => {
    const image = siteIcon(id);
    if (!image || map.hasImage(id)) return;
    map.addImage(id, image, { pixelRatio: ICON_PIXEL_RATIO });
    siteIcons.add(id);
  });
  let labels: Marker[] = [];
  let highlighted: { source: string; id: number }[] = [];
  // a shared link's position wins over fitting the data
  const startCamera = store.getState().camera;
  if (startCamera) map.jumpTo({ center: [startCamera.lon, startCamera.lat], zoom: startCamera.zoom });
  // The map frames each project's own data (and again when its zones are replaced); a camera from the URL is kept
  // for the first data shown.
  const dataKey = (): string => {
    const s = store.getState();
    return `${s.project?.id ?? ''}|${s.zonesDigest?.sha256 ?? s.zonesSource}|${s.zones.length > 0 ? 'zones' : 'sites'}`;
  };
  let framedKey: string | null = null;
  let keepStartCamera = startCamera !== null;
  map.on('moveend', () => {
    const c = map.getCenter();
    store.setState({ camera: { lon: c.lng, lat: c.lat, zoom: map.getZoom() } });
  });
  container.addEventListener(MAP_PROBE_EVENT, (e) => {
    const reply = (e as MapProbeRequest).detail;
    map.once('idle', () => reply(probe()));
    map.triggerRepaint();
  });
  const probe = (): MapProbe => {
    const drawn = map.queryRenderedFeatures({ layers: SITE_LAYERS });
    const symbols = drawn.filter((f) => f.layer.type === 'symbol').map((f) => `${f.properties.role}:${f.properties.category}:${f.properties.level}`);
    return { sites: new Set(drawn.map((f) => String(f.properties.siteId))).size, symbols: [...new Set(symbols)].sort() };
  };

  const render = (a: Assessment | null): void => {
    container.dataset.mapReady = 'false';
    if (!a) return;
    container.dataset.zoneCount = String(a.zones.length);
    const sources = mapSources(a, a.grid ? store.getState().zones : []);
    for (const [name, data] of Object.entries(sources)) (map.getSource(name) as GeoJSONSource).setData(data);
    renderLabels(a);
    applyFilters();
    const key = dataKey();
    if (key !== framedKey && a.zones.length + a.sites.length > 0) {
      if (!keepStartCamera) {
        const b = bboxOf({ type: 'GeometryCollection', geometries: [...a.zones.map((z) => z.geometry), ...a.sites.map((s) => s.geometry)] });
        map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: 24, animate: false });
      }
      keepStartCamera = false;
      framedKey = key;
    }
    map.once('idle', () => {
      container.dataset.mapReady = 'true';
      container.dataset.readyAt = performance.now().toFixed(0); // for the render benchmark
    });
    map.triggerRepaint();
  };

  // DOM labels suit a few dozen zones (districts); grid zoning yields thousands, told apart by colour and the panel
  const renderLabels = (a: Assessment): void => {
    for (const m of labels) m.remove();
    const { filters, layers } = store.getState();
    const shown = !layers.zones || a.zones.length > MAX_LABELLED_ZONES ? [] : a.zones.filter((z) => zoneMatches(z, a.grid !== null, filters));
    labels = shown.map((z) => new Marker({ element: zoneLabel(z.name, z.level, t()), anchor: 'center' }).setLngLat(pointOnFeature(z.geometry).geometry.coordinates as [number, number]).addTo(map));
  };

  // Filters and layer toggles become layer filters and visibility: the sources are not rebuilt.
  const applyFilters = (): void => {
    const { filters, layers, assessment } = store.getState();
    const roles = [layers.hazards && 'hazard', layers.targets && 'target', layers.risks && 'risk'].filter(Boolean) as Role[];
    // roles are toggled by the visibility of their own layers (LAYER_GROUPS); areas and the ring share one layer
    const sites = siteFilter(filters);
    const ofShownRoles = ['all', sites, ['in', ['get', 'role'], ['literal', roles]]] as unknown as ExpressionSpecification;
    for (const role of SITE_ROLES) {
      map.setFilter(dotLayer(role), combine(OWN_FILTERS[dotLayer(role)], sites));
      map.setFilter(symbolLayer(role), combine(OWN_FILTERS[symbolLayer(role)], sites));
    }
    map.setFilter(SELECTION_RING, combine(OWN_FILTERS[SELECTION_RING], ofShownRoles));
    map.setFilter('site-areas', ofShownRoles);
    map.setFilter('violations-line', combine(OWN_FILTERS['violations-line'], sites));
    map.setFilter('not-assessed-line', combine(OWN_FILTERS['not-assessed-line'], sites));
    map.setFilter('zones-fill', zoneFilter(filters));
    map.setFilter('zones-outline', zoneFilter(filters));
    for (const [group, ids] of Object.entries(LAYER_GROUPS)) {
      for (const id of ids) map.setLayoutProperty(id, 'visibility', layers[group as keyof typeof LAYER_GROUPS] ? 'visible' : 'none');
    }
    map.once('idle', () => (container.dataset.filteredAt = performance.now().toFixed(0))); // for the render benchmark
    map.triggerRepaint();
    if (assessment) {
      const view = filteredView(assessment, filters);
      container.dataset.visibleSites = String(roles.reduce((n, role) => n + view.counts.sitesByRole[role], 0));
      container.dataset.visibleZones = String(layers.zones ? view.zones.length : 0);
    }
  };

  // the optional basemap goes under everything else; its attribution joins the map's
  const applyBasemap = (): void => {
    const b = store.getState().basemap;
    removeBasemap(map);
    addBasemap(map, b, 'zones-fill');
    container.dataset.basemap = b.kind;
  };

  let bufferForDrawing: BufferForDrawing | undefined;
  let framedProposal: Site | null = null;
  const renderProposal = async (): Promise<void> => {
    const { proposal, picking, datasets } = store.getState();
    if (needsBuffer(proposal) && !bufferForDrawing) {
      const { buffer } = await import('@turf/buffer');
      bufferForDrawing = (g, meters) => buffer({ type: 'Feature', geometry: g, properties: {} }, meters, { units: 'meters' })?.geometry;
      if (store.getState().proposal !== proposal) return; // a newer render is on its way
    }
    const sitesById = new Map(datasets.flatMap((d) => d.sites.map((s) => [s.id, s] as const)));
    for (const [name, data] of Object.entries(proposalSources(proposal, picking, sitesById, bufferForDrawing))) (map.getSource(name) as GeoJSONSource).setData(data);
    map.getCanvas().style.cursor = picking ? 'crosshair' : '';
    container.dataset.proposalVerdict = proposal?.result?.verdict ?? '';
  };

  const showSelection = (selection: Selection): void => {
    // the explanation is the side panel's (ui/DetailPanel); the map highlights the selection with feature-state
    for (const h of highlighted) map.setFeatureState(h, { selected: false });
    highlighted = [];
    container.dataset.selected = '';
    const a = store.getState().assessment;
    if (!a || !selection) return;
    if (selection.kind === 'zone') {
      const i = a.zones.findIndex((z) => z.id === selection.id);
      if (i >= 0) highlighted.push({ source: 'zones', id: i });
    } else if (selection.kind === 'site') {
      const i = sitePosition(a, selection.id);
      if (i >= 0) highlighted.push({ source: 'sitePoints', id: i }, { source: 'sitePolygons', id: i });
    } else if (a.violations[selection.index]) {
      highlighted.push({ source: 'violations', id: selection.index });
    }
    for (const h of highlighted) map.setFeatureState(h, { selected: true });
    container.dataset.selected = selection.kind === 'violation' ? `violation:${selection.index}` : `${selection.kind}:${selection.id}`;
  };

  // pointer position in WGS-84, for reading coordinates off the map
  const readout = document.createElement('div');
  readout.className = 'coord-readout';
  readout.setAttribute('aria-hidden', 'true');
  container.append(readout);
  map.on('mousemove', (e) => (readout.textContent = `WGS-84 ${e.lngLat.lng.toFixed(5)}, ${e.lngLat.lat.toFixed(5)}`));

  map.on('click', (e) => {
    if (store.getState().picking) return actions.pickAt([e.lngLat.lng, e.lngLat.lat]);
    const hits = map.queryRenderedFeatures(e.point, { layers: [...CLICKABLE_LAYERS] });
    const first = pickTopmost(hits);
    if (!first) return actions.select(null);
    const p = first.properties as Record<string, unknown>;
    if (first.layer.id === 'zones-fill') actions.select({ kind: 'zone', id: String(p.zoneId) });
    else if (first.layer.id.endsWith('-line')) actions.select({ kind: 'violation', index: Number(p.index) });
    else actions.select({ kind: 'site', id: String(p.siteId) });
  });
  // one query per pointer move for the cursor (per-layer mouseenter listeners would query once for each layer)
  map.on('mousemove', (e) => {
    if (store.getState().picking || map.isMoving()) return;
    map.getCanvas().style.cursor = map.queryRenderedFeatures(e.point, { layers: [...CLICKABLE_LAYERS] }).length > 0 ? 'pointer' : '';
  });

  let unsubscribe = (): void => {};
  // the map's updates run as their own tasks, after React's render of the same change (two shorter tasks, not one long)
  const renderLater = nextTask(() => {
    render(store.getState().assessment);
    showSelection(store.getState().selection);
  });
  const filterLater = nextTask(() => {
    applyFilters();
    const a = store.getState().assessment;
    if (a) renderLabels(a);
  });
  // data goes in as soon as the style's sources exist: waiting for 'load' meant a first render of an empty map
  // (its tiles, its programs) before the data's own: 0.7 s of first render under software WebGL (interleaved A/B)
  map.once('style.load', () => {
    applyBasemap();
    render(store.getState().assessment);
    showSelection(store.getState().selection);
    unsubscribe = store.subscribe((state, prev) => {
      if (state.assessment !== prev.assessment) renderLater();
      else if (state.selection !== prev.selection) {
        showSelection(state.selection); // with a new assessment, the deferred render above shows it
      }
      if (state.basemap !== prev.basemap) applyBasemap();
      if (state.locale !== prev.locale) applyLocale();
      else if (state.project?.dataCredit !== prev.project?.dataCredit) applyCredit();
      if (state.filters !== prev.filters || state.layers !== prev.layers) filterLater();
      if (state.selection && state.selection !== prev.selection) flyToSelection(map, state.assessment, state.selection);
      if (state.focus && state.focus !== prev.focus) focusOn(map, state.assessment, state.focus.target);
      if (state.proposal !== prev.proposal || state.picking !== prev.picking) void renderProposal();
      if (state.proposal?.result && state.proposal.result !== prev.proposal?.result && state.proposal.site !== framedProposal) {
        framedProposal = state.proposal.site;
        frameProposal(map, state.proposal.site, state.proposal.result.ringsM);
      }
    });
    void renderProposal();
  });

  return {
    map,
    destroy() {
      unsubscribe();
      map.remove();
    },
  };
}

/** `fn` as a task of its own after the current one; calls before it runs coalesce into one. */
function nextTask(fn: () => void): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      fn();
    }, 0);
  };
}

function pickTopmost(hits: MapGeoJSONFeature[]): MapGeoJSONFeature | undefined {
  return [...hits].sort((a, b) => CLICKABLE_LAYERS.indexOf(a.layer.id) - CLICKABLE_LAYERS.indexOf(b.layer.id))[0];
}

/** Bring a selected site or violation into view at a scale where metres can be seen (zones stay as they are). */
function flyToSelection(map: MapLibreMap, a: Assessment | null, s: Selection): void {
  if (!a || !s || s.kind === 'zone') return;
  if (s.kind === 'violation') {
    const v = a.violations[s.index];
    if (!v || map.getZoom() >= 15) return;
    const [[x1, y1], [x2, y2]] = v.closest;
    map.fitBounds([[Math.min(x1, x2), Math.min(y1, y2)], [Math.max(x1, x2), Math.max(y1, y2)]], { padding: 160, maxZoom: 17, duration: 0 });
    return;
  }
  const site = siteById(a, s.id);
  if (site && !map.getBounds().contains([site.lon, site.lat])) map.easeTo({ center: [site.lon, site.lat], duration: 0 });
}

/** Bring a searched site or zone into view, or the whole study area. */
function focusOn(map: MapLibreMap, a: Assessment | null, target: Selection | 'all'): void {
  if (!a || !target) return;
  const geometries =
    target === 'all' ? [...a.zones.map((z) => z.geometry), ...a.sites.map((s) => s.geometry)]
    : target.kind === 'zone' ? a.zones.filter((z) => z.id === target.id).map((z) => z.geometry)
    : target.kind === 'site' ? a.sites.filter((s) => s.id === target.id).map((s) => s.geometry)
    : [];
  if (geometries.length === 0) return;
  const b = bboxOf({ type: 'GeometryCollection', geometries });
  map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: 60, maxZoom: target !== 'all' && target.kind === 'site' ? 16 : 14, duration: 0 });
}

/** Frame a newly placed proposal with its rings (the largest up to 500 m), so metres can be seen. */
function frameProposal(map: MapLibreMap, site: Site, rings: { requiredM: number }[]): void {
  const reach = Math.min(500, Math.max(60, ...rings.map((r) => r.requiredM))); // spread-ok: one ring per rule
  const b = bboxOf(site.geometry);
  const dLat = reach / 110_900;
  const dLon = reach / (111_320 * Math.cos((b[1] * Math.PI) / 180));
  map.fitBounds([[b[0] - dLon, b[1] - dLat], [b[2] + dLon, b[3] + dLat]], { padding: 40, duration: 0 });
}

function zoneLabel(name: string, level: Assessment['zones'][number]['level'], t: Translate): HTMLElement {
  const el = document.createElement('div');
  el.className = `zone-label level-${level ?? 'none'}`;
  const n = document.createElement('span');
  n.textContent = name;
  const l = document.createElement('b');
  l.textContent = level ? t(`level.short.${level}`) : t('level.unratedShort');
  el.append(n, l);
  return el;
}
