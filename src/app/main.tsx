// Composition root, asked for by src/app/boot.ts and run after it has made the map: store, engine client, projects,
// React tree; then the demo city (or the last project) is loaded.
import { message, messageOfError } from '../i18n/shownMessage';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppStore } from '../state/store';
import { createAutosave } from '../state/autosave';
import { startProjects, type WithProjects } from '../state/projects';
import { createEngineClient } from '../worker/engineClient';
import { AppContext } from '../ui/AppContext';
import { App } from '../ui/App';
import { demoFiles } from './demoFiles';
import { syncViewWithHash } from './hashSync';
import { restoreBasemap, restoreLocale } from '../state/slices/settings';
import { buildLookupsWhenIdle } from '../state/siteLookup';
import { clearProposal, placeProposal, setProposalDraft } from '../state/slices/proposal';

// Fetch the map's wiring now, in parallel with the first render, rather than when MapView mounts (MapLibre itself
// came with the page's first script, src/app/boot.ts, which drew the map).
void import('../map/createMap');

const store = createAppStore();
const engine = createEngineClient();
// the engine's workers were started and the demo's files fetched by the page's first script (boot.ts)
const app: WithProjects = {
  store,
  engine,
  projects: { autosave: createAutosave({ store, engine }), demoFiles },
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
startProjects(app).catch((e: Error) =>
  store.setState({ assessError: message('app.loadFailed', { message: messageOfError(e) }) }),
);
