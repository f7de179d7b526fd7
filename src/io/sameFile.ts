// Is an uploaded file already loaded? The same name and the same bytes (SHA-256) is the same file uploaded again;
// the same name with other bytes is likely a newer version of it. Either way the user is asked before anything is
// added twice or replaced.
export interface LoadedFile {
  id: string;
  file: string;
  report: { sha256?: string };
}

export type SameFile = { id: string; identical: boolean } | null;

/** The loaded dataset this upload repeats: identical bytes first (under this name, then any), else the same name. */
export function findSameFile(loaded: readonly LoadedFile[], file: string, sha256: string): SameFile {
  const identical =
    loaded.find((d) => d.report.sha256 === sha256 && d.file === file) ?? loaded.find((d) => d.report.sha256 === sha256);
  if (identical) return { id: identical.id, identical: true };
  const sameName = loaded.find((d) => d.file === file);
  return sameName ? { id: sameName.id, identical: false } : null;
}
