// Default method profile and rule table, loaded from the data files that cite their sources.
import methodsFile from '../../data/rules/risk-matrix-methods.json';
import rulesFile from '../../data/rules/setback-rules.json';
import type { AssessConfig, RiskMatrixMethod, SetbackRuleTable } from './model';

export const RISK_MATRIX_METHODS = methodsFile.methods as RiskMatrixMethod[];
export const DEFAULT_RULES = rulesFile as unknown as SetbackRuleTable;

export function defaultMethod(): RiskMatrixMethod {
  return RISK_MATRIX_METHODS.find((m) => m.id === methodsFile.default)!;
}

/**
 * Defaults: 1 m borderline band (typical positional uncertainty of digitised footprints and of GCJ-02 → WGS-84
 * inversion, reference §4.1); 500 m not-assessed screening radius (the population radius of the 重大危险源 α factor,
 * 原安监总局令第40号 附件1); zones with no scored site are 低风险 (blue).
 */
export function defaultConfig(): AssessConfig {
  return {
    method: defaultMethod(),
    rules: DEFAULT_RULES,
    borderlineToleranceM: 1,
    notAssessedScreeningM: 500,
    emptyZoneLevel: 'blue',
  };
}
