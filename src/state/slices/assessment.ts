// The assessment slice: the engine's latest results for the open project, whether one is running and how far it got,
// why the last one failed, and the previous assessment the white paper compares with.
import type { Assessment } from '../../engine';
import type { PreviousAssessment } from '../../figures/changeFigure';
import { messageOfError, type ShownMessage } from '../../i18n/shownMessage';
import type { AppServices } from '../appServices';
import { assessConfigOf, assessInputOf } from '../assessInputs';
import { placeProposal } from './proposal';
import { selectionStillIn } from './view';

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

/**
 * Assess the open project as it is now, then check a placed proposal again. Only the latest run's progress and
 * results are taken; a selected zone or site stays selected if it is still there (finding indexes change every run).
 */
export async function reassess(app: AppServices): Promise<void> {
  const { store, engine } = app;
  const run = store.getState().assessRun + 1;
  store.setState({ assessRun: run, assessing: true, assessError: null, progress: { share: 0, stage: 'scoring' } });
  const latest = () => store.getState().assessRun === run;
  const onProgress = (share: number, stage: string) => latest() && store.setState({ progress: { share, stage } });
  try {
    const s = store.getState();
    const assessment = await engine.assess(assessInputOf(s), assessConfigOf(s), onProgress);
    const selection = store.getState().selection;
    if (latest())
      store.setState({
        assessment,
        assessing: false,
        selection: selectionStillIn(assessment, selection) ? selection : null,
        progress: null,
      });
  } catch (e) {
    if (latest()) store.setState({ assessing: false, assessError: messageOfError(e), progress: null });
  }
  const proposal = store.getState().proposal;
  if (proposal) await placeProposal(app, proposal.site.geometry);
}

/** The assessment the white paper's F6 compares with (a previous summary.json, or another project), or none. */
export function setPrevious({ store }: AppServices, previous: PreviousAssessment | null): void {
  store.setState({ previous });
}
