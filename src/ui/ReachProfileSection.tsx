// The city's rescue-within-reach parameters (reach-profile/1: circles, dispatch delays, road speeds, screening speed
// and detour, shelter radii and areas, the reach grid's cell): which are in force, exported as a file to edit, and a
// city's file imported (schema-checked; a bad one is refused and the ones in force stay) or reset to the shipped ones.
import { DEFAULT_REACH_PROFILE } from '../engine';
import { showMessage } from '../i18n/shownMessage';
import { useAppState, useServices } from './AppContext';
import { reachProfileFile } from '../io/configFiles';
import { downloadText } from './download';
import { useT } from './i18n';
import { importReachProfile, resetReachProfile } from '../state/slices/method';
import { FileUpload } from './FileUpload';

export function ReachProfileSection() {
  const app = useServices();
  const t = useT();
  const profile = useAppState((s) => s.reachProfile);
  const error = useAppState((s) => s.reachProfileError);
  const shipped = profile === DEFAULT_REACH_PROFILE;
  return (
    <div className="reach-profile">
      <p className="meta" data-testid="reach-profile">
        {t(shipped ? 'method.reachProfileShipped' : 'method.reachProfileCity', { name: profile.name, id: profile.id })}{' '}
        {t('method.reachProfileFacts', {
          cell: profile.gridCellM,
          speed: profile.screening.speedKmh,
          detour: profile.screening.detourFactor,
        })}
      </p>
      {error && (
        <p role="alert" className="error">
          {t('method.reachProfileRefused', { message: showMessage(t, error) })}
        </p>
      )}
      <div className="buttons">
        <button
          type="button"
          onClick={() => {
            const f = reachProfileFile(profile); // the bytes the white paper lists when the profile is not the shipped one
            downloadText(f.file, f.text, 'application/json');
          }}
        >
          {t('method.reachProfileExport')}
        </button>
        <button type="button" disabled={shipped} onClick={() => void resetReachProfile(app)}>
          {t('method.reachProfileReset')}
        </button>
      </div>
      <FileUpload
        label={t('method.reachProfileImport')}
        accept=".json"
        onFile={async (f) => importReachProfile(app, f.name, await f.text())}
      />
    </div>
  );
}
