// Composition root, loaded by src/app/boot.ts once the map shows: store, engine worker, projects, React tree; then
// the demo city is loaded.
import { message, messageOfError } from '../i18n/shownMessage';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppStore } from '../state/store';
import type { DemoFiles } from '../state/slices/project';
import { createAutosave } from '../state/autosave';
import { startProjects, type WithProjects } from '../state/projects';
import { createEngineClient } from '../worker/engineClient';
import { AppContext } from '../ui/AppContext';
import { App } from '../ui/App';
import { fetchDemoFiles } from './demoFiles';
import { syncViewWithHash } from './hashSync';
import { restoreBasemap, restoreLocale } from '../state/slices/settings';
import { buildLookupsWhenIdle } from '../state/siteLookup';
import { clearProposal, placeProposal, setProposalDraft } from '../state/slices/proposal';

// Fetch the map's wiring now, in parallel with the first render, rather than when MapView mounts (MapLibre itself
// came with the page's first script, src/app/boot.ts, which drew the map).
void import('../map/createMap');

const store = createAppStore();
const engine = createEngineClient();
// the demo's files are fetched once the page has rendered (below)
const app: WithProjects = {
  store,
  engine,
  projects: { autosave: createAutosave({ store, engine }), demoFiles: () => demoFiles() },
};
syncViewWithHash(store, window.location, window.history, {
  restoreProposal(link) {
    setProposalDraft(app, link.site);
    void placeProposal(app, link.geometry);
  },
  clearProposal: () => clearProposal(app),
});
void restoreBasemap(app);
// a new assessment's lookups are built while the page is idle, not in the first click on a site
store.subscribe((s, prev) => s.assessment && s.assessment !== prev.assessment && buildLookupsWhenIdle(s.assessment));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppContext.Provider value={app}>
      <App />
    </AppContext.Provider>
  </StrictMode>,
);

// the language loads beside the project, not before it: waiting for it cost 0.5 s of first render
void restoreLocale(app);
// the demo's files are fetched beside the look-up of the last project, not after it; a later "new demo" fetches again
let prefetchedDemo: Promise<DemoFiles> | null = fetchDemoFiles();
prefetchedDemo.catch(() => undefined); // not needed when a saved project opens; a demo load reports its own failure
const demoFiles = (): Promise<DemoFiles> => {
  const files = prefetchedDemo ?? fetchDemoFiles();
  prefetchedDemo = null;
  return files;
};
startProjects(app).catch((e: Error) =>
  store.setState({ assessError: message('app.loadFailed', { message: messageOfError(e) }) }),
);
