// The project slice: which project is open, the revision last saved and how saving goes. What the project holds is
// in the data and method slices; opening one replaces them all (applyProject, loadDemo). The autosave and the
// project list are state/projects.ts.
import { DEFAULT_FN_CRITERIA, DEFAULT_REACH_PROFILE } from '../../engine';
import type { ShownMessage } from '../../i18n/shownMessage';
import { translator } from '../../i18n/translate';
import type { CrsOption, Project } from '../../io';
import { sha256Hex } from '../../io/sha256';
import { zoneReader } from '../zoneReader';
import { DEMO_ATTRIBUTION } from '../../io/attribution';
import type { AppServices } from '../appServices';
import { addDataset } from '../datasets';
import type { HeldProject } from '../engineClient';
import { reassess } from './assessment';
import type { Dataset } from './data';

/** What the open project says of itself: the project file's own fields (io/projectFile.ts), without its data. */
export type ProjectMeta = Pick<Project, 'id' | 'name' | 'city' | 'assessmentDate' | 'dataCredit' | 'notes'>;

export interface SaveState {
  status: 'idle' | 'saving' | 'saved' | 'error' | 'conflict';
  message: ShownMessage | null;
}

export interface ProjectState {
  /** the open project (null until one is loaded or created) and the revision last saved */
  project: ProjectMeta | null;
  projectRevision: number;
  saveState: SaveState;
  /** a project file that could not be opened or imported; the open project is unchanged */
  projectError: ShownMessage | null;
}

export const initialProject = (): ProjectState => ({
  project: null,
  projectRevision: 0,
  saveState: { status: 'idle', message: null },
  projectError: null,
});

export interface DemoFiles {
  zones: { file: string; bytes: Uint8Array };
  sites: { file: string; bytes: Uint8Array; crs: CrsOption }[];
}

/** A project ready to open: its datasets held by the engine, as the page lists them. */
export type OpenProject = Omit<HeldProject, 'datasets'> & {
  datasets: Dataset[];
  /** the saved road network could not be read again (the project opens without it) */
  reachFileError?: ShownMessage | null;
};

/**
 * Once the last demo dataset is gone from a project (a copy of the demo turned into a real city's), the demo's
 * credit and city label go with it: nothing of the demo may be printed on another city's figures.
 */
export function withoutDemoLabels(project: ProjectMeta | null, datasets: Dataset[]): ProjectMeta | null {
  if (!project || datasets.some((d) => d.demo)) return project;
  const demoCredit = project.dataCredit === DEMO_ATTRIBUTION;
  const demoCity =
    project.city === translator('zh-CN')('project.demoCity') || project.city === translator('en')('project.demoCity');
  return demoCredit || demoCity
    ? { ...project, ...(demoCredit ? { dataCredit: '' } : {}), ...(demoCity ? { city: '' } : {}) }
    : project;
}

/** The demo city as a new project (replacing what is loaded), assessed once. */
export async function loadDemo(app: AppServices, files: DemoFiles, project: ProjectMeta): Promise<void> {
  const { store, engine } = app;
  const zones = (await zoneReader())(new TextDecoder().decode(files.zones.bytes));
  const zonesDigest = { file: files.zones.file, sha256: await sha256Hex(files.zones.bytes) };
  const datasets: Dataset[] = [];
  for (const f of files.sites)
    datasets.push(await addDataset(app, f.file, f.bytes, f.crs, true, zones, datasets, project.id));
  const { datasets: before, roads, locale } = store.getState();
  const gone = [...before.map((d) => d.id), ...(roads ? [roads.id] : [])];
  store.setState({
    project,
    projectRevision: 0,
    zones,
    zonesSource: translator(locale)('method.demoZones'),
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
}

/** Replace everything with a saved or imported project (its datasets already held by the engine), then assess it. */
export async function applyProject(app: AppServices, project: OpenProject): Promise<void> {
  const { store, engine } = app;
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
}

export function renameProject({ store }: AppServices, name: string): void {
  const p = store.getState().project;
  const next = name.trim().slice(0, 200);
  if (p && next && next !== p.name) store.setState({ project: { ...p, name: next } });
}

export function setProjectDetails(
  { store }: AppServices,
  details: Partial<Pick<ProjectMeta, 'city' | 'assessmentDate' | 'dataCredit' | 'notes'>>,
): void {
  // a field only focused and left changes nothing, so it saves nothing (the revision counts real changes)
  const p = store.getState().project;
  if (p && Object.entries(details).some(([k, v]) => v !== undefined && p[k as keyof ProjectMeta] !== v))
    store.setState({ project: { ...p, ...details } });
}
