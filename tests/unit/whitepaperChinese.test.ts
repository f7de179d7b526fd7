// Every text of the white-paper set a reader sees (figures' SVG and CSV, tables' CSV, whitepaper.html) is formal
// Chinese: no English words and no developer notes. Built for the demo and for a city that is not the demo. What the
// data bring (site, zone and file names, ids) is removed first; what is left is ours, and may hold Latin letters
// only as standard codes, units, formula letters and the names of sources a credit must name.
// A source's web address (where a clause was read) is a citation, not prose: it is removed before the check.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { assess, assessReach, DEFAULT_REACH_PROFILE, defaultConfig, type Site } from '../../src/engine';
import { importSitesFile, readZones, type ImportFileReport } from '../../src/io';
import { buildWhitepaper, type OutputFile, type WhitepaperInput } from '../../src/whitepaper/bundle';
import { DEMO_ATTRIBUTION, INPUT_ATTRIBUTION } from '../../src/io/attribution';

/** Latin words allowed in our own text: standard codes, formats, units, formula letters, credited sources. */
const ALLOWED = new Set([
  'GB',
  'T',
  'AQ',
  'SHA-256',
  'WGS-84',
  'CGCS2000',
  'GCJ-02',
  'BD-09',
  'UTF-8',
  'GBK',
  'GB18030',
  'GeoJSON',
  'CSV',
  'XLSX',
  'csv',
  'xlsx',
  'L',
  'S',
  'E',
  'C',
  'D',
  'R',
  'LEC',
  'q',
  'Q',
  'km',
  'm',
  'DataV.GeoAtlas',
  'OpenStreetMap',
  'contributors',
  'ODbL',
  'GeographicLib',
  // fuel kinds as Chinese standards write them (LPG/CNG/LNG 加气站), the LEC method's authors, a cited paper's method
  'LPG',
  'CNG',
  'LNG',
  'Graham',
  'Kinney',
  'AHP-SPA',
  // appendix letters and clause numbers (附录A, A.1 …), and risk-matrix scheme letters (方案A/B/C)
  'A',
  'B',
  'A.1',
  'A.2',
  'A.3',
  'A.4',
  'A.5',
  'A.6',
  'B.1',
  'B.2',
  // units as the quoted standards write them (建标152 「7km2」, GB 50413 「10min」「1h」)
  'km2',
  'min',
  'h',
]);

async function build(
  zonesFile: string,
  siteFiles: string[],
  attribution: string,
  dataDate: string,
  withReach = false,
): Promise<{ files: OutputFile[]; data: string[] }> {
  const zones = readZones(readFileSync(zonesFile, 'utf8'));
  const sites: Site[] = [];
  const reports: ImportFileReport[] = [];
  for (const path of siteFiles) {
    const { sites: accepted, report } = await importSitesFile(
      path.split('/').pop()!,
      new Uint8Array(readFileSync(path)),
      { crs: 'wgs84', zones, existingIds: new Set(sites.map((s) => s.id)) },
    );
    sites.push(...accepted);
    reports.push(report);
  }
  const config = defaultConfig();
  const assessment = assess({ sites, zones }, config);
  const input: WhitepaperInput = {
    assessment,
    zonePolygons: zones,
    reports,
    digests: reports.map((r) => ({ file: r.file, sha256: '0'.repeat(64) })),
    profile: config.method,
    rules: config.rules,
    borderlineToleranceM: config.borderlineToleranceM,
    dataDate,
    title: '测试城市安全风险评估白皮书图表',
    attribution,
    previous: null,
    ...(withReach
      ? { reach: { result: assessReach({ sites, assessed: assessment.sites, zones }), profile: DEFAULT_REACH_PROFILE } }
      : {}),
  };
  const files = await buildWhitepaper(input, { render: () => new Uint8Array() });
  // strings the data bring, and ids (allowed as they are)
  const data = [
    ...assessment.sites.flatMap((s) => [s.id, s.name, s.responsibleUnit, s.controls, s.district, s.domain]),
    ...zones.flatMap((z) => [z.id, z.name]),
    ...reports.map((r) => r.file),
    ...config.rules.rules.map((r) => r.id),
    config.rules.id,
    config.method.id,
    config.method.matrix.id,
    config.method.lec.id,
    config.method.majorHazard.id,
    DEFAULT_REACH_PROFILE.id,
  ].filter((s) => s && /[A-Za-z]/.test(s));
  return { files, data: [...new Set(data)].sort((a, b) => b.length - a.length) };
}

function readerText(f: OutputFile): string {
  const raw = typeof f.data === 'string' ? f.data : new TextDecoder().decode(f.data);
  if (f.path.endsWith('.csv')) return raw;
  const text = raw
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<img [^>]*>/g, ' ') // the figures, checked in their own SVG files
    .replace(/<meta [^>]*>/g, ' ')
    .replace(/<[^>]+>/g, ' ');
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Each offending word once, with the first file and context it was seen in. */
function latinWords(files: OutputFile[], data: string[]): string[] {
  const found = new Map<string, string>();
  for (const f of files) {
    if (!/^(figures\/.*\.(svg|csv)|tables\/.*\.csv|whitepaper\.html)$/.test(f.path)) continue;
    let text = readerText(f);
    for (const d of data) text = text.split(d).join(' ');
    // file names the reader is pointed to (figures/F1-zoning-map.csv, summary.json)
    text = text
      .replace(/\b(?:figures|tables)\/[\w.-]+/g, ' ')
      .replace(/\b[\w-]+\.(?:csv|xlsx|json|geojson|svg|png)\b/g, ' ')
      .replace(/\.(?:csv|xlsx)\b/g, ' ');
    text = text.replace(/\b(?:[a-z0-9-]+\.)+(?:com|cn|net|org|info)(?:\/[\w./?=&%-]*)?/gi, ' ');
    for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*/g)) {
      if (ALLOWED.has(m[0]) || found.has(m[0])) continue;
      const at = m.index!;
      found.set(m[0], `${m[0]} — ${f.path} «${text.slice(Math.max(0, at - 30), at + 40).replace(/\s+/g, ' ')}»`);
    }
  }
  return [...found.values()];
}

describe('white-paper text is formal Chinese', () => {
  it('in the demo city', async () => {
    const { files, data } = await build(
      'data/demo/nanjing-districts.wgs84.geojson',
      ['data/demo/nanjing-sites.fictitious.csv', 'data/demo/nanjing-osm.geojson'],
      DEMO_ATTRIBUTION,
      '2026-10-31',
    );
    expect(latinWords(files, data)).toEqual([]);
  }, 60_000);

  it('in the demo city with its rescue stations and shelters (F7, F8, T4, appendix A.6)', async () => {
    const { files, data } = await build(
      'data/demo/nanjing-districts.wgs84.geojson',
      [
        'data/demo/nanjing-sites.fictitious.csv',
        'data/demo/nanjing-osm.geojson',
        'data/demo/nanjing-rescue.fictitious.csv',
      ],
      DEMO_ATTRIBUTION,
      '2026-10-31',
      true,
    );
    expect(files.some((f) => f.path === 'figures/F7-reach-map.svg')).toBe(true);
    // the reach files are batch files for scripts (codes such as covered/screening), not reader text: not checked
    expect(latinWords(files, data)).toEqual([]);
  }, 60_000);

  it('in a city that is not the demo (Shanghai, hazards only)', async () => {
    const { files, data } = await build(
      'tests/fixtures/cities/shanghai_districts.wgs84.geojson',
      ['tests/fixtures/cities/shanghai-hazards-only.csv'],
      INPUT_ATTRIBUTION,
      '2026-10-31',
    );
    expect(latinWords(files, data)).toEqual([]);
  }, 60_000);
});
