// Rescue within reach's own inputs in the data panel: a road network (read in the engine worker, never on the page)
// and a population grid. Each shows what was loaded and can be removed; a bad file is refused with the reason and
// the files in use stay as they were.
import { useId } from 'react';
import { showMessage } from '../i18n/shownMessage';
import { useAppState, useServices } from './AppContext';
import { useT } from './i18n';
import { importPopulation, importRoads, removePopulation, removeRoads } from '../state/reachInputs';
import { FileUpload } from './FileUpload';

export function ReachFilesPanel() {
  const app = useServices();
  const t = useT();
  const roads = useAppState((s) => s.roads);
  const population = useAppState((s) => s.population);
  const reading = useAppState((s) => s.readingReachFile);
  const error = useAppState((s) => s.reachFileError);
  const ids = { heading: useId() };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would add a border
    <div className="reach-files" role="group" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t('data.reachTitle')}</h3>
      {error && (
        <p role="alert" className="error">
          {t('data.reachFileFailed', { message: showMessage(t, error) })}
        </p>
      )}
      <p className="meta" data-testid="roads-in-use">
        {roads ? t('data.roadsLoaded', { file: roads.file, n: roads.lines }) : t('data.noRoads')}
      </p>
      {roads && (
        <button type="button" onClick={() => void removeRoads(app)}>
          {t('data.removeRoads')}
        </button>
      )}
      <div className="upload">
        {/* the File itself goes to the engine worker, which reads it */}
        <FileUpload
          label={t('data.uploadRoads')}
          accept=".geojson,.json"
          disabled={reading !== null}
          onFile={(f) => importRoads(app, f.name, f)}
        />
      </div>
      {reading && (
        <p className="meta" role="status">
          {t('data.reading', { file: reading })}
        </p>
      )}
      <p className="meta" data-testid="population-in-use">
        {population
          ? t('data.populationLoaded', { file: population.file, n: population.zones.length })
          : t('data.noPopulation')}
      </p>
      {population && (
        <button type="button" onClick={() => void removePopulation(app)}>
          {t('data.removePopulation')}
        </button>
      )}
      <div className="upload">
        <FileUpload
          label={t('data.uploadPopulation')}
          accept=".geojson,.json"
          onFile={async (f) => importPopulation(app, f.name, new Uint8Array(await f.arrayBuffer()))}
        />
      </div>
    </div>
  );
}
