// How the app asks the engine: in a Web Worker in the browser; in-process where there is no Worker (jsdom).
import { assess, checkProposal, type AssessConfig, type Assessment, type AssessInput, type ProposalResult, type Site } from '../engine';
import type { EngineRequest, EngineResponse } from './protocol';

export interface EngineClient {
  assess(input: AssessInput, config: AssessConfig, onProgress?: (share: number, stage: string) => void): Promise<Assessment>;
  checkProposal(proposal: Site, sites: Site[], config: AssessConfig): Promise<ProposalResult>;
}

type Payload = { kind: 'assess'; input: AssessInput; config: AssessConfig } | { kind: 'proposal'; proposal: Site; sites: Site[]; config: AssessConfig };

export function createEngineClient(): EngineClient {
  if (typeof Worker === 'undefined') {
    return {
      assess: async (input, config, onProgress) => assess(input, config, onProgress),
      checkProposal: async (proposal, sites, config) => checkProposal(proposal, sites, config),
    };
  }
  const worker = new Worker(new URL('./assess.worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void; progress?: (share: number, stage: string) => void }>();
  let next = 0;
  worker.onmessage = (e: MessageEvent<EngineResponse>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    if ('progress' in e.data) return p.progress?.(e.data.progress, e.data.stage);
    pending.delete(e.data.id);
    if ('error' in e.data) p.reject(new Error(e.data.error));
    else p.resolve(e.data.result);
  };
  const send = <T>(payload: Payload, progress?: (share: number, stage: string) => void): Promise<T> => {
    const id = next++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (r: unknown) => void, reject, progress });
      worker.postMessage({ id, ...payload } satisfies EngineRequest);
    });
  };
  return {
    assess: (input, config, onProgress) => send<Assessment>({ kind: 'assess', input, config }, onProgress),
    checkProposal: (proposal, sites, config) => send<ProposalResult>({ kind: 'proposal', proposal, sites, config }),
  };
}
