// Default method profile and rule table, loaded from the data files that cite their sources.
import methodsFile from '../../data/rules/risk-matrix-methods.json';
import rulesFile from '../../data/rules/setback-rules.json';
import profileFile from '../../data/rules/method-profile.default.json';
import type { AssessConfig, RiskMatrixMethod, SetbackRuleTable } from './model';
import { parseMethodProfile, type MethodProfile } from './method/profile';

export const RISK_MATRIX_METHODS = methodsFile.methods as RiskMatrixMethod[];
export const DEFAULT_RULES = rulesFile as unknown as SetbackRuleTable;

export function defaultMethod(): RiskMatrixMethod {
  return RISK_MATRIX_METHODS.find((m) => m.id === methodsFile.default)!;
}

/** The shipped profile, checked by the same schema as a user's file. */
export const DEFAULT_PROFILE: MethodProfile = parseMethodProfile(profileFile);

/**
 * Defaults: 1 m borderline band (typical positional uncertainty of digitised footprints and of GCJ-02 → WGS-84
 * inversion, reference §4.1); 500 m not-assessed screening radius (the population radius of the 重大危险源 α factor,
 * 原安监总局令第40号 附件1). Scoring and aggregation come from the method profile.
 */
export function defaultConfig(): AssessConfig {
  return {
    method: DEFAULT_PROFILE,
    rules: DEFAULT_RULES,
    borderlineToleranceM: 1,
    notAssessedScreeningM: 500,
  };
}
