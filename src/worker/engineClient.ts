// How the app asks the engine: in a Web Worker in the browser; in-process where there is no Worker (jsdom).
import { assess, checkProposal, type AssessConfig, type Assessment, type AssessInput, type ProposalResult, type Site } from '../engine';
import { importSitesFile, type ImportOptions, type ImportResult } from '../io';
import type { EngineRequest, EngineResponse } from './protocol';

type Progress = (share: number, stage: string) => void;

export interface EngineClient {
  assess(input: AssessInput, config: AssessConfig, onProgress?: Progress): Promise<Assessment>;
  checkProposal(proposal: Site, sites: Site[], config: AssessConfig): Promise<ProposalResult>;
  /** read a site file off the main thread */
  importFile(file: string, bytes: Uint8Array, options: ImportOptions, onProgress?: Progress): Promise<ImportResult>;
  /** stop whatever is running (a long import): the worker is replaced and pending work rejects with CancelledError */
  cancel(): void;
}

export class CancelledError extends Error {}

type Payload =
  | { kind: 'assess'; input: AssessInput; config: AssessConfig }
  | { kind: 'proposal'; proposal: Site; sites: Site[]; config: AssessConfig }
  | Omit<Extract<EngineRequest, { kind: 'import' }>, 'id'>;

export function createEngineClient(): EngineClient {
  if (typeof Worker === 'undefined') {
    return {
      assess: async (input, config, onProgress) => assess(input, config, onProgress),
      checkProposal: async (proposal, sites, config) => checkProposal(proposal, sites, config),
      importFile: (file, bytes, options, onProgress) => importSitesFile(file, bytes, options, (s) => onProgress?.(s, 'import')),
      cancel: () => undefined,
    };
  }
  const pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void; progress?: Progress }>();
  let next = 0;
  const start = (): Worker => {
    const w = new Worker(new URL('./assess.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<EngineResponse>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      if ('progress' in e.data) return p.progress?.(e.data.progress, e.data.stage);
      pending.delete(e.data.id);
      if ('error' in e.data) p.reject(new Error(e.data.error));
      else p.resolve(e.data.result);
    };
    return w;
  };
  let worker = start();
  const send = <T>(payload: Payload, progress?: Progress, transfer: Transferable[] = []): Promise<T> => {
    const id = next++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (r: unknown) => void, reject, progress });
      worker.postMessage({ id, ...payload } as EngineRequest, transfer);
    });
  };
  return {
    assess: (input, config, onProgress) => send<Assessment>({ kind: 'assess', input, config }, onProgress),
    checkProposal: (proposal, sites, config) => send<ProposalResult>({ kind: 'proposal', proposal, sites, config }),
    importFile(file, bytes, options, onProgress) {
      // the bytes move to the worker (no copy); the caller keeps its own copy if it needs one
      const copy = bytes.slice();
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
