// Projects: open, create, rename, duplicate, delete, export and import; autosave of every change to IndexedDB;
// a second tab on the same project is detected (revision check + BroadcastChannel) and never overwrites newer work.
import { aboutFile, message, messageOfError } from '../i18n/shownMessage';
import { readRoadFile } from './roadFiles';
import { translator } from '../i18n/translate';
import {
  defaultConfig,
  DEFAULT_FN_CRITERIA,
  DEFAULT_PROFILE,
  DEFAULT_REACH_PROFILE,
  DEFAULT_RULES,
  type AssessmentStats,
} from '../engine';
import { PROJECT_SCHEMA } from '../io/projectSchema';
import { reportForSaving } from '../io/savedImportRecord';
import type { HeldDataset, HeldProject } from './engineClient';
import type { AppServices } from './appServices';
import { applyProject, loadDemo, type DemoFiles, type OpenProject } from './slices/project';
import { contoursInUse } from './contourFiles';
import {
  deleteStoredProject,
  lastProjectId,
  listProjects,
  loadProject,
  noteStoredSites,
  SaveConflictError,
  saveProject,
  type ProjectSummary,
  type SavedProject,
} from './projectStorage';
import { newDatasetId, type AppState, type Dataset, type ProjectMeta } from './store';
import { DEMO_ATTRIBUTION } from '../io/attribution';

export interface ProjectActions {
  /** open the last project, or create the demo project on first use */
  start(demo: () => Promise<DemoFiles>): Promise<void>;
  list(): Promise<ProjectSummary[]>;
  open(id: string): Promise<void>;
  createDemo(): Promise<void>;
  /** a project for a real city: nothing loaded (no demo site, zone or credit), the default method and rules */
  createBlank(details: BlankProjectDetails): Promise<void>;
  rename(name: string): void;
  setDetails(details: Partial<Pick<ProjectMeta, 'city' | 'assessmentDate' | 'dataCredit' | 'notes'>>): void;
  duplicate(): Promise<void>;
  remove(id: string): Promise<void>;
  exportFile(): Promise<{ name: string; bytes: Uint8Array } | null>;
  importFile(name: string, bytes: Uint8Array): Promise<void>;
  /** assess another saved project (e.g. last year's) for a side-by-side comparison with the open one */
  compareWith(id: string): Promise<{ name: string; assessmentDate: string; stats: AssessmentStats }>;
  /** stop autosaving (tests, page unload) */
  stop(): void;
}

export type BlankProjectDetails = Pick<ProjectMeta, 'name' | 'city' | 'assessmentDate' | 'dataCredit'>;

const SAVE_DELAY_MS = 400;

/** The open project as saved and exported: each dataset without its sites (the engine holds them under its id). */
export function projectFromState(s: AppState): HeldProject | null {
  if (!s.project) return null;
  return {
    schema: PROJECT_SCHEMA,
    ...s.project,
    // the rows to fix (cells as read, bounded by the importer) and the report (line lists bounded) survive a reload
    datasets: s.datasets.map(({ id, file, report, demo, rejectedRows }) => ({
      id,
      file,
      report: reportForSaving(report),
      demo,
      ...(rejectedRows ? { rejectedRows } : {}),
    })),
    zones: s.zones,
    zonesSource: s.zonesSource,
    zonesDigest: s.zonesDigest,
    zoning: s.zoning,
    profile: s.profile,
    rules: s.rules,
    roads: s.roads,
    population: s.population,
    // the shipped profile is not saved (a project stays readable as before, and follows the shipped values)
    ...(s.reachProfile !== DEFAULT_REACH_PROFILE ? { reachProfile: s.reachProfile } : {}),
    ...(s.contourFiles.length
      ? { contourFiles: s.contourFiles.map((f) => ({ ...f, report: reportForSaving(f.report) })) }
      : {}),
    ...(s.fnFiles.length ? { fnFiles: s.fnFiles.map((f) => ({ ...f, report: reportForSaving(f.report) })) } : {}),
    // the shipped lines are not saved (a project follows the shipped criterion), the city's are
    ...(s.fnCriteria !== DEFAULT_FN_CRITERIA ? { fnCriteria: s.fnCriteria } : {}),
    revision: s.projectRevision,
  };
}

export function createProjectActions(app: AppServices): ProjectActions {
  const { store, engine } = app;
  let demoFiles: (() => Promise<DemoFiles>) | null = null;
  const t = () => translator(store.getState().locale);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let saving = Promise.resolve();
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('urban-safety-risk-map');
  channel?.addEventListener('message', (e: MessageEvent<{ id: string; revision: number }>) => {
    const { project, projectRevision } = store.getState();
    if (project && e.data.id === project.id && e.data.revision > projectRevision) {
      store.setState({
        saveState: { status: 'conflict', message: message('project.conflict', { n: e.data.revision }) },
      });
    }
  });

  const saveNow = async (): Promise<void> => {
    const s = store.getState();
    const project = projectFromState(s);
    if (!project || s.saveState.status === 'conflict') return;
    store.setState({ saveState: { status: 'saving', message: null } });
    try {
      const saved = await saveProject(project, (datasetId, projectId) => engine.storeDataset(datasetId, projectId));
      store.setState({ projectRevision: saved.revision, saveState: { status: 'saved', message: null } });
      channel?.postMessage({ id: saved.id, revision: saved.revision });
    } catch (e) {
      const conflict = e instanceof SaveConflictError;
      store.setState({ saveState: { status: conflict ? 'conflict' : 'error', message: messageOfError(e) } });
    }
  };
  const scheduleSave = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      saving = saving.then(saveNow);
    }, SAVE_DELAY_MS);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    const changed =
      s.project !== prev.project ||
      s.datasets !== prev.datasets ||
      s.zones !== prev.zones ||
      s.zoning !== prev.zoning ||
      s.profile !== prev.profile ||
      s.rules !== prev.rules ||
      s.roads !== prev.roads ||
      s.population !== prev.population ||
      s.reachProfile !== prev.reachProfile ||
      s.contourFiles !== prev.contourFiles ||
      s.fnFiles !== prev.fnFiles ||
      s.fnCriteria !== prev.fnCriteria;
    if (changed && s.project && s.project.id === prev.project?.id) scheduleSave();
  });

  const newId = (): string =>
    globalThis.crypto?.randomUUID?.() ?? `p-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  /** save now (a scheduled save is folded in), after any save already running */
  const saveAtOnce = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    saving = saving.then(saveNow);
    await saving;
  };
  /** a scheduled save runs now; either way, wait until nothing is being saved */
  const flush = (): Promise<void> => (timer ? saveAtOnce() : saving);
  /** the page's view of datasets the engine now holds */
  const asDatasets = (datasets: HeldProject['datasets'], held: HeldDataset[]): Dataset[] =>
    datasets.map((d, i) => ({
      id: d.id,
      file: d.file,
      report: d.report,
      demo: d.demo,
      ...(d.rejectedRows ? { rejectedRows: d.rejectedRows } : {}),
      count: held[i]!.count,
      fictitious: held[i]!.fictitious,
    }));
  /**
   * a saved project's road network into the engine, read from the file saved with it; a file that is gone or no longer
   * reads leaves the project without roads (screening), and says so: the rest of the project opens as saved
   */
  const holdSavedRoads = async (saved: SavedProject): Promise<Pick<OpenProject, 'roads' | 'reachFileError'>> => {
    if (!saved.roads) return { roads: null, reachFileError: null };
    const { file, sha256 } = saved.roads;
    const source = await readRoadFile(saved.id, sha256);
    if (!source) return { roads: null, reachFileError: message('reach.roadsNotKept', { file }) };
    const id = newDatasetId(file);
    try {
      const held = await engine.readRoads(id, source, 'wgs84');
      return { roads: { file, sha256, lines: held.lines, id, source }, reachFileError: null };
    } catch (e) {
      engine.dropDatasets([id]);
      return { roads: null, reachFileError: aboutFile(file, messageOfError(e)) };
    }
  };
  /** a saved project's datasets (and roads) into the engine (read from IndexedDB there); on failure none stays held */
  const holdSaved = async (saved: SavedProject): Promise<OpenProject> => {
    const ids: string[] = [];
    const held: HeldDataset[] = [];
    try {
      for (const d of saved.datasets) {
        const id = newDatasetId(d.file);
        ids.push(id);
        held.push(await engine.loadDataset(id, 'stored' in d ? { stored: d.stored } : { sites: d.sites }));
        if ('stored' in d) noteStoredSites(id, d.stored);
      }
    } catch (e) {
      engine.dropDatasets(ids);
      throw e;
    }
    const { roads: _named, ...rest } = saved;
    // asDatasets keeps only the page's fields (not where the sites are stored, nor an old record's inline sites)
    return {
      ...rest,
      datasets: asDatasets(
        saved.datasets.map((d, i) => ({ ...d, id: ids[i]! })),
        held,
      ),
      ...(await holdSavedRoads(saved)),
    };
  };
  const adopt = async (project: OpenProject): Promise<void> => {
    await applyProject(app, project);
    await saveAtOnce(); // the first save records it
  };

  const self: ProjectActions = {
    async start(demo) {
      demoFiles = demo;
      const last = await lastProjectId().catch(() => undefined);
      if (last) {
        try {
          await applyProject(app, await holdSaved(await loadProject(last)));
          store.setState({ saveState: { status: 'saved', message: null } });
          return;
        } catch (e) {
          store.setState({ projectError: message('project.lastUnreadable', { message: messageOfError(e) }) });
        }
      }
      await self.createDemo();
    },
    list: () => listProjects(),
    async open(id) {
      await flush();
      try {
        await applyProject(app, await holdSaved(await loadProject(id)));
        store.setState({ saveState: { status: 'saved', message: null } });
      } catch (e) {
        store.setState({ projectError: message('project.cannotOpen', { message: messageOfError(e) }) });
      }
    },
    async createDemo() {
      await flush();
      if (!demoFiles) return;
      // the demo arrives as a new project in one step (nothing autosaves into the project that was open) and is
      // assessed once; its first save records it
      const meta: ProjectMeta = {
        id: newId(),
        name: t()('project.demoName'),
        city: t()('project.demoCity'),
        assessmentDate: '',
        dataCredit: DEMO_ATTRIBUTION,
        notes: t()('project.demoNotes'),
      };
      await loadDemo(app, await demoFiles(), meta);
      await saveAtOnce();
    },
    async createBlank(details) {
      await flush();
      const name = details.name.trim().slice(0, 200) || t()('project.blankName');
      await adopt({
        schema: PROJECT_SCHEMA,
        id: newId(),
        name,
        city: details.city.trim().slice(0, 200),
        assessmentDate: details.assessmentDate,
        dataCredit: details.dataCredit.trim().slice(0, 2000),
        notes: '',
        datasets: [],
        zones: [],
        zonesSource: '',
        zonesDigest: null,
        zoning: { kind: 'polygons' },
        profile: DEFAULT_PROFILE,
        rules: DEFAULT_RULES,
        roads: null,
        population: null,
        revision: 0,
      });
    },
    rename(name) {
      const p = store.getState().project;
      const next = name.trim().slice(0, 200);
      if (p && next && next !== p.name) store.setState({ project: { ...p, name: next } });
    },
    setDetails(details) {
      // a field only focused and left changes nothing, so it saves nothing (the revision counts real changes)
      const p = store.getState().project;
      if (p && Object.entries(details).some(([k, v]) => v !== undefined && p[k as keyof ProjectMeta] !== v))
        store.setState({ project: { ...p, ...details } });
    },
    async duplicate() {
      await flush();
      const s = store.getState();
      const current = projectFromState(s);
      // the copy lists the same held datasets; its first save stores their sites again, for the copy
      if (current)
        await adopt({
          ...current,
          datasets: s.datasets,
          id: newId(),
          name: t()('project.copyName', { name: current.name }),
          revision: 0,
        });
    },
    async remove(id) {
      await deleteStoredProject(id);
      if (store.getState().project?.id === id) await self.createDemo();
    },
    async exportFile() {
      const project = projectFromState(store.getState());
      if (!project) return null;
      const { bytes, gzipped } = await engine.writeProjectFile(project);
      return { name: `${project.name}.usrm.json${gzipped ? '.gz' : ''}`, bytes };
    },
    async importFile(name, bytes) {
      let project: OpenProject;
      try {
        const read = await engine.readProjectFile(bytes.slice());
        project = { ...read.project, datasets: asDatasets(read.project.datasets, read.held) };
      } catch (e) {
        store.setState({ projectError: message('project.importFailed', { file: name, message: messageOfError(e) }) });
        return;
      }
      await flush();
      // an import never overwrites a stored project: it gets its own id
      await adopt({ ...project, id: newId(), revision: 0 });
    },
    async compareWith(id) {
      const other = await holdSaved(await loadProject(id));
      const datasets = other.datasets.map((d) => d.id);
      try {
        const input = {
          datasets,
          zones: other.zones,
          ...(other.zoning.kind === 'grid' ? { grid: { shape: other.zoning.shape, cellM: other.zoning.cellM } } : {}),
          ...(other.roads ? { roads: other.roads.id } : {}),
          ...(other.population ? { population: other.population.zones } : {}),
          ...(other.reachProfile ? { reachProfile: other.reachProfile } : {}),
          ...(other.contourFiles?.length ? { contours: contoursInUse(other.contourFiles) } : {}),
        };
        const assessment = await engine.assess(input, {
          ...defaultConfig(),
          method: other.profile,
          rules: other.rules,
        });
        return { name: other.name, assessmentDate: other.assessmentDate, stats: assessment.stats };
      } finally {
        engine.dropDatasets(other.roads ? [...datasets, other.roads.id] : datasets); // held only for the comparison
      }
    },
    stop() {
      unsubscribe();
      channel?.close();
    },
  };
  return self;
}
