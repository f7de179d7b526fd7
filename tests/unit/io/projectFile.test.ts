import { describe, expect, it } from 'vitest';
import { gzipSync, strToU8 } from 'fflate';
import { DEFAULT_PROFILE, DEFAULT_RULES } from '../../../src/engine';
import {
  GZIP_ABOVE_BYTES,
  parseProject,
  PROJECT_SCHEMA,
  projectFileBytes,
  ProjectFileError,
  readProjectFile,
  type Project,
} from '../../../src/io';
import { createSite, createSquareZone } from '../../helpers/sites';

function createProject(overrides: Partial<Project> = {}): Project {
  return {
    schema: PROJECT_SCHEMA,
    id: 'p1',
    name: '南京 2026',
    city: '南京市',
    assessmentDate: '2026-11-01',
    dataCredit: '',
    notes: '',
    datasets: [
      {
        file: 'a.csv',
        sites: [createSite({ id: 's1', category: 'school', users: 800 })],
        report: {
          file: 'a.csv',
          encoding: 'utf-8',
          crs: 'wgs84',
          rows: 1,
          accepted: 1,
          rejected: 0,
          errors: [],
          warnings: [],
          unmappedColumns: [],
          crsEvidence: '',
        },
        demo: false,
      },
    ],
    zones: [createSquareZone('z', 118.78, 32.04, 0.01)],
    zonesSource: 'z.geojson',
    zoning: { kind: 'grid', shape: 'hex', cellM: 500 },
    profile: DEFAULT_PROFILE,
    rules: DEFAULT_RULES,
    revision: 3,
    ...overrides,
  };
}

describe('project files', () => {
  it('round-trip through JSON', () => {
    const p = createProject();
    const back = readProjectFile(projectFileBytes(p).bytes);
    expect(back).toEqual(parseProject(structuredClone(p)));
    expect(back.datasets).toEqual(p.datasets);
    expect(back.zones).toEqual(p.zones);
    expect(back.profile).toEqual(p.profile);
    expect(back.rules.rules).toEqual(p.rules.rules);
  });

  it('are gzipped when large, and read back the same', () => {
    const big = createProject({
      datasets: [
        {
          ...createProject().datasets[0]!,
          sites: [createSite({ id: 'big', category: 'school', name: 'x'.repeat(GZIP_ABOVE_BYTES + 10) })],
        },
      ],
    });
    const { bytes, gzipped } = projectFileBytes(big);
    expect(gzipped).toBe(true);
    expect(bytes[0]).toBe(0x1f);
    expect(readProjectFile(bytes).datasets[0]!.sites[0]!.name.length).toBe(GZIP_ABOVE_BYTES + 10);
  });

  it('migrate version 1 (a matrix scheme id, polygon zoning) to the current version', () => {
    const { profile: _p, zoning: _z, revision: _r, ...rest } = createProject();
    const v1 = { ...rest, schema: 'usrm-project/1', method: 'matrix-B' };
    const p = parseProject(JSON.parse(JSON.stringify(v1)));
    expect(p.schema).toBe(PROJECT_SCHEMA);
    expect(p.profile.matrix.id).toBe('matrix-B');
    expect(p.profile.lec).toEqual(DEFAULT_PROFILE.lec);
    expect(p.zoning).toEqual({ kind: 'polygons' });
    expect(p.datasets[0]!.sites[0]!.id).toBe('s1');
  });

  it.each([
    ['not JSON', strToU8('{"schema": "usrm-project/2", '), /JSON 无法解析/],
    ['corrupt gzip', Uint8Array.of(0x1f, 0x8b, 8, 0, 1, 2, 3), /gzip/],
    ['a future version', strToU8(JSON.stringify({ schema: 'usrm-project/9' })), /不支持的项目文件版本/],
    ['an array', strToU8('[]'), /不是项目文件/],
    [
      'a bad site',
      strToU8(
        JSON.stringify({
          ...createProject(),
          datasets: [
            {
              ...createProject().datasets[0],
              sites: [{ id: 's', name: 'x', category: 'school', geometry: { type: 'Point', coordinates: ['a', 1] } }],
            },
          ],
        }),
      ),
      /datasets\.0\.sites\.0\.geometry/,
    ],
    [
      'an out-of-range L',
      strToU8(
        JSON.stringify({
          ...createProject(),
          datasets: [
            {
              ...createProject().datasets[0],
              sites: [{ ...createSite({ id: 's', category: 'school' }), likelihood: 9 }],
            },
          ],
        }),
      ),
      /likelihood/,
    ],
    [
      'a rule without a source',
      strToU8(
        JSON.stringify({
          ...createProject(),
          rules: { ...DEFAULT_RULES, rules: [{ ...DEFAULT_RULES.rules[0], source: '' }] },
        }),
      ),
      /must cite its source/,
    ],
  ])('refuse %s with a clear message', (_what, bytes, message) => {
    expect(() => readProjectFile(bytes)).toThrow(ProjectFileError);
    expect(() => readProjectFile(bytes)).toThrow(message);
  });

  it('cannot pollute prototypes', () => {
    const hostile = `{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},${JSON.stringify(createProject()).slice(1)}`;
    const p = readProjectFile(strToU8(hostile));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
  });

  it('gzipped bytes are identical on every export (no timestamps)', () => {
    const big = createProject({
      datasets: [
        {
          ...createProject().datasets[0]!,
          sites: [createSite({ id: 'big', category: 'school', name: 'y'.repeat(GZIP_ABOVE_BYTES + 1) })],
        },
      ],
    });
    expect(projectFileBytes(big).bytes).toEqual(projectFileBytes(big).bytes);
    expect(gzipSync(strToU8('a'), { mtime: 0 })).toEqual(gzipSync(strToU8('a'), { mtime: 0 }));
  });
});
