// The engine's public surface: what io, worker, cli, map and ui may use.
export * from './model';
export { assess } from './assess';
export { defaultConfig, defaultMethod, DEFAULT_RULES, RISK_MATRIX_METHODS } from './defaults';
export { CATEGORIES, categoryByCode, resolveCategory, roleOf, type CategoryDef } from './categories';
export { LEVEL_RANK, LEVEL_ZH, LEVEL_EN, isLevel } from './risk/levels';
export { matrixLevel } from './risk/matrixLevel';
export { edgeToEdgeMeters, type EdgeDistance } from './geo/edgeToEdgeMeters';
export { geodesicMeters, geodesicDestination } from './geo/geodesicMeters';
export { bboxOf, representativePoint, type BBox } from './geo/bbox';
export { classifyTarget } from './setback/classifyTarget';
export { parseRiskMatrixMethod, parseRuleTable, ConfigError } from './validateConfig';
export { checkSetbacks, compareViolations } from './setback/checkSetbacks';
export { judgePair, SITE_DISTANCE_RULE_ID } from './setback/judgePair';
export { hazardRules } from './setback/hazardRules';
export { checkProposal, type ProposalResult, type ProposalVerdict } from './setback/checkProposal';
