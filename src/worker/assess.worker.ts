// The engine behind a worker boundary, so a large assessment never blocks the page.
import { assess, checkProposal } from '../engine';
import type { EngineRequest, EngineResponse } from './protocol';

const scope = self as unknown as { onmessage: ((e: MessageEvent<EngineRequest>) => void) | null; postMessage(m: EngineResponse): void };

scope.onmessage = (e) => {
  const request = e.data;
  try {
    let last = 0;
    const onProgress = (share: number, stage: string): void => {
      // at most ~50 messages per run
      if (share - last >= 0.02 || share === 1) {
        last = share;
        scope.postMessage({ id: request.id, progress: share, stage });
      }
    };
    const result = request.kind === 'assess' ? assess(request.input, request.config, onProgress) : checkProposal(request.proposal, request.sites, request.config);
    scope.postMessage({ id: request.id, result });
  } catch (err) {
    scope.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err) });
  }
};
