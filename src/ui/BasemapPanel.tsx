// Basemap: none by default (offline, nothing leaves the page); or a raster tile URL the user configures, allowed
// only for hosts this deployment's CSP lists. 天地图 (CGCS2000 ≈ WGS-84 at map scale) lines up with the overlays;
// GCJ-02 services (Amap, Tencent) do not, and the panel says so.
import { useId, useState } from 'react';
import { checkRasterUrl, type Basemap } from '../state/basemap';
import { useAppState, useServices } from './AppContext';
import { useT } from './i18n';
import { ALLOWED_BASEMAP_HOSTS, chooseLocalBasemap, setBasemap } from '../state/slices/settings';
import { FileUpload } from './FileUpload';

export function BasemapPanel() {
  const basemap = useAppState((s) => s.basemap);
  const app = useServices();
  const t = useT();
  const ids = { url: useId(), attribution: useId() };
  const [url, setUrl] = useState(basemap.kind === 'raster' ? basemap.url : '');
  const [attribution, setAttribution] = useState(basemap.kind === 'raster' ? basemap.attribution : '');
  const [error, setError] = useState<string | null>(null);
  const check = url ? checkRasterUrl(url, ALLOWED_BASEMAP_HOSTS, t) : null;
  const describe = (b: Basemap): string =>
    b.kind === 'none'
      ? t('basemap.none')
      : b.kind === 'pmtiles'
        ? t('basemap.local', { name: b.name, type: t(`basemap.localType.${b.tileType}`) })
        : t('basemap.raster', { host: new URL(b.url.replace(/\{[a-z]\}/g, '0')).hostname });
  const apply = async () =>
    setError(await setBasemap(app, { kind: 'raster', url: url.trim(), attribution: attribution.trim() }));
  return (
    <section className="panel" aria-labelledby="basemap-h">
      <h2 id="basemap-h">{t('basemap.title')}</h2>
      <p className="meta">
        {t('basemap.current', { basemap: describe(basemap) })}
        {basemap.kind !== 'none' && (
          <>
            {' '}
            <button type="button" onClick={() => void setBasemap(app, { kind: 'none' })}>
              {t('basemap.reset')}
            </button>
          </>
        )}
      </p>
      <label htmlFor={ids.url}>{t('basemap.url')}</label>
      <input
        id={ids.url}
        type="url"
        className="wide-input"
        value={url}
        placeholder={t('basemap.urlPlaceholder')}
        onChange={(e) => setUrl(e.target.value)}
      />
      <label htmlFor={ids.attribution}>{t('basemap.attribution')}</label>
      <input
        id={ids.attribution}
        type="text"
        className="wide-input"
        value={attribution}
        placeholder={t('basemap.attributionPlaceholder')}
        onChange={(e) => setAttribution(e.target.value)}
      />
      <button type="button" disabled={!url} onClick={() => void apply()}>
        {t('basemap.use')}
      </button>
      <FileUpload
        label={t('basemap.localFile')}
        accept=".pmtiles"
        onFile={async (f) => setError(await chooseLocalBasemap(app, f))}
      />
      {check?.ok && check.warning && (
        <p role="alert" className="warning">
          {check.warning}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {t('basemap.refused', { message: error })}
        </p>
      )}
      <p className="hint">
        {t('basemap.allowedHosts', {
          hosts: ALLOWED_BASEMAP_HOSTS.length ? ALLOWED_BASEMAP_HOSTS.join(t('list.separator')) : t('basemap.noHosts'),
        })}
      </p>
    </section>
  );
}
