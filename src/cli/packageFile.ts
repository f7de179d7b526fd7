// A file of this package (e.g. data/fonts/…) found from wherever the CLI runs: src/cli/*.ts under tsx, or the built
// dist-cli/ (which carries its own copies, scripts/buildCli.mjs). Walks up from this module's folder to the first one
// that holds the file.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

export function findPackageFile(relative: string, from: string = HERE): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const path = join(dir, relative);
    if (existsSync(path)) return path;
    if (dirname(dir) === dir) return null;
  }
}

export function packageFile(relative: string, from: string = HERE): string {
  const path = findPackageFile(relative, from);
  if (!path) throw new Error(`${relative} not found above ${from}`);
  return path;
}
