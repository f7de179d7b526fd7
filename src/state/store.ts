// The app's state: one vanilla zustand store (no React here), flat, made of slices (state/slices/*): each slice's
// file declares its fields, their initial values and the functions that change them (docs/architecture.md lists
// them). Components read fields with selectors and change them only through those functions.
import { createStore } from 'zustand/vanilla';
import { initialAssessment, type AssessmentState } from './slices/assessment';
import { initialData, type DataState } from './slices/data';
import { initialMethod, type MethodState } from './slices/method';
import { initialProject, type ProjectState } from './slices/project';
import { initialProposal, type ProposalState } from './slices/proposal';
import { initialSettings, type SettingsState } from './slices/settings';
import { initialView, type ViewState } from './slices/view';

export type { Dataset } from './slices/data';
export { newDatasetId } from './slices/data';
export type { ProjectMeta, SaveState } from './slices/project';
export type { Picking, Proposal, ProposalDraft } from './slices/proposal';
export type { Selection } from './slices/view';
export { selectionStillIn } from './slices/view';

export type AppState = ProjectState &
  DataState &
  MethodState &
  AssessmentState &
  ProposalState &
  ViewState &
  SettingsState;

export type AppStore = ReturnType<typeof createAppStore>;

export function createAppStore() {
  return createStore<AppState>()(() => ({
    ...initialProject(),
    ...initialData(),
    ...initialMethod(),
    ...initialAssessment(),
    ...initialProposal(),
    ...initialView(),
    ...initialSettings(),
  }));
}
