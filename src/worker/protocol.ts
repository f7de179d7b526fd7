// Messages across the worker boundaries: plain serialisable data only.
import type { AssessConfig, Assessment, ProposalResult, RiskContour, Site } from '../engine';
import type { ContourImport, Crs, FnCurveImport, ImportFileReport, ImportOptions, RejectedRows } from '../io';
import type { DatasetsAssessInput, HeldDataset, HeldProject, HeldRoads } from '../state/engineClient';
import type { AssessedReach } from '../state/assessedReach';
import type { StoredSites } from '../state/projectDb';
import type { FindingColumns } from './findingColumns';
import type { SiteColumns } from './siteColumns';
import type { SiteFactColumns } from '../state/siteFactColumns';
import type { PackedZone } from './zoneColumns';
import type { FindingPositions } from '../state/mapFilters';

/** Page → engine worker. */
export type EngineRequest =
  | { id: number; kind: 'assess'; input: DatasetsAssessInput; config: AssessConfig }
  | { id: number; kind: 'proposal'; proposal: Site; datasets: string[]; config: AssessConfig; contours?: RiskContour[] }
  /** hold the sites an import worker sends on `port` as dataset `datasetId` (first telling it the ids beside) */
  | { id: number; kind: 'receive'; datasetId: string; beside: string[]; port: MessagePort }
  | { id: number; kind: 'load'; datasetId: string; stored?: StoredSites; sites?: unknown[] }
  | { id: number; kind: 'store'; datasetId: string; projectId: string }
  | { id: number; kind: 'drop'; datasetIds: string[] }
  | { id: number; kind: 'writeProjectFile'; project: HeldProject }
  | { id: number; kind: 'readProjectFile'; bytes: Uint8Array }
  /** read a road network (GeoJSON lines) and hold it as `roadsId` */
  | { id: number; kind: 'readRoads'; roadsId: string; source: Blob | Uint8Array; crs: Crs }
  /** read a QRA contour file, checked against the hazard sites of these datasets */
  | { id: number; kind: 'readContours'; file: string; source: Blob | Uint8Array; crs: Crs; datasets: string[] }
  /** read an F–N curve file (CSV), checked against the hazard sites of these datasets */
  | { id: number; kind: 'readFnCurves'; file: string; source: Blob | Uint8Array; datasets: string[] }
  /** sites of the request with the same id (a 'load' of given sites), sent ahead of it in parts */
  | { id: number; kind: 'sitesChunk'; items: unknown[] };

export type EngineResult =
  | Assessment
  | ProposalResult
  | HeldDataset
  | HeldRoads
  | ContourImport
  | FnCurveImport
  | StoredSites
  | null
  | { bytes: Uint8Array; gzipped: boolean }
  | { project: HeldProject; held: HeldDataset[] };

export type EngineResponse =
  /** an assessment comes with each finding's hazard and target as indexes into its sites (state/mapFilters) */
  | {
      id: number;
      result: EngineResult;
      findingAt?: FindingPositions;
      packedZones?: PackedZone[];
      locatedByZone?: Int32Array;
      siteFacts?: SiteFactColumns;
    }
  | { id: number; error: string }
  | { id: number; progress: number; stage: string }
  /** part of the result's `sites`, sent ahead of the result (as columns) so no single message takes long to receive */
  | { id: number; sitesColumns: SiteColumns }
  | { id: number; findingColumns: FindingColumns }
  /** an assessment's reach, sent ahead of its result (grids transferred) so the two are received in tasks of their own */
  | { id: number; reachAhead: AssessedReach };

/** Page → import worker: one file; its sites go to the engine worker on `port`, its report comes back to the page. */
export interface ImportRequest {
  file: string;
  /** the file: a Blob crosses as a handle (no copy), bytes are transferred */
  source: Blob | Uint8Array;
  options: Omit<ImportOptions, 'existingIds'>;
  /** keep the file by its checksum for re-reading after a reload (written here: the page never clones it) */
  keepSource: boolean;
  /** save the accepted sites for this project (here, in parallel with the engine worker's assessment of them) */
  storeFor?: string;
  port: MessagePort;
}

export type ImportResponse =
  | { progress: number }
  | { result: { report: ImportFileReport; rejectedRows: RejectedRows } }
  /** after the result, when asked to save the sites: where they are (null: not saved) */
  | { stored: StoredSites | null }
  | { error: string };

/** Import worker ↔ engine worker on the import's port. */
export type ImportPortMessage =
  | { existingIds: string[] }
  | { sitesColumns: SiteColumns }
  | { done: true }
  | { failed: true };

/** Sites per message: receiving 20 000 sites took 50–150 ms on the main thread here; 5 000 keep each message short. */
export const SITES_PER_MESSAGE = 5_000;
/**
 * From this many an assessment's sites go ahead of it as columns, received in tasks of their own: 2 500 sites as
 * objects (1 MB) were most of the assessment's message, received in the task that also renders the new assessment.
 */
export const SITES_AS_COLUMNS_FROM = 1_000;
/** Findings per message of an assessment's findings (columns, worker/findingColumns.ts): a few ms to unpack each. */
export const FINDINGS_PER_MESSAGE = 10_000;

/** An error as text for the other side (its class name kept when it says something). */
export const errorText = (err: unknown): string =>
  err instanceof Error ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}` : String(err);
