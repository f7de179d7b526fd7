// One timed run of import + assessment on the generated city (bench/generatedSites.ts), printed as one JSON line.
// Run by assessAB.bench.ts in this tree and in a git ref's worktree (it only uses APIs both have).
// Usage: node --import tsx bench/assessRun.ts ROWS
import { readFileSync } from 'node:fs';
import { generatedSitesCsv } from './generatedSites';
import { importSitesFile, readZones } from '../src/io';
import { assess, defaultConfig } from '../src/engine';

const rows = Number(process.argv[2] ?? 1_000_000);
const zones = readZones(readFileSync('data/demo/nanjing-districts.wgs84.geojson', 'utf8'));
const bytes = new TextEncoder().encode(generatedSitesCsv(rows));
let t = performance.now();
const imported = await importSitesFile('generated.csv', bytes, { crs: 'wgs84', zones, existingIds: new Set() });
const importMs = performance.now() - t;
t = performance.now();
const assessment = assess({ sites: imported.sites, zones }, defaultConfig());
const assessMs = performance.now() - t;
process.stdout.write(
  JSON.stringify({
    rows,
    accepted: imported.sites.length,
    importMs: Math.round(importMs),
    assessMs: Math.round(assessMs),
    findings: assessment.findings.length,
    zones: assessment.zones.map((z) => z.level).join(','),
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }) + '\n',
);
