// The method, rule, reach and F–N line files as the app exports them (method panel, rules panel, reach profile
// section, F–N panel): one name and one text each, so that what the app downloads and what it lists among the white
// paper's inputs (name and SHA-256) are the same bytes — passed to the CLI (--method, --rules, --reach-profile,
// --fn-criteria) they give the same white paper.
import type { FnCriteria, MethodProfile, ReachProfile, SetbackRuleTable } from '../engine';

export interface ConfigFile {
  file: string;
  text: string;
}

const json = (doc: unknown): string => JSON.stringify(doc, null, 2) + '\n';

/** `method-profile-<id>.json` (method-profile/1), read by --method. */
export function methodProfileFile(profile: MethodProfile): ConfigFile {
  return { file: `method-profile-${profile.id}.json`, text: json(profile) };
}

/** `setback-rules.json` (setback-rules/1), read by --rules. */
export function ruleTableFile(rules: SetbackRuleTable): ConfigFile {
  return { file: 'setback-rules.json', text: ruleTableJson(rules) };
}

/** `reach-profile-<id>.json` (reach-profile/1), read by --reach-profile. */
export function reachProfileFile(profile: ReachProfile): ConfigFile {
  return { file: `reach-profile-${profile.id}.json`, text: json(profile) };
}

/** `fn-criteria-<id>.json` (fn-criteria/1), read by --fn-criteria. */
export function fnCriteriaFile(criteria: FnCriteria): ConfigFile {
  return { file: `fn-criteria-${criteria.id}.json`, text: json(criteria) };
}

export function ruleTableJson(table: SetbackRuleTable): string {
  return JSON.stringify({ schema: 'setback-rules/1', ...table }, null, 2) + '\n';
}
