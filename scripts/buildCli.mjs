// Builds the CLI to plain JavaScript: dist-cli/usrm.js (the `usrm` bin, ESM with a shebang) and dist-cli/chunks/.
// esbuild (installed with tsx and vite) bundles src/cli/main.ts with its dependencies, tree-shaken, in about a
// second. The code behind each dynamic import() is its own chunk, loaded only when reached: --help and --version
// load the entry alone, `assess` adds the engine and io, `whitepaper` adds ECharts, resvg and ExcelJS.
// The files read at run time are copied in: the figure font (with its licence) to dist-cli/data/fonts/, where the
// walk up from the chunks finds it as it finds data/fonts/ from src/cli (src/cli/packageFile.ts), and resvg's wasm to
// dist-cli/resvg-wasm/ (the JS that loads it is bundled from the same package). So dist-cli/ is self-contained:
// copied anywhere, it runs with Node ≥ 20 and no node_modules.
// Plain .mjs, run by node, so building needs no TypeScript loader.
// Usage: node scripts/buildCli.mjs [OUT_DIR]   (default dist-cli; the tests build to a temporary folder)
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const OUT = process.argv[2] ?? 'dist-cli';
const ENTRY = `${OUT}/usrm.js`;

rmSync(OUT, { recursive: true, force: true }); // chunk names carry hashes: no stale chunk survives a rebuild
await build({
  // the worker a part of the distance search runs in (src/cli/setbackThreads.ts), beside usrm.js
  entryPoints: { usrm: 'src/cli/main.ts', setbackWorker: 'src/cli/setbackWorker.ts' },
  outdir: OUT,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies (papaparse, ExcelJS…) call require() for Node's built-ins; ESM has none, so give each file one
  banner: {
    js: 'import { createRequire as __usrmCreateRequire } from "node:module"; const require = __usrmCreateRequire(import.meta.url);',
  },
  logLevel: 'warning',
});
writeFileSync(ENTRY, `#!/usr/bin/env node\n${readFileSync(ENTRY, 'utf8')}`);
chmodSync(ENTRY, 0o755);

const COPIES = [
  ['data/fonts/NotoSansCJKsc-Regular.subset.otf', 'data/fonts/NotoSansCJKsc-Regular.subset.otf'],
  ['data/fonts/OFL.txt', 'data/fonts/OFL.txt'],
  [createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm'), 'resvg-wasm/index_bg.wasm'], // RESVG_WASM_COPY
];
for (const [from, to] of COPIES) {
  mkdirSync(dirname(join(OUT, to)), { recursive: true });
  copyFileSync(from, join(OUT, to));
}
