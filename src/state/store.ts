// The app's state: a vanilla zustand store (no React here), split into data, assessment and selection.
import { createStore } from 'zustand/vanilla';
import type { Assessment, Site, Zone } from '../engine';
import type { CrsOption, ImportFileReport } from '../io';

export interface Dataset {
  id: string;
  file: string;
  sites: Site[];
  report: ImportFileReport;
  /** the demo's bundled files */
  demo: boolean;
}

export type Selection = { kind: 'zone'; id: string } | { kind: 'site'; id: string } | { kind: 'violation'; index: number } | null;

export interface AppState {
  datasets: Dataset[];
  zones: Zone[];
  importCrs: CrsOption;
  /** a whole-file failure (unreadable, binary, empty) shown to the user; loaded data stays as it was */
  importError: string | null;
  assessment: Assessment | null;
  assessing: boolean;
  assessError: string | null;
  selection: Selection;
}

export type AppStore = ReturnType<typeof createAppStore>;

export function createAppStore() {
  return createStore<AppState>()(() => ({
    datasets: [],
    zones: [],
    importCrs: 'auto',
    importError: null,
    assessment: null,
    assessing: false,
    assessError: null,
    selection: null,
  }));
}
