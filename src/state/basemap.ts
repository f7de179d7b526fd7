// The optional basemap. None by default (fully offline, nothing leaves the page). A local PMTiles file (also
// offline: read from the file, never fetched). A raster tile URL the user
// configures is allowed only for hosts the deployment put in the Content-Security-Policy at build time
// (VITE_BASEMAP_HOSTS); GCJ-02 tile services are flagged because WGS-84 overlays would sit ~300–500 m off.

import type { Translate } from '../i18n/translate';

export type Basemap =
  | { kind: 'none' }
  | { kind: 'raster'; url: string; attribution: string }
  | {
      kind: 'pmtiles';
      file: Blob;
      name: string;
      tileType: 'raster' | 'vector';
      vectorLayers: string[];
      minZoom: number;
      maxZoom: number;
      attribution: string;
    };

export const NO_BASEMAP: Basemap = { kind: 'none' };

/** Tile services that serve GCJ-02 (Amap/Gaode, Tencent) or BD-09 (Baidu) imagery. */
const OFFSET_HOSTS =
  /(^|\.)(amap\.com|autonavi\.com|gaode\.com|map\.qq\.com|gtimg\.com|tencent\.com|baidu\.com|bdimg\.com|bdstatic\.com)$/i;

export type RasterCheck = { ok: true; host: string; warning: string | null } | { ok: false; reason: string };

/** Is `url` a tile template this build may load? `allowedHosts` are the hosts in the page's CSP; `t` words the answer. */
export function checkRasterUrl(url: string, allowedHosts: readonly string[], t: Translate): RasterCheck {
  let parsed: URL;
  try {
    parsed = new URL(url.replace(/\{[a-z]\}/g, '0'));
  } catch {
    return { ok: false, reason: t('basemap.notUrl') };
  }
  if (parsed.protocol !== 'https:') return { ok: false, reason: t('basemap.httpsOnly') };
  if (!/\{z\}/.test(url) || !/\{x\}/.test(url) || !/\{y\}/.test(url))
    return { ok: false, reason: t('basemap.needsXyz') };
  const host = parsed.hostname.toLowerCase();
  const allowed = allowedHosts.some((h) => h === host || (h.startsWith('*.') && host.endsWith(h.slice(1))));
  if (!allowed) {
    return {
      ok: false,
      reason: allowedHosts.length
        ? t('basemap.hostNotAllowed', { host, hosts: allowedHosts.join(t('list.separator')) })
        : t('basemap.noHostAllowed', { host }),
    };
  }
  const warning = OFFSET_HOSTS.test(host) ? t('basemap.offsetWarning') : null;
  return { ok: true, host, warning };
}

/** The CSP hosts of this build, from VITE_BASEMAP_HOSTS (comma-separated, e.g. "t0.tianditu.gov.cn,*.tianditu.gov.cn"). */
export function parseHostList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => /^(\*\.)?[a-z0-9.-]+$/.test(h));
}

/** Adds the basemap hosts to a CSP's img-src and connect-src (tiles are images or fetched bytes); nothing else. */
export function cspWithBasemapHosts(csp: string, hosts: readonly string[]): string {
  if (hosts.length === 0) return csp;
  const sources = hosts.map((h) => `https://${h}`).join(' ');
  return csp.replace(
    /\b(img-src|connect-src)([^;]*)/g,
    (_, directive: string, rest: string) => `${directive}${rest} ${sources}`,
  );
}
