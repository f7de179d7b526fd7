// Where the map looks: it frames each project's data once, reports its own moves to the store (the shareable link),
// and follows the store's camera, selection, search focus, "violations only" and a new proposal.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { bboxOf, type Assessment, type Site } from '../engine';
import { filteredView } from '../state/mapFilters';
import { siteById } from '../state/siteLookup';
import type { AppState, Selection } from '../state/store';
import type { Camera } from '../state/viewHash';
import { cameraDiffers, revealBounds, uncoveredPadding, type Padding } from './camera';
import { dataBounds } from './dataBounds';
import { geometryTypeOf } from '../state/siteView';
import type { MapContext } from './mapContext';
import { assessedSites, type SiteShape } from './proposalData';

export interface CameraFollow {
  /** frames the data when it is a project's (or zone set's) first shown, unless a link said where to look */
  frameData(a: Assessment, tiled: boolean): void;
  /** follows one store change */
  follow(state: AppState, prev: AppState): void;
}

export function createCameraFollow({ map, container, store }: MapContext, onMoved: () => void): CameraFollow {
  // a shared link's position wins over fitting the data
  const startCamera = store.getState().camera;
  if (startCamera) map.jumpTo({ center: [startCamera.lon, startCamera.lat], zoom: startCamera.zoom });
  map.on('moveend', () => {
    store.setState({ camera: cameraOf(map) });
    onMoved();
  });
  // The map frames each project's own data (and again when its zones are replaced); a camera from the URL is kept
  // for the first data shown.
  const dataKey = (): string => {
    const s = store.getState();
    return `${s.project?.id ?? ''}|${s.zonesDigest?.sha256 ?? s.zonesSource}|${s.zones.length > 0 ? 'zones' : 'sites'}`;
  };
  let framedKey: string | null = null;
  let keepStartCamera = startCamera !== null;
  let framedFlagged: { before: Camera; after: Camera } | null = null;
  let framedProposal: Site | null = null;

  return {
    frameData(a, tiled) {
      const key = dataKey();
      if (key === framedKey || a.zones.length + a.sites.length === 0) return;
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
    },
    follow(state, prev) {
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
    },
  };
}

function cameraOf(map: MapLibreMap): Camera {
  const c = map.getCenter();
  return { lon: c.lng, lat: c.lat, zoom: map.getZoom() };
}

/**
 * Bring a selection into the part of the map beside the detail panel: a finding at a scale where metres can be
 * seen; a zone or site by panning (zooming out only if it does not fit), never by zooming in.
 */
function revealSelection(map: MapLibreMap, a: Assessment | null, s: Selection, padding: Padding): void {
  if (!a || !s) return;
  if (s.kind === 'violation') {
    const v = a.findings[s.index];
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

/** Fit the sites the filters leave on the map (nothing to show: the map stays where it is). Did it move? */
function frameShownSites(map: MapLibreMap, state: AppState, padding: Padding): boolean {
  if (!state.assessment) return false;
  const shown = filteredView(state.assessment, state.filters).sites;
  if (shown.length === 0) return false;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const site of shown) {
    // a point's lon and lat are its coordinates (a view's geometry is made when read)
    const b: ReturnType<typeof bboxOf> =
      geometryTypeOf(site) === 'Point' ? [site.lon, site.lat, site.lon, site.lat] : bboxOf(site.geometry);
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
  if (target === 'all') {
    // one loop over zones and sites (a collection of every geometry would be a million-element array)
    if (a.zones.length + a.sites.length > 0) map.fitBounds(dataBounds(a), { padding: 60, maxZoom: 14, duration: 0 });
    return;
  }
  const geometries =
    target.kind === 'zone'
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
    { padding: 60, maxZoom: target.kind === 'site' ? 16 : 14, duration: 0 },
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
