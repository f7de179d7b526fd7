// The engine's side of the datasets: it holds every imported dataset's sites by id, saves and loads them, and
// assesses them. The same host runs in the engine worker (browser) and in-process (Node tests, jsdom), so both paths
// keep one copy of the data where the engine is.
import { assess, checkProposal, type AssessConfig, type Assessment, type ProposalResult, type Site } from '../engine';
import { parseSites, projectFileBytes, readProjectFile } from '../io';
import type { DatasetsAssessInput, HeldDataset, HeldProject, HeldProjectDataset } from '../state/engineClient';
import type { StoredSites } from '../state/projectDb';
import { canStoreSites, readSiteRecords, writeSiteRecords } from '../state/siteRecords';

export interface EngineHost {
  /** keep `sites` as dataset `id` (replacing what it held under that id); saved for `storeFor` when given and possible */
  hold(id: string, sites: Site[], storeFor?: string): Promise<HeldDataset>;
  /** the ids of the sites of these datasets (an import beside them treats a repeat as a duplicate) */
  idsBeside(ids: readonly string[]): Set<string>;
  load(id: string, from: { stored: StoredSites } | { sites: unknown[] }): Promise<HeldDataset>;
  store(id: string, projectId: string): Promise<StoredSites | null>;
  drop(ids: readonly string[]): void;
  assess(input: DatasetsAssessInput, config: AssessConfig, onProgress?: (share: number, stage: string) => void): Assessment;
  checkProposal(proposal: Site, ids: readonly string[], config: AssessConfig): ProposalResult;
  writeProjectFile(project: HeldProject): { bytes: Uint8Array; gzipped: boolean };
  readProjectFile(bytes: Uint8Array): { project: HeldProject; held: HeldDataset[] };
}

export function createEngineHost(): EngineHost {
  const held = new Map<string, Site[]>();
  let fromFiles = 0;
  const sitesOf = (id: string): Site[] => {
    const sites = held.get(id);
    if (!sites) throw new Error(`dataset ${id} is not loaded in the engine`);
    return sites;
  };
  // concat: one argument per dataset, never per site
  const allOf = (ids: readonly string[]): Site[] => ([] as Site[]).concat(...ids.map(sitesOf)); // spread-ok: one per dataset
  const describe = (sites: readonly Site[], stored?: StoredSites | null): HeldDataset => ({
    count: sites.length,
    fictitious: sites.some((s) => s.fictitious),
    ...(stored ? { stored } : {}),
  });

  return {
    async hold(id, sites, storeFor) {
      held.set(id, sites);
      // saving is best effort here: the page's save stores it again (and reports a refusal) if this one failed
      const stored = storeFor && canStoreSites() ? await writeSiteRecords(storeFor, sites).catch(() => null) : null;
      return describe(sites, stored);
    },
    idsBeside(ids) {
      const found = new Set<string>();
      for (const id of ids) for (const s of sitesOf(id)) found.add(s.id);
      return found;
    },
    async load(id, from) {
      const sites = 'stored' in from ? await readSiteRecords(from.stored.projectId, from.stored.keys) : parseSites(from.sites, id);
      held.set(id, sites);
      return describe(sites, 'stored' in from ? from.stored : null);
    },
    async store(id, projectId) {
      return canStoreSites() ? writeSiteRecords(projectId, sitesOf(id)) : null;
    },
    drop(ids) {
      for (const id of ids) held.delete(id);
    },
    assess(input, config, onProgress) {
      return assess({ sites: allOf(input.datasets), zones: input.zones, ...(input.grid ? { grid: input.grid } : {}) }, config, onProgress);
    },
    checkProposal(proposal, ids, config) {
      return checkProposal(proposal, allOf(ids), config);
    },
    writeProjectFile(project) {
      return projectFileBytes({ ...project, datasets: project.datasets.map(({ id, ...d }) => ({ ...d, sites: sitesOf(id) })) });
    },
    readProjectFile(bytes) {
      const { datasets, ...project } = readProjectFile(bytes);
      const out: HeldProjectDataset[] = [];
      const described: HeldDataset[] = [];
      for (const { sites, ...d } of datasets) {
        const id = `${d.file}#file-${++fromFiles}`;
        held.set(id, sites);
        out.push({ ...d, id });
        described.push(describe(sites));
      }
      return { project: { ...project, datasets: out }, held: described };
    },
  };
}
