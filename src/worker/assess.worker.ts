// The engine behind a worker boundary, so a large assessment never blocks the page.
import { assess, checkProposal } from '../engine';
import type { EngineRequest, EngineResponse } from './protocol';

const scope = self as unknown as { onmessage: ((e: MessageEvent<EngineRequest>) => void) | null; postMessage(m: EngineResponse): void };

scope.onmessage = (e) => {
  const request = e.data;
  try {
    const result = request.kind === 'assess' ? assess(request.input, request.config) : checkProposal(request.proposal, request.sites, request.config);
    scope.postMessage({ id: request.id, result });
  } catch (err) {
    scope.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err) });
  }
};
