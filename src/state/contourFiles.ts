// QRA individual-risk contour files (issue #20) in the app: each uploaded file is read where the engine runs (it
// checks every contour against the hazard sites it holds), kept on the page with its report (the map draws the rings;
// the assessment and the what-if send them back), and saved inline with the project. A file that cannot be used is
// refused with the reason and the files in use stay as they were; a file of the same name replaces the one before.
import type { RiskContour } from '../engine';
import { aboutFile, message, messageOfError } from '../i18n/shownMessage';
import { contourCrsWarning } from '../io/contourCrsWarning';
import type { Crs, CrsOption, ProjectContourFile } from '../io';
import type { AppServices } from './appServices';
import { reassess } from './slices/assessment';

/** Every contour in use, in file order. */
export function contoursInUse(files: readonly ProjectContourFile[]): RiskContour[] {
  const out: RiskContour[] = [];
  for (const f of files) for (const c of f.contours) out.push(c);
  return out;
}

/** One installation's contours in use. */
export function contoursOf(files: readonly ProjectContourFile[], installationId: string): RiskContour[] {
  const out: RiskContour[] = [];
  for (const f of files) for (const c of f.contours) if (c.installationId === installationId) out.push(c);
  return out;
}

/** GeoJSON is WGS-84 unless the user chose another system for uploads (as the CLI's --crs; 'auto' reads as WGS-84). */
const contourCrs = (option: CrsOption): Crs => (option === 'auto' ? 'wgs84' : option);

/** Read a contour file (GeoJSON polygons with installation id and risk per year) and add it to the files in use. */
export async function importContours(app: AppServices, file: string, source: Blob | Uint8Array): Promise<void> {
  const { store, engine } = app;
  store.setState({ readingContourFile: file, contourFileError: null, contourReport: null });
  try {
    const { importCrs, datasets } = store.getState();
    const { contours, report } = await engine.readContours(
      file,
      source,
      contourCrs(importCrs),
      datasets.map((d) => d.id),
    );
    if (importCrs === 'auto')
      contourCrsWarning(
        report,
        datasets.map((d) => d.report),
        'app',
      );
    // nothing usable: the report says why for every feature; the files in use stay as they were
    if (contours.length === 0) {
      store.setState({
        readingContourFile: null,
        contourReport: report,
        contourFileError: aboutFile(file, message('contours.none', { n: report.rows })),
      });
      return;
    }
    const kept = store.getState().contourFiles.filter((f) => f.file !== file);
    store.setState({
      contourFiles: [...kept, { file, sha256: report.sha256 ?? '', contours, report }],
      readingContourFile: null,
      contourReport: report,
    });
  } catch (e) {
    store.setState({ readingContourFile: null, contourFileError: aboutFile(file, messageOfError(e)) });
    return;
  }
  await reassess(app);
}

export async function removeContours(app: AppServices, file: string): Promise<void> {
  const files = app.store.getState().contourFiles;
  if (!files.some((f) => f.file === file)) return;
  app.store.setState({
    contourFiles: files.filter((f) => f.file !== file),
    contourFileError: null,
    contourReport: null,
  });
  await reassess(app);
}
