// Camera moves that respect what covers the map: the detail panel sits over the map's right side, so a selected zone
// or site is brought into the part of the map beside it, not under it.
import type { LngLatBoundsLike, Map as MapLibreMap } from 'maplibre-gl';
import type { Camera } from '../state/viewHash';

const MARGIN = 24;

/** Padding that keeps a fitted view clear of the detail panel (when open) and the map's edges. */
export interface Padding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function uncoveredPadding(container: HTMLElement): Padding {
  const map = container.getBoundingClientRect();
  const panel = container.parentElement?.querySelector('.detail-panel')?.getBoundingClientRect();
  // the panel covers from its left edge to the map's right edge
  const covered = panel && panel.width > 0 && panel.left < map.right ? map.right - panel.left : 0;
  return { top: MARGIN, bottom: MARGIN, left: MARGIN, right: covered + MARGIN };
}

/**
 * Make `bounds` visible inside the padded part of the map: nothing moves when it already is; otherwise the camera
 * pans (and zooms out only as far as needed, never in beyond `maxZoom`). Too little room beside the panel: it is ignored.
 */
export function revealBounds(
  map: MapLibreMap,
  bounds: [[number, number], [number, number]],
  padding: Padding,
  maxZoom: number,
): void {
  const c = map.getContainer();
  const [[w, s], [e, n]] = bounds;
  const a = map.project([w, n]);
  const b = map.project([e, s]);
  const room = {
    x0: padding.left,
    y0: padding.top,
    x1: c.clientWidth - padding.right,
    y1: c.clientHeight - padding.bottom,
  };
  const inside = a.x >= room.x0 && a.y >= room.y0 && b.x <= room.x1 && b.y <= room.y1;
  if (inside) return;
  // larger than the free part and already filling some of it (a district seen from street level): nothing to reveal
  const larger = b.x - a.x > room.x1 - room.x0 || b.y - a.y > room.y1 - room.y0;
  const seen = a.x < room.x1 && room.x0 < b.x && a.y < room.y1 && room.y0 < b.y;
  if (larger && seen) return;
  const roomy = c.clientWidth - padding.left - padding.right > 80 && c.clientHeight - padding.top - padding.bottom > 80;
  const camera = map.cameraForBounds(bounds as LngLatBoundsLike, { padding: roomy ? padding : MARGIN, maxZoom });
  if (camera) map.jumpTo(camera);
}

/** Does the stored camera (e.g. from a pasted link) say something other than where the map is? (hash precision) */
export function cameraDiffers(map: MapLibreMap, camera: Camera): boolean {
  const c = map.getCenter();
  return (
    Math.abs(c.lng - camera.lon) > 2e-5 ||
    Math.abs(c.lat - camera.lat) > 2e-5 ||
    Math.abs(map.getZoom() - camera.zoom) > 0.01
  );
}
