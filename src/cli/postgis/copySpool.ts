// Rows for PostgreSQL's COPY (text format) written to a file as they come, a megabyte at a time, then streamed to
// the server: the importer hands rows over synchronously and a province's file must not wait in memory.
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openFileSink, type FileSink } from '../fileSink';

const FLUSH_CHARS = 1 << 20;

export class CopySpool {
  private readonly file: FileSink;
  private pending: string[] = [];
  private chars = 0;
  rows = 0;

  constructor(readonly path: string) {
    this.file = openFileSink(path);
  }

  /** one row: cells already in COPY text form (copyText, or \N for null) */
  row(cells: string): void {
    this.pending.push(cells);
    this.chars += cells.length;
    this.rows++;
    if (this.chars >= FLUSH_CHARS) this.flush();
  }

  /** idempotent: a spool may be closed after a failure and again in cleanup */
  close(): void {
    this.flush();
    this.file.close();
  }

  /** the rows into the table, by `copy … from stdin` */
  async copyInto(client: pg.Client, copySql: string): Promise<void> {
    this.close();
    await pipeline(createReadStream(this.path), client.query(copyFrom(copySql)));
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.file.write(Buffer.from(`${this.pending.join('\n')}\n`, 'utf8'));
    this.pending = [];
    this.chars = 0;
  }
}

export const COPY_NULL = '\\N';

/** Any value as a COPY cell: \N for null or undefined, else its text escaped. */
export function copyCell(v: unknown): string {
  return v === null || v === undefined ? COPY_NULL : copyText(String(v));
}

/** A text value in COPY's text format: backslash, tab, newline and carriage return escaped. */
export function copyText(s: string): string {
  return /[\\\t\n\r]/.test(s)
    ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : s;
}

/**
 * The id as a bytea of its UTF-16 code units, big-endian, in COPY text form: sorting these bytes sorts the ids as
 * JavaScript compares strings (the engine's id order), which no text collation does for every character.
 */
export function idOrderKey(id: string): string {
  let hex = '\\\\x';
  for (let i = 0; i < id.length; i++) hex += id.charCodeAt(i).toString(16).padStart(4, '0');
  return hex;
}
