// What-if → GeoJSON for the map (pure): the proposed site, its required-distance rings, lines to every finding,
// and the polygon being drawn. Rings are for drawing only; verdicts come from the engine's exact distances.
// Rings go both ways: around a proposed hazard, one per distance its rules ask of protected places; around each
// existing hazard near a proposed protected place (or hazard), at the distance that hazard's rule asks of it. The
// second is drawn around the hazards, not the proposal, because each hazard asks its own distance (a 二级站 and a
// 三级站 differ): a planner moving the site reads directly which keep-out circles it must stay out of.
import type { Feature, FeatureCollection, Geometry, LineString, Polygon, Position } from 'geojson';
import { geodesicDestination, representativePoint, type Assessment, type ProposalRing, type Site } from '../engine';
import { siteById } from '../state/siteLookup';
import type { Picking, Proposal } from '../state/store';

export interface ProposalSources {
  proposal: FeatureCollection;
  proposalRings: FeatureCollection;
  proposalLinks: FeatureCollection<LineString>;
  proposalAffected: FeatureCollection;
  drawing: FeatureCollection;
  /** one label per drawn ring, at its northernmost point (the map draws them as DOM markers: no glyphs offline) */
  ringLabels: RingLabel[];
}

/** A drawn ring: its distance, the rules that ask it, and what it is drawn around. */
export interface DrawnRing {
  requiredM: number;
  rules: ProposalRing[];
  /** null: the proposal itself */
  around: SiteShape | null;
}

export interface RingLabel {
  at: [number, number];
  ring: DrawnRing;
}

const empty = (): FeatureCollection<never> => ({ type: 'FeatureCollection', features: [] });

/** A geodesic circle of `radiusM` around a lon/lat point (72 vertices). */
export function geodesicCircle(center: [number, number], radiusM: number, steps = 72): Polygon {
  const ring = Array.from({ length: steps }, (_, i) => geodesicDestination(center, (360 * i) / steps, radiusM));
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
}

/** What the drawing needs of an existing site. */
export type SiteShape = Pick<Site, 'id' | 'name' | 'category' | 'geometry'>;
/** Existing sites by id (the assessment's, on the page: the datasets themselves are held by the engine). */
export interface SitesById {
  get(id: string): SiteShape | undefined;
}

/** The sites of an assessment by id (none before the first assessment). */
export const assessedSites = (a: Assessment | null): SitesById => ({ get: (id) => (a ? siteById(a, id) : undefined) });

/** Buffers a polygon for drawing; loaded on demand (it is heavy) and only needed for drawn polygons. */
export type BufferForDrawing = (g: Geometry, radiusM: number) => Geometry | undefined;

export function needsBuffer(proposal: Proposal | null, sitesById: SitesById): boolean {
  if (!proposal?.result) return false;
  if (proposal.site.geometry.type !== 'Point' && proposal.result.ringsM.length > 0) return true;
  return (proposal.result.hazardRings ?? []).some((r) => sitesById.get(r.hazardId)?.geometry.type !== 'Point');
}

/** Rings around the proposal with the same distance are one circle (its label names every rule). */
export function drawnRings(proposal: Proposal, sitesById: SitesById): DrawnRing[] {
  const out: DrawnRing[] = [];
  const byDistance = new Map<number, DrawnRing>();
  for (const r of proposal.result?.ringsM ?? []) {
    const same = byDistance.get(r.requiredM);
    if (same) same.rules.push(r);
    else byDistance.set(r.requiredM, out[out.push({ requiredM: r.requiredM, rules: [r], around: null }) - 1]!);
  }
  for (const r of proposal.result?.hazardRings ?? []) {
    const around = sitesById.get(r.hazardId);
    if (around) out.push({ requiredM: r.requiredM, rules: [r], around });
  }
  return out;
}

export function proposalSources(
  proposal: Proposal | null,
  picking: Picking,
  sitesById: SitesById,
  bufferForDrawing?: BufferForDrawing,
): ProposalSources {
  const out: ProposalSources = {
    proposal: empty(),
    proposalRings: empty(),
    proposalLinks: empty(),
    proposalAffected: empty(),
    drawing: empty(),
    ringLabels: [],
  };
  if (picking?.mode === 'polygon' && picking.vertices.length > 0) {
    const line: Geometry =
      picking.vertices.length > 1
        ? { type: 'LineString', coordinates: picking.vertices }
        : { type: 'Point', coordinates: picking.vertices[0]! };
    out.drawing.features.push(
      { type: 'Feature', geometry: line, properties: {} },
      ...picking.vertices.map(
        (v): Feature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: v }, properties: {} }),
      ),
    ); // spread-ok: the vertices clicked so far
  }
  if (!proposal) return out;
  const g = proposal.site.geometry;
  out.proposal.features.push({
    type: 'Feature',
    geometry: g,
    properties: { verdict: proposal.result?.verdict ?? 'pending' },
  });
  if (g.type !== 'Point')
    out.proposal.features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: representativePoint(g) },
      properties: { verdict: proposal.result?.verdict ?? 'pending' },
    });
  for (const ring of drawnRings(proposal, sitesById)) {
    const centre = ring.around ? ring.around.geometry : g;
    const shape: Geometry | undefined =
      centre.type === 'Point'
        ? geodesicCircle(centre.coordinates as [number, number], ring.requiredM)
        : bufferForDrawing?.(centre, ring.requiredM);
    if (!shape) continue;
    out.proposalRings.features.push({
      type: 'Feature',
      geometry: shape,
      properties: { requiredM: ring.requiredM, around: ring.around ? 'hazard' : 'proposal' },
    });
    out.ringLabels.push({ at: northernmost(shape), ring });
  }
  for (const f of proposal.result?.findings ?? []) {
    out.proposalLinks.features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: [f.closest[0], f.closest[1]] },
      properties: { status: f.status },
    });
    const otherId = f.hazardId === proposal.site.id ? f.targetId : f.hazardId;
    const other = sitesById.get(otherId);
    if (other)
      out.proposalAffected.features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: representativePoint(other.geometry) },
        properties: { siteId: otherId, status: f.status },
      });
  }
  return out;
}

function northernmost(g: Geometry): [number, number] {
  let best: Position = [0, -Infinity];
  const visit = (ring: Position[]) => {
    for (const p of ring) if (p[1]! > best[1]!) best = p;
  };
  if (g.type === 'Polygon') g.coordinates.forEach(visit);
  else if (g.type === 'MultiPolygon') for (const poly of g.coordinates) poly.forEach(visit);
  return [best[0]!, best[1]!];
}
