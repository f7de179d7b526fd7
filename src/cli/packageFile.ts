// A file of this package (e.g. data/fonts/…) found from wherever the CLI runs: src/cli/*.ts under tsx, or the one
// built file dist-cli/usrm.js. Walks up from this module's folder to the first one that holds the file.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageFile(relative: string, from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const path = join(dir, relative);
    if (existsSync(path)) return path;
    if (dirname(dir) === dir) throw new Error(`${relative} not found above ${from}`);
  }
}
