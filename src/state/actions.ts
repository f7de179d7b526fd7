// What the user can do, as plain functions over the store: load the demo, import a file, re-assess.
import { defaultConfig, type Zone } from '../engine';
import { importSites, readZones, type CrsOption } from '../io';
import type { EngineClient } from '../worker/engineClient';
import type { AppStore, Dataset, Selection } from './store';

export interface DemoFiles {
  zones: string;
  sites: { file: string; bytes: Uint8Array; crs: CrsOption }[];
}

export interface Actions {
  loadDemo(files: DemoFiles): Promise<void>;
  importFile(file: string, bytes: Uint8Array): Promise<void>;
  removeDataset(id: string): Promise<void>;
  setImportCrs(crs: CrsOption): void;
  select(selection: Selection): void;
}

export function createActions(store: AppStore, engine: EngineClient): Actions {
  let runId = 0;
  const reassess = async (): Promise<void> => {
    const mine = ++runId;
    const { datasets, zones } = store.getState();
    store.setState({ assessing: true, assessError: null });
    try {
      const assessment = await engine.assess({ sites: datasets.flatMap((d) => d.sites), zones }, defaultConfig());
      if (mine === runId) store.setState({ assessment, assessing: false, selection: null });
    } catch (e) {
      if (mine === runId) store.setState({ assessing: false, assessError: (e as Error).message });
    }
  };

  const addDataset = (file: string, bytes: Uint8Array, crs: CrsOption, demo: boolean, zones: Zone[]): Dataset => {
    const existingIds = new Set(store.getState().datasets.flatMap((d) => d.sites.map((s) => s.id)));
    const { sites, report } = importSites(file, bytes, { crs, zones, existingIds });
    return { id: `${file}#${store.getState().datasets.length}`, file, sites, report, demo };
  };

  return {
    async loadDemo(files) {
      const zones = readZones(files.zones);
      store.setState({ zones, datasets: [] });
      const datasets: Dataset[] = [];
      for (const f of files.sites) {
        const dataset = addDataset(f.file, f.bytes, f.crs, true, zones);
        datasets.push(dataset);
        store.setState({ datasets: [...datasets] });
      }
      await reassess();
    },
    async importFile(file, bytes) {
      const { zones, importCrs, datasets } = store.getState();
      try {
        const dataset = addDataset(file, bytes, importCrs, false, zones);
        store.setState({ datasets: [...datasets, dataset], importError: null });
      } catch (e) {
        store.setState({ importError: `${file}: ${(e as Error).message}` });
        return;
      }
      await reassess();
    },
    async removeDataset(id) {
      store.setState({ datasets: store.getState().datasets.filter((d) => d.id !== id) });
      await reassess();
    },
    setImportCrs(crs) {
      store.setState({ importCrs: crs });
    },
    select(selection) {
      store.setState({ selection });
    },
  };
}
