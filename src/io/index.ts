// The io layer's public surface.
export { decodeText, detectEncoding, BinaryFileError, type TextEncodingName } from './decodeText';
export {
  mapColumns,
  normaliseHeader,
  headerSetKey,
  columnsOnly,
  coordinateSuffix,
  CANONICAL_FIELDS,
  type CanonicalField,
  type MappingOverride,
} from './columns';
export { forEachCsvRow, readGeoJsonRows } from './readRows';
export { FileFormatError } from './geoJsonFeatures';
export { crsGivenByUser, DISTRICT_MISMATCH, MAX_KEPT_ROWS, NO_COORDINATES } from './importCodes';
export {
  createRowImporter,
  importSites,
  importSitesFile,
  isXlsx,
  sameDistrict,
  suggestCrs,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  MAX_KEPT_CHARS,
  type ImportFileReport,
  type ImportOptions,
  type RowImporter,
  type ImportResult,
  type RejectedRows,
  type RowError,
  type SettledRow,
  type StreamedImport,
} from './importSites';
export { withLaterDuplicates, type LaterDuplicate } from './laterDuplicates';
export { readZones } from './readZones';
export { readRoads } from './readRoads';
export { contourCrsWarning } from './contourCrsWarning';
export { readContours, parseRisk, type ContourImport } from './readContours';
export { readFnCurves, type FnCurveImport } from './readFnCurves';
export { societalRiskColumns, societalRiskCsv, SOCIETAL_RISK_FILE } from './societalRiskFile';
export { reachOutputs, reachSummary, type ReachOutput } from './reachFiles';
export {
  isCrsOption,
  isProjectedCrs,
  rereadChoices,
  CRS_CHOICES,
  GEOGRAPHIC_CRS,
  type Crs,
  type CrsOption,
  type GeographicCrs,
} from './crs';
export { toWgs84 } from './toWgs84';
export { gk3Meridian } from './gk3Zones';
export { csvByteChunks, CsvByteWriter } from './csvBytes';
export { CSV_ROWS_PER_CHUNK, csvChunks, joinChunks, toCsv, neutraliseCell, UTF8_BOM, type CsvColumn } from './csvWrite';
export {
  assessOutputs,
  otherRequirementsText,
  sitesCsv,
  sitesCsvBytes,
  sitesCsvChunks,
  violationsCsv,
  violationsCsvChunks,
  violationsCsvWriter,
  type ViolationsCsvWriter,
  writeSitesCsv,
  violationTableColumns,
  zonesGeoJson,
  zoneFeatureJson,
  ZONES_GEOJSON_START,
  ZONES_GEOJSON_END,
  sitesCsvWriter,
  type ContributorScoring,
  summaryJson,
  importReportJson,
  type AssessOutput,
  type AssessOutputInput,
  type InputDigest,
} from './assessmentFiles';
export { sha256Hex } from './sha256';
export {
  fnCriteriaFile,
  methodProfileFile,
  reachProfileFile,
  ruleTableFile,
  ruleTableJson,
  type ConfigFile,
} from './configFiles';
export { siteTemplateCsv, siteTemplateXlsx } from './siteTemplate';
export { readRuleTable, ruleTableCsv, RULE_CSV_HEADERS } from './ruleTableFiles';
export { toXlsx } from './xlsxWrite';
export {
  parseProject,
  parseSites,
  readProjectFile,
  projectFileBytes,
  ProjectFileError,
  GZIP_ABOVE_BYTES,
  MAX_PROJECT_BYTES,
  type Project,
  type ProjectDataset,
  type ProjectRoads,
  type ProjectPopulation,
  type ProjectContourFile,
  type ProjectFnFile,
} from './projectFile';
export { PROJECT_SCHEMA } from './projectSchema';
export { summariseRejections, groupDigits, OUTSIDE_STUDY_AREA, type RejectionGroup } from './rejectionSummary';
export { nearestCity, CITY_CENTRES } from './cityCentres';
export { reportForSaving, MAX_SAVED_ROW_ENTRIES } from './savedImportRecord';
export { findSameFile, type SameFile } from './sameFile';
export { DEMO_ATTRIBUTION, INPUT_ATTRIBUTION } from './attribution';
export { qraDistancesCsv, QRA_DISTANCES_FILE } from './qraDistancesFile';
