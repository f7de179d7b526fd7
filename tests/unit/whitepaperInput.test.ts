// The one white-paper input builder (whitepaper/whitepaperInput) the CLI and the app both call: the input files in one
// canonical order whatever order they are given in, and the app's adapter lists a changed rule table (and method
// profile) as the CLI lists --rules (--method): the name the app exports it under and the SHA-256 of those bytes.
import { describe, expect, it } from 'vitest';
import { assess, type Site } from '../../src/engine';
import { methodProfileFile, ruleTableFile, sha256Hex, type ImportFileReport } from '../../src/io';
import { createAppStore } from '../../src/state/store';
import { whitepaperInput } from '../../src/ui/ExportPanel';
import {
  buildWhitepaperInput,
  INPUT_ORDER,
  type InputFile,
  type WhitepaperInputParts,
} from '../../src/whitepaper/whitepaperInput';
import { createConfig, createSite } from '../helpers/sites';

const report = (file: string) => ({ file, rows: 1, rejected: 0 }) as unknown as ImportFileReport;
const hex = (n: number) => String(n).repeat(64).slice(0, 64);

describe('buildWhitepaperInput', () => {
  it('lists the inputs in the canonical order (kinds as the CLI reads them; one kind in its given order)', () => {
    const files: InputFile[] = [
      { kind: 'fn', file: 'fn.csv', sha256: hex(1), report: report('fn.csv') },
      { kind: 'sites', file: 'b-sites.csv', sha256: hex(2), report: report('b-sites.csv') },
      { kind: 'contours', file: 'qra.geojson', sha256: hex(3), report: report('qra.geojson') },
      { kind: 'sites', file: 'a-sites.csv', sha256: hex(4), report: report('a-sites.csv') },
      { kind: 'sites', file: 'public.sites', sha256: null, report: report('public.sites') }, // a PostGIS table
      { kind: 'population', file: 'people.geojson', sha256: hex(5) },
      { kind: 'roads', file: 'streets.geojson', sha256: hex(6) },
      { kind: 'fnCriteria', file: 'lines.json', sha256: hex(7) },
      { kind: 'reachProfile', file: 'reach.json', sha256: hex(8) },
      { kind: 'zones', file: 'districts.geojson', sha256: hex(9) },
      { kind: 'rules', file: 'setback-rules.json', sha256: hex(1) },
      { kind: 'method', file: 'method.json', sha256: hex(2) },
    ];
    const input = buildWhitepaperInput({ files } as unknown as WhitepaperInputParts);
    expect(INPUT_ORDER).toEqual([
      'method',
      'rules',
      'zones',
      'reachProfile',
      'roads',
      'population',
      'sites',
      'contours',
      'fnCriteria',
      'fn',
    ]);
    expect(input.digests.map((d) => d.file)).toEqual([
      'method.json',
      'setback-rules.json',
      'districts.geojson',
      'reach.json',
      'streets.geojson',
      'people.geojson',
      'b-sites.csv',
      'a-sites.csv',
      'qra.geojson',
      'lines.json',
      'fn.csv',
    ]);
    expect(input.reports.map((r) => r.file)).toEqual([
      'b-sites.csv',
      'a-sites.csv',
      'public.sites',
      'qra.geojson',
      'fn.csv',
    ]);
    // the same files given in another order (one kind's files still in theirs) give the same lists
    const rotated = buildWhitepaperInput({
      files: [...files.slice(5), ...files.slice(0, 5)],
    } as unknown as WhitepaperInputParts);
    expect(rotated.digests).toEqual(input.digests);
    expect(rotated.reports).toEqual(input.reports);
    expect('files' in input).toBe(false);
  });
});

describe('the app’s white-paper input', () => {
  const sites: Site[] = [createSite({ id: 'S1', category: 'fuel_station', at: [121.47, 31.23], fictitious: true })];
  const state = () => {
    const store = createAppStore();
    store.setState({ assessment: assess({ sites, zones: [] }, createConfig()) });
    return store;
  };

  it('lists no rule or method file while they are the shipped ones', async () => {
    const input = (await whitepaperInput(state().getState()))!;
    expect(input.digests).toEqual([]);
  });

  it('lists a changed rule table and method profile as the files the app exports, in the canonical order', async () => {
    const store = state();
    const { rules, profile } = store.getState();
    const changed = {
      ...rules,
      rules: rules.rules.map((r, i) => (i === 0 ? { ...r, min_distance_m: (r.min_distance_m ?? 0) + 5 } : r)),
    };
    store.setState({ rules: changed });
    let input = (await whitepaperInput(store.getState()))!;
    const rulesFile = ruleTableFile(changed);
    expect(rulesFile.file).toBe('setback-rules.json');
    expect(input.digests).toEqual([
      { file: 'setback-rules.json', sha256: await sha256Hex(new TextEncoder().encode(rulesFile.text)) },
    ]);
    expect(input.rules).toBe(changed);

    const renamed = { ...profile, name: `${profile.name}(本市)` };
    store.setState({ profile: renamed });
    input = (await whitepaperInput(store.getState()))!;
    const methodFile = methodProfileFile(renamed);
    expect(input.digests).toEqual([
      { file: methodFile.file, sha256: await sha256Hex(new TextEncoder().encode(methodFile.text)) },
      { file: 'setback-rules.json', sha256: await sha256Hex(new TextEncoder().encode(rulesFile.text)) },
    ]);
  });
});
