// The page's first script: it starts the engine's workers and the demo's download, and draws the map in the layout's
// frame (MapLibre alone, ≈ 300 kB gzip), while the app (React, the store, the panels, the words: src/app/main.tsx) is
// fetched; the app then takes the map and the workers over (ui/MapView, worker/engineClient). Nothing here has words
// to translate: the frame's title is the page's own until the app writes it in the user's language.
import '../ui/styles.css';
import { startEarlyMap } from '../map/earlyMap';
import { startWorkersEarly } from '../worker/workerStarts';
import { prefetchDemoFiles } from './demoFiles';

// asked for first so that it downloads while MapLibre makes the map (a module runs in a task of its own, later)
import('./main').catch((e: unknown) => {
  // no catalogue is loaded yet: the frame's message is in both languages (index.html)
  const failed = document.querySelector<HTMLElement>('#boot .boot-failed');
  if (!failed) return;
  failed.hidden = false;
  failed.append(` (${String(e)})`);
  document.querySelector('#boot .boot-loading')?.remove();
});
// the demo's assessment is what the first view waits for: its worker and files start loading before the map is made
startWorkersEarly();
prefetchDemoFiles();
const host = document.getElementById('boot')?.querySelector<HTMLElement>('.map-host');
if (host) startEarlyMap(host);
