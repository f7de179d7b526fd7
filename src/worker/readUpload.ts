// An uploaded site file read for the engine, the same wherever it runs (the import worker, or in-process without
// Workers): the importer, the file kept for re-reading after a reload, and the report bounded as the project keeps it.
import { importSitesFile, type ImportOptions, type ImportResult } from '../io/importSites';
import { reportForSaving } from '../io/savedImportRecord';
import { keepSourceFile } from '../state/sourceFiles';

export async function readUpload(
  file: string,
  bytes: Uint8Array,
  options: ImportOptions,
  keepSource: boolean,
  onProgress?: (share: number) => void,
): Promise<ImportResult> {
  const { sites, report, rejectedRows } = await importSitesFile(file, bytes, options, onProgress);
  // kept by checksum, so that after a reload the file can still be read again (mapping, CRS, sheet)
  if (keepSource && report.sha256) await keepSourceFile(report.sha256, bytes);
  // line lists bounded, counts whole: 300 000 kept rows with a district note made a 60 MB report whose receipt held
  // the page for 1–2 s
  return { sites, report: reportForSaving(report), rejectedRows };
}
