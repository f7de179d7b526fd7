// The proposal slice: the what-if check of a proposed site — the form as filled, placing it on the map, and the
// engine's answer for it.
import type { ProposalResult, Site } from '../../engine';
import { messageOfError, type ShownMessage } from '../../i18n/shownMessage';
import { translator, type Translate } from '../../i18n/translate';
import type { AppServices } from '../appServices';
import { assessConfigOf, datasetIdsOf } from '../assessInputs';
import { contoursInUse } from '../contourFiles';

/** Placing a proposed site on the map: one click for a point, clicks for polygon vertices. */
export type Picking = { mode: 'point' } | { mode: 'polygon'; vertices: [number, number][] } | null;

/** The what-if form's attributes of a proposed site (everything but where it is). */
export type ProposalDraft = Omit<Site, 'geometry'>;

export interface Proposal {
  site: Site;
  result: ProposalResult | null;
  error: ShownMessage | null;
}

export interface ProposalState {
  picking: Picking;
  proposal: Proposal | null;
  /** the what-if form as the user filled it; null until then (the default, named in the language shown) */
  proposalDraft: ProposalDraft | null;
}

export const initialProposal = (): ProposalState => ({ picking: null, proposal: null, proposalDraft: null });

const DRAFT_KEYS = [
  'id',
  'name',
  'category',
  'stationGrade',
  'vapourRecovery',
  'protectionDistanceM',
  'users',
  'beds',
] as const;

/** Do a draft and a placed site have the same attributes? */
export const sameDraft = (draft: ProposalDraft, site: ProposalDraft): boolean =>
  DRAFT_KEYS.every((k) => draft[k] === site[k]);

/** The what-if form's draft: as the user filled it, or the default (a fuel station, named in the language shown). */
export function proposalDraftOf(draft: ProposalDraft | null, t: Translate): ProposalDraft {
  return draft ?? { id: 'PROPOSED-1', name: t('whatif.defaultName'), category: 'fuel_station' };
}

/** The draft placed at `geometry`, checked by the engine against the held datasets and the contours in use. */
export async function placeProposal({ store, engine }: AppServices, geometry: Site['geometry']): Promise<void> {
  const s = store.getState();
  const site: Site = { ...proposalDraftOf(s.proposalDraft, translator(s.locale)), geometry };
  store.setState({ proposal: { site, result: null, error: null }, picking: null });
  try {
    const result = await engine.checkProposal(site, datasetIdsOf(s), assessConfigOf(s), contoursInUse(s.contourFiles));
    if (store.getState().proposal?.site === site) store.setState({ proposal: { site, result, error: null } });
  } catch (e) {
    store.setState({ proposal: { site, result: null, error: messageOfError(e) } });
  }
}

/** The form as the user filled it; a placed proposal is judged again with its new attributes. */
export function setProposalDraft(app: AppServices, next: ProposalDraft): void {
  app.store.setState({ proposalDraft: next });
  const placed = app.store.getState().proposal?.site;
  if (placed && !sameDraft(next, placed)) void placeProposal(app, placed.geometry);
}

export function clearProposal({ store }: AppServices): void {
  store.setState({ proposal: null, picking: null });
}

export function startPicking({ store }: AppServices, mode: 'point' | 'polygon'): void {
  const picking: Picking = mode === 'point' ? { mode } : { mode, vertices: [] };
  store.setState({ picking, selection: null });
}

export function cancelPicking({ store }: AppServices): void {
  store.setState({ picking: null });
}

/** A map click while picking: places a point proposal, or adds a polygon vertex. */
export function pickAt(app: AppServices, lngLat: [number, number]): void {
  const picking = app.store.getState().picking;
  if (!picking) return;
  if (picking.mode === 'point') void placeProposal(app, { type: 'Point', coordinates: lngLat });
  else app.store.setState({ picking: { mode: 'polygon', vertices: [...picking.vertices, lngLat] } });
}

/** The polygon being drawn is complete (≥ 3 vertices). */
export function finishPolygon(app: AppServices): void {
  const picking = app.store.getState().picking;
  if (picking?.mode !== 'polygon' || picking.vertices.length < 3) return;
  void placeProposal(app, { type: 'Polygon', coordinates: [[...picking.vertices, picking.vertices[0]!]] });
}
