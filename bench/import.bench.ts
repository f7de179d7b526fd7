// Import speed: a generated CSV of N rows (default 1 000 000, ≈ 80 MB) read, validated and converted in Node, with
// rows per second and peak memory. The baseline in the same run is papaparse alone on the same text (parsing with no
// validation), so the ratio shows what validation costs. Usage: node .bench-dist/import/import.bench.js [rows]
import { importSites } from '../src/io';
import Papa from 'papaparse';
import { generatedSitesCsv } from './generatedSites';

const rows = Number(process.argv[2] ?? 1_000_000);
const bytes = new TextEncoder().encode(generatedSitesCsv(rows));

// The import runs first, so its peak memory is its own (the baseline parse below holds every row at once).
globalThis.gc?.();
const before = process.memoryUsage().rss;
let peak = before;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const t1 = performance.now();
const { report } = importSites(
  'bench.csv',
  bytes,
  { crs: 'wgs84', zones: [] },
  () => (peak = Math.max(peak, process.memoryUsage().rss)),
);
const importMs = performance.now() - t1;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
const t0 = performance.now();
Papa.parse(new TextDecoder().decode(bytes), { skipEmptyLines: true });
const parseMs = performance.now() - t0;
console.log(
  `import of a generated ${rows.toLocaleString()}-row CSV (${(bytes.length / 2 ** 20).toFixed(0)} MB, UTF-8), node ${process.version}`,
);
console.log(
  `  papaparse alone: ${(parseMs / 1000).toFixed(1)} s; full import (decode, parse, map columns, validate, convert): ${(importMs / 1000).toFixed(1)} s → ${Math.round(rows / (importMs / 1000)).toLocaleString()} rows/s, ${(importMs / parseMs).toFixed(1)}× the bare parse`,
);
console.log(
  `  accepted ${report.accepted.toLocaleString()}, rejected ${report.rejected.toLocaleString()}; peak RSS ${(peak / 2 ** 20).toFixed(0)} MB (${(before / 2 ** 20).toFixed(0)} MB before the import, holding the file's bytes)`,
);
