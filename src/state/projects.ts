// Projects: open, create, rename, duplicate, delete, export and import; autosave of every change to IndexedDB;
// a second tab on the same project is detected (revision check + BroadcastChannel) and never overwrites newer work.
import { defaultConfig, type AssessmentStats } from '../engine';
import { PROJECT_SCHEMA, projectFileBytes, readProjectFile, type Project } from '../io';
import type { EngineClient } from '../worker/engineClient';
import type { Actions, DemoFiles } from './actions';
import { deleteStoredProject, lastProjectId, listProjects, loadProject, SaveConflictError, saveProject, type ProjectSummary } from './projectStorage';
import type { AppState, AppStore } from './store';

export interface ProjectActions {
  /** open the last project, or create the demo project on first use */
  start(demo: () => Promise<DemoFiles>): Promise<void>;
  list(): Promise<ProjectSummary[]>;
  open(id: string): Promise<void>;
  createDemo(): Promise<void>;
  rename(name: string): void;
  setDetails(details: { assessmentDate?: string; notes?: string }): void;
  duplicate(): Promise<void>;
  remove(id: string): Promise<void>;
  exportFile(): { name: string; bytes: Uint8Array } | null;
  importFile(name: string, bytes: Uint8Array): Promise<void>;
  /** assess another saved project (e.g. last year's) for a side-by-side comparison with the open one */
  compareWith(id: string): Promise<{ name: string; assessmentDate: string; stats: AssessmentStats }>;
  /** stop autosaving (tests, page unload) */
  stop(): void;
}

const SAVE_DELAY_MS = 400;

export function projectFromState(s: AppState): Project | null {
  if (!s.project) return null;
  return {
    schema: PROJECT_SCHEMA,
    ...s.project,
    datasets: s.datasets.map(({ file, sites, report, demo }) => ({ file, sites, report, demo })),
    zones: s.zones,
    zonesSource: s.zonesSource,
    zonesDigest: s.zonesDigest,
    zoning: s.zoning,
    profile: s.profile,
    rules: s.rules,
    revision: s.projectRevision,
  };
}

export function createProjectActions(store: AppStore, actions: Actions, engine: EngineClient): ProjectActions {
  let demoFiles: (() => Promise<DemoFiles>) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let saving = Promise.resolve();
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('urban-safety-risk-map');
  channel?.addEventListener('message', (e: MessageEvent<{ id: string; revision: number }>) => {
    const { project, projectRevision } = store.getState();
    if (project && e.data.id === project.id && e.data.revision > projectRevision) {
      store.setState({ saveState: { status: 'conflict', message: `此项目已在另一个标签页中保存了第 ${e.data.revision} 版;为避免覆盖,本页不再保存。请重新加载以继续。` } });
    }
  });

  const saveNow = async (): Promise<void> => {
    const s = store.getState();
    const project = projectFromState(s);
    if (!project || s.saveState.status === 'conflict') return;
    store.setState({ saveState: { status: 'saving', message: null } });
    try {
      const saved = await saveProject(project);
      store.setState({ projectRevision: saved.revision, saveState: { status: 'saved', message: null } });
      channel?.postMessage({ id: saved.id, revision: saved.revision });
    } catch (e) {
      const conflict = e instanceof SaveConflictError;
      store.setState({ saveState: { status: conflict ? 'conflict' : 'error', message: (e as Error).message } });
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
    const changed = s.project !== prev.project || s.datasets !== prev.datasets || s.zones !== prev.zones || s.zoning !== prev.zoning || s.profile !== prev.profile || s.rules !== prev.rules;
    if (changed && s.project && s.project.id === prev.project?.id) scheduleSave();
  });

  const newId = (): string => (globalThis.crypto?.randomUUID?.() ?? `p-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const flush = async (): Promise<void> => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
      saving = saving.then(saveNow);
    }
    await saving;
  };
  const adopt = async (project: Project): Promise<void> => {
    await actions.applyProject(project);
    saving = saving.then(saveNow); // the first save records it
    await saving;
  };

  const self: ProjectActions = {
    async start(demo) {
      demoFiles = demo;
      const last = await lastProjectId().catch(() => undefined);
      if (last) {
        try {
          await actions.applyProject(await loadProject(last));
          store.setState({ saveState: { status: 'saved', message: null } });
          return;
        } catch (e) {
          store.setState({ projectError: `上次的项目无法打开(${(e as Error).message}),已新建示例项目;原记录未改动。` });
        }
      }
      await self.createDemo();
    },
    list: () => listProjects(),
    async open(id) {
      await flush();
      try {
        await actions.applyProject(await loadProject(id));
        store.setState({ saveState: { status: 'saved', message: null } });
      } catch (e) {
        store.setState({ projectError: `项目无法打开:${(e as Error).message}` });
      }
    },
    async createDemo() {
      await flush();
      if (!demoFiles) return;
      store.setState({ project: null }); // loading the demo must not autosave into the project that was open
      await actions.loadDemo(await demoFiles());
      const s = store.getState();
      const project = projectFromState({ ...s, project: { id: newId(), name: '南京示例项目', assessmentDate: '', notes: '危险源与风险点为示例数据(虚构)' }, projectRevision: 0 })!;
      await adopt(project);
    },
    rename(name) {
      const p = store.getState().project;
      if (p && name.trim()) store.setState({ project: { ...p, name: name.trim().slice(0, 200) } });
    },
    setDetails(details) {
      const p = store.getState().project;
      if (p) store.setState({ project: { ...p, ...details } });
    },
    async duplicate() {
      await flush();
      const current = projectFromState(store.getState());
      if (current) await adopt({ ...current, id: newId(), name: `${current.name} 副本`, revision: 0 });
    },
    async remove(id) {
      await deleteStoredProject(id);
      if (store.getState().project?.id === id) await self.createDemo();
    },
    exportFile() {
      const project = projectFromState(store.getState());
      if (!project) return null;
      const { bytes, gzipped } = projectFileBytes(project);
      return { name: `${project.name}.usrm.json${gzipped ? '.gz' : ''}`, bytes };
    },
    async importFile(name, bytes) {
      let project: Project;
      try {
        project = readProjectFile(bytes);
      } catch (e) {
        store.setState({ projectError: `${name}:${(e as Error).message}(当前项目未改动)` });
        return;
      }
      await flush();
      // an import never overwrites a stored project: it gets its own id
      await adopt({ ...project, id: newId(), revision: 0 });
    },
    async compareWith(id) {
      const other = await loadProject(id);
      const input = { sites: other.datasets.flatMap((d) => d.sites), zones: other.zones, ...(other.zoning.kind === 'grid' ? { grid: { shape: other.zoning.shape, cellM: other.zoning.cellM } } : {}) };
      const assessment = await engine.assess(input, { ...defaultConfig(), method: other.profile, rules: other.rules });
      return { name: other.name, assessmentDate: other.assessmentDate, stats: assessment.stats };
    },
    stop() {
      unsubscribe();
      channel?.close();
    },
  };
  return self;
}
