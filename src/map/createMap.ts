// The only place MapLibre is touched: mount once, then follow the store one way (store → map).
import {
  AttributionControl,
  Map as MapLibreMap,
  Marker,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type ExpressionSpecification,
  type FeatureIdentifier,
  type GeoJSONSource,
  type MapGeoJSONFeature,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { bboxOf, type Assessment, type Role, type Site } from '../engine';
import { translator, type Translate } from '../i18n/translate';
import type { Actions } from '../state/actions';
import type { AppStore, Selection } from '../state/store';
import type { Camera } from '../state/viewHash';
import { mapSources, tiledMapSources } from './mapData';
import { createTiledSites } from './tiledSites';
import { drawsTiles } from './largeCity';
import { dataBounds } from './dataBounds';
import { addBasemap, removeBasemap } from './basemapLayers';
import {
  assessedSites,
  needsBuffer,
  proposalSources,
  type BufferForDrawing,
  type RingLabel,
  type SiteShape,
} from './proposalData';
import { ringLabelText } from './ringLabel';
import { ruleVocabulary } from '../i18n/vocabulary';
import {
  baseStyle,
  CLICKABLE_LAYERS,
  dotLayer,
  LAYER_GROUPS,
  OWN_FILTERS,
  SELECTION_RING,
  SITE_COUNTS,
  SITE_LAYERS,
  SITE_ROLES,
  symbolLayer,
} from './style';
import { categoryMark, drawSiteIcon, ICON_PIXEL_RATIO, parseSiteIconId } from './siteIcons';
import { combine, siteFilter, zoneFilter } from './filterExpressions';
import { filteredView, zoneMatches } from '../state/mapFilters';
import { siteById, sitePosition } from '../state/siteLookup';
import { MAP_PROBE_EVENT, type MapProbe, type MapProbeRequest } from './probe';
import { placeLabels } from './labelPlacement';
import { zoneLabelFacts } from './zoneLabelFacts';
import { cameraDiffers, revealBounds, uncoveredPadding, type Padding } from './camera';
import { DEMO_ATTRIBUTION } from '../io/attribution';
import { escapeXml } from '../io/escapeXml';
import { assessedReach } from '../state/assessedReach';
import { probeContours, setContourData } from './contourLayers';
import { applyReachFilters, probeReach, reachDataSteps, reachImage, REACH_SOURCES } from './reachLayers';
import { changedSources } from './changedSources';
import { runInTasks } from './inTasks';

// MapLibre starts its own worker from a URL it guesses next to its script; in the bundled build that guess is wrong and
// the map never loads, so the worker file is handed to it explicitly (Vite emits it as an asset with this URL).
setWorkerUrl(workerUrl);

const MAX_LABELLED_ZONES = 60;
const DRAWN_SOURCES: string[] = ['zones', 'sitePolygons', 'sitePoints', 'violations', 'districts', ...REACH_SOURCES];

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
    void renderProposal(); // the ring labels are words
  };

  // site symbols are drawn when the map first needs one, and again in a new language (their marks are words)
  const siteIcons = new Set<string>();
  const siteIcon = (id: string): ImageData | null => {
    const key = parseSiteIconId(id);
    return key ? drawSiteIcon(key, categoryMark(t(), key.category)) : null;
  };
  map.setMissingStyleImageResolver((id) => {
    const reach = reachImage(id);
    const image = reach ?? siteIcon(id);
    if (!image || map.hasImage(id)) return;
    map.addImage(id, image, { pixelRatio: ICON_PIXEL_RATIO });
    if (!reach) siteIcons.add(id); // the reach images have no words: nothing to redraw in another language
  });
  let labels: { marker: Marker; zone: Assessment['zones'][number]; area: number }[] = [];
  let highlighted: FeatureIdentifier[] = [];
  const tiledSites = createTiledSites(map);
  const drawnSources = changedSources(map); // a source is sent again only when its data changed
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
    arrangeLabels();
  });
  container.addEventListener(MAP_PROBE_EVENT, (e) => {
    const reply = (e as MapProbeRequest).detail;
    map.once('idle', () => reply(probe()));
    map.triggerRepaint();
  });
  const probe = (): MapProbe => {
    const drawn = map.queryRenderedFeatures({ layers: SITE_LAYERS });
    const symbols = drawn
      .filter((f) => f.layer.type === 'symbol')
      .map((f) => `${f.properties.role}:${f.properties.category}:${f.properties.level}`);
    const c = map.getCenter();
    const rings = map.queryRenderedFeatures({ layers: ['proposal-rings'] }).length;
    // a count belongs to one tile cell, so none is drawn twice
    const counts = map.getLayer(SITE_COUNTS) ? map.queryRenderedFeatures({ layers: [SITE_COUNTS] }) : [];
    const counted = { circles: counts.length, sites: counts.reduce((n, f) => n + Number(f.properties.count), 0) };
    const selectedDrawn = new Set(
      drawn.filter((f) => f.state?.selected === true).map((f) => String(f.properties.siteId)),
    ).size;
    return {
      sites: new Set(drawn.map((f) => String(f.properties.siteId))).size,
      symbols: [...new Set(symbols)].sort(),
      camera: { lon: c.lng, lat: c.lat, zoom: map.getZoom() },
      rings,
      selectedBox: selectedBox(),
      counted,
      drawnFrom: tiledSites.source,
      selectedDrawn,
      reach: probeReach(map),
      contours: probeContours(map),
    };
  };
  const selectedBox = (): MapProbe['selectedBox'] => {
    const a = store.getState().assessment;
    const s = store.getState().selection;
    if (!a || !s || s.kind === 'violation') return null;
    const g = s.kind === 'zone' ? a.zones.find((z) => z.id === s.id)?.geometry : siteById(a, s.id)?.geometry;
    if (!g) return null;
    const b = bboxOf(g);
    const p = map.project([b[0], b[3]]);
    const q = map.project([b[2], b[1]]);
    return { x0: p.x, y0: p.y, x1: q.x, y1: q.y };
  };

  const render = (a: Assessment | null): void => {
    container.dataset.mapReady = 'false';
    if (!a) return clearDrawn();
    container.dataset.zoneCount = String(a.zones.length);
    // a large city's sites come from tiles cut in a worker (src/map/tiledSites.ts); a small one's go in as GeoJSON
    const tiled = drawsTiles(a);
    tiledSites.use(tiled ? 'tiles' : 'geojson');
    const districts = a.grid ? store.getState().zones : [];
    const sources = tiled ? tiledMapSources(a, districts) : mapSources(a, districts);
    for (const [name, data] of Object.entries(sources)) drawnSources.set(name, data);
    container.dataset.sitesDrawnFrom = tiledSites.source;
    renderLabels(a);
    applyFilters();
    const key = dataKey();
    if (key !== framedKey && a.zones.length + a.sites.length > 0) {
      if (!keepStartCamera) {
        if (tiled) map.fitBounds(dataBounds(a), { padding: 24, animate: false });
        else {
          const b = bboxOf({
            type: 'GeometryCollection',
            geometries: [...a.zones.map((z) => z.geometry), ...a.sites.map((s) => s.geometry)],
          });
          map.fitBounds(
            [
              [b[0], b[1]],
              [b[2], b[3]],
            ],
            { padding: 24, animate: false },
          );
        }
      }
      keepStartCamera = false;
      framedKey = key;
    }
    const ready = (): void => {
      map.once('idle', () => {
        container.dataset.mapReady = 'true';
        container.dataset.readyAt = performance.now().toFixed(0); // for the render benchmark
      });
      map.triggerRepaint();
    };
    // the reach's sources each in a task of their own: built and compared in one task with the sites' they held the
    // page over 100 ms (a city with 2 000 fire stations)
    const drawn = (): void => {
      if (!tiled) return ready();
      void tiledSites.show(a).then((shown) => {
        if (shown && store.getState().assessment === a) ready();
      });
    };
    runInTasks(
      [...reachDataSteps(drawnSources, a, assessedReach.of(a)), drawn],
      () => store.getState().assessment === a,
    ); // spread-ok: three steps
  };

  // DOM labels suit a few dozen zones (districts); grid zoning yields thousands, told apart by colour and the panel
  /**
   * No assessment (a project is being switched to and not yet assessed): nothing of the last one may stay on the map,
   * neither its zones, sites and lines nor its DOM zone labels (a new blank project showed the demo's district names).
   */
  const clearDrawn = (): void => {
    for (const l of labels) l.marker.remove();
    labels = [];
    tiledSites.use('geojson');
    const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
    for (const name of DRAWN_SOURCES) drawnSources.set(name, empty);
  };

  const renderLabels = (a: Assessment): void => {
    for (const l of labels) l.marker.remove();
    const { filters, layers } = store.getState();
    const shown =
      !layers.zones || a.zones.length > MAX_LABELLED_ZONES
        ? []
        : a.zones.filter((z) => zoneMatches(z, a.grid !== null, filters));
    labels = shown.map((z) => {
      const g = z.geometry as Polygon | MultiPolygon;
      const { anchor, area } = zoneLabelFacts(z.id, g);
      const marker = new Marker({ element: zoneLabel(z.name, z.level, t()), anchor: 'center' })
        .setLngLat(anchor)
        .addTo(map);
      return { marker, zone: z, area };
    });
    arrangeLabels();
  };

  // what-if rings are labelled with DOM markers, as the zones are: MapLibre text needs glyph tiles, not available offline
  let ringLabels: { marker: Marker; order: number }[] = [];
  const renderRingLabels = (rings: RingLabel[]): void => {
    for (const l of ringLabels) l.marker.remove();
    const { rules, locale } = store.getState();
    const rulesById = new Map(rules.rules.map((r) => [r.id, r] as const));
    ringLabels = rings.map(({ at, ring }, order) => {
      const el = document.createElement('div');
      el.className = `ring-label ring-around-${ring.around ? 'hazard' : 'proposal'}`;
      el.textContent = ringLabelText(ring, rulesById, ruleVocabulary(t(), locale), t()('whatif.ring.siteDistance'));
      return { marker: new Marker({ element: el, anchor: 'bottom' }).setLngLat(at).addTo(map), order };
    });
    arrangeLabels();
  };

  // labels that would overlap move to a free slot inside their zone or are hidden (the selected and larger zones first)
  const arrangeLabels = (): void => {
    if (labels.length + ringLabels.length === 0) return;
    const sel = store.getState().selection;
    const selectedZone = sel?.kind === 'zone' ? sel.id : null;
    const canvas = map.getCanvas();
    const boxes = labels.map(({ marker, zone, area }) => {
      const el = marker.getElement();
      const at = map.project(marker.getLngLat());
      return {
        x: at.x,
        y: at.y,
        w: el.offsetWidth,
        h: el.offsetHeight,
        priority: zone.id === selectedZone ? Infinity : area,
        inside: (x: number, y: number) => {
          const p = map.unproject([x, y]);
          return booleanPointInPolygon([p.lng, p.lat], zone.geometry as Polygon | MultiPolygon);
        },
      };
    });
    // ring labels first (the what-if is what the planner is looking at), each kept on its ring's line of latitude
    const rings = ringLabels.map(({ marker, order }) => {
      const el = marker.getElement();
      const at = map.project(marker.getLngLat());
      // anchored at the bottom: the box's centre is half a height above the point
      return {
        x: at.x,
        y: at.y - el.offsetHeight / 2,
        w: el.offsetWidth,
        h: el.offsetHeight,
        priority: Number.MAX_SAFE_INTEGER - order,
        inside: (_x: number, y: number) => Math.abs(y - (at.y - el.offsetHeight / 2)) < 0.5,
      };
    });
    const offsets = placeLabels([...boxes, ...rings], { width: canvas.clientWidth, height: canvas.clientHeight });
    ringLabels.forEach(({ marker }, i) => {
      const off = offsets[labels.length + i];
      const el = marker.getElement();
      if (off) marker.setOffset(off);
      el.style.visibility = off ? '' : 'hidden';
      el.dataset.placed = off ? 'true' : 'false';
    });
    labels.forEach(({ marker }, i) => {
      const off = offsets[i];
      const el = marker.getElement();
      if (off) marker.setOffset(off);
      el.style.visibility = off ? '' : 'hidden';
      el.dataset.placed = off ? 'true' : 'false';
    });
  };

  // Filters and layer toggles become layer filters and visibility: the sources are not rebuilt.
  const applyFilters = (): void => {
    const { filters, layers, assessment } = store.getState();
    const roles = [layers.hazards && 'hazard', layers.targets && 'target', layers.risks && 'risk'].filter(
      Boolean,
    ) as Role[];
    // roles are toggled by the visibility of their own layers (LAYER_GROUPS); areas and the ring share one layer
    const sites = siteFilter(filters);
    const ofShownRoles = [
      'all',
      sites,
      ['in', ['get', 'role'], ['literal', roles]],
    ] as unknown as ExpressionSpecification;
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
    applyReachFilters(map, filters);
    // city-scale counts are cut for what the filters leave: the worker applies the same predicate as the lists
    if (tiledSites.source === 'tiles') tiledSites.count({ filters, roles });
    for (const [group, ids] of Object.entries(LAYER_GROUPS)) {
      for (const id of ids)
        map.setLayoutProperty(id, 'visibility', layers[group as keyof typeof LAYER_GROUPS] ? 'visible' : 'none');
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
    const { proposal, picking, assessment } = store.getState();
    const sitesById = assessedSites(assessment);
    if (needsBuffer(proposal, sitesById) && !bufferForDrawing) {
      const { buffer } = await import('@turf/buffer');
      bufferForDrawing = (g, meters) =>
        buffer({ type: 'Feature', geometry: g, properties: {} }, meters, { units: 'meters' })?.geometry;
      if (store.getState().proposal !== proposal) return; // a newer render is on its way
    }
    const { ringLabels: rings, ...sources } = proposalSources(proposal, picking, sitesById, bufferForDrawing);
    for (const [name, data] of Object.entries(sources)) (map.getSource(name) as GeoJSONSource).setData(data);
    renderRingLabels(rings);
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
      if (i >= 0) highlighted.push(tiledSites.feature('site', i), { source: 'sitePolygons', id: i });
    } else if (a.violations[selection.index]) {
      highlighted.push(tiledSites.feature('finding', selection.index));
    }
    for (const h of highlighted) map.setFeatureState(h, { selected: true });
    container.dataset.selected =
      selection.kind === 'violation' ? `violation:${selection.index}` : `${selection.kind}:${selection.id}`;
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
    map.getCanvas().style.cursor =
      map.queryRenderedFeatures(e.point, { layers: [...CLICKABLE_LAYERS] }).length > 0 ? 'pointer' : '';
  });

  let unsubscribe = (): void => {};
  let framedFlagged: { before: Camera; after: Camera } | null = null;
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
    setContourData(map, store.getState().contourFiles);
    unsubscribe = store.subscribe((state, prev) => {
      if (state.contourFiles !== prev.contourFiles) setContourData(map, state.contourFiles);
      if (state.assessment !== prev.assessment) renderLater();
      else if (state.selection !== prev.selection) {
        showSelection(state.selection); // with a new assessment, the deferred render above shows it
      }
      if (state.basemap !== prev.basemap) applyBasemap();
      if (state.locale !== prev.locale) applyLocale();
      else if (state.project?.dataCredit !== prev.project?.dataCredit) applyCredit();
      if (state.filters !== prev.filters || state.layers !== prev.layers) filterLater();
      if (state.selection !== prev.selection) arrangeLabels(); // the selected zone's label comes first
      // after React has drawn the detail panel, whose width the move must clear
      if (state.selection && state.selection !== prev.selection)
        setTimeout(
          () =>
            revealSelection(map, store.getState().assessment, store.getState().selection, uncoveredPadding(container)),
          0,
        );
      // a pasted link's position (the map's own moves report the position it is already at)
      if (state.camera && state.camera !== prev.camera && cameraDiffers(map, state.camera))
        map.jumpTo({ center: [state.camera.lon, state.camera.lat], zoom: state.camera.zoom });
      // "violations only" frames what it leaves on the map (unless a link says where to look); turned off without
      // the map having moved since, it goes back to where it was
      else if (state.filters.violationsOnly && !prev.filters.violationsOnly && state.camera === prev.camera) {
        const before = cameraOf(map);
        framedFlagged = frameShownSites(map, state, uncoveredPadding(container))
          ? { before, after: cameraOf(map) }
          : null;
      } else if (!state.filters.violationsOnly && prev.filters.violationsOnly) {
        if (framedFlagged && !cameraDiffers(map, framedFlagged.after))
          map.jumpTo({ center: [framedFlagged.before.lon, framedFlagged.before.lat], zoom: framedFlagged.before.zoom });
        framedFlagged = null;
      }
      if (state.focus && state.focus !== prev.focus) focusOn(map, state.assessment, state.focus.target);
      if (state.proposal !== prev.proposal || state.picking !== prev.picking) void renderProposal();
      if (
        state.proposal?.result &&
        state.proposal.result !== prev.proposal?.result &&
        state.proposal.site !== framedProposal
      ) {
        framedProposal = state.proposal.site;
        const hazards = assessedSites(state.assessment);
        const around = state.proposal.result.hazardRings.flatMap((r) => {
          const site = hazards.get(r.hazardId);
          return site ? [{ site, requiredM: r.requiredM }] : [];
        });
        frameProposal(map, state.proposal.site, state.proposal.result.ringsM, around);
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

/**
 * Bring a selection into the part of the map beside the detail panel: a finding at a scale where metres can be
 * seen; a zone or site by panning (zooming out only if it does not fit), never by zooming in.
 */
function revealSelection(map: MapLibreMap, a: Assessment | null, s: Selection, padding: Padding): void {
  if (!a || !s) return;
  if (s.kind === 'violation') {
    const v = a.violations[s.index];
    if (!v) return;
    const [[x1, y1], [x2, y2]] = v.closest;
    const bounds: [[number, number], [number, number]] = [
      [Math.min(x1, x2), Math.min(y1, y2)],
      [Math.max(x1, x2), Math.max(y1, y2)],
    ];
    if (map.getZoom() >= 15) return revealBounds(map, bounds, padding, map.getZoom());
    const wide = {
      top: padding.top + 136,
      bottom: padding.bottom + 136,
      left: padding.left + 136,
      right: padding.right + 136,
    };
    const roomy = map.getContainer().clientWidth - wide.left - wide.right > 80;
    map.fitBounds(bounds, { padding: roomy ? wide : 160, maxZoom: 17, duration: 0 });
    return;
  }
  const geometry = s.kind === 'zone' ? a.zones.find((z) => z.id === s.id)?.geometry : siteById(a, s.id)?.geometry;
  if (!geometry) return;
  const b = bboxOf(geometry);
  revealBounds(
    map,
    [
      [b[0], b[1]],
      [b[2], b[3]],
    ],
    padding,
    map.getZoom(),
  );
}

function cameraOf(map: MapLibreMap): Camera {
  const c = map.getCenter();
  return { lon: c.lng, lat: c.lat, zoom: map.getZoom() };
}

/** Fit the sites the filters leave on the map (nothing to show: the map stays where it is). Did it move? */
function frameShownSites(map: MapLibreMap, state: ReturnType<AppStore['getState']>, padding: Padding): boolean {
  if (!state.assessment) return false;
  const shown = filteredView(state.assessment, state.filters).sites;
  if (shown.length === 0) return false;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const site of shown) {
    const b = bboxOf(site.geometry);
    w = Math.min(w, b[0]);
    s = Math.min(s, b[1]);
    e = Math.max(e, b[2]);
    n = Math.max(n, b[3]);
  }
  const roomy = map.getContainer().clientWidth - padding.left - padding.right > 120;
  map.fitBounds(
    [
      [w, s],
      [e, n],
    ],
    {
      padding: roomy
        ? {
            ...padding,
            top: padding.top + 16,
            bottom: padding.bottom + 16,
            left: padding.left + 16,
            right: padding.right + 16,
          }
        : 40,
      maxZoom: 15,
      duration: 0,
    },
  );
  return true;
}

/** Bring a searched site or zone into view, or the whole study area. */
function focusOn(map: MapLibreMap, a: Assessment | null, target: Selection | 'all'): void {
  if (!a || !target) return;
  const geometries =
    target === 'all'
      ? [...a.zones.map((z) => z.geometry), ...a.sites.map((s) => s.geometry)]
      : target.kind === 'zone'
        ? a.zones.filter((z) => z.id === target.id).map((z) => z.geometry)
        : target.kind === 'site'
          ? a.sites.filter((s) => s.id === target.id).map((s) => s.geometry)
          : [];
  if (geometries.length === 0) return;
  const b = bboxOf({ type: 'GeometryCollection', geometries });
  map.fitBounds(
    [
      [b[0], b[1]],
      [b[2], b[3]],
    ],
    { padding: 60, maxZoom: target !== 'all' && target.kind === 'site' ? 16 : 14, duration: 0 },
  );
}

/** Frame a newly placed proposal with its rings (the largest up to 500 m) and the nearby hazards' rings, so metres can be seen. */
function frameProposal(
  map: MapLibreMap,
  site: Site,
  rings: { requiredM: number }[],
  around: { site: SiteShape; requiredM: number }[],
): void {
  let reach = 60;
  for (const r of rings) reach = Math.max(reach, Math.min(500, r.requiredM));
  const grow = (b: number[], m: number): number[] => {
    const dLat = m / 110_900;
    const dLon = m / (111_320 * Math.cos((b[1]! * Math.PI) / 180));
    return [b[0]! - dLon, b[1]! - dLat, b[2]! + dLon, b[3]! + dLat];
  };
  const boxes = [
    grow(bboxOf(site.geometry), reach),
    ...around.map((a) => grow(bboxOf(a.site.geometry), Math.min(500, a.requiredM))),
  ];
  const [w, s, e, n] = boxes.reduce((u, b) => [
    Math.min(u[0]!, b[0]!),
    Math.min(u[1]!, b[1]!),
    Math.max(u[2]!, b[2]!),
    Math.max(u[3]!, b[3]!),
  ]);
  map.fitBounds(
    [
      [w!, s!],
      [e!, n!],
    ],
    { padding: 40, duration: 0 },
  );
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
