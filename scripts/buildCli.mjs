// Builds the CLI to plain JavaScript: dist-cli/usrm.js (the `usrm` bin, ESM with a shebang) and dist-cli/chunks/.
// esbuild (installed with tsx and vite) bundles src/cli/main.ts with its dependencies, tree-shaken, in about a
// second. The code behind each dynamic import() is its own chunk, loaded only when reached: --help and --version
// load the entry alone, `assess` adds the engine and io, `whitepaper` adds ECharts, resvg and ExcelJS.
// Files read at run time are found from the built file's folder: the figure font by walking up to data/fonts
// (src/cli/packageFile.ts), resvg's wasm through Node's resolution from there (node_modules of this package).
// Plain .mjs, run by node, so building needs no TypeScript loader. `node scripts/buildCli.mjs [OUT_DIR]` (tests build to a
// temporary folder).
import { build } from 'esbuild';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const OUT = process.argv[2] ?? 'dist-cli';
const ENTRY = `${OUT}/usrm.js`;

rmSync(OUT, { recursive: true, force: true }); // chunk names carry hashes: no stale chunk survives a rebuild
await build({
  entryPoints: { usrm: 'src/cli/main.ts' },
  outdir: OUT,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies (papaparse, ExcelJS…) call require() for Node's built-ins; ESM has none, so give each file one
  banner: { js: 'import { createRequire as __usrmCreateRequire } from "node:module"; const require = __usrmCreateRequire(import.meta.url);' },
  logLevel: 'warning',
});
writeFileSync(ENTRY, `#!/usr/bin/env node\n${readFileSync(ENTRY, 'utf8')}`);
chmodSync(ENTRY, 0o755);
