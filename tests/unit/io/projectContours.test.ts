// A project's QRA contour files are part of it: carried inline in the project record and file with their reports,
// read back through the schema; a contour with a risk that is no probability per year is refused, naming the field.
import { describe, expect, it } from 'vitest';
import { projectFileBytes, readProjectFile, type ProjectContourFile } from '../../../src/io';
import { createAppStore } from '../../../src/state/store';
import { emptyProject } from '../../helpers/project';
import { projectFromState } from '../../../src/state/projects';

const base = emptyProject();
const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [118.8, 32],
      [118.81, 32],
      [118.81, 32.01],
      [118.8, 32.01],
      [118.8, 32],
    ],
  ],
};
const file: ProjectContourFile = {
  file: 'plant-qra.geojson',
  sha256: 'a'.repeat(64),
  contours: [{ installationId: 'H1', riskPerYear: 3e-7, geometry: square, installationStatus: 'existing' }],
  report: {
    file: 'plant-qra.geojson',
    encoding: 'json',
    crs: 'wgs84',
    rows: 2,
    accepted: 1,
    rejected: 1,
    errors: [{ line: 2, field: 'installation_id', reason: '装置编号「X」不在已导入的危险源中' }],
    warnings: [],
    unmappedColumns: [],
    crsEvidence: '',
  },
};

describe("a project's QRA contour files", () => {
  it('round-trip through the project file with their reports', () => {
    const back = readProjectFile(projectFileBytes({ ...base, contourFiles: [file] }).bytes);
    expect(back.contourFiles).toEqual([file]);
    expect(readProjectFile(projectFileBytes(base).bytes).contourFiles).toBeUndefined();
  });

  it('are saved with the open project when there are any', () => {
    const store = createAppStore();
    store.setState({ project: { id: 'p1', name: '某市', city: '', assessmentDate: '', dataCredit: '', notes: '' } });
    expect(projectFromState(store.getState())).not.toHaveProperty('contourFiles');
    store.setState({ contourFiles: [file] });
    expect(projectFromState(store.getState())?.contourFiles?.[0]?.contours).toEqual(file.contours);
  });

  it('refuse a project file whose contour risk is no probability per year, naming the field', () => {
    const bad = { ...base, contourFiles: [{ ...file, contours: [{ ...file.contours[0], riskPerYear: 3 }] }] };
    expect(() => readProjectFile(new TextEncoder().encode(JSON.stringify(bad)))).toThrow(
      /contourFiles\.0\.contours\.0\.riskPerYear/,
    );
  });
});
