// Keeps the URL hash and the view in step: read at start (filters, camera, and the selection and what-if proposal
// once the assessment holds them), then rewritten in place as the view changes (replaceState: no history entry per
// pan). A link pasted into the open tab (hashchange) is followed the same way. replaceState never fires hashchange,
// so the app's own rewrites cannot loop back into it.
import { selectionStillIn, type AppState, type AppStore } from '../state/store';
import { decodeView, encodeView, proposalLinkOf, type ProposalLink, type ViewState } from '../state/viewHash';
import { NO_FILTERS, type MapFilters } from '../state/mapFilters';

export interface ProposalRestorer {
  /** put the linked proposal in the what-if and check it */
  restoreProposal(link: ProposalLink): void;
  clearProposal(): void;
}

export function syncViewWithHash(
  store: AppStore,
  location: Location,
  history: History,
  what: ProposalRestorer,
  target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
): () => void {
  const initial = decodeView(location.hash);
  store.setState({ filters: initial.filters, camera: initial.camera });
  let pending: { selection: ViewState['selection']; proposal: ProposalLink | null } | null = {
    selection: initial.selection,
    proposal: initial.proposal ?? null,
  };
  const ready = (s: AppState) => !!s.assessment && !s.assessing && s.saveState.status === 'saved';

  // the linked selection and proposal wait until the project is open and assessed (opening a project clears both)
  const applyPending = (s: AppState): boolean => {
    if (!pending || !ready(s)) return false;
    const { selection, proposal } = pending;
    pending = null;
    // after this notification round, so every subscriber sees the new assessment before the selection
    setTimeout(() => {
      const now = store.getState();
      if (now.assessment && selection && selectionStillIn(now.assessment, selection)) store.setState({ selection });
      if (proposal) what.restoreProposal(proposal);
    }, 0);
    return true;
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (applyPending(s)) return;
    if (
      s.filters !== prev.filters ||
      s.selection !== prev.selection ||
      s.camera !== prev.camera ||
      s.proposal?.site !== prev.proposal?.site
    ) {
      // a proposal still waiting to be restored stays in the link
      const proposal = s.proposal ? proposalLinkOf(s.proposal.site) : (pending?.proposal ?? null);
      const hash = encodeView({ camera: s.camera, filters: s.filters, selection: s.selection, proposal });
      const url = hash ? `#${hash}` : location.pathname + location.search;
      if (url !== (location.hash || location.pathname + location.search)) history.replaceState(null, '', url);
    }
  });

  // a link pasted into this tab: only what it changes is applied
  const onHashChange = (): void => {
    const v = decodeView(location.hash);
    const s = store.getState();
    const patch: Partial<AppState> = {};
    if (!sameFilters(v.filters, s.filters)) patch.filters = v.filters;
    if (v.camera) patch.camera = v.camera;
    if (Object.keys(patch).length) store.setState(patch);
    const link = v.proposal ?? null;
    if (!ready(s)) {
      pending = { selection: v.selection, proposal: link };
      return;
    }
    const sel = v.selection && s.assessment && selectionStillIn(s.assessment, v.selection) ? v.selection : null;
    if (!sameSelection(sel, s.selection)) store.setState({ selection: sel });
    const current = s.proposal ? proposalLinkOf(s.proposal.site) : null;
    if (linkKey(link) !== linkKey(current)) {
      if (link) what.restoreProposal(link);
      else what.clearProposal();
    }
  };
  target.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribe();
    target.removeEventListener('hashchange', onHashChange);
  };
}

/** Two proposals are the same link when they encode the same (coordinates at the link's precision). */
const linkKey = (l: ProposalLink | null): string =>
  l ? encodeView({ camera: null, filters: NO_FILTERS, selection: null, proposal: l }) : '';

function sameFilters(a: MapFilters, b: MapFilters): boolean {
  const same = (x: string[], y: string[]) =>
    x.length === y.length && [...x].sort().join('\u0000') === [...y].sort().join('\u0000');
  return (
    same(a.levels, b.levels) &&
    same(a.districts, b.districts) &&
    same(a.domains, b.domains) &&
    same(a.categories, b.categories) &&
    a.violationsOnly === b.violationsOnly
  );
}

function sameSelection(a: ViewState['selection'], b: ViewState['selection']): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'violation' || b.kind === 'violation')
    return a.kind === b.kind && a.kind === 'violation' && b.kind === 'violation' && a.index === b.index;
  return a.kind === b.kind && a.id === b.id;
}
