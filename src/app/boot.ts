// The page's first script: it draws the layout's frame and the map in it (MapLibre alone, ≈ 300 kB gzip), while the
// app (React, the store, the engine's workers, the panels, the words: src/app/main.tsx) is fetched; the app then takes
// the map over (ui/MapView). Nothing here has words to translate: the frame's title is the page's own until the app
// writes it in the user's language.
import '../ui/styles.css';
import { startEarlyMap } from '../map/earlyMap';

// asked for first so that it downloads while MapLibre makes the map (a module runs in a task of its own, later)
void import('./main');
const host = document.getElementById('boot')?.querySelector<HTMLElement>('.map-host');
if (host) startEarlyMap(host);
