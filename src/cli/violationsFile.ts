// violations.csv written while the assessment runs: the engine hands each finding over as it is made and the row
// goes to disk a megabyte at a time, so no finding is kept (a million sites at a city's density make tens of
// millions). The writes are synchronous because the assessment that makes the findings is.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Site, Violation } from '../engine';
import { violationsCsvWriter } from '../io';

export interface ViolationsFile {
  add: (v: Violation, hazard: Site, target: Site) => void;
  /** writes what is left and closes the file */
  end: () => void;
  /** closes the file without finishing it (after a failure) */
  close: () => void;
}

export function openViolationsFile(path: string): ViolationsFile {
  let fd: number | null = openSync(path, 'w');
  const write = (chunk: Uint8Array) => {
    for (let at = 0; at < chunk.length; ) at += writeSync(fd!, chunk, at, chunk.length - at);
  };
  const csv = violationsCsvWriter(write);
  const close = () => {
    if (fd !== null) closeSync(fd);
    fd = null;
  };
  return {
    add: csv.add,
    end: () => {
      csv.end();
      close();
    },
    close,
  };
}
