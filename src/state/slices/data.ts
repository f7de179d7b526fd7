// The data slice: what the project assesses — the site files (their sites are held by the engine), the zones and
// how they are cut, the reach inputs (roads, population), the QRA contour and F–N curve files — and how the files
// being read are going: which, how far, and why one was refused (what was loaded stays as it was). The site files'
// functions are in state/datasets.ts, the reach inputs' in state/reachInputs.ts, the contour and F–N files' in
// state/contourFiles.ts and state/fnFiles.ts; the zones' are here.
import type { Zone, Zoning } from '../../engine';
import { LocalisedError } from '../../i18n/localisedError';
import { aboutFile, messageOfError, type ShownMessage } from '../../i18n/shownMessage';
import { sha256Hex } from '../../io/sha256';
import { zoneReader } from '../zoneReader';
import type {
  CrsOption,
  ImportFileReport,
  InputDigest,
  ProjectContourFile,
  ProjectFnFile,
  ProjectPopulation,
  RejectedRows,
  TextEncodingName,
} from '../../io';
import type { AppServices } from '../appServices';
import type { HeldRoadNetwork } from '../engineClient';
import { reassess } from './assessment';

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

export interface DataState {
  datasets: Dataset[];
  zones: Zone[];
  /** where the zones came from (the demo's districts or an uploaded file) */
  zonesSource: string;
  /** the zones file and its SHA-256 (listed with the inputs in summary.json) */
  zonesDigest: InputDigest | null;
  zonesError: ShownMessage | null;
  zoning: Zoning;
  /** rescue within reach: the road network the engine holds (travel times; without it, straight-line screening) */
  roads: HeldRoadNetwork | null;
  /** rescue within reach: the population grid (the shelters' balance) */
  population: ProjectPopulation | null;
  /** a road or population file being read: its name */
  readingReachFile: string | null;
  /** a road or population file that could not be used; what was loaded stays as it was */
  reachFileError: ShownMessage | null;
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
  /** an F–N file being read: its name */
  readingFnFile: string | null;
  /** the report of the F–N file read last */
  fnReport: ImportFileReport | null;
  /** an F–N or lines file that could not be used; what is in use stays */
  fnFileError: ShownMessage | null;
  /** a site file being read in the worker: its name and share done */
  importing: { file: string; share: number } | null;
  importCrs: CrsOption;
  /** undefined: detect */
  importEncoding: TextEncodingName | undefined;
  /** a whole-file failure (unreadable, binary, empty) shown to the user; loaded data stays as it was */
  importError: ShownMessage | null;
}

export const initialData = (): DataState => ({
  datasets: [],
  zones: [],
  zonesSource: '',
  zonesDigest: null,
  zonesError: null,
  zoning: { kind: 'polygons' },
  roads: null,
  population: null,
  readingReachFile: null,
  reachFileError: null,
  contourFiles: [],
  readingContourFile: null,
  contourReport: null,
  contourFileError: null,
  fnFiles: [],
  readingFnFile: null,
  fnReport: null,
  fnFileError: null,
  importing: null,
  importCrs: 'auto',
  importEncoding: undefined,
  importError: null,
});

/**
 * A dataset id unique in this page (ids stay unique after removals: an index could repeat one). Module-wide, not per
 * store: where each dataset's sites were saved is noted by id for the whole page (projectStorage.noteStoredSites).
 */
let datasetSerial = 0;
export const newDatasetId = (file: string): string => `${file}#${++datasetSerial}`;

/** The zoning units: the loaded polygons, or a grid laid over them. */
export async function setZoning(app: AppServices, zoning: Zoning): Promise<void> {
  app.store.setState({ zoning });
  await reassess(app);
}

/** A zones file (GeoJSON polygons) in place of the zones in use; a file without zones is refused. */
export async function importZones(app: AppServices, file: string, bytes: Uint8Array): Promise<void> {
  try {
    const zones = (await zoneReader())(new TextDecoder().decode(bytes));
    if (zones.length === 0) throw new LocalisedError('zones.empty');
    app.store.setState({
      zones,
      zonesSource: file,
      zonesDigest: { file, sha256: await sha256Hex(bytes) },
      zonesError: null,
    });
  } catch (e) {
    app.store.setState({ zonesError: aboutFile(file, messageOfError(e)) });
    return;
  }
  await reassess(app);
}
