// One file read off the main thread, in a worker of its own: cancelling an import terminates this worker and nothing
// else, so the datasets the engine worker holds are never lost to a cancel. Accepted sites go straight to the engine
// worker (on the port the page handed over, as columns); only the report and rejected rows come back to the page.
import { importSitesFile } from '../io/importSites';
import { reportForSaving } from '../io/savedImportRecord';
import { keepSourceFile } from '../state/sourceFiles';
import { canStoreSites, writeSiteRecords } from '../state/siteRecords';
import { errorText, SITES_PER_MESSAGE, type ImportPortMessage, type ImportRequest, type ImportResponse } from './protocol';
import { packSites } from './siteColumns';

const scope = self as unknown as { onmessage: ((e: MessageEvent<ImportRequest>) => void) | null; postMessage(m: ImportResponse): void };

scope.onmessage = async (e) => {
  const { file, bytes, options, keepSource, storeFor, port } = e.data;
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
    const { sites, report, rejectedRows } = await importSitesFile(file, bytes, { ...options, existingIds: new Set(existingIds) }, onProgress);
    for (let i = 0; i < sites.length; i += SITES_PER_MESSAGE) {
      const { columns, transfer } = packSites(sites.slice(i, i + SITES_PER_MESSAGE));
      send({ sitesColumns: columns }, transfer);
    }
    send({ done: true });
    // kept by checksum, so that after a reload the file can still be read again (mapping, CRS, sheet)
    if (keepSource && report.sha256) await keepSourceFile(report.sha256, bytes);
    // the report as the project keeps it (line lists bounded, counts whole): 300 000 kept rows with a district note
    // made a 60 MB report whose receipt held the page for 1–2 s
    scope.postMessage({ result: { report: reportForSaving(report), rejectedRows } });
    // the sites saved from here, while the engine worker assesses them (its own writes would wait for the assessment)
    if (storeFor !== undefined) scope.postMessage({ stored: canStoreSites() ? await writeSiteRecords(storeFor, sites).catch(() => null) : null });
  } catch (err) {
    send({ failed: true });
    scope.postMessage({ error: errorText(err) });
  }
};
