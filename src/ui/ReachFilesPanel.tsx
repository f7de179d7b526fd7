// Rescue within reach's own inputs in the data panel: a road network (read in the engine worker, never on the page)
// and a population grid. Each shows what was loaded and can be removed; a bad file is refused with the reason and
// the files in use stay as they were.
import { useId } from 'react';
import { showMessage } from '../i18n/shownMessage';
import { useAppState, useServices } from './AppContext';
import { useT } from './i18n';
import { importPopulation, importRoads, removePopulation, removeRoads } from '../state/reachInputs';

export function ReachFilesPanel() {
  const app = useServices();
  const t = useT();
  const roads = useAppState((s) => s.roads);
  const population = useAppState((s) => s.population);
  const reading = useAppState((s) => s.readingReachFile);
  const error = useAppState((s) => s.reachFileError);
  const ids = { heading: useId(), roads: useId(), population: useId() };
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
        <label htmlFor={ids.roads}>{t('data.uploadRoads')}</label>{' '}
        {/* the File itself goes to the engine worker, which reads it */}
        <input
          id={ids.roads}
          type="file"
          accept=".geojson,.json"
          disabled={reading !== null}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importRoads(app, f.name, f);
          }}
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
        <label htmlFor={ids.population}>{t('data.uploadPopulation')}</label>{' '}
        <input
          id={ids.population}
          type="file"
          accept=".geojson,.json"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) await importPopulation(app, f.name, new Uint8Array(await f.arrayBuffer()));
          }}
        />
      </div>
    </div>
  );
}
