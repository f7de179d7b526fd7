// The data slice's site files: read a file into the engine (in its own import worker) and list it, read it again
// another way (CRS, columns, sheet), replace it or remove it; each change assesses the project again.
import type { Zone } from '../engine';
import { aboutFile, message, messageOfError } from '../i18n/shownMessage';
import { crsGivenByUser } from '../io/importCodes';
import type { CrsOption, MappingOverride, TextEncodingName } from '../io';
import type { AppServices } from './appServices';
import { rememberedMappings, rememberMapping } from './columnMappings';
import { CancelledError } from './engineClient';
import { noteStoredSites } from './projectStorage';
import { reassess } from './slices/assessment';
import { newDatasetId, type Dataset } from './slices/data';
import { withoutDemoLabels } from './slices/project';
import { keptSourceFile } from './sourceFiles';

/** How a file is read again: the user's columns, sheet and category for all rows. */
interface ImportChoices {
  mapping: MappingOverride;
  sheet: string;
  allRowsCategory: string;
}

/**
 * `file` read into the engine as a new dataset beside `others` (its ids must not repeat theirs), saved for
 * `projectId` as it is read; not yet added to the store. Read once: a column mapping the user chose before for
 * files with these headers is applied as it is read (columns only: a category for all rows is never carried over).
 */
export async function addDataset(
  { store, engine }: AppServices,
  file: string,
  source: Blob | Uint8Array,
  crs: CrsOption,
  demo: boolean,
  zones: Zone[],
  others: Dataset[],
  projectId: string | undefined,
  reread: Partial<ImportChoices> = {},
): Promise<Dataset> {
  const id = newDatasetId(file);
  const progress = (share: number) =>
    store.getState().importing?.file === file && store.setState({ importing: { file, share } });
  const remembered = demo || reread.mapping ? undefined : await rememberedMappings();
  const encoding = store.getState().importEncoding;
  const { report, rejectedRows, count, fictitious, saving } = await engine.importFile(
    id,
    file,
    source,
    {
      crs,
      zones,
      beside: others.map((d) => d.id),
      ...(encoding ? { encoding } : {}),
      ...(projectId ? { storeFor: projectId } : {}),
      ...(remembered ? { rememberedMappings: remembered } : {}),
      ...(reread.mapping ? { mapping: reread.mapping } : {}),
      keepSource: !demo,
      ...(reread.sheet ? { sheet: reread.sheet } : {}),
      ...(reread.allRowsCategory ? { allRowsCategory: reread.allRowsCategory } : {}),
    },
    progress,
  );
  if (saving) noteStoredSites(id, saving);
  return {
    id,
    file,
    report,
    rejectedRows,
    demo,
    count,
    fictitious,
    ...(demo ? {} : { source: source instanceof Blob ? source : new Blob([source as Uint8Array<ArrayBuffer>]) }),
  };
}

/** The file behind a dataset: in memory since its upload, or kept in IndexedDB since an earlier session. */
const bytesOf = async (d: Dataset): Promise<Blob | Uint8Array | undefined> =>
  d.source ?? (d.report.sha256 ? await keptSourceFile(d.report.sha256) : undefined);

/** How the file is read now, as a mapping: re-reading it another way (CRS, sheet) keeps the user's columns. */
function currentMapping(d: Dataset): MappingOverride | undefined {
  const { headers, columnFields } = d.report;
  return headers && columnFields ? Object.fromEntries(headers.map((h, i) => [h, columnFields[i] ?? null])) : undefined;
}

/**
 * Read a file and add it; with `replaceId`, it takes that dataset's place instead (the user confirmed).
 * `source`: the uploaded File (read by the import worker, never copied on the page) or the file's bytes.
 */
export async function importSiteFile(
  app: AppServices,
  file: string,
  source: Blob | Uint8Array,
  replaceId?: string,
): Promise<void> {
  const { store } = app;
  const { zones, importCrs, datasets } = store.getState();
  store.setState({ importing: { file, share: 0 }, importError: null });
  try {
    // a replacement is read beside the other datasets only: the ids of the one it replaces are not duplicates
    const others = replaceId ? datasets.filter((d) => d.id !== replaceId) : datasets;
    const dataset = await addDataset(app, file, source, importCrs, false, zones, others, store.getState().project?.id);
    store.setState({ importing: null });
    if (replaceId && store.getState().datasets.some((d) => d.id === replaceId))
      return await replaceDataset(app, replaceId, dataset);
    store.setState({ datasets: [...store.getState().datasets, dataset], importError: null });
  } catch (e) {
    const cancelled = e instanceof CancelledError;
    store.setState({
      importError: cancelled ? message('data.importCancelled', { file }) : aboutFile(file, messageOfError(e)),
      importing: null,
    });
    return;
  }
  await reassess(app);
}

/** Read an uploaded file again with another coordinate system (the user corrects or confirms the suggestion). */
export async function reimportDataset(
  app: AppServices,
  id: string,
  crs: CrsOption,
  mapping?: MappingOverride,
  sheet?: string,
  allRowsCategory?: string,
): Promise<void> {
  const { store, engine } = app;
  const { datasets, zones } = store.getState();
  const d = datasets.find((x) => x.id === id);
  const bytes = d && (await bytesOf(d));
  if (!d || !bytes) {
    if (d) store.setState({ importError: message('data.sourceNotKept', { file: d.file }) });
    return;
  }
  const chosenSheet = sheet ?? d.report.sheet; // an XLSX keeps the sheet it was read from
  const columns = mapping ?? (sheet === undefined ? currentMapping(d) : undefined); // another sheet has other headers
  const category = allRowsCategory ?? d.report.allRowsCategory; // this file's own choice stays with it
  const others = datasets.filter((x) => x.id !== id);
  const read = await addDataset(app, d.file, bytes, crs, d.demo, zones, others, store.getState().project?.id, {
    ...(columns ? { mapping: columns } : {}),
    ...(chosenSheet ? { sheet: chosenSheet } : {}),
    ...(category ? { allRowsCategory: category } : {}),
  });
  // the file read again takes the old reading's place, under a new id (the engine drops the old one)
  const next: Dataset = {
    ...read,
    source: bytes instanceof Blob ? bytes : new Blob([bytes as Uint8Array<ArrayBuffer>]),
  };
  if (!store.getState().datasets.some((x) => x.id === id)) return engine.dropDatasets([read.id]); // removed meanwhile
  store.setState({ importError: null, datasets: store.getState().datasets.map((x) => (x.id === id ? next : x)) });
  engine.dropDatasets([id]);
  await reassess(app);
}

/**
 * Read a file again with the user's column mapping (remembered for files with the same headers) and, for a file
 * without a category column, the category of all its rows (this file's choice only: '' for none; never remembered).
 */
export async function remapDataset(
  app: AppServices,
  id: string,
  mapping: MappingOverride,
  allRowsCategory?: string,
): Promise<void> {
  const d = app.store.getState().datasets.find((x) => x.id === id);
  if (!d?.report.headers) return;
  await rememberMapping(d.report.headers, mapping).catch(() => undefined);
  // a suggested CRS is suggested again from the rows the new mapping reads (the first reading may have had none)
  await reimportDataset(app, id, crsGivenByUser(d.report) ? d.report.crs : 'auto', mapping, undefined, allRowsCategory);
}

/** Put `dataset` where dataset `oldId` was (a re-uploaded or corrected file), then assess. */
export async function replaceDataset(app: AppServices, oldId: string, dataset: Dataset): Promise<void> {
  const datasets = app.store.getState().datasets;
  if (!datasets.some((d) => d.id === oldId)) return;
  app.store.setState({
    datasets: datasets.map((d) => (d.id === oldId ? dataset : d)),
    importError: null,
    selection: null,
  });
  app.engine.dropDatasets([oldId]);
  await reassess(app);
}

export async function removeDataset(app: AppServices, id: string): Promise<void> {
  const datasets = app.store.getState().datasets.filter((d) => d.id !== id);
  app.store.setState({ datasets, project: withoutDemoLabels(app.store.getState().project, datasets) });
  app.engine.dropDatasets([id]);
  await reassess(app);
}

/** Stop reading a large file; everything loaded before stays as it was. */
export function cancelImport({ store, engine }: AppServices): void {
  if (store.getState().importing) engine.cancel();
}

export function setImportCrs({ store }: AppServices, crs: CrsOption): void {
  store.setState({ importCrs: crs });
}

export function setImportEncoding({ store }: AppServices, encoding: TextEncodingName | undefined): void {
  store.setState({ importEncoding: encoding });
}
