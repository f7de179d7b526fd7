// The method slice: how the project is assessed (method profile, setback rules, rescue-reach parameters, F–N lines)
// and why a file meant to change one was refused (the one in use stays). Each change assesses the project again;
// the F–N lines' functions are with the F–N files (state/fnFiles.ts), which share their error.
import {
  DEFAULT_FN_CRITERIA,
  DEFAULT_PROFILE,
  DEFAULT_REACH_PROFILE,
  DEFAULT_RULES,
  parseMethodProfile,
  parseReachProfile,
  RISK_MATRIX_METHODS,
  withMatrix,
  type FnCriteria,
  type MethodProfile,
  type ReachProfile,
  type SetbackRule,
  type SetbackRuleTable,
} from '../../engine';
import { aboutFile, messageOfError, type ShownMessage } from '../../i18n/shownMessage';
import type { AppServices } from '../appServices';
import { reassess } from './assessment';

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

/** A profile edited in the UI: schema-checked; a bad one is refused and the current one stays. */
export async function setProfile(app: AppServices, profile: MethodProfile): Promise<void> {
  try {
    app.store.setState({ profile: parseMethodProfile(profile), profileError: null });
  } catch (e) {
    app.store.setState({ profileError: messageOfError(e) });
    return;
  }
  await reassess(app);
}

export async function importProfile(app: AppServices, file: string, text: string): Promise<void> {
  try {
    app.store.setState({ profile: parseMethodProfile(JSON.parse(text)), profileError: null });
  } catch (e) {
    app.store.setState({ profileError: aboutFile(file, messageOfError(e)) });
    return;
  }
  await reassess(app);
}

export async function setMatrixScheme(app: AppServices, id: string): Promise<void> {
  const matrix = RISK_MATRIX_METHODS.find((m) => m.id === id);
  if (!matrix) return;
  app.store.setState({ profile: withMatrix(app.store.getState().profile, matrix) });
  await reassess(app);
}

/** The city's optional zone raise for red/orange sites out of rescue reach (off by default; not a standard). */
export async function setReachRaise(app: AppServices, enabled: boolean): Promise<void> {
  const profile = app.store.getState().profile;
  if (profile.reachRaise.enabled === enabled) return;
  app.store.setState({ profile: { ...profile, reachRaise: { ...profile.reachRaise, enabled } } });
  await reassess(app);
}

async function setRules(app: AppServices, rules: SetbackRuleTable): Promise<void> {
  app.store.setState({ rules, rulesError: null });
  await reassess(app);
}

export async function updateRule(
  app: AppServices,
  id: string,
  patch: Partial<Pick<SetbackRule, 'min_distance_m' | 'status'>>,
): Promise<void> {
  const { rules } = app.store.getState();
  await setRules(app, { ...rules, rules: rules.rules.map((r) => (r.id === id ? { ...r, ...patch } : r)) });
}

export async function importRules(app: AppServices, file: string, text: string): Promise<void> {
  try {
    const { readRuleTable } = await import('../../io/ruleTableFiles');
    const rules = readRuleTable(file, text);
    await setRules(app, rules);
  } catch (e) {
    app.store.setState({ rulesError: aboutFile(file, messageOfError(e)) });
  }
}

export async function resetRules(app: AppServices): Promise<void> {
  await setRules(app, DEFAULT_RULES);
}

/** Rescue within reach: the city's own parameters (a reach-profile/1 JSON file, schema-checked; a bad one is refused). */
export async function importReachProfile(app: AppServices, file: string, text: string): Promise<void> {
  try {
    app.store.setState({ reachProfile: parseReachProfile(JSON.parse(text)), reachProfileError: null });
  } catch (e) {
    app.store.setState({ reachProfileError: aboutFile(file, messageOfError(e)) });
    return;
  }
  await reassess(app);
}

/** Back to the shipped reach parameters. */
export async function resetReachProfile(app: AppServices): Promise<void> {
  const { reachProfile, reachProfileError } = app.store.getState();
  if (reachProfile === DEFAULT_REACH_PROFILE && !reachProfileError) return;
  app.store.setState({ reachProfile: DEFAULT_REACH_PROFILE, reachProfileError: null });
  await reassess(app);
}
