// Store → map for what is drawn: the assessment's sources (GeoJSON, or tiles for a large city), the filters and layer
// toggles as layer filters and visibility (the sources are not rebuilt), the basemap, the contours and the what-if.
import type { ExpressionSpecification, GeoJSONSource } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Assessment, Role } from '../engine';
import { assessedReach } from '../state/assessedReach';
import { filteredView } from '../state/mapFilters';
import { addBasemap, removeBasemap } from './basemapLayers';
import { changedSources } from './changedSources';
import { setContourData } from './contourLayers';
import { combine, siteFilter, zoneFilter } from './filterExpressions';
import { runInTasks } from './inTasks';
import { drawsTiles } from './largeCity';
import type { CameraFollow } from './cameraFollow';
import type { MapContext } from './mapContext';
import { mapSources, tiledMapSources } from './mapData';
import type { MapLabels } from './mapLabels';
import { assessedSites, needsBuffer, proposalSources, type BufferForDrawing } from './proposalData';
import { applyReachFilters, reachDataSteps, REACH_SOURCES } from './reachLayers';
import { dotLayer, LAYER_GROUPS, OWN_FILTERS, SELECTION_RING, SITE_ROLES, symbolLayer } from './style';
import type { TiledSites } from './tiledSites';

const DRAWN_SOURCES: string[] = ['zones', 'sitePolygons', 'sitePoints', 'violations', 'districts', ...REACH_SOURCES];

export interface MapSync {
  /** draws an assessment (null: nothing of the last one stays) */
  render(a: Assessment | null): void;
  applyFilters(): void;
  applyBasemap(): void;
  applyContours(): void;
  renderProposal(): Promise<void>;
}

export function createMapSync(
  ctx: MapContext,
  parts: {
    tiledSites: TiledSites;
    labels: MapLabels;
    camera: CameraFollow;
    /** an assessment is drawn and the map idle */
    onReady?: () => void;
  },
): MapSync {
  const { map, container, store } = ctx;
  const { tiledSites, labels, camera, onReady } = parts;
  const drawnSources = changedSources(map); // a source is sent again only when its data changed

  const clearDrawn = (): void => {
    labels.clearZones();
    tiledSites.use('geojson');
    const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
    for (const name of DRAWN_SOURCES) drawnSources.set(name, empty);
  };

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

  const render = (a: Assessment | null): void => {
    container.dataset.mapReady = 'false';
    if (!a) return clearDrawn();
    container.dataset.zoneCount = String(a.zones.length);
    // a large city's sites come from tiles cut in a worker (src/map/tiledSites.ts); a small one's go in as GeoJSON
    const tiled = drawsTiles(a);
    tiledSites.use(tiled ? 'tiles' : 'geojson');
    const zonePolygons = a.grid ? store.getState().zones : [];
    const sources = tiled ? tiledMapSources(a, zonePolygons) : mapSources(a, zonePolygons);
    for (const [name, data] of Object.entries(sources)) drawnSources.set(name, data);
    container.dataset.sitesDrawnFrom = tiledSites.source;
    labels.showZones(a);
    applyFilters();
    camera.frameData(a, tiled);
    const ready = (): void => {
      map.once('idle', () => {
        container.dataset.mapReady = 'true';
        container.dataset.readyAt = performance.now().toFixed(0); // for the render benchmark
        onReady?.();
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

  // the optional basemap goes under everything else; its attribution joins the map's
  const applyBasemap = (): void => {
    const b = store.getState().basemap;
    removeBasemap(map);
    addBasemap(map, b, 'zones-fill');
    container.dataset.basemap = b.kind;
  };

  let bufferForDrawing: BufferForDrawing | undefined;
  const renderProposal = async (): Promise<void> => {
    const { proposal, picking, assessment } = store.getState();
    const sitesById = assessedSites(assessment);
    if (needsBuffer(proposal, sitesById) && !bufferForDrawing) {
      const { buffer } = await import('@turf/buffer');
      bufferForDrawing = (g, distanceM) =>
        buffer({ type: 'Feature', geometry: g, properties: {} }, distanceM, { units: 'meters' })?.geometry;
      if (store.getState().proposal !== proposal) return; // a newer render is on its way
    }
    const { ringLabels: rings, ...sources } = proposalSources(proposal, picking, sitesById, bufferForDrawing);
    for (const [name, data] of Object.entries(sources)) (map.getSource(name) as GeoJSONSource).setData(data);
    labels.showRings(rings);
    map.getCanvas().style.cursor = picking ? 'crosshair' : '';
    container.dataset.proposalVerdict = proposal?.result?.verdict ?? '';
  };

  return {
    render,
    applyFilters,
    applyBasemap,
    applyContours: () => setContourData(map, store.getState().contourFiles),
    renderProposal,
  };
}
