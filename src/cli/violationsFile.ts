// violations.csv written while the assessment runs: the engine hands each finding over as it is made and the row
// goes to disk a megabyte at a time, so no finding is kept (a million sites at a city's density make tens of
// millions). The writes are synchronous because the assessment that makes the findings is.
import { closeSync, openSync, readSync } from 'node:fs';
import type { Site, Finding } from '../engine';
import { violationsCsvWriter } from '../io';
import { openFileSink } from './fileSink';

export interface ViolationsFile {
  add: (v: Finding, hazard: Site, target: Site) => void;
  /** appends another part's rows: a file its thread wrote without a header (setbackThreads.ts), `rows` long */
  appendPart: (path: string, rows: number) => void;
  /** writes what is left and closes the file */
  end: () => void;
  /** closes the file without finishing it (after a failure) */
  close: () => void;
}

const COPY_BYTES = 1 << 20;

export function openViolationsFile(path: string): ViolationsFile {
  const file = openFileSink(path);
  const csv = violationsCsvWriter(file.write, { reuse: true });
  let appendedRows = 0;
  return {
    add: csv.add,
    appendPart: (part, rows) => {
      csv.flush();
      const fd = openSync(part, 'r');
      try {
        const buf = new Uint8Array(COPY_BYTES);
        for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) file.write(buf.subarray(0, n));
      } finally {
        closeSync(fd);
      }
      appendedRows += rows;
    },
    end: () => {
      csv.end(appendedRows);
      file.close();
    },
    close: file.close,
  };
}
