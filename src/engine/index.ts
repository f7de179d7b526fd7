// The engine's public surface: what io, worker, cli, map and ui may use.
export * from './model';
export {
  assess,
  assessSite,
  assessedSitesOf,
  finishAssessment,
  mergeStreamedFindings,
  prepareAssessment,
  streamFindings,
  type PartCounts,
  type PreparedAssessment,
  type SetbackFindings,
  type StreamedFindings,
} from './assess';
export {
  planKindPairs,
  planSetbacks,
  PairJudge,
  SetbackJudge,
  type JudgedTarget,
  type SetbackPlan,
} from './setback/setbackPlan';
// what an executor that holds no site list needs (the PostGIS load: src/cli/postgis/streamed)
export { HazardProfileRegistry } from './setback/hazardProfiles';
export { TargetKindRegistry } from './setback/targetKinds';
export { targetsByRule } from './setback/targetsByRule';
export { findingTally, type FindingTally } from './stats/findingTally';
export { SiteCounts } from './stats/summarise';
export { byContribution, footprintBox, maxContribution, maxZone } from './risk/zoneMax';
export {
  densityBasis,
  indexZone,
  insideContribution,
  relativeDensity,
  relativeZone,
  zoneTally,
  type ZoneTally,
} from './risk/zoneDensity';
export { preparedArea, type PreparedArea } from './geo/pointInArea';
export { defaultConfig, defaultMethod, DEFAULT_PROFILE, DEFAULT_RULES, RISK_MATRIX_METHODS } from './defaults';
export {
  parseMethodProfile,
  withMatrix,
  methodProfileSchema,
  type MethodProfile,
} from './method/profile';
export { bandRule as lecBandRule, lecLevel } from './method/lecLevel';
export { correctionAlpha, majorHazardLevel, majorHazardR, thresholdRatioSum } from './method/majorHazardLevel';
export { SCORE_METHOD_ZH, scoreSite } from './method/scoreSite';
export { CATEGORIES, categoryByCode, resolveCategory, roleOf, type CategoryDef } from './categories';
export {
  AGGREGATION_MODE_ZH,
  LEVEL_RANK,
  LEVEL_ZH,
  LEVEL_EN,
  emptyCounts,
  isLevel,
  SOURCE_STATUS_ZH,
  FINDING_STATUS_ZH,
  NO_LEVEL_ZH,
  NO_LEVEL_NOTE_ZH,
  NO_TARGETS_ZH,
} from './risk/levels';
export { LEVEL_FILL, UNSCORED_FILL } from './risk/levelColours';
export { matrixLevel } from './risk/matrixLevel';
export { edgeToEdge, type EdgeDistance } from './geo/edgeToEdge';
export { geodesicDistanceM, geodesicDestination } from './geo/geodesicDistance';
export { bboxOf, representativePoint, type BBox } from './geo/bbox';
export { areaKm2 } from './geo/areaKm2';
export { signedArea } from './geo/signedArea';
export { classifyTarget } from './setback/classifyTarget';
export { parseRiskMatrixMethod, parseRuleTable, ConfigError } from './validateConfig';
export { checkSetbacks, compareFindings, hazardParts, type HazardPart } from './setback/checkSetbacks';
export { FINDING_STATUSES } from './stats/findingTally';
export { judgePair, SITE_DISTANCE_RULE_ID, type Requirement } from './setback/judgePair';
export { isOutsideGbt37243, OUTSIDE_GBT37243 } from './setback/assessedDistanceScope';
export { isPointOnly, screeningNote } from './setback/measuringPoints';
export { hazardRules } from './setback/hazardRules';
export {
  CITY_RULE_LABEL,
  TARGET_CLASS_ZH,
  citationForRuleId,
  isCityRule,
  needsCityLabel,
  ruleCitation,
  ruleHazardText,
  ruleTargetText,
  shortSource,
  type RuleVocabulary,
} from './setback/ruleText';
export { checkProposal, type ProposalResult, type ProposalRing, type ProposalVerdict } from './setback/checkProposal';
export { zoneGrid, type GridZoning } from './zoning/zoneGrid';
export { buildGrid, cellAt, type Grid } from './zoning/gridGeometry';
export { dissolveCells } from './zoning/dissolveCells';
export { zoneLocator } from './zoning/locateZone';
export { assessReach, type ReachAssessment, type ReachInput } from './reach/assessReach';
export { raiseZonesOutOfReach } from './reach/raiseZones';
export {
  DEFAULT_REACH_PROFILE,
  dispatchMinutes,
  type ReachProfile,
  type AreaType,
  type ShelterClass,
  type StationGrade,
  type ShelterTier,
  type CitedSource,
} from './reach/profile';
export {
  areaTypeOf,
  isReachCategory,
  isRescueResource,
  shelterClassOf,
  stationGradeOf as rescueGradeOf,
} from './reach/categories';
export type { CoverRow } from './reach/cover';
export { isCoverSubject, isHighRiskUncovered } from './reach/cover';
export type { StationDistrictRow } from './reach/stationDistricts';
export type { ZoneReachRow } from './reach/zoneReach';
export type { ShelterRow, ShelterUnitRow, ShelterZoneRow } from './reach/shelters';
export type { RoadLine, OneWay } from './reach/roadGraph';
export { parseReachProfile, reachProfileSchema } from './reach/profileSchema';
export { pointInArea } from './geo/pointInArea';
export {
  checkContours,
  contoursByInstallation,
  installationStatusOf,
  qraRuleId,
  qraRuleLabel,
  replacedByContours,
  riskText,
} from './qra/checkContours';
export { impliedDistances, type ImpliedDistance, type Installation as QraInstallation } from './qra/impliedDistances';
export { contourReach, type ContourReach } from './qra/contourReach';
export {
  DEFAULT_QRA_CRITERIA,
  parseQraCriteria,
  targetRiskClass,
  type QraCriteria,
  type InstallationStatus,
} from './qra/criteria';
export {
  DEFAULT_FN_CRITERIA,
  fnCriteriaSchema,
  lineAt,
  parseFnCriteria,
  type FnCriteria,
  type FnLine,
} from './qra/fnCriteria';
export {
  assessSocietalRisk,
  classifyFnCurve,
  FN_LINES_MISSING_ZH,
  frequencyText,
  ratioText,
  SOCIETAL_REGION_ZH,
  stepText,
  type FnCurve,
  type FnPoint,
  type FnWorstStep,
  type SocietalRegion,
  type SocietalRiskResult,
} from './qra/societalRisk';
