// The white paper's input, built once for the CLI (cli/runAssess) and the app (ui/ExportPanel's whitepaperInput, an
// adapter from the app state): each passes the files it read as plain data — kind, name, SHA-256 and the import
// report when the file has one — and the digests (summary.json's `inputs`, T3) and reports (import-report.json,
// appendix B) come out in one canonical order, the CLI's reading order (docs/batch-interface.md):
//
//   method profile, rule table, zones, reach profile, roads, population, site files (then site tables),
//   QRA contours, F–N lines, F–N curves
//
// Files of one kind keep the order they were given in. summary.json and T3 sort the digests by file name, so the
// order shows only in import-report.json, whose reports are those of the site files, contours and F–N curves.
import type { ImportFileReport, InputDigest } from '../io';
import type { WhitepaperInput } from './bundle';

/** What an input file is, in the canonical order (INPUT_ORDER). */
export type InputFileKind =
  | 'method'
  | 'rules'
  | 'zones'
  | 'reachProfile'
  | 'roads'
  | 'population'
  | 'sites'
  | 'contours'
  | 'fnCriteria'
  | 'fn';

/** The canonical order of the inputs: the order the CLI reads its options in (--method … --fn). */
export const INPUT_ORDER: readonly InputFileKind[] = [
  'method',
  'rules',
  'zones',
  'reachProfile',
  'roads',
  'population',
  'sites',
  'contours',
  'fnCriteria',
  'fn',
];

export interface InputFile {
  kind: InputFileKind;
  /** the file's name as listed (no folder) */
  file: string;
  /** SHA-256 of its bytes (hex); null for an input that is not a file (a PostGIS site table: its report only) */
  sha256: string | null;
  /** its import report, for the files read row by row (sites, contours, F–N curves) */
  report?: ImportFileReport;
}

/** The inputs in the canonical order (a stable sort: files of one kind keep their given order). */
export function orderedInputs(files: readonly InputFile[]): InputFile[] {
  const rank = (f: InputFile) => INPUT_ORDER.indexOf(f.kind);
  return files
    .map((f, i) => ({ f, i }))
    .sort((x, y) => rank(x.f) - rank(y.f) || x.i - y.i)
    .map(({ f }) => f);
}

/** The digests of the input files (summary.json's `inputs`, T3), in the canonical order. */
export function inputDigests(files: readonly InputFile[]): InputDigest[] {
  return orderedInputs(files).flatMap((f) => (f.sha256 === null ? [] : [{ file: f.file, sha256: f.sha256 }]));
}

/** The import reports (import-report.json, appendix B), in the canonical order. */
export function inputReports(files: readonly InputFile[]): ImportFileReport[] {
  return orderedInputs(files).flatMap((f) => (f.report ? [f.report] : []));
}

export type WhitepaperInputParts = Omit<WhitepaperInput, 'digests' | 'reports'> & {
  /** every input file read, of any kind, in any order */
  files: readonly InputFile[];
};

/** The white paper's input: the parts as given, with the digests and reports of `files` in the canonical order. */
export function buildWhitepaperInput(parts: WhitepaperInputParts): WhitepaperInput {
  const { files, ...rest } = parts;
  return { ...rest, reports: inputReports(files), digests: inputDigests(files) };
}
