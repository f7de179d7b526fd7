// The assessment slice: the engine's latest results for the open project, whether one is running and how far it got,
// why the last one failed, and the previous assessment the white paper compares with.
import type { Assessment } from '../../engine';
import type { PreviousAssessment } from '../../figures/changeFigure';
import type { ShownMessage } from '../../i18n/shownMessage';

export interface AssessmentState {
  assessment: Assessment | null;
  assessing: boolean;
  assessError: ShownMessage | null;
  /** share done (0–1) and stage of a running assessment */
  progress: { share: number; stage: string } | null;
  /** counts the assessments started: only the latest one's results and progress are taken */
  assessRun: number;
  /** a previous assessment (compared project or summary.json) for the white paper's comparison figure F6 */
  previous: PreviousAssessment | null;
}

export const initialAssessment = (): AssessmentState => ({
  assessment: null,
  assessing: false,
  assessError: null,
  progress: null,
  assessRun: 0,
  previous: null,
});
