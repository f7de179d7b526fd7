// What-if → GeoJSON for the map (pure): the proposed site, its required-distance rings, lines to every finding,
// and the polygon being drawn. Rings are for drawing only; verdicts come from the engine's exact distances.
import type { Feature, FeatureCollection, Geometry, LineString, Polygon } from 'geojson';
import { geodesicDestination, representativePoint, type Site } from '../engine';
import type { Picking, Proposal } from '../state/store';

export interface ProposalSources {
  proposal: FeatureCollection;
  proposalRings: FeatureCollection;
  proposalLinks: FeatureCollection<LineString>;
  proposalAffected: FeatureCollection;
  drawing: FeatureCollection;
}

const empty = (): FeatureCollection<never> => ({ type: 'FeatureCollection', features: [] });

/** A geodesic circle of `meters` around a lon/lat point (72 vertices). */
export function geodesicCircle(center: [number, number], meters: number, steps = 72): Polygon {
  const ring = Array.from({ length: steps }, (_, i) => geodesicDestination(center, (360 * i) / steps, meters));
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
}

/** Buffers a polygon for drawing; loaded on demand (it is heavy) and only needed for drawn polygons. */
export type BufferForDrawing = (g: Geometry, meters: number) => Geometry | undefined;

export function needsBuffer(proposal: Proposal | null): boolean {
  return !!proposal && proposal.site.geometry.type !== 'Point' && (proposal.result?.ringsM.length ?? 0) > 0;
}

export function proposalSources(proposal: Proposal | null, picking: Picking, sitesById: Map<string, Site>, bufferForDrawing?: BufferForDrawing): ProposalSources {
  const out: ProposalSources = { proposal: empty(), proposalRings: empty(), proposalLinks: empty(), proposalAffected: empty(), drawing: empty() };
  if (picking?.mode === 'polygon' && picking.vertices.length > 0) {
    const line: Geometry = picking.vertices.length > 1 ? { type: 'LineString', coordinates: picking.vertices } : { type: 'Point', coordinates: picking.vertices[0]! };
    out.drawing.features.push({ type: 'Feature', geometry: line, properties: {} }, ...picking.vertices.map((v): Feature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: v }, properties: {} }))); // spread-ok: the vertices clicked so far
  }
  if (!proposal) return out;
  const g = proposal.site.geometry;
  out.proposal.features.push({ type: 'Feature', geometry: g, properties: { verdict: proposal.result?.verdict ?? 'pending' } });
  if (g.type !== 'Point') out.proposal.features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: representativePoint(g) }, properties: { verdict: proposal.result?.verdict ?? 'pending' } });
  for (const ring of proposal.result?.ringsM ?? []) {
    const shape: Geometry | undefined = g.type === 'Point'
      ? geodesicCircle(g.coordinates as [number, number], ring.requiredM)
      : bufferForDrawing?.(g, ring.requiredM);
    if (shape) out.proposalRings.features.push({ type: 'Feature', geometry: shape, properties: { requiredM: ring.requiredM, label: `${ring.requiredM} m` } });
  }
  for (const f of proposal.result?.findings ?? []) {
    out.proposalLinks.features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: [f.closest[0], f.closest[1]] }, properties: { status: f.status } });
    const otherId = f.hazardId === proposal.site.id ? f.targetId : f.hazardId;
    const other = sitesById.get(otherId);
    if (other) out.proposalAffected.features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: representativePoint(other.geometry) }, properties: { siteId: otherId, status: f.status } });
  }
  return out;
}
