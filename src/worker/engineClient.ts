// How the app asks for an assessment: in a Web Worker in the browser; in-process where there is no Worker (jsdom).
import { assess, type AssessConfig, type Assessment, type AssessInput } from '../engine';
import type { AssessRequest, AssessResponse } from './protocol';

export interface EngineClient {
  assess(input: AssessInput, config: AssessConfig): Promise<Assessment>;
}

export function createEngineClient(): EngineClient {
  if (typeof Worker === 'undefined') return { assess: async (input, config) => assess(input, config) };
  const worker = new Worker(new URL('./assess.worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { resolve: (a: Assessment) => void; reject: (e: Error) => void }>();
  let next = 0;
  worker.onmessage = (e: MessageEvent<AssessResponse>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if ('error' in e.data) p.reject(new Error(e.data.error));
    else p.resolve(e.data.assessment);
  };
  return {
    assess(input, config) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, input, config } satisfies AssessRequest);
      });
    },
  };
}
