// A city's reach parameters belong to its project: carried in the project record and file, read back through the
// schema; a project without them (every project before them, and any on the shipped values) keeps the shipped ones.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DEFAULT_REACH_PROFILE } from '../../../src/engine';
import { projectFileBytes, readProjectFile } from '../../../src/io';
import { createAppStore } from '../../../src/state/store';
import { emptyProject } from '../../helpers/project';
import { projectFromState } from '../../../src/state/projects';

const base = emptyProject();

describe("a project's reach parameters", () => {
  it('round-trip through the project file, and are absent (the shipped ones) when not changed', () => {
    const city = {
      ...JSON.parse(readFileSync('data/rules/reach-profile.json', 'utf8')),
      id: 'city-2027',
      gridCellM: 100,
    };
    const back = readProjectFile(projectFileBytes({ ...base, reachProfile: city }).bytes);
    expect(back.reachProfile?.id).toBe('city-2027');
    expect(back.reachProfile?.gridCellM).toBe(100);
    expect(readProjectFile(projectFileBytes(base).bytes).reachProfile).toBeUndefined();
  });

  it('are saved with the open project only when they are not the shipped ones', () => {
    const store = createAppStore();
    store.setState({ project: { id: 'p1', name: '某市', city: '', assessmentDate: '', dataCredit: '', notes: '' } });
    expect(projectFromState(store.getState())).not.toHaveProperty('reachProfile');
    store.setState({ reachProfile: { ...DEFAULT_REACH_PROFILE, gridCellM: 100 } });
    expect(projectFromState(store.getState())?.reachProfile?.gridCellM).toBe(100);
  });

  it('refuse a project file whose reach parameters break the schema, naming the field', () => {
    const bad = { ...base, reachProfile: { ...DEFAULT_REACH_PROFILE, gridCellM: 10 } };
    expect(() => readProjectFile(new TextEncoder().encode(JSON.stringify(bad)))).toThrow(/reachProfile\.gridCellM/);
  });
});
