// Input files that cannot be used become InputErrors (exit status 1) naming the file; anything else is a bug and
// propagates as it is.
import { readFileSync } from 'node:fs';
import { ConfigError } from '../engine';
import { BinaryFileError, FileFormatError } from '../io';
import { SummaryFileError } from '../io/previousSummary';
import { InputError } from './errors';

export function parseJsonFile<T>(bytes: Uint8Array, path: string, parse: (doc: unknown) => T): T {
  return guard(path, () => parse(JSON.parse(new TextDecoder().decode(bytes))));
}

export async function guardAsync<T>(path: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw asInputError(path, e);
  }
}

function asInputError(path: string, e: unknown): unknown {
  if (isInputProblem(e)) return new InputError(`${path}: ${e.message}`);
  return e;
}

export function guard<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw asInputError(path, e);
  }
}

function isInputProblem(e: unknown): e is Error {
  return (
    e instanceof ConfigError ||
    e instanceof FileFormatError ||
    e instanceof BinaryFileError ||
    e instanceof SyntaxError ||
    e instanceof SummaryFileError
  );
}

export function readFileSyncChecked(path: string): Uint8Array {
  try {
    return asBytes(readFileSync(path));
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** A plain Uint8Array over the Buffer's memory (`new Uint8Array(buffer)` would copy a 100 MB file). */
export function asBytes(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}
