// Assessment → GeoJSON sources for the map (pure). Features carry numeric ids for feature-state highlighting
// and only the properties the style needs; details are looked up in the Assessment on click.
import { isAreaSite } from '../state/siteView';
import type { Feature, FeatureCollection, Geometry, LineString } from 'geojson';
import type { Assessment, Zone } from '../engine';
import { flaggedSiteIds, hazardAtOf, siteFacts, type SiteFacts } from '../state/mapFilters';

export interface MapSources {
  zones: FeatureCollection;
  sitePolygons: FeatureCollection;
  sitePoints: FeatureCollection;
  violations: FeatureCollection<LineString>;
  districts: FeatureCollection;
}

/** `zonePolygons`: the loaded zoning polygons (drawn as the `districts` source), outlined above grid cells. */
export function mapSources(a: Assessment, zonePolygons: Zone[] = []): MapSources {
  const flagged = flaggedSiteIds(a);
  const sitePolygons: Feature[] = [];
  const sitePoints: Feature[] = [];
  const factsAt: SiteFacts[] = [];
  a.sites.forEach((s, i) => {
    // the facts the filters read (src/state/mapFilters), and the role for the layer toggles
    const facts = (factsAt[i] = siteFacts(s, flagged));
    const properties = { siteId: s.id, role: s.role ?? 'risk', ...facts };
    const isArea = s.geometry.type === 'Polygon' || s.geometry.type === 'MultiPolygon';
    if (isArea) sitePolygons.push({ type: 'Feature', id: i, geometry: s.geometry as Geometry, properties });
    // every site also gets a point, so small polygons stay visible and clickable at city scale
    sitePoints.push({
      type: 'Feature',
      id: i,
      geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
      properties: { ...properties, area: isArea },
    });
  });
  // a finding line is filtered by its hazard's facts
  const hazardAt = hazardAtOf(a);
  const violations: Feature<LineString>[] = a.findings.map((v, i) => ({
    type: 'Feature',
    id: i,
    geometry: { type: 'LineString', coordinates: [v.closest[0], v.closest[1]] },
    properties: { index: i, status: v.status, ...factsAt[hazardAt[i]!] },
  }));
  return {
    zones: zoneCollection(a),
    sitePolygons: { type: 'FeatureCollection', features: sitePolygons },
    sitePoints: { type: 'FeatureCollection', features: sitePoints },
    violations: { type: 'FeatureCollection', features: violations },
    districts: districtCollection(zonePolygons),
  };
}

/**
 * A large city's GeoJSON sources: zones, districts and the polygon sites' areas as on the small path; site points and
 * finding lines stay empty, as they come from the tile worker (src/map/tiledSites.ts).
 */
export function tiledMapSources(a: Assessment, zonePolygons: Zone[] = []): MapSources {
  const flagged = flaggedSiteIds(a);
  const sitePolygons: Feature[] = [];
  a.sites.forEach((s, i) => {
    if (!isAreaSite(s)) return; // (a view's geometry is made when read: not asked for a million of them)
    sitePolygons.push({
      type: 'Feature',
      id: i,
      geometry: s.geometry as Geometry,
      properties: { siteId: s.id, role: s.role ?? 'risk', ...siteFacts(s, flagged) },
    });
  });
  return {
    zones: zoneCollection(a),
    sitePolygons: { type: 'FeatureCollection', features: sitePolygons },
    sitePoints: { type: 'FeatureCollection', features: [] },
    violations: { type: 'FeatureCollection', features: [] },
    districts: districtCollection(zonePolygons),
  };
}

function zoneCollection(a: Assessment): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: a.zones.map((z, i) => ({
      type: 'Feature',
      id: i,
      geometry: z.geometry,
      // grid zones differ from every neighbour in level, so their fills separate them without outlines
      properties: { zoneId: z.id, name: z.name, level: z.level ?? 'unscored', grid: a.grid !== null },
    })),
  };
}

function districtCollection(zonePolygons: Zone[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: zonePolygons.map((d, i) => ({
      type: 'Feature',
      id: i,
      geometry: d.geometry,
      properties: { name: d.name },
    })),
  };
}
