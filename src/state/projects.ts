// Projects: open, create, duplicate, delete, export and import, and compare with another saved project. The open
// project is saved by the autosave (state/autosave.ts), which never overwrites newer work from another tab.
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
import type { Autosave } from './autosave';
import { applyProject, loadDemo, type DemoFiles, type OpenProject } from './slices/project';
import { contoursInUse } from './contourFiles';
import { deleteStoredProject, lastProjectId, loadProject, noteStoredSites, type SavedProject } from './projectStorage';
import { newDatasetId, type AppState, type Dataset, type ProjectMeta } from './store';
import { DEMO_ATTRIBUTION } from '../io/attribution';

/** Projects kept in IndexedDB: the page's (absent in tests that do not exercise them). */
export interface ProjectServices {
  autosave: Autosave;
  /** the demo city's files, for a new demo project */
  demoFiles: () => Promise<DemoFiles>;
}

export type WithProjects = AppServices & { projects: ProjectServices };

export const hasProjects = (app: AppServices): app is WithProjects => app.projects !== undefined;

export type BlankProjectDetails = Pick<ProjectMeta, 'name' | 'city' | 'assessmentDate' | 'dataCredit'>;

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

const newId = (): string =>
  globalThis.crypto?.randomUUID?.() ?? `p-${Date.now()}-${Math.random().toString(36).slice(2)}`;

const t = (app: AppServices) => translator(app.store.getState().locale);

/** The page's view of datasets the engine now holds. */
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
 * A saved project's road network into the engine, read from the file saved with it; a file that is gone or no longer
 * reads leaves the project without roads (screening), and says so: the rest of the project opens as saved.
 */
async function holdSavedRoads(
  { engine }: AppServices,
  saved: SavedProject,
): Promise<Pick<OpenProject, 'roads' | 'reachFileError'>> {
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
}

/** A saved project's datasets (and roads) into the engine (read from IndexedDB there); on failure none stays held. */
async function holdSaved(app: AppServices, saved: SavedProject): Promise<OpenProject> {
  const ids: string[] = [];
  const held: HeldDataset[] = [];
  try {
    for (const d of saved.datasets) {
      const id = newDatasetId(d.file);
      ids.push(id);
      held.push(await app.engine.loadDataset(id, 'stored' in d ? { stored: d.stored } : { sites: d.sites }));
      if ('stored' in d) noteStoredSites(id, d.stored);
    }
  } catch (e) {
    app.engine.dropDatasets(ids);
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
    ...(await holdSavedRoads(app, saved)),
  };
}

/** A project opened as new: its first save records it. */
async function adopt(app: WithProjects, project: OpenProject): Promise<void> {
  await applyProject(app, project);
  await app.projects.autosave.saveAtOnce();
}

/** Open the last project, or create the demo project on first use. */
export async function startProjects(app: WithProjects): Promise<void> {
  const last = await lastProjectId().catch(() => undefined);
  if (last) {
    try {
      await applyProject(app, await holdSaved(app, await loadProject(last)));
      app.store.setState({ saveState: { status: 'saved', message: null } });
      return;
    } catch (e) {
      app.store.setState({ projectError: message('project.lastUnreadable', { message: messageOfError(e) }) });
    }
  }
  await createDemoProject(app);
}

export async function openProject(app: WithProjects, id: string): Promise<void> {
  await app.projects.autosave.flush();
  try {
    await applyProject(app, await holdSaved(app, await loadProject(id)));
    app.store.setState({ saveState: { status: 'saved', message: null } });
  } catch (e) {
    app.store.setState({ projectError: message('project.cannotOpen', { message: messageOfError(e) }) });
  }
}

export async function createDemoProject(app: WithProjects): Promise<void> {
  await app.projects.autosave.flush();
  // the demo arrives as a new project in one step (nothing autosaves into the project that was open) and is
  // assessed once; its first save records it
  const meta: ProjectMeta = {
    id: newId(),
    name: t(app)('project.demoName'),
    city: t(app)('project.demoCity'),
    assessmentDate: '',
    dataCredit: DEMO_ATTRIBUTION,
    notes: t(app)('project.demoNotes'),
  };
  await loadDemo(app, await app.projects.demoFiles(), meta);
  await app.projects.autosave.saveAtOnce();
}

/** A project for a real city: nothing loaded (no demo site, zone or credit), the default method and rules. */
export async function createBlankProject(app: WithProjects, details: BlankProjectDetails): Promise<void> {
  await app.projects.autosave.flush();
  const name = details.name.trim().slice(0, 200) || t(app)('project.blankName');
  await adopt(app, {
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
}

export async function duplicateProject(app: WithProjects): Promise<void> {
  await app.projects.autosave.flush();
  const s = app.store.getState();
  const current = projectFromState(s);
  // the copy lists the same held datasets; its first save stores their sites again, for the copy
  if (current)
    await adopt(app, {
      ...current,
      datasets: s.datasets,
      id: newId(),
      name: t(app)('project.copyName', { name: current.name }),
      revision: 0,
    });
}

export async function removeProject(app: WithProjects, id: string): Promise<void> {
  await deleteStoredProject(id);
  if (app.store.getState().project?.id === id) await createDemoProject(app);
}

/** The project file of the open project, written by the engine (it holds the sites). */
export async function exportProjectFile({
  store,
  engine,
}: AppServices): Promise<{ name: string; bytes: Uint8Array } | null> {
  const project = projectFromState(store.getState());
  if (!project) return null;
  const { bytes, gzipped } = await engine.writeProjectFile(project);
  return { name: `${project.name}.usrm.json${gzipped ? '.gz' : ''}`, bytes };
}

export async function importProjectFile(app: WithProjects, name: string, bytes: Uint8Array): Promise<void> {
  let project: OpenProject;
  try {
    const read = await app.engine.readProjectFile(bytes.slice());
    project = { ...read.project, datasets: asDatasets(read.project.datasets, read.held) };
  } catch (e) {
    app.store.setState({ projectError: message('project.importFailed', { file: name, message: messageOfError(e) }) });
    return;
  }
  await app.projects.autosave.flush();
  // an import never overwrites a stored project: it gets its own id
  await adopt(app, { ...project, id: newId(), revision: 0 });
}

/** Assess another saved project (e.g. last year's) for a side-by-side comparison with the open one. */
export async function compareWithProject(
  app: AppServices,
  id: string,
): Promise<{ name: string; assessmentDate: string; stats: AssessmentStats }> {
  const { engine } = app;
  const other = await holdSaved(app, await loadProject(id));
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
}
