// The app's state: a vanilla zustand store (no React here), split into data, method, assessment, what-if, selection.
import type { ShownMessage } from '../i18n/shownMessage';
import { createStore } from 'zustand/vanilla';
import {
  DEFAULT_FN_CRITERIA,
  DEFAULT_PROFILE,
  DEFAULT_REACH_PROFILE,
  DEFAULT_RULES,
  type Assessment,
  type FnCriteria,
  type MethodProfile,
  type ProposalResult,
  type ReachProfile,
  type SetbackRuleTable,
  type Site,
  type Zone,
  type Zoning,
} from '../engine';
import type { PreviousAssessment } from '../figures/changeFigure';
import { DEFAULT_LAYERS, NO_FILTERS, type LayerVisibility, type MapFilters } from './mapFilters';
import type { Camera } from './viewHash';
import { NO_BASEMAP, type Basemap } from './basemap';
import { DEFAULT_LOCALE, type Locale } from '../i18n/translate';
import type {
  CrsOption,
  ImportFileReport,
  InputDigest,
  ProjectContourFile,
  ProjectFnFile,
  ProjectPopulation,
  RejectedRows,
  TextEncodingName,
} from '../io';
import type { HeldRoadNetwork } from './engineClient';

export type { Zoning };

/**
 * A loaded file as the page knows it: its report, rejected rows and count. Its sites are held by the engine (the
 * engine worker in the browser) under `id`; the page receives them only as an assessment's results.
 */
export interface Dataset {
  id: string;
  file: string;
  report: ImportFileReport;
  /** rejected rows as read, and rows with notes (bounded; saved with the project) */
  rejectedRows?: RejectedRows;
  /**
   * the file as uploaded (not saved), so it can be re-read with another coordinate system: a Blob, whose bytes the
   * browser keeps outside the page's heap (a 90 MB file held as bytes was a fifth of the page's heap)
   */
  source?: Blob;
  /** the demo's bundled files */
  demo: boolean;
  /** accepted sites the engine holds */
  count: number;
  /** any of its sites is marked fictitious */
  fictitious: boolean;
}

/** A dataset id unique in this page (ids stay unique after removals: an index could repeat one). */
let datasetSerial = 0;
export const newDatasetId = (file: string): string => `${file}#${++datasetSerial}`;

export type Selection =
  | { kind: 'zone'; id: string }
  | { kind: 'site'; id: string }
  | { kind: 'violation'; index: number }
  | null;

/** Does `a` still hold the selected zone or site? (A finding's index means nothing in another assessment.) */
export function selectionStillIn(a: Assessment, s: Selection): boolean {
  return s?.kind === 'zone'
    ? a.zones.some((z) => z.id === s.id)
    : s?.kind === 'site'
      ? a.sites.some((x) => x.id === s.id)
      : false;
}

/** Placing a proposed site on the map: one click for a point, clicks for polygon vertices. */
export type Picking = { mode: 'point' } | { mode: 'polygon'; vertices: [number, number][] } | null;

/** The what-if form's attributes of a proposed site (everything but where it is). */
export type ProposalDraft = Omit<Site, 'geometry'>;

export interface Proposal {
  site: Site;
  result: ProposalResult | null;
  error: ShownMessage | null;
}

/** The zoning units: the loaded polygons themselves, or a grid laid over them. */

export interface ProjectMeta {
  id: string;
  name: string;
  /** the city or area assessed, e.g. 上海市 ('' until the user says) */
  city: string;
  /** 评估基准日: the date the data describe, YYYY-MM-DD or '' */
  assessmentDate: string;
  /** the data credit printed on every figure ('' = the input files, listed in T3) */
  dataCredit: string;
  notes: string;
}

export interface SaveState {
  status: 'idle' | 'saving' | 'saved' | 'error' | 'conflict';
  message: ShownMessage | null;
}

export interface AppState {
  /** the open project (null until one is loaded or created) and the revision last saved */
  project: ProjectMeta | null;
  projectRevision: number;
  saveState: SaveState;
  /** a project file that could not be opened or imported; the open project is unchanged */
  projectError: ShownMessage | null;
  datasets: Dataset[];
  zones: Zone[];
  /** where the zones came from (the demo's districts or an uploaded file) */
  zonesSource: string;
  /** the zones file and its SHA-256 (listed with the inputs in summary.json) */
  zonesDigest: InputDigest | null;
  zoning: Zoning;
  /** rescue within reach: the road network the engine holds (travel times; without it, straight-line screening) */
  roads: HeldRoadNetwork | null;
  /** rescue within reach: the population grid (the shelters' balance) */
  population: ProjectPopulation | null;
  /** QRA individual-risk contour files in use (issue #20), each with its report */
  contourFiles: ProjectContourFile[];
  /** a contour file being read: its name */
  readingContourFile: string | null;
  /** the report of the contour file read last (accepted or refused): every feature accounted for */
  contourReport: ImportFileReport | null;
  /** a contour file that could not be used; the files in use stay as they were */
  contourFileError: ShownMessage | null;
  /** F–N curve files in use (societal risk), each with its report */
  fnFiles: ProjectFnFile[];
  /** the F–N lines the curves are judged against: the shipped criterion (no lines) or the city's */
  fnCriteria: FnCriteria;
  /** an F–N file being read: its name */
  readingFnFile: string | null;
  /** the report of the F–N file read last */
  fnReport: ImportFileReport | null;
  /** an F–N or lines file that could not be used; what is in use stays */
  fnFileError: ShownMessage | null;
  /** a road or population file being read: its name */
  readingReachFile: string | null;
  /** a road or population file that could not be used; what was loaded stays as it was */
  reachFileError: ShownMessage | null;
  profile: MethodProfile;
  profileError: ShownMessage | null;
  /** rescue within reach: the city's parameters (circles, dispatch, road speeds, shelters, grid), the shipped ones by default */
  reachProfile: ReachProfile;
  /** a reach profile file that could not be used; the one in use stays */
  reachProfileError: ShownMessage | null;
  zonesError: ShownMessage | null;
  /** a site file being read in the worker: its name and share done */
  importing: { file: string; share: number } | null;
  /** share done (0–1) and stage of a running assessment */
  progress: { share: number; stage: string } | null;
  importCrs: CrsOption;
  /** undefined: detect */
  importEncoding: TextEncodingName | undefined;
  /** a whole-file failure (unreadable, binary, empty) shown to the user; loaded data stays as it was */
  importError: ShownMessage | null;
  rules: SetbackRuleTable;
  rulesError: ShownMessage | null;
  assessment: Assessment | null;
  assessing: boolean;
  assessError: ShownMessage | null;
  selection: Selection;
  /** a request to bring something into view (search, "whole city"); `n` changes with every request */
  focus: { target: Selection | 'all'; n: number } | null;
  picking: Picking;
  proposal: Proposal | null;
  /** the what-if form as the user filled it; null until then (the default, named in the language shown) */
  proposalDraft: ProposalDraft | null;
  /** a previous assessment (compared project or summary.json) for the white paper's comparison figure F6 */
  previous: PreviousAssessment | null;
  /** what the map, legend and lists show (a view setting, not saved with the project) */
  filters: MapFilters;
  layers: LayerVisibility;
  /** the map's position (set by the map as it moves; read from the URL hash at start) */
  camera: Camera | null;
  /** none by default; a per-browser setting */
  basemap: Basemap;
  /** the UI's language (zh-CN by default); a per-browser setting */
  locale: Locale;
}

export type AppStore = ReturnType<typeof createAppStore>;

export function createAppStore() {
  return createStore<AppState>()(() => ({
    project: null,
    projectRevision: 0,
    saveState: { status: 'idle', message: null },
    projectError: null,
    datasets: [],
    zones: [],
    zonesSource: '',
    zonesDigest: null,
    zoning: { kind: 'polygons' },
    roads: null,
    population: null,
    contourFiles: [],
    readingContourFile: null,
    contourReport: null,
    contourFileError: null,
    fnFiles: [],
    fnCriteria: DEFAULT_FN_CRITERIA,
    readingFnFile: null,
    fnReport: null,
    fnFileError: null,
    readingReachFile: null,
    reachFileError: null,
    profile: DEFAULT_PROFILE,
    profileError: null,
    reachProfile: DEFAULT_REACH_PROFILE,
    reachProfileError: null,
    zonesError: null,
    progress: null,
    importing: null,
    importCrs: 'auto',
    importEncoding: undefined,
    importError: null,
    rules: DEFAULT_RULES,
    rulesError: null,
    assessment: null,
    assessing: false,
    assessError: null,
    selection: null,
    focus: null,
    picking: null,
    proposal: null,
    proposalDraft: null,
    previous: null,
    filters: NO_FILTERS,
    layers: DEFAULT_LAYERS,
    camera: null,
    basemap: NO_BASEMAP,
    locale: DEFAULT_LOCALE,
  }));
}
