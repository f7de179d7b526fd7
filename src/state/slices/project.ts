// The project slice: which project is open, the revision last saved and how saving goes. What the project holds is
// in the data and method slices; the autosave (state/projects.ts) saves them after each change.
import type { ShownMessage } from '../../i18n/shownMessage';

export interface ProjectMeta {
  id: string;
  name: string;
  /** the city or area assessed, e.g. 上海市 ('' until the user says) */
  city: string;
  /** 评估基准日: the date the data describe, YYYY-MM-DD or '' */
  assessmentDate: string;
  /** the data credit printed on every figure ('' = the input files, listed in T3) */
  dataCredit: string;
  notes: string;
}

export interface SaveState {
  status: 'idle' | 'saving' | 'saved' | 'error' | 'conflict';
  message: ShownMessage | null;
}

export interface ProjectState {
  /** the open project (null until one is loaded or created) and the revision last saved */
  project: ProjectMeta | null;
  projectRevision: number;
  saveState: SaveState;
  /** a project file that could not be opened or imported; the open project is unchanged */
  projectError: ShownMessage | null;
}

export const initialProject = (): ProjectState => ({
  project: null,
  projectRevision: 0,
  saveState: { status: 'idle', message: null },
  projectError: null,
});
