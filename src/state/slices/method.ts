// The method slice: how the project is assessed (method profile, setback rules, rescue-reach parameters, F–N lines)
// and why a file meant to change one was refused (the one in use stays).
import {
  DEFAULT_FN_CRITERIA,
  DEFAULT_PROFILE,
  DEFAULT_REACH_PROFILE,
  DEFAULT_RULES,
  type FnCriteria,
  type MethodProfile,
  type ReachProfile,
  type SetbackRuleTable,
} from '../../engine';
import type { ShownMessage } from '../../i18n/shownMessage';

export interface MethodState {
  profile: MethodProfile;
  profileError: ShownMessage | null;
  rules: SetbackRuleTable;
  rulesError: ShownMessage | null;
  /** rescue within reach: the city's parameters (circles, dispatch, road speeds, shelters, grid), the shipped ones by default */
  reachProfile: ReachProfile;
  /** a reach profile file that could not be used; the one in use stays */
  reachProfileError: ShownMessage | null;
  /** the F–N lines the curves are judged against: the shipped criterion (no lines) or the city's */
  fnCriteria: FnCriteria;
}

export const initialMethod = (): MethodState => ({
  profile: DEFAULT_PROFILE,
  profileError: null,
  rules: DEFAULT_RULES,
  rulesError: null,
  reachProfile: DEFAULT_REACH_PROFILE,
  reachProfileError: null,
  fnCriteria: DEFAULT_FN_CRITERIA,
});
