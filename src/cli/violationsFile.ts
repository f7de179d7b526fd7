// violations.csv written while the assessment runs: the engine hands each finding over as it is made and the row
// goes to disk a megabyte at a time, so no finding is kept (a million sites at a city's density make tens of
// millions). The writes are synchronous because the assessment that makes the findings is.
import type { Site, Finding } from '../engine';
import { violationsCsvWriter } from '../io';
import { openFileSink } from './fileSink';

export interface ViolationsFile {
  add: (v: Finding, hazard: Site, target: Site) => void;
  /** writes what is left and closes the file */
  end: () => void;
  /** closes the file without finishing it (after a failure) */
  close: () => void;
}

export function openViolationsFile(path: string): ViolationsFile {
  const file = openFileSink(path);
  const csv = violationsCsvWriter(file.write, { reuse: true });
  return {
    add: csv.add,
    end: () => {
      csv.end();
      file.close();
    },
    close: file.close,
  };
}
