// QRA individual-risk contours on the map (issue #20): each installation's iso-risk rings, graded by their value
// (darker and wider for higher risk), above the zones and under the sites. They belong to the project's contour
// files, not to an assessment: drawn when the files change. Purples, so that no ring reads as one of the four levels.
import type {
  ExpressionSpecification,
  GeoJSONSource,
  LayerSpecification,
  Map as MapLibreMap,
  SourceSpecification,
} from 'maplibre-gl';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ProjectContourFile } from '../io';

export const CONTOUR_SOURCE = 'qraContours';
export const CONTOUR_LINE = 'qra-contours-line';
export const CONTOUR_FILL = 'qra-contours-fill';

/** The grades, highest first: a ring takes the first whose value it reaches (the usual QRA contour values). */
export const CONTOUR_GRADES: readonly { atLeast: number; colour: string; widthPx: number }[] = [
  { atLeast: 1e-5, colour: '#3f007d', widthPx: 2.6 },
  { atLeast: 3e-6, colour: '#54278f', widthPx: 2.2 },
  { atLeast: 1e-6, colour: '#6a51a3', widthPx: 1.9 },
  { atLeast: 3e-7, colour: '#807dba', widthPx: 1.6 },
  { atLeast: 0, colour: '#9e9ac8', widthPx: 1.3 },
];

/** The grade of a contour value (per year). */
export const contourGrade = (perYear: number): (typeof CONTOUR_GRADES)[number] =>
  CONTOUR_GRADES.find((g) => perYear >= g.atLeast) ?? CONTOUR_GRADES[CONTOUR_GRADES.length - 1]!;

const graded = (key: 'colour' | 'widthPx'): ExpressionSpecification =>
  [
    'step',
    ['get', 'risk'],
    ...[...CONTOUR_GRADES].reverse().flatMap((g, i) => (i === 0 ? [g[key]] : [g.atLeast, g[key]])),
  ] as unknown as ExpressionSpecification;

export const contourSourceSpecs = (): Record<string, SourceSpecification> => ({
  [CONTOUR_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
});

/** Drawn above the zones (and the reach bands), under the district lines and sites. */
export const contourLayers = (): LayerSpecification[] => [
  // a faint wash inside each ring: overlapping rings of one installation darken towards it
  {
    id: CONTOUR_FILL,
    type: 'fill',
    source: CONTOUR_SOURCE,
    paint: { 'fill-color': graded('colour'), 'fill-opacity': 0.05, 'fill-antialias': false },
  },
  {
    id: CONTOUR_LINE,
    type: 'line',
    source: CONTOUR_SOURCE,
    paint: { 'line-color': graded('colour'), 'line-width': graded('widthPx') },
  },
];

export const CONTOUR_LAYER_GROUPS = { contours: [CONTOUR_FILL, CONTOUR_LINE] } as const;

/** The rings as features, lowest value first so the higher ones are drawn on top. */
export function contourFeatures(files: readonly ProjectContourFile[]): FeatureCollection<Polygon | MultiPolygon> {
  const features: Feature<Polygon | MultiPolygon>[] = [];
  for (const f of files) {
    for (const c of f.contours)
      features.push({
        type: 'Feature',
        geometry: c.geometry,
        properties: { installationId: c.installationId, risk: c.riskPerYear, file: f.file },
      });
  }
  features.sort((a, b) => a.properties!.risk - b.properties!.risk);
  return { type: 'FeatureCollection', features };
}

export function setContourData(map: MapLibreMap, files: readonly ProjectContourFile[]): void {
  (map.getSource(CONTOUR_SOURCE) as GeoJSONSource | undefined)?.setData(contourFeatures(files));
}

/** The rings drawn now (for the tests' probe), as `installationId:risk`, sorted. */
export function probeContours(map: MapLibreMap): string[] {
  if (!map.getLayer(CONTOUR_LINE) || map.getLayoutProperty(CONTOUR_LINE, 'visibility') === 'none') return [];
  return [
    ...new Set(
      map
        .queryRenderedFeatures({ layers: [CONTOUR_LINE] })
        .map((f) => `${f.properties.installationId}:${f.properties.risk}`),
    ),
  ].sort();
}
