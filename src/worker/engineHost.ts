// The engine's side of the datasets: it holds every imported dataset's sites by id, saves and loads them, and
// assesses them. The same host runs in the engine worker (browser) and in-process (Node tests, jsdom), so both paths
// keep one copy of the data where the engine is.
import {
  assess,
  assessReach,
  checkProposal,
  DEFAULT_REACH_PROFILE,
  isReachCategory,
  raiseZonesOutOfReach,
  roleOf,
  type AssessConfig,
  type Assessment,
  type ProposalResult,
  type RiskContour,
  type RoadLine,
  type Site,
} from '../engine';
import { parseSites, projectFileBytes, readProjectFile, readRoads } from '../io';
import { reachBandLayer } from '../figures/reachBandShapes';
import { assessedReach } from '../state/assessedReach';
import type {
  DatasetsAssessInput,
  HeldDataset,
  HeldProject,
  HeldProjectDataset,
  HeldRoadNetwork,
  HeldRoads,
} from '../state/engineClient';
import type { StoredSites } from '../state/projectDb';
import { canStoreSites, readSiteRecords, writeSiteRecords } from '../state/siteRecords';

export interface EngineHost {
  /** keep `sites` as dataset `id` (replacing what it held under that id); saved for `storeFor` when given and possible */
  hold(id: string, sites: Site[], storeFor?: string): Promise<HeldDataset>;
  /** the ids of the sites of these datasets (an import beside them treats a repeat as a duplicate) */
  idsBeside(ids: readonly string[]): Set<string>;
  /** the ids of these datasets' hazard sites: the installations a QRA contour may belong to */
  hazardIdsOf(ids: readonly string[]): Set<string>;
  load(id: string, from: { stored: StoredSites } | { sites: unknown[] }): Promise<HeldDataset>;
  store(id: string, projectId: string): Promise<StoredSites | null>;
  drop(ids: readonly string[]): void;
  /** the assessment, with its reach noted on it (state/assessedReach) when the inputs hold anything to reach with */
  assess(
    input: DatasetsAssessInput,
    config: AssessConfig,
    onProgress?: (share: number, stage: string) => void,
  ): Assessment;
  /** keep a road network as `id` (replacing what was held under it) */
  holdRoads(id: string, read: { lines: RoadLine[]; sha256: string }): HeldRoads;
  /** `contours`: the QRA contours in use, which a proposed protection target is judged against too */
  checkProposal(
    proposal: Site,
    ids: readonly string[],
    config: AssessConfig,
    contours?: readonly RiskContour[],
  ): ProposalResult;
  /** `roadsText`: the project's road network file, carried in the project file (read from its Blob by the caller) */
  writeProjectFile(project: HeldProject, roadsText?: string): { bytes: Uint8Array; gzipped: boolean };
  readProjectFile(bytes: Uint8Array): { project: HeldProject; held: HeldDataset[] };
}

export function createEngineHost(): EngineHost {
  const held = new Map<string, Site[]>();
  const roadsHeld = new Map<string, RoadLine[]>();
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
    hazardIdsOf(ids) {
      const found = new Set<string>();
      for (const id of ids) for (const s of sitesOf(id)) if (roleOf(s.category) === 'hazard') found.add(s.id);
      return found;
    },
    async load(id, from) {
      const sites =
        'stored' in from ? await readSiteRecords(from.stored.projectId, from.stored.keys) : parseSites(from.sites, id);
      held.set(id, sites);
      return describe(sites, 'stored' in from ? from.stored : null);
    },
    async store(id, projectId) {
      return canStoreSites() ? writeSiteRecords(projectId, sitesOf(id)) : null;
    },
    drop(ids) {
      for (const id of ids) {
        held.delete(id);
        roadsHeld.delete(id);
      }
    },
    assess(input, config, onProgress) {
      const sites = allOf(input.datasets);
      const assessment = assess(
        {
          sites,
          zones: input.zones,
          ...(input.grid ? { grid: input.grid } : {}),
          ...(input.contours?.length ? { contours: input.contours } : {}),
        },
        config,
        onProgress,
      );
      const roads = input.roads === undefined ? undefined : roadsHeld.get(input.roads);
      if (!roads && !input.population && !sites.some((s) => isReachCategory(s.category))) return assessment;
      onProgress?.(1, 'reach');
      const profile = input.reachProfile ?? DEFAULT_REACH_PROFILE;
      const result = assessReach(
        {
          sites,
          assessed: assessment.sites,
          zones: input.zones,
          ...(roads ? { roads } : {}),
          ...(input.population ? { population: input.population } : {}),
        },
        profile,
      );
      // the city's optional rule (method profile reachRaise): zones with red/orange sites out of reach go one level up
      const final =
        config.method.reachRaise.enabled && result.cover ? raiseZonesOutOfReach(assessment, result.cover) : assessment;
      assessedReach.note(final, { result, profile, bands: reachBandLayer(result, profile) });
      return final;
    },
    holdRoads(id, { lines, sha256 }) {
      roadsHeld.set(id, lines);
      return { lines: lines.length, sha256 };
    },
    checkProposal(proposal, ids, config, contours) {
      return checkProposal(proposal, allOf(ids), config, contours);
    },
    writeProjectFile({ roads, ...project }, roadsText) {
      const datasets = project.datasets.map(({ id, ...d }) => ({ ...d, sites: sitesOf(id) }));
      // the road network goes as its file's text, read again on import (its lines are the engine's, not the file's)
      const withRoads =
        roads && roadsText !== undefined
          ? { roads: { file: roads.file, sha256: roads.sha256, lines: roads.lines }, roadsGeoJson: roadsText }
          : {};
      return projectFileBytes({ ...project, datasets, ...withRoads });
    },
    readProjectFile(bytes) {
      const { datasets, roads: roadsNamed, roadsGeoJson, ...rest } = readProjectFile(bytes);
      let roads: HeldRoadNetwork | null = null;
      if (roadsNamed && roadsGeoJson !== undefined) {
        const id = `${roadsNamed.file}#file-${++fromFiles}`;
        roadsHeld.set(id, readRoads(roadsGeoJson));
        roads = { ...roadsNamed, id, source: new Blob([roadsGeoJson], { type: 'application/geo+json' }) };
      }
      const project = { ...rest, roads };
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
