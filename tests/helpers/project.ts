// An empty project record (no data, the shipped method and rules) for tests that add only what they are about.
import { DEFAULT_PROFILE, DEFAULT_RULES } from '../../src/engine';
import { PROJECT_SCHEMA, type Project } from '../../src/io';

export function emptyProject(overrides: Partial<Project> = {}): Project {
  return {
    schema: PROJECT_SCHEMA,
    id: 'p1',
    name: '某市',
    city: '',
    assessmentDate: '',
    dataCredit: '',
    notes: '',
    datasets: [],
    zones: [],
    zonesSource: '',
    zoning: { kind: 'polygons' },
    profile: DEFAULT_PROFILE,
    rules: DEFAULT_RULES,
    revision: 0,
    ...overrides,
  };
}
