// A file written synchronously, chunk by chunk: the batch files are made by synchronous code (the assessment, the
// CSV writers), so each chunk goes to disk before the next is made and the writers can reuse one buffer.
import { closeSync, openSync, writeSync } from 'node:fs';

export interface FileSink {
  write: (chunk: Uint8Array) => void;
  close: () => void;
}

export function openFileSink(path: string): FileSink {
  let fd: number | null = openSync(path, 'w');
  return {
    write: (chunk) => {
      for (let at = 0; at < chunk.length; ) at += writeSync(fd!, chunk, at, chunk.length - at);
    },
    close: () => {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
