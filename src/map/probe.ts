// What the map has drawn, told only when asked: browser tests dispatch MAP_PROBE_EVENT on the map's container with
// a reply callback. Counting every rendered feature holds the page 0.8 s at 100 000 sites, so the map never does it
// on its own (it did after every filter change and move, which made those the slowest tasks of a large city).
export const MAP_PROBE_EVENT = 'map-probe';

export interface MapProbe {
  /** distinct sites drawn as dots, symbols or areas */
  sites: number;
  /** distinct `role:category:level` symbols drawn (none below the symbol zoom) */
  symbols: string[];
  /** where the map is */
  camera: { lon: number; lat: number; zoom: number };
  /** what-if rings drawn */
  rings: number;
  /** the selected zone's or site's box on screen (px from the map's top left), if any */
  selectedBox: { x0: number; y0: number; x1: number; y1: number } | null;
  /** a large city's city-scale counts drawn: circles, and the sites they count together */
  counted: { circles: number; sites: number };
  /** where the site layers read from: GeoJSON (small cities) or the tile worker's tiles */
  drawnFrom: 'geojson' | 'tiles';
  /** sites drawn highlighted as selected (feature-state) */
  selectedDrawn: number;
  /** the reach layers drawn: band indexes (-1 unreached), shelter service areas, rescue `category:mark`s */
  reach: { bands: number[]; shelterAreas: number; rescue: string[] };
  /** the QRA contour rings drawn, as `installationId:risk` */
  contours: string[];
}

export type MapProbeRequest = CustomEvent<(probe: MapProbe) => void>;
