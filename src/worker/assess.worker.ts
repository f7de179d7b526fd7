// The engine behind a worker boundary, so a large assessment never blocks the page.
import { assess } from '../engine';
import type { AssessRequest, AssessResponse } from './protocol';

const scope = self as unknown as { onmessage: ((e: MessageEvent<AssessRequest>) => void) | null; postMessage(m: AssessResponse): void };

scope.onmessage = (e) => {
  const { id, input, config } = e.data;
  try {
    scope.postMessage({ id, assessment: assess(input, config) });
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
