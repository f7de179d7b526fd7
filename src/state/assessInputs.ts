// What an assessment and a what-if check send to the engine, read from the store's state.
import { DEFAULT_REACH_PROFILE, defaultConfig, type AssessConfig } from '../engine';
import { contoursInUse } from './contourFiles';
import type { DatasetsAssessInput } from './engineClient';
import type { AppState } from './store';

/** The held datasets, in the order the page lists them. */
export const datasetIdsOf = (s: AppState): string[] => s.datasets.map((d) => d.id);

/** The engine's configuration with the project's method and rules. */
export const assessConfigOf = (s: AppState): AssessConfig => ({
  ...defaultConfig(),
  rules: s.rules,
  method: s.profile,
});

/** The open project's assessment request: its held datasets, zones and zoning, reach inputs and contours. */
export function assessInputOf(s: AppState): DatasetsAssessInput {
  const { zones, zoning, roads, population, reachProfile, contourFiles } = s;
  return {
    datasets: datasetIdsOf(s),
    zones,
    ...(zoning.kind === 'grid' ? { grid: { shape: zoning.shape, cellM: zoning.cellM } } : {}),
    ...(roads ? { roads: roads.id } : {}),
    ...(population ? { population: population.zones } : {}),
    ...(reachProfile !== DEFAULT_REACH_PROFILE ? { reachProfile } : {}),
    ...(contourFiles.length ? { contours: contoursInUse(contourFiles) } : {}),
  };
}
