// Keeps the URL hash and the view in step: read once at start (filters, camera, and the selection once the
// assessment holds it), then rewritten in place as the view changes (replaceState: no history entry per pan).
import { selectionStillIn, type AppStore } from '../state/store';
import { decodeView, encodeView } from '../state/viewHash';

export function syncViewWithHash(store: AppStore, location: Location, history: History): () => void {
  const initial = decodeView(location.hash);
  store.setState({ filters: initial.filters, camera: initial.camera });
  let pendingSelection = initial.selection;
  return store.subscribe((s, prev) => {
    // the linked selection waits until the project is open and assessed (opening a project clears the selection)
    if (pendingSelection && s.assessment && !s.assessing && s.saveState.status === 'saved') {
      const sel = pendingSelection;
      pendingSelection = null;
      // after this notification round, so every subscriber sees the new assessment before the selection
      if (selectionStillIn(s.assessment, sel)) setTimeout(() => store.setState({ selection: sel }), 0);
      return;
    }
    if (s.filters !== prev.filters || s.selection !== prev.selection || s.camera !== prev.camera) {
      const hash = encodeView({ camera: s.camera, filters: s.filters, selection: s.selection });
      history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
    }
  });
}
