// React binding of the vanilla store: components select one value at a time, and change state by calling the
// slices' functions (state/slices/*) with the services this context provides.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Actions } from '../state/actions';
import type { AppServices } from '../state/appServices';
import type { AppState } from '../state/store';

/** The services, and the actions not yet moved into a slice's functions. */
export interface AppContextValue extends AppServices {
  actions: Actions;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useServices(): AppContextValue {
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
