// React binding of the vanilla store: components select one value at a time.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Actions } from '../state/actions';
import type { ProjectActions } from '../state/projects';
import type { AppState, AppStore } from '../state/store';

export interface AppServices {
  store: AppStore;
  actions: Actions;
  /** absent in component tests that do not exercise projects */
  projects?: ProjectActions;
}

export const AppContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('AppContext missing: wrap the tree in <AppContext.Provider>');
  return services;
}

export function useAppState<T>(selector: (s: AppState) => T): T {
  return useStore(useServices().store, selector);
}

export function useActions(): Actions {
  return useServices().actions;
}
