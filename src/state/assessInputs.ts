// What an assessment and a what-if check send to the engine, read from the store's state.
import { defaultConfig, type AssessConfig } from '../engine';
import type { AppState } from './store';

/** The held datasets, in the order the page lists them. */
export const datasetIdsOf = (s: AppState): string[] => s.datasets.map((d) => d.id);

/** The engine's configuration with the project's method and rules. */
export const assessConfigOf = (s: AppState): AssessConfig => ({
  ...defaultConfig(),
  rules: s.rules,
  method: s.profile,
});
