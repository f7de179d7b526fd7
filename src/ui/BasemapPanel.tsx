// Basemap: none by default (offline, nothing leaves the page); or a raster tile URL the user configures, allowed
// only for hosts this deployment's CSP lists. 天地图 (CGCS2000 ≈ WGS-84 at map scale) lines up with the overlays;
// GCJ-02 services (Amap, Tencent) do not, and the panel says so.
import { useId, useState } from 'react';
import { ALLOWED_BASEMAP_HOSTS } from '../state/actions';
import { checkRasterUrl } from '../state/basemap';
import { useActions, useAppState } from './AppContext';

export function BasemapPanel() {
  const basemap = useAppState((s) => s.basemap);
  const actions = useActions();
  const ids = { url: useId(), attribution: useId() };
  const [url, setUrl] = useState(basemap.kind === 'raster' ? basemap.url : '');
  const [attribution, setAttribution] = useState(basemap.kind === 'raster' ? basemap.attribution : '');
  const [error, setError] = useState<string | null>(null);
  const check = url ? checkRasterUrl(url, ALLOWED_BASEMAP_HOSTS) : null;
  const apply = async () => setError(await actions.setBasemap({ kind: 'raster', url: url.trim(), attribution: attribution.trim() }));
  return (
    <section className="panel" aria-labelledby="basemap-h">
      <h2 id="basemap-h">底图</h2>
      <p className="meta">
        当前:{basemap.kind === 'none' ? '无底图(默认,完全离线,不向外部发出请求)' : `栅格瓦片 ${new URL(basemap.url.replace(/\{[a-z]\}/g, '0')).hostname}`}
        {basemap.kind !== 'none' && <> <button type="button" onClick={() => void actions.setBasemap({ kind: 'none' })}>改回无底图</button></>}
      </p>
      <label htmlFor={ids.url}>瓦片地址(https,含 {'{z}/{x}/{y}'})</label>
      <input id={ids.url} type="url" className="wide-input" value={url} placeholder="https://t0.tianditu.gov.cn/…&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=您的密钥" onChange={(e) => setUrl(e.target.value)} />
      <label htmlFor={ids.attribution}>版权说明</label>
      <input id={ids.attribution} type="text" className="wide-input" value={attribution} placeholder="© 天地图 / © OpenStreetMap contributors" onChange={(e) => setAttribution(e.target.value)} />
      <button type="button" disabled={!url} onClick={() => void apply()}>使用此底图</button>
      {check?.ok && check.warning && <p role="alert" className="warning">{check.warning}</p>}
      {error && <p role="alert" className="error">底图未启用:{error}</p>}
      <p className="hint">
        本部署允许的底图主机:{ALLOWED_BASEMAP_HOSTS.length ? ALLOWED_BASEMAP_HOSTS.join('、') : '无(构建时以 VITE_BASEMAP_HOSTS 指定)'}。天地图为 CGCS2000,与本应用的 WGS-84 图层在地图比例下重合;高德、腾讯为 GCJ-02,会偏移。
      </p>
    </section>
  );
}
