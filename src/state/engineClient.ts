// What the app's state asks of the engine, owned here so state depends on an interface, not on the worker that
// implements it (src/worker/engineClient.ts: a Web Worker in the browser, in-process where there is none). The app
// wires one in (src/app/main.tsx).
//
// The engine owns the datasets: imported sites are read, kept, saved and assessed where the engine runs, under the
// dataset's id; the page holds each dataset's report and count, and receives only an assessment's results. Nothing
// here hands a dataset's sites to the page.
import type {
  AssessConfig,
  Assessment,
  GridSpec,
  ProposalResult,
  ReachProfile,
  RiskContour,
  Site,
  Zone,
} from '../engine';
import type {
  ContourImport,
  Crs,
  FnCurveImport,
  ImportFileReport,
  ImportOptions,
  MappingOverride,
  Project,
  ProjectDataset,
  ProjectRoads,
  RejectedRows,
} from '../io';
import type { StoredSites } from './projectDb';

export type Progress = (share: number, stage: string) => void;

/** What the page knows of a dataset the engine holds. */
export interface HeldDataset {
  /** accepted sites */
  count: number;
  /** any site marked fictitious (the demo's) */
  fictitious: boolean;
  /** where its sites were saved, when saved with the import (IndexedDB; absent in Node or when storage refused) */
  stored?: StoredSites;
}

export interface ImportedDataset extends HeldDataset {
  report: ImportFileReport;
  rejectedRows: RejectedRows;
  /**
   * with `storeFor`: the sites being saved for that project, by the import worker, beside the assessment (null when
   * they could not be: no IndexedDB, or storage refused; the project's save then stores them and reports why)
   */
  saving?: Promise<StoredSites | null>;
}

export type DatasetImportOptions = Omit<ImportOptions, 'existingIds' | 'rememberedMappings'> & {
  /** the datasets this one joins: an id any of them has is a duplicate */
  beside: string[];
  /** save the sites for this project as soon as they are read (so a reload during the assessment loses nothing) */
  storeFor?: string;
  /** column mappings the user chose before, by header set: the file is read once, with its remembered mapping */
  rememberedMappings?: Record<string, MappingOverride>;
  /** keep the file in IndexedDB by its checksum, so it can be read again after a reload (state/sourceFiles) */
  keepSource?: boolean;
};

/** A project whose datasets the engine holds: each dataset as saved, without its sites, and the id they are held under. */
export type HeldProjectDataset = Omit<ProjectDataset, 'sites'> & { id: string };
export type HeldProject = Omit<Project, 'datasets' | 'roads'> & {
  datasets: HeldProjectDataset[];
  roads?: HeldRoadNetwork | null;
};

/**
 * A road network the engine holds under `id`, with its file: in memory since the upload, or IndexedDB's since a
 * reload (a Blob either way, whose bytes stay outside the page's heap), so it can be saved for the project.
 */
export type HeldRoadNetwork = ProjectRoads & { id: string; source: Blob };

/** An assessment of held datasets (in this order, as the page lists them). */
export interface DatasetsAssessInput {
  datasets: string[];
  zones: Zone[];
  grid?: GridSpec;
  /** rescue within reach: a road network the engine holds under this id (`readRoads`); without it, screening */
  roads?: string;
  /** rescue within reach: a population grid (polygons with `population`) for the shelters' balance */
  population?: Zone[];
  /** rescue within reach: the city's parameters (the shipped profile when absent) */
  reachProfile?: ReachProfile;
  /** QRA individual-risk contours of the datasets' installations (issue #20), judged against the targets */
  contours?: RiskContour[];
}

/** What the page knows of a road network the engine holds. */
export interface HeldRoads {
  /** line parts read (a MultiLineString gives one per part) */
  lines: number;
  /** the file's SHA-256 */
  sha256: string;
}

export interface EngineClient {
  /** read a site file off the main thread into the engine's keeping, as dataset `datasetId` */
  /** `source`: a File or Blob (read by the import worker) or the file's bytes */
  importFile(
    datasetId: string,
    file: string,
    source: Blob | Uint8Array,
    options: DatasetImportOptions,
    onProgress?: Progress,
  ): Promise<ImportedDataset>;
  /** hold sites saved before (read from IndexedDB where the engine runs), or sites given (a project saved before sites were kept apart) */
  loadDataset(datasetId: string, from: { stored: StoredSites } | { sites: Site[] }): Promise<HeldDataset>;
  /** save a held dataset's sites for `projectId` (null where there is no IndexedDB) */
  storeDataset(datasetId: string, projectId: string): Promise<StoredSites | null>;
  /** forget datasets (removed, replaced, or of a project no longer open) */
  dropDatasets(ids: string[]): void;
  /** an assessment; with rescue resources, shelters, roads or population its reach is noted on it (state/assessedReach) */
  assess(input: DatasetsAssessInput, config: AssessConfig, onProgress?: Progress): Promise<Assessment>;
  /** read a road network (GeoJSON lines) where the engine runs and hold it as `roadsId` (replacing what was held) */
  readRoads(roadsId: string, source: Blob | Uint8Array, crs: Crs): Promise<HeldRoads>;
  /** read a QRA contour file where the engine runs: each contour must belong to a hazard site of `datasets` */
  readContours(file: string, source: Blob | Uint8Array, crs: Crs, datasets: string[]): Promise<ContourImport>;
  /** read an F–N curve file (CSV) where the engine runs: each curve must belong to a hazard site of `datasets` */
  readFnCurves(file: string, source: Blob | Uint8Array, datasets: string[]): Promise<FnCurveImport>;
  /** `contours`: the QRA contours in use; a proposed protection target is judged against them too */
  checkProposal(
    proposal: Site,
    datasets: string[],
    config: AssessConfig,
    contours?: RiskContour[],
  ): Promise<ProposalResult>;
  /** the project file (JSON, gzipped when large) of a project whose datasets the engine holds */
  writeProjectFile(project: HeldProject): Promise<{ bytes: Uint8Array; gzipped: boolean }>;
  /** read a project file; its datasets are then held under the ids returned */
  readProjectFile(bytes: Uint8Array): Promise<{ project: HeldProject; held: HeldDataset[] }>;
  /** stop a running import: what was loaded before stays as it was; the import rejects with CancelledError */
  cancel(): void;
}

export class CancelledError extends Error {}
