// The engine and the importer behind a worker boundary, so large assessments and files never block the page.
import { assess, checkProposal, type Site } from '../engine';
import { importSitesFile } from '../io';
import { SITES_PER_MESSAGE, type EngineRequest, type EngineResponse } from './protocol';
import { packSites } from './siteColumns';

const scope = self as unknown as { onmessage: ((e: MessageEvent<EngineRequest>) => void) | null; postMessage(m: EngineResponse, transfer?: Transferable[]): void };

/** sites sent ahead of their request, by request id */
const incoming = new Map<number, Site[]>();

scope.onmessage = async (e) => {
  const request = e.data;
  if (request.kind === 'sitesChunk') {
    const list = incoming.get(request.id) ?? [];
    for (const s of request.items) list.push(s);
    incoming.set(request.id, list);
    return;
  }
  const sent = incoming.get(request.id);
  if (sent) {
    incoming.delete(request.id);
    if (request.kind === 'assess') request.input.sites = sent;
    else if (request.kind === 'proposal') request.sites = sent;
  }
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
    // a large result's sites go in chunks of columns, each its own task on the receiving side; the result follows without them
    const sites = (result as { sites?: Site[] }).sites;
    if (sites && sites.length > SITES_PER_MESSAGE) {
      for (let i = 0; i < sites.length; i += SITES_PER_MESSAGE) {
        const { columns, transfer } = packSites(sites.slice(i, i + SITES_PER_MESSAGE));
        scope.postMessage({ id: request.id, sitesColumns: columns }, transfer);
      }
      scope.postMessage({ id: request.id, result: { ...result, sites: [] } as typeof result });
    } else {
      scope.postMessage({ id: request.id, result });
    }
  } catch (err) {
    scope.postMessage({ id: request.id, error: err instanceof Error ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}` : String(err) });
  }
};
