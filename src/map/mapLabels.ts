// Zone names and what-if ring labels as DOM markers (MapLibre text needs glyph tiles, not available offline), placed
// so that none overlaps: a label moves to a free slot inside its zone or is hidden, the selected and larger zones first.
import { Marker } from 'maplibre-gl';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Assessment } from '../engine';
import type { Translate } from '../i18n/translate';
import { ruleVocabulary } from '../i18n/vocabulary';
import { zoneMatches } from '../state/mapFilters';
import { placeLabels } from './labelPlacement';
import type { MapContext } from './mapContext';
import type { RingLabel } from './proposalData';
import { ringLabelText } from './ringLabel';
import { zoneLabelFacts } from './zoneLabelFacts';

// DOM labels suit a few dozen zones (districts); grid zoning yields thousands, told apart by colour and the panel
const MAX_LABELLED_ZONES = 60;

export interface MapLabels {
  /** the zones' labels for this assessment, as the filters and the zone layer leave them */
  showZones(a: Assessment): void;
  showRings(rings: RingLabel[]): void;
  /** place every label again (the map moved, or the selection changed which label comes first) */
  arrange(): void;
  /** no assessment: no zone label of the last one may stay (a new blank project showed the demo's district names) */
  clearZones(): void;
}

export function createLabels({ map, store, t }: MapContext): MapLabels {
  let zoneLabels: { marker: Marker; zone: Assessment['zones'][number]; area: number }[] = [];
  let ringLabels: { marker: Marker; order: number }[] = [];

  const arrange = (): void => {
    if (zoneLabels.length + ringLabels.length === 0) return;
    const sel = store.getState().selection;
    const selectedZone = sel?.kind === 'zone' ? sel.id : null;
    const canvas = map.getCanvas();
    const boxes = zoneLabels.map(({ marker, zone, area }) => {
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
    ringLabels.forEach(({ marker }, i) => place(marker, offsets[zoneLabels.length + i]));
    zoneLabels.forEach(({ marker }, i) => place(marker, offsets[i]));
  };

  const clearZones = (): void => {
    for (const l of zoneLabels) l.marker.remove();
    zoneLabels = [];
  };

  return {
    showZones(a) {
      clearZones();
      const { filters, layers } = store.getState();
      const shown =
        !layers.zones || a.zones.length > MAX_LABELLED_ZONES
          ? []
          : a.zones.filter((z) => zoneMatches(z, a.grid !== null, filters));
      zoneLabels = shown.map((z) => {
        const g = z.geometry as Polygon | MultiPolygon;
        const { anchor, area } = zoneLabelFacts(z.id, g);
        const marker = new Marker({ element: zoneLabel(z.name, z.level, t()), anchor: 'center' })
          .setLngLat(anchor)
          .addTo(map);
        return { marker, zone: z, area };
      });
      arrange();
    },
    showRings(rings) {
      for (const l of ringLabels) l.marker.remove();
      const { rules, locale } = store.getState();
      const rulesById = new Map(rules.rules.map((r) => [r.id, r] as const));
      ringLabels = rings.map(({ at, ring }, order) => {
        const el = document.createElement('div');
        el.className = `ring-label ring-around-${ring.around ? 'hazard' : 'proposal'}`;
        el.textContent = ringLabelText(ring, rulesById, ruleVocabulary(t(), locale), t()('whatif.ring.siteDistance'));
        return { marker: new Marker({ element: el, anchor: 'bottom' }).setLngLat(at).addTo(map), order };
      });
      arrange();
    },
    arrange,
    clearZones,
  };
}

/** Moves a label to its slot, or hides it when it has none. */
function place(marker: Marker, offset: [number, number] | null | undefined): void {
  const el = marker.getElement();
  if (offset) marker.setOffset(offset);
  el.style.visibility = offset ? '' : 'hidden';
  el.dataset.placed = offset ? 'true' : 'false';
}

function zoneLabel(name: string, level: Assessment['zones'][number]['level'], t: Translate): HTMLElement {
  const el = document.createElement('div');
  el.className = `zone-label level-${level ?? 'unscored'}`;
  const n = document.createElement('span');
  n.textContent = name;
  const l = document.createElement('b');
  l.textContent = level ? t(`level.short.${level}`) : t('level.unratedShort');
  el.append(n, l);
  return el;
}
