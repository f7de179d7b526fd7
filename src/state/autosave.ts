// The open project saved to IndexedDB after each change to what it holds (revision-checked, 400 ms after the last
// change), and a second tab saving the same project noticed (BroadcastChannel): the project slice's `saveState` and
// `projectRevision`. One per page, made with the services (app/main.tsx); its timer and queue are its own.
import { message, messageOfError } from '../i18n/shownMessage';
import type { EngineClient } from './engineClient';
import { SaveConflictError, saveProject } from './projectStorage';
import { projectFromState } from './projects';
import type { AppStore } from './store';

export interface Autosave {
  /** save now (a scheduled save is folded in), after any save already running */
  saveAtOnce(): Promise<void>;
  /** a scheduled save runs now; either way, wait until nothing is being saved */
  flush(): Promise<void>;
  /** stop autosaving (tests, page unload) */
  stop(): void;
}

const SAVE_DELAY_MS = 400;

export function createAutosave({ store, engine }: { store: AppStore; engine: EngineClient }): Autosave {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let saving = Promise.resolve();
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('urban-safety-risk-map');
  channel?.addEventListener('message', (e: MessageEvent<{ id: string; revision: number }>) => {
    const { project, projectRevision } = store.getState();
    if (project && e.data.id === project.id && e.data.revision > projectRevision) {
      store.setState({
        saveState: { status: 'conflict', message: message('project.conflict', { n: e.data.revision }) },
      });
    }
  });

  const saveNow = async (): Promise<void> => {
    const s = store.getState();
    const project = projectFromState(s);
    if (!project || s.saveState.status === 'conflict') return;
    store.setState({ saveState: { status: 'saving', message: null } });
    try {
      const saved = await saveProject(project, (datasetId, projectId) => engine.storeDataset(datasetId, projectId));
      store.setState({ projectRevision: saved.revision, saveState: { status: 'saved', message: null } });
      channel?.postMessage({ id: saved.id, revision: saved.revision });
    } catch (e) {
      const conflict = e instanceof SaveConflictError;
      store.setState({ saveState: { status: conflict ? 'conflict' : 'error', message: messageOfError(e) } });
    }
  };
  const scheduleSave = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      saving = saving.then(saveNow);
    }, SAVE_DELAY_MS);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    const changed =
      s.project !== prev.project ||
      s.datasets !== prev.datasets ||
      s.zones !== prev.zones ||
      s.zoning !== prev.zoning ||
      s.profile !== prev.profile ||
      s.rules !== prev.rules ||
      s.roads !== prev.roads ||
      s.population !== prev.population ||
      s.reachProfile !== prev.reachProfile ||
      s.contourFiles !== prev.contourFiles ||
      s.fnFiles !== prev.fnFiles ||
      s.fnCriteria !== prev.fnCriteria;
    if (changed && s.project && s.project.id === prev.project?.id) scheduleSave();
  });

  const saveAtOnce = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    saving = saving.then(saveNow);
    await saving;
  };
  return {
    saveAtOnce,
    flush: () => (timer ? saveAtOnce() : saving),
    stop() {
      unsubscribe();
      channel?.close();
    },
  };
}
