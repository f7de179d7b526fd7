// How the app asks the engine: in a Web Worker in the browser; in-process where there is no Worker (jsdom).
// The in-process path imports the assessment only when taken, so the page's first load does not carry it (the worker
// has its own copy). The importer is imported the same way, but the page still loads it through io's index (other
// io functions it uses), so it stays in the entry chunk for now (the build warns INEFFECTIVE_DYNAMIC_IMPORT).
import type { AssessConfig, Assessment, AssessInput, ProposalResult, Site } from '../engine';
import type { ImportResult } from '../io';
import { CancelledError, type EngineClient, type Progress } from '../state/engineClient';
import { SITES_PER_MESSAGE, type EngineRequest, type EngineResponse } from './protocol';
import { createStringPool, type StringPool } from './stringPool';
import { unpackSites } from './siteColumns';

export { CancelledError, type EngineClient };

type Payload =
  | { kind: 'assess'; input: AssessInput; config: AssessConfig }
  | { kind: 'proposal'; proposal: Site; sites: Site[]; config: AssessConfig }
  | Omit<Extract<EngineRequest, { kind: 'import' }>, 'id'>;

export function createEngineClient(): EngineClient {
  if (typeof Worker === 'undefined') {
    return {
      assess: async (input, config, onProgress) => (await import('../engine/assess')).assess(input, config, onProgress),
      checkProposal: async (proposal, sites, config) => (await import('../engine/setback/checkProposal')).checkProposal(proposal, sites, config),
      importFile: async (file, bytes, options, onProgress) => (await import('../io/importSites')).importSitesFile(file, bytes, options, (s) => onProgress?.(s, 'import')),
      cancel: () => undefined,
    };
  }
  const pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void; progress?: Progress; sites?: unknown[]; strings?: StringPool }>();
  let next = 0;
  const start = (): Worker => {
    const w = new Worker(new URL('./assess.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<EngineResponse>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      if ('progress' in e.data) return p.progress?.(e.data.progress, e.data.stage);
      if ('sitesColumns' in e.data) {
        p.sites ??= [];
        p.strings ??= createStringPool();
        for (const s of unpackSites(e.data.sitesColumns, p.strings)) p.sites.push(s);
        return;
      }
      pending.delete(e.data.id);
      if ('error' in e.data) p.reject(new Error(e.data.error));
      else p.resolve(p.sites ? { ...e.data.result, sites: p.sites } : e.data.result);
    };
    return w;
  };
  let worker = start();
  // A large site list goes ahead of its request in chunks, one task each, so sending 1 000 000 sites never holds the
  // page for seconds; the worker puts them back in place (assess: input.sites, proposal: sites).
  const post = async (id: number, payload: Payload, transfer: Transferable[]): Promise<void> => {
    const sites = payload.kind === 'assess' ? payload.input.sites : payload.kind === 'proposal' ? payload.sites : null;
    if (!sites || sites.length <= SITES_PER_MESSAGE) {
      worker.postMessage({ id, ...payload } as EngineRequest, transfer);
      return;
    }
    const target = worker;
    for (let i = 0; i < sites.length; i += SITES_PER_MESSAGE) {
      target.postMessage({ id, kind: 'sitesChunk', items: sites.slice(i, i + SITES_PER_MESSAGE) } satisfies EngineRequest);
      await new Promise((r) => setTimeout(r, 0));
      if (target !== worker) return; // cancelled meanwhile
    }
    const light = payload.kind === 'assess' ? { ...payload, input: { ...payload.input, sites: [] } } : { ...payload, sites: [] };
    target.postMessage({ id, ...light } as EngineRequest, transfer);
  };
  const send = <T>(payload: Payload, progress?: Progress, transfer: Transferable[] = []): Promise<T> => {
    const id = next++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (r: unknown) => void, reject, progress });
      void post(id, payload, transfer).catch(reject);
    });
  };
  return {
    assess: (input, config, onProgress) => send<Assessment>({ kind: 'assess', input, config }, onProgress),
    checkProposal: (proposal, sites, config) => send<ProposalResult>({ kind: 'proposal', proposal, sites, config }),
    async importFile(file, bytes, options, onProgress) {
      // a copy moves to the worker (transferred, not cloned); the caller keeps its bytes for a re-import
      const before = worker;
      const copy = await copyInSlices(bytes);
      if (worker !== before) throw new CancelledError('已取消'); // cancelled while copying
      return send<ImportResult>({ kind: 'import', file, bytes: copy, options: { ...options, existingIds: [...(options.existingIds ?? [])] } }, onProgress, [copy.buffer]);
    },
    cancel() {
      worker.terminate();
      for (const p of pending.values()) p.reject(new CancelledError('已取消'));
      pending.clear();
      worker = start();
    },
  };
}

/** Bytes copied per task: a 90 MB file copied in one go held the page for ~70 ms. */
const COPY_SLICE = 8 * 2 ** 20;

async function copyInSlices(bytes: Uint8Array): Promise<Uint8Array> {
  const copy = new Uint8Array(bytes.length);
  for (let at = 0; at < bytes.length; at += COPY_SLICE) {
    if (at > 0) await new Promise((r) => setTimeout(r, 0));
    copy.set(bytes.subarray(at, at + COPY_SLICE), at);
  }
  return copy;
}
