// The optional basemap. None by default (fully offline, nothing leaves the page). A raster tile URL the user
// configures is allowed only for hosts the deployment put in the Content-Security-Policy at build time
// (VITE_BASEMAP_HOSTS); GCJ-02 tile services are flagged because WGS-84 overlays would sit ~300–500 m off.

export type Basemap = { kind: 'none' } | { kind: 'raster'; url: string; attribution: string };

export const NO_BASEMAP: Basemap = { kind: 'none' };

/** Tile services that serve GCJ-02 (Amap/Gaode, Tencent) or BD-09 (Baidu) imagery. */
const OFFSET_HOSTS = /(^|\.)(amap\.com|autonavi\.com|gaode\.com|map\.qq\.com|gtimg\.com|tencent\.com|baidu\.com|bdimg\.com|bdstatic\.com)$/i;

export type RasterCheck =
  | { ok: true; host: string; warning: string | null }
  | { ok: false; reason: string };

/** Is `url` a tile template this build may load? `allowedHosts` are the hosts in the page's CSP. */
export function checkRasterUrl(url: string, allowedHosts: readonly string[]): RasterCheck {
  let parsed: URL;
  try {
    parsed = new URL(url.replace(/\{[a-z]\}/g, '0'));
  } catch {
    return { ok: false, reason: '不是有效的网址' };
  }
  if (parsed.protocol !== 'https:') return { ok: false, reason: '只接受 https 瓦片地址' };
  if (!/\{z\}/.test(url) || !/\{x\}/.test(url) || !/\{y\}/.test(url)) return { ok: false, reason: '瓦片地址须含 {z}、{x}、{y}' };
  const host = parsed.hostname.toLowerCase();
  const allowed = allowedHosts.some((h) => h === host || (h.startsWith('*.') && host.endsWith(h.slice(1))));
  if (!allowed) {
    return {
      ok: false,
      reason: allowedHosts.length
        ? `主机 ${host} 不在本部署的内容安全策略 (CSP) 允许列表中(允许:${allowedHosts.join('、')})`
        : `本部署未允许任何外部底图主机:构建时设置 VITE_BASEMAP_HOSTS=${host} 后重新构建,才能加载该底图`,
    };
  }
  const warning = OFFSET_HOSTS.test(host)
    ? '该底图为 GCJ-02(高德/腾讯)或 BD-09(百度)坐标:本应用的图层为 WGS-84,叠加将偏移约 300–500 米,不宜用于距离判读'
    : null;
  return { ok: true, host, warning };
}

/** The CSP hosts of this build, from VITE_BASEMAP_HOSTS (comma-separated, e.g. "t0.tianditu.gov.cn,*.tianditu.gov.cn"). */
export function parseHostList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((h) => h.trim().toLowerCase()).filter((h) => /^(\*\.)?[a-z0-9.-]+$/.test(h));
}

/** Adds the basemap hosts to a CSP's img-src and connect-src (tiles are images or fetched bytes); nothing else. */
export function cspWithBasemapHosts(csp: string, hosts: readonly string[]): string {
  if (hosts.length === 0) return csp;
  const sources = hosts.map((h) => `https://${h}`).join(' ');
  return csp.replace(/\b(img-src|connect-src)([^;]*)/g, (_, directive: string, rest: string) => `${directive}${rest} ${sources}`);
}
