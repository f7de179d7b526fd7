// How the app asks the engine: in Web Workers in the browser (the engine worker holds the datasets; each file is read
// in an import worker of its own), in-process where there is no Worker (jsdom, Node). The in-process path imports
// the engine only when taken, so the page's first load does not carry it.
import type { Assessment, Site, Finding } from '../engine';
import { noteFindingPositions } from '../state/mapFilters';
import { noteSiteFacts } from '../state/siteFactColumns';
import { noteLocatedCounts } from '../figures/districtCounts';
import { assessedReach, type AssessedReach } from '../state/assessedReach';
import { withCoverRows } from '../state/reachCover';
import type { ImportFileReport, RejectedRows } from '../io';
import { CancelledError, type EngineClient, type HeldDataset, type Progress } from '../state/engineClient';
import type { StoredSites } from '../state/projectDb';
import {
  SITES_PER_MESSAGE,
  type EngineRequest,
  type EngineResponse,
  type ImportRequest,
  type ImportResponse,
} from './protocol';
import { createStringPool, type StringPool } from './stringPool';
import { unpackSites, unpackSiteViews } from './siteColumns';
import { unpackFindingViews } from './findingColumns';
import { unpackZones } from './zoneColumns';
import { startEngineWorker, startImportWorker, takeEarlyWorkers } from './workerStarts';

export { CancelledError, type EngineClient };

type Payload = EngineRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export function createEngineClient(): EngineClient {
  if (typeof Worker === 'undefined') return inProcessClient();

  const pending = new Map<
    number,
    {
      resolve: (r: unknown) => void;
      reject: (e: Error) => void;
      progress?: Progress;
      sites?: unknown[];
      findings?: Finding[];
      strings?: StringPool;
      reach?: AssessedReach;
    }
  >();
  let next = 0;
  const early = takeEarlyWorkers();
  const worker = early?.engine ?? startEngineWorker();
  worker.onmessage = (e: MessageEvent<EngineResponse>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    if ('progress' in e.data) return p.progress?.(e.data.progress, e.data.stage);
    if ('sitesColumns' in e.data) {
      p.sites ??= [];
      p.strings ??= createStringPool();
      // an assessment's sites are views over the columns that came (state/siteView)
      const sites = unpackSiteViews(e.data.sitesColumns, p.strings) ?? unpackSites(e.data.sitesColumns, p.strings);
      for (const s of sites) p.sites.push(s);
      return;
    }
    if ('findingColumns' in e.data) {
      p.findings ??= [];
      p.strings ??= createStringPool();
      // views over the columns that came (state/findingView)
      for (const v of unpackFindingViews(e.data.findingColumns, p.strings)) p.findings.push(v);
      return;
    }
    if ('reachAhead' in e.data) return void (p.reach = e.data.reachAhead);
    pending.delete(e.data.id);
    if ('error' in e.data) return p.reject(new Error(e.data.error));
    const result =
      p.sites || p.findings
        ? {
            ...(e.data.result as object),
            ...(p.sites ? { sites: p.sites } : {}),
            ...(p.findings ? { findings: p.findings } : {}),
          }
        : e.data.result;
    if (e.data.packedZones) {
      const sites = (result as Assessment).sites;
      (result as Assessment).zones = unpackZones(e.data.packedZones, (i) => sites[i]?.id ?? '');
    }
    if (e.data.findingAt) noteFindingPositions(result as Assessment, e.data.findingAt);
    if (e.data.locatedByZone) noteLocatedCounts(result as Assessment, e.data.locatedByZone);
    if (e.data.siteFacts) noteSiteFacts(result as Assessment, e.data.siteFacts);
    if (p.reach) assessedReach.note(result as Assessment, withCoverRows(p.reach, (result as Assessment).sites));
    p.resolve(result);
  };
  const send = <T>(payload: Payload, progress?: Progress, transfer: Transferable[] = []): Promise<T> => {
    const id = next++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (r: unknown) => void, reject, progress });
      worker.postMessage({ id, ...payload } as EngineRequest, transfer);
    });
  };
  /** given sites (an old project record) go ahead of their request in chunks, one task each */
  const sendSites = async <T>(payload: Payload, sites: readonly unknown[]): Promise<T> => {
    const id = next++;
    for (let i = 0; i < sites.length; i += SITES_PER_MESSAGE) {
      worker.postMessage({
        id,
        kind: 'sitesChunk',
        items: sites.slice(i, i + SITES_PER_MESSAGE),
      } satisfies EngineRequest);
      await new Promise((r) => setTimeout(r, 0));
    }
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (r: unknown) => void, reject });
      worker.postMessage({ id, ...payload } as EngineRequest);
    });
  };

  let importing: { reject: (e: Error) => void } | null = null;
  // one import worker per file (a cancel terminates it and nothing else), started one file ahead so that its module is
  // loaded before it is needed: the demo's two files had each waited for a fresh worker's start-up
  let spare = early?.importer ?? startImportWorker();
  const takeImporter = (): Worker => {
    const next = spare;
    spare = startImportWorker();
    return next;
  };
  const client: EngineClient = {
    async importFile(datasetId, file, source, options, onProgress) {
      const { beside, storeFor, keepSource, ...readOptions } = options;
      const channel = new MessageChannel();
      const importer = takeImporter();
      const held = send<HeldDataset>({ kind: 'receive', datasetId, beside, port: channel.port2 }, undefined, [
        channel.port2,
      ]);
      held.catch(() => undefined); // awaited below, unless the import fails first
      let stored: (s: StoredSites | null) => void = () => undefined;
      const saving =
        storeFor === undefined ? undefined : new Promise<StoredSites | null>((resolve) => (stored = resolve));
      try {
        const read = new Promise<{ report: ImportFileReport; rejectedRows: RejectedRows }>((resolve, reject) => {
          importing = { reject };
          importer.onmessage = (e: MessageEvent<ImportResponse>) => {
            if ('progress' in e.data) onProgress?.(e.data.progress, 'import');
            else if ('result' in e.data) resolve(e.data.result);
            else if ('stored' in e.data) stored(e.data.stored);
            else reject(new Error(e.data.error));
          };
          importer.onerror = (e) => reject(new Error(e.message || 'import worker failed'));
        });
        // a Blob (an uploaded File) crosses as a handle and the import worker reads it; bytes are copied and the copy
        // transferred (the caller keeps its bytes for a re-read)
        const copy = source instanceof Blob ? source : await copyInSlices(source);
        const request: ImportRequest = {
          file,
          source: copy,
          options: readOptions,
          keepSource: Boolean(keepSource),
          ...(storeFor !== undefined ? { storeFor } : {}),
          port: channel.port1,
        };
        importer.postMessage(request, copy instanceof Blob ? [channel.port1] : [copy.buffer, channel.port1]);
        const { report, rejectedRows } = await read;
        importing = null;
        const result = { report, rejectedRows, ...(await held), ...(saving ? { saving } : {}) };
        // the import worker stays until it has saved the sites (or could not), then goes
        void (saving ?? Promise.resolve()).finally(() => importer.terminate());
        importer.onerror = () => stored(null);
        return result;
      } catch (e) {
        importing = null;
        importer.terminate();
        stored(null);
        client.dropDatasets([datasetId]); // a cancelled or failed import leaves nothing held
        throw e;
      }
    },
    loadDataset: (datasetId, from) =>
      'stored' in from
        ? send({ kind: 'load', datasetId, stored: from.stored })
        : sendSites({ kind: 'load', datasetId }, from.sites),
    storeDataset: (datasetId, projectId) => send({ kind: 'store', datasetId, projectId }),
    dropDatasets(datasetIds) {
      if (datasetIds.length) void send({ kind: 'drop', datasetIds }).catch(() => undefined);
    },
    assess: (input, config, onProgress) => send({ kind: 'assess', input, config }, onProgress),
    readRoads: (roadsId, source, crs) => send({ kind: 'readRoads', roadsId, source, crs }),
    readContours: (file, source, crs, datasets) => send({ kind: 'readContours', file, source, crs, datasets }),
    readFnCurves: (file, source, datasets) => send({ kind: 'readFnCurves', file, source, datasets }),
    checkProposal: (proposal: Site, datasets, config, contours) =>
      send({ kind: 'proposal', proposal, datasets, config, ...(contours?.length ? { contours } : {}) }),
    writeProjectFile: (project) => send({ kind: 'writeProjectFile', project }),
    readProjectFile: (bytes) => send({ kind: 'readProjectFile', bytes }),
    cancel() {
      importing?.reject(new CancelledError('已取消'));
    },
  };
  return client;
}

/** The same engine host, in this thread (no Worker here): imports cannot be cancelled, everything else is the same. */
function inProcessClient(): EngineClient {
  const host = import('./engineHost').then((m) => m.createEngineHost());
  // loaded eagerly: a client made and dropped at once (a short test) must not leave an unhandled rejection if its
  // environment goes before the module arrives; callers that await it still see the failure
  host.catch(() => undefined);
  return {
    async importFile(datasetId, file, source, options, onProgress) {
      const { beside, storeFor, keepSource, ...readOptions } = options;
      const h = await host;
      const bytes = source instanceof Blob ? new Uint8Array(await source.arrayBuffer()) : source;
      const { readUpload } = await import('./readUpload');
      const { sites, report, rejectedRows } = await readUpload(
        file,
        bytes,
        { ...readOptions, existingIds: h.idsBeside(beside) },
        Boolean(keepSource),
        (s) => onProgress?.(s, 'import'),
      );
      const { stored, ...held } = await h.hold(datasetId, sites, storeFor);
      return {
        report,
        rejectedRows,
        ...held,
        ...(storeFor !== undefined ? { saving: Promise.resolve(stored ?? null) } : {}),
      };
    },
    loadDataset: async (datasetId, from) => (await host).load(datasetId, from),
    storeDataset: async (datasetId, projectId) => (await host).store(datasetId, projectId),
    dropDatasets: (ids) => void host.then((h) => h.drop(ids)),
    assess: async (input, config, onProgress) => (await host).assess(input, config, onProgress),
    readRoads: async (roadsId, source, crs) => {
      const { roadsFrom } = await import('./roadsFrom');
      return (await host).holdRoads(roadsId, await roadsFrom(source, crs));
    },
    readContours: async (file, source, crs, datasets) => {
      const { contoursFrom } = await import('./qraFilesFrom');
      return contoursFrom(file, source, crs, (await host).hazardIdsOf(datasets));
    },
    readFnCurves: async (file, source, datasets) => {
      const { fnCurvesFrom } = await import('./qraFilesFrom');
      return fnCurvesFrom(file, source, (await host).hazardIdsOf(datasets));
    },
    checkProposal: async (proposal, datasets, config, contours) =>
      (await host).checkProposal(proposal, datasets, config, contours),
    writeProjectFile: async (project) => (await host).writeProjectFile(project, await project.roads?.source.text()),
    readProjectFile: async (bytes) => (await host).readProjectFile(bytes),
    cancel: () => undefined,
  };
}

/** Bytes copied per task: a 90 MB file copied in one go held the page for ~70 ms (8 MB slices still 0.1 s under load). */
const COPY_SLICE = 2 * 2 ** 20;

async function copyInSlices(bytes: Uint8Array): Promise<Uint8Array> {
  const copy = new Uint8Array(bytes.length);
  for (let at = 0; at < bytes.length; at += COPY_SLICE) {
    if (at > 0) await new Promise((r) => setTimeout(r, 0));
    copy.set(bytes.subarray(at, at + COPY_SLICE), at);
  }
  return copy;
}
