// What the user can do, as plain functions over the store: load data, edit rules, re-assess, test a proposal.
import { aboutFile, message, messageOfError, type ShownMessage } from '../i18n/shownMessage';
import { DEFAULT_FN_CRITERIA, DEFAULT_REACH_PROFILE, type Zone } from '../engine';
import { crsGivenByUser } from '../io/importCodes';
import { sha256Hex } from '../io/sha256';
import type { CrsOption, MappingOverride, TextEncodingName } from '../io';
import { rememberedMappings, rememberMapping } from './columnMappings';
import { keptSourceFile } from './sourceFiles';
import { CancelledError, type EngineClient, type HeldProject } from './engineClient';
import { noteStoredSites } from './projectStorage';
import { newDatasetId, type AppStore, type Dataset, type ProjectMeta, type Zoning } from './store';
import type { AppServices } from './appServices';
import { reassess } from './slices/assessment';
import { datasetIdsOf } from './assessInputs';
import { createContourActions, type ContourActions } from './contourFiles';
import { createFnActions, type FnActions } from './fnFiles';
import { DEMO_ATTRIBUTION } from '../io/attribution';
import { translator } from '../i18n/translate';
import { LocalisedError } from '../i18n/localisedError';

export interface DemoFiles {
  zones: { file: string; bytes: Uint8Array };
  sites: { file: string; bytes: Uint8Array; crs: CrsOption }[];
}

/** How a file is read again: the user's columns, sheet and category for all rows. */
interface ImportChoices {
  mapping: MappingOverride;
  sheet: string;
  allRowsCategory: string;
}

export interface Actions extends ContourActions, FnActions {
  /** the demo city as a new project (replacing what is loaded), assessed once */
  loadDemo(files: DemoFiles, project: ProjectMeta): Promise<void>;
  /** read a file and add it; with `replaceId`, it takes that dataset's place instead (the user confirmed) */
  /** `source`: the uploaded File (read by the import worker, never copied on the page) or the file's bytes */
  importFile(file: string, source: Blob | Uint8Array, replaceId?: string): Promise<void>;
  /** put `dataset` where dataset `oldId` was (a re-uploaded or corrected file), then assess */
  replaceDataset(oldId: string, dataset: Dataset): Promise<void>;
  /** stop reading a large file; everything loaded before stays as it was */
  cancelImport(): void;
  removeDataset(id: string): Promise<void>;
  /** read an uploaded file again with another coordinate system (the user corrects or confirms the suggestion) */
  reimportDataset(
    id: string,
    crs: CrsOption,
    mapping?: MappingOverride,
    sheet?: string,
    allRowsCategory?: string,
  ): Promise<void>;
  /**
   * read a file again with the user's column mapping (remembered for files with the same headers) and, for a file
   * without a category column, the category of all its rows (this file's choice only: '' for none; never remembered)
   */
  remapDataset(id: string, mapping: MappingOverride, allRowsCategory?: string): Promise<void>;
  setImportCrs(crs: CrsOption): void;
  setImportEncoding(encoding: TextEncodingName | undefined): void;
  setZoning(zoning: Zoning): Promise<void>;
  importZones(file: string, bytes: Uint8Array): Promise<void>;
  /** rescue within reach: a road network file (GeoJSON lines), read in the engine worker; replaces the one in use */
  importRoads(file: string, source: Blob): Promise<void>;
  removeRoads(): Promise<void>;
  /** rescue within reach: a population grid (GeoJSON polygons with population); replaces the one in use */
  importPopulation(file: string, bytes: Uint8Array): Promise<void>;
  removePopulation(): Promise<void>;
  /** replace everything with a saved or imported project (its datasets already held by the engine), then assess it */
  applyProject(project: OpenProject): Promise<void>;
}

/**
 * Once the last demo dataset is gone from a project (a copy of the demo turned into a real city's), the demo's
 * credit and city label go with it: nothing of the demo may be printed on another city's figures.
 */
function withoutDemoLabels(project: ProjectMeta | null, datasets: Dataset[]): ProjectMeta | null {
  if (!project || datasets.some((d) => d.demo)) return project;
  const demoCredit = project.dataCredit === DEMO_ATTRIBUTION;
  const demoCity =
    project.city === translator('zh-CN')('project.demoCity') || project.city === translator('en')('project.demoCity');
  return demoCredit || demoCity
    ? { ...project, ...(demoCredit ? { dataCredit: '' } : {}), ...(demoCity ? { city: '' } : {}) }
    : project;
}

/** A project ready to open: its datasets held by the engine, as the page lists them. */
export type OpenProject = Omit<HeldProject, 'datasets'> & {
  datasets: Dataset[];
  /** the saved road network could not be read again (the project opens without it) */
  reachFileError?: ShownMessage | null;
};

export function createActions(store: AppStore, engine: EngineClient): Actions {
  const app: AppServices = { store, engine };
  const t = () => translator(store.getState().locale);
  const datasetIds = (): string[] => datasetIdsOf(store.getState());
  /**
   * `file` read into the engine as a new dataset beside `others` (its ids must not repeat theirs), saved for
   * `projectId` as it is read; not yet added to the store. Read once: a column mapping the user chose before for
   * files with these headers is applied as it is read (columns only: a category for all rows is never carried over).
   */
  const addDataset = async (
    file: string,
    source: Blob | Uint8Array,
    crs: CrsOption,
    demo: boolean,
    zones: Zone[],
    others: Dataset[],
    projectId: string | undefined,
    reread: Partial<ImportChoices> = {},
  ): Promise<Dataset> => {
    const id = newDatasetId(file);
    const progress = (share: number) =>
      store.getState().importing?.file === file && store.setState({ importing: { file, share } });
    const remembered = demo || reread.mapping ? undefined : await rememberedMappings();
    const { report, rejectedRows, count, fictitious, saving } = await engine.importFile(
      id,
      file,
      source,
      {
        crs,
        zones,
        beside: others.map((d) => d.id),
        ...encodingOption(),
        ...(projectId ? { storeFor: projectId } : {}),
        ...(remembered ? { rememberedMappings: remembered } : {}),
        ...(reread.mapping ? { mapping: reread.mapping } : {}),
        keepSource: !demo,
        ...(reread.sheet ? { sheet: reread.sheet } : {}),
        ...(reread.allRowsCategory ? { allRowsCategory: reread.allRowsCategory } : {}),
      },
      progress,
    );
    if (saving) noteStoredSites(id, saving);
    return {
      id,
      file,
      report,
      rejectedRows,
      demo,
      count,
      fictitious,
      ...(demo ? {} : { source: source instanceof Blob ? source : new Blob([source as Uint8Array<ArrayBuffer>]) }),
    };
  };

  /** The file behind a dataset: in memory since its upload, or kept in IndexedDB since an earlier session. */
  const bytesOf = async (d: Dataset): Promise<Blob | Uint8Array | undefined> =>
    d.source ?? (d.report.sha256 ? await keptSourceFile(d.report.sha256) : undefined);

  /** How the file is read now, as a mapping: re-reading it another way (CRS, sheet) keeps the user's columns. */
  const currentMapping = (d: Dataset): MappingOverride | undefined => {
    const { headers, columnFields } = d.report;
    return headers && columnFields
      ? Object.fromEntries(headers.map((h, i) => [h, columnFields[i] ?? null]))
      : undefined;
  };

  const encodingOption = () => {
    const encoding = store.getState().importEncoding;
    return encoding ? { encoding } : {};
  };

  return {
    ...createContourActions(store, engine, datasetIds, () => reassess(app)),
    ...createFnActions(store, engine, datasetIds),
    async loadDemo(files, project) {
      const zones = (await zoneReader())(new TextDecoder().decode(files.zones.bytes));
      const zonesDigest = { file: files.zones.file, sha256: await sha256Hex(files.zones.bytes) };
      const datasets: Dataset[] = [];
      for (const f of files.sites)
        datasets.push(await addDataset(f.file, f.bytes, f.crs, true, zones, datasets, project.id));
      const { datasets: before, roads } = store.getState();
      const gone = [...before.map((d) => d.id), ...(roads ? [roads.id] : [])];
      store.setState({
        project,
        projectRevision: 0,
        zones,
        zonesSource: t()('method.demoZones'),
        zonesDigest,
        datasets,
        assessment: null,
        proposal: null,
        selection: null,
        importError: null,
        projectError: null,
        roads: null,
        population: null,
        reachFileError: null,
        contourFiles: [],
        contourReport: null,
        contourFileError: null,
        fnFiles: [],
        fnCriteria: DEFAULT_FN_CRITERIA,
        fnReport: null,
        fnFileError: null,
        reachProfile: DEFAULT_REACH_PROFILE,
        reachProfileError: null,
      });
      engine.dropDatasets(gone);
      await reassess(app);
    },
    async importFile(file, source, replaceId) {
      const { zones, importCrs, datasets } = store.getState();
      store.setState({ importing: { file, share: 0 }, importError: null });
      try {
        // a replacement is read beside the other datasets only: the ids of the one it replaces are not duplicates
        const others = replaceId ? datasets.filter((d) => d.id !== replaceId) : datasets;
        const dataset = await addDataset(file, source, importCrs, false, zones, others, store.getState().project?.id);
        store.setState({ importing: null });
        if (replaceId && store.getState().datasets.some((d) => d.id === replaceId))
          return await this.replaceDataset(replaceId, dataset);
        store.setState({ datasets: [...store.getState().datasets, dataset], importError: null });
      } catch (e) {
        const cancelled = e instanceof CancelledError;
        store.setState({
          importError: cancelled ? message('data.importCancelled', { file }) : aboutFile(file, messageOfError(e)),
          importing: null,
        });
        return;
      }
      await reassess(app);
    },
    async reimportDataset(id, crs, mapping, sheet, allRowsCategory) {
      const { datasets, zones } = store.getState();
      const d = datasets.find((x) => x.id === id);
      const bytes = d && (await bytesOf(d));
      if (!d || !bytes) {
        if (d) store.setState({ importError: message('data.sourceNotKept', { file: d.file }) });
        return;
      }
      const chosenSheet = sheet ?? d.report.sheet; // an XLSX keeps the sheet it was read from
      const columns = mapping ?? (sheet === undefined ? currentMapping(d) : undefined); // another sheet has other headers
      const category = allRowsCategory ?? d.report.allRowsCategory; // this file's own choice stays with it
      const others = datasets.filter((x) => x.id !== id);
      const read = await addDataset(d.file, bytes, crs, d.demo, zones, others, store.getState().project?.id, {
        ...(columns ? { mapping: columns } : {}),
        ...(chosenSheet ? { sheet: chosenSheet } : {}),
        ...(category ? { allRowsCategory: category } : {}),
      });
      // the file read again takes the old reading's place, under a new id (the engine drops the old one)
      const next: Dataset = {
        ...read,
        source: bytes instanceof Blob ? bytes : new Blob([bytes as Uint8Array<ArrayBuffer>]),
      };
      if (!store.getState().datasets.some((x) => x.id === id)) return engine.dropDatasets([read.id]); // removed meanwhile
      store.setState({ importError: null, datasets: store.getState().datasets.map((x) => (x.id === id ? next : x)) });
      engine.dropDatasets([id]);
      await reassess(app);
    },
    async remapDataset(id, mapping, allRowsCategory) {
      const d = store.getState().datasets.find((x) => x.id === id);
      if (!d?.report.headers) return;
      await rememberMapping(d.report.headers, mapping).catch(() => undefined);
      // a suggested CRS is suggested again from the rows the new mapping reads (the first reading may have had none)
      await this.reimportDataset(
        id,
        crsGivenByUser(d.report) ? d.report.crs : 'auto',
        mapping,
        undefined,
        allRowsCategory,
      );
    },
    async replaceDataset(oldId, dataset) {
      const datasets = store.getState().datasets;
      if (!datasets.some((d) => d.id === oldId)) return;
      store.setState({
        datasets: datasets.map((d) => (d.id === oldId ? dataset : d)),
        importError: null,
        selection: null,
      });
      engine.dropDatasets([oldId]);
      await reassess(app);
    },
    async removeDataset(id) {
      const datasets = store.getState().datasets.filter((d) => d.id !== id);
      store.setState({ datasets, project: withoutDemoLabels(store.getState().project, datasets) });
      engine.dropDatasets([id]);
      await reassess(app);
    },
    cancelImport() {
      if (store.getState().importing) engine.cancel();
    },
    setImportCrs(crs) {
      store.setState({ importCrs: crs });
    },
    setImportEncoding(encoding) {
      store.setState({ importEncoding: encoding });
    },

    async setZoning(zoning) {
      store.setState({ zoning });
      await reassess(app);
    },
    async importZones(file, bytes) {
      try {
        const zones = (await zoneReader())(new TextDecoder().decode(bytes));
        if (zones.length === 0) throw new LocalisedError('zones.empty');
        store.setState({
          zones,
          zonesSource: file,
          zonesDigest: { file, sha256: await sha256Hex(bytes) },
          zonesError: null,
        });
      } catch (e) {
        store.setState({ zonesError: aboutFile(file, messageOfError(e)) });
        return;
      }
      await reassess(app);
    },
    async importRoads(file, source) {
      store.setState({ readingReachFile: file, reachFileError: null });
      const id = newDatasetId(file);
      try {
        // GeoJSON is WGS 84 (RFC 7946), as the CLI reads it; the page never parses it (the engine worker does)
        const held = await engine.readRoads(id, source, 'wgs84');
        if (held.lines === 0) throw new LocalisedError('reach.roadsEmpty');
        const before = store.getState().roads;
        store.setState({ roads: { id, file, sha256: held.sha256, lines: held.lines, source }, readingReachFile: null });
        if (before) engine.dropDatasets([before.id]);
      } catch (e) {
        engine.dropDatasets([id]);
        store.setState({ reachFileError: aboutFile(file, messageOfError(e)), readingReachFile: null });
        return;
      }
      await reassess(app);
    },
    async removeRoads() {
      const roads = store.getState().roads;
      if (!roads) return;
      store.setState({ roads: null, reachFileError: null });
      engine.dropDatasets([roads.id]);
      await reassess(app);
    },
    async importPopulation(file, bytes) {
      try {
        // read as the CLI reads --population: zones with a population field (small: read on the page)
        const zones = (await zoneReader())(new TextDecoder().decode(bytes));
        if (!zones.some((z) => z.population !== undefined)) throw new LocalisedError('reach.populationNone');
        store.setState({ population: { file, sha256: await sha256Hex(bytes), zones }, reachFileError: null });
      } catch (e) {
        store.setState({ reachFileError: aboutFile(file, messageOfError(e)) });
        return;
      }
      await reassess(app);
    },
    async removePopulation() {
      if (!store.getState().population) return;
      store.setState({ population: null, reachFileError: null });
      await reassess(app);
    },
    async applyProject(project) {
      const kept = new Set(project.datasets.map((d) => d.id));
      const gone = store
        .getState()
        .datasets.filter((d) => !kept.has(d.id))
        .map((d) => d.id);
      const roadsBefore = store.getState().roads;
      if (roadsBefore && roadsBefore.id !== project.roads?.id) gone.push(roadsBefore.id);
      store.setState({
        project: {
          id: project.id,
          name: project.name,
          city: project.city,
          assessmentDate: project.assessmentDate,
          dataCredit: project.dataCredit,
          notes: project.notes,
        },
        projectRevision: project.revision,
        datasets: project.datasets,
        zones: project.zones,
        zonesSource: project.zonesSource,
        zonesDigest: project.zonesDigest ?? null,
        zoning: project.zoning,
        profile: project.profile,
        rules: project.rules,
        roads: project.roads ?? null,
        population: project.population ?? null,
        contourFiles: project.contourFiles ?? [],
        contourReport: null,
        contourFileError: null,
        fnFiles: project.fnFiles ?? [],
        fnCriteria: project.fnCriteria ?? DEFAULT_FN_CRITERIA,
        fnReport: null,
        fnFileError: null,
        reachProfile: project.reachProfile ?? DEFAULT_REACH_PROFILE,
        reachProfileError: null,
        reachFileError: project.reachFileError ?? null,
        // the last project's results go at once: until this project is assessed nothing of the other one (its zones,
        // findings, districts) may show beside this project's name
        assessment: null,
        proposal: null,
        selection: null,
        importError: null,
        projectError: null,
      });
      engine.dropDatasets(gone);
      await reassess(app);
    },
  };
}

/** Zones (WGS-84 GeoJSON) are read on the page, but only when a zones file comes: the reader is not in the first load. */
const zoneReader = async () => (await import('../io/zonesFromGeoJson')).readWgs84Zones;
