// What every action is given: the store it changes and the engine it asks. The page makes one (app/main.tsx) and
// hands it to the React tree; each test makes its own, so nothing an action needs lives in a module of its own.
import type { EngineClient } from './engineClient';
import type { ProjectServices } from './projects';
import type { AppStore } from './store';

export interface AppServices {
  store: AppStore;
  engine: EngineClient;
  /** projects kept in IndexedDB and their autosave; absent in tests that do not exercise projects */
  projects?: ProjectServices;
}
