// The engine and the importer behind a worker boundary, so large assessments and files never block the page.
import { assess, checkProposal } from '../engine';
import { importSitesFile } from '../io';
import type { EngineRequest, EngineResponse } from './protocol';

const scope = self as unknown as { onmessage: ((e: MessageEvent<EngineRequest>) => void) | null; postMessage(m: EngineResponse): void };

scope.onmessage = async (e) => {
  const request = e.data;
  let last = 0;
  const onProgress = (share: number, stage: string = request.kind): void => {
    // at most ~50 messages per run
    if (share - last >= 0.02 || share === 1) {
      last = share;
      scope.postMessage({ id: request.id, progress: share, stage });
    }
  };
  try {
    const result =
      request.kind === 'assess' ? assess(request.input, request.config, onProgress)
      : request.kind === 'proposal' ? checkProposal(request.proposal, request.sites, request.config)
      : await importSitesFile(request.file, request.bytes, { ...request.options, existingIds: new Set(request.options.existingIds) }, (s) => onProgress(s, 'import'));
    scope.postMessage({ id: request.id, result });
  } catch (err) {
    scope.postMessage({ id: request.id, error: err instanceof Error ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}` : String(err) });
  }
};
