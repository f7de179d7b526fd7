// One file read off the main thread, in a worker of its own: cancelling an import terminates this worker and nothing
// else, so the datasets the engine worker holds are never lost to a cancel. Accepted sites go straight to the engine
// worker (on the port the page handed over, as columns); only the report and rejected rows come back to the page.
import { readUpload } from './readUpload';
import { canStoreSites, writeReportRecord, writeSiteRecords, type ReportRecord } from '../state/siteRecords';
import type { StoredSites } from '../state/projectDb';
import type { Site } from '../engine';
import {
  errorText,
  SITES_PER_MESSAGE,
  type ImportPortMessage,
  type ImportRequest,
  type ImportResponse,
} from './protocol';
import { packSites } from './siteColumns';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ImportRequest>) => void) | null;
  postMessage(m: ImportResponse): void;
};

scope.onmessage = async (e) => {
  const { file, source, options, keepSource, storeFor, port } = e.data;
  const send = (m: ImportPortMessage, transfer: Transferable[] = []) => port.postMessage(m, transfer);
  try {
    // the engine worker first says which ids the datasets beside this one already have
    const existingIds = await new Promise<string[]>((resolve) => {
      port.onmessage = (m: MessageEvent<ImportPortMessage>) => 'existingIds' in m.data && resolve(m.data.existingIds);
    });
    let last = 0;
    const onProgress = (share: number) => {
      if (share - last >= 0.02 || share === 1) scope.postMessage({ progress: (last = share) });
    };
    const bytes = source instanceof Blob ? new Uint8Array(await source.arrayBuffer()) : source;
    const { sites, report, rejectedRows } = await readUpload(
      file,
      bytes,
      { ...options, existingIds: new Set(existingIds) },
      keepSource,
      onProgress,
    );
    for (let i = 0; i < sites.length; i += SITES_PER_MESSAGE) {
      const { columns, transfer } = packSites(sites.slice(i, i + SITES_PER_MESSAGE));
      send({ sitesColumns: columns }, transfer);
    }
    send({ done: true });
    scope.postMessage({ result: { report, rejectedRows } });
    // the sites saved from here, while the engine worker assesses them (its own writes would wait for the assessment)
    // and the report (already in its saved, bounded form: readUpload) and rejected rows beside them: the page's autosaves then never clone them (0.3 s at 300 000 rows)
    if (storeFor !== undefined)
      scope.postMessage({
        stored: canStoreSites()
          ? await storeDataset(storeFor, sites, { report, ...(rejectedRows ? { rejectedRows } : {}) })
          : null,
      });
  } catch (err) {
    send({ failed: true });
    scope.postMessage({ error: errorText(err) });
  }
};

/** The sites' records, then the report's; null when either could not be written (the page's save then stores them). */
async function storeDataset(projectId: string, sites: Site[], report: ReportRecord): Promise<StoredSites | null> {
  try {
    const stored = await writeSiteRecords(projectId, sites);
    return { ...stored, reportKey: await writeReportRecord(projectId, report) };
  } catch {
    return null;
  }
}
