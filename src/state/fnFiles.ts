// F–N curve files (issue #20, societal risk) in the app: each uploaded CSV is read where the engine runs (checked
// against the hazard sites it holds, every row accounted for), kept on the page with its report and saved inline with
// the project; the lines they are judged against are the shipped criterion (none: every curve 未评估) or the city's
// own file (fn-criteria/1, schema-checked; a bad one is refused and the lines in force stay).
import {
  assessSocietalRisk,
  DEFAULT_FN_CRITERIA,
  parseFnCriteria,
  type FnCurve,
  type SocietalRiskResult,
} from '../engine';
import { aboutFile, message, messageOfError } from '../i18n/shownMessage';
import type { ProjectFnFile } from '../io';
import type { AppServices } from './appServices';

/** Every curve in use, in file order. */
export function curvesInUse(files: readonly ProjectFnFile[]): FnCurve[] {
  const out: FnCurve[] = [];
  for (const f of files) for (const c of f.curves) out.push(c);
  return out;
}

const judged = new WeakMap<readonly ProjectFnFile[], Map<unknown, Map<string, SocietalRiskResult>>>();

/** Each installation's result against the lines in force, by installation id (computed once per files and lines). */
export function societalByInstallation(
  files: readonly ProjectFnFile[],
  criteria = DEFAULT_FN_CRITERIA,
): Map<string, SocietalRiskResult> {
  let byCriteria = judged.get(files);
  if (!byCriteria) judged.set(files, (byCriteria = new Map()));
  let results = byCriteria.get(criteria);
  if (!results)
    byCriteria.set(
      criteria,
      (results = new Map(assessSocietalRisk(curvesInUse(files), criteria).map((r) => [r.installationId, r] as const))),
    );
  return results;
}

/** Read an F–N curve file (CSV: installation id, N, F) and add it to the files in use (same name: replaced). */
export async function importFnCurves(
  { store, engine }: AppServices,
  file: string,
  source: Blob | Uint8Array,
): Promise<void> {
  store.setState({ readingFnFile: file, fnFileError: null, fnReport: null });
  try {
    const datasets = store.getState().datasets.map((d) => d.id);
    const { curves, report } = await engine.readFnCurves(file, source, datasets);
    if (curves.length === 0) {
      store.setState({
        readingFnFile: null,
        fnReport: report,
        fnFileError: aboutFile(file, message('fn.none', { n: report.rows })),
      });
      return;
    }
    const kept = store.getState().fnFiles.filter((f) => f.file !== file);
    store.setState({
      fnFiles: [...kept, { file, sha256: report.sha256 ?? '', curves, report }],
      readingFnFile: null,
      fnReport: report,
    });
  } catch (e) {
    store.setState({ readingFnFile: null, fnFileError: aboutFile(file, messageOfError(e)) });
  }
}

export function removeFnCurves({ store }: AppServices, file: string): void {
  store.setState({
    fnFiles: store.getState().fnFiles.filter((f) => f.file !== file),
    fnFileError: null,
    fnReport: null,
  });
}

/** The city's F–N lines (an fn-criteria/1 JSON file): the method slice's fnCriteria; a bad file is refused. */
export function importFnCriteria({ store }: AppServices, file: string, text: string): void {
  try {
    store.setState({ fnCriteria: parseFnCriteria(JSON.parse(text)), fnFileError: null });
  } catch (e) {
    store.setState({ fnFileError: aboutFile(file, messageOfError(e)) });
  }
}

export function resetFnCriteria({ store }: AppServices): void {
  store.setState({ fnCriteria: DEFAULT_FN_CRITERIA, fnFileError: null });
}
