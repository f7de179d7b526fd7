// React binding of the vanilla store: components select one value at a time, and change state by calling the
// slices' functions (state/slices/*) with the services this context provides.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppServices } from '../state/appServices';
import type { AppState } from '../state/store';

export const AppContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('AppContext missing: wrap the tree in <AppContext.Provider>');
  return services;
}

export function useAppState<T>(selector: (s: AppState) => T): T {
  return useStore(useServices().store, selector);
}
