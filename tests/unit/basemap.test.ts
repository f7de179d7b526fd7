import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkRasterUrl, cspWithBasemapHosts, parseHostList } from '../../src/state/basemap';
import { translator } from '../../src/i18n/translate';

const zh = translator('zh-CN');

const TIANDITU =
  'https://t0.tianditu.gov.cn/img_w/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=img&TILEMATRIXSET=w&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY';

describe('basemap', () => {
  it('allows a tile URL only for hosts in the build CSP, https, with {z}/{x}/{y}', () => {
    expect(checkRasterUrl(TIANDITU, ['t0.tianditu.gov.cn'], zh)).toEqual({
      ok: true,
      host: 't0.tianditu.gov.cn',
      warning: null,
    });
    expect(checkRasterUrl(TIANDITU, ['*.tianditu.gov.cn'], zh).ok).toBe(true);
    expect(checkRasterUrl(TIANDITU, [], zh)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('VITE_BASEMAP_HOSTS'),
    });
    expect(checkRasterUrl(TIANDITU, ['tile.openstreetmap.org'], zh)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('不在'),
    });
    expect(
      checkRasterUrl('http://tile.openstreetmap.org/{z}/{x}/{y}.png', ['tile.openstreetmap.org'], zh),
    ).toMatchObject({ ok: false, reason: expect.stringContaining('https') });
    expect(checkRasterUrl('https://tile.openstreetmap.org/tile.png', ['tile.openstreetmap.org'], zh)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('{z}'),
    });
    expect(checkRasterUrl('javascript:alert(1)//{z}{x}{y}', ['x'], zh)).toMatchObject({ ok: false });
  });

  it('warns that Amap, Tencent and Baidu tiles are not WGS-84', () => {
    const amap = checkRasterUrl(
      'https://webrd01.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=8',
      ['webrd01.is.autonavi.com'],
      zh,
    );
    expect(amap).toMatchObject({ ok: true, warning: expect.stringContaining('GCJ-02') });
  });

  it('adds the allowed hosts to img-src and connect-src of the page CSP and nowhere else', () => {
    const html = readFileSync('index.html', 'utf8');
    const csp = /content="(default-src[^"]*)"/.exec(html)![1]!;
    const out = cspWithBasemapHosts(csp, parseHostList('t0.tianditu.gov.cn, *.tile.openstreetmap.org, bad host;'));
    expect(out).toMatch(/img-src [^;]*https:\/\/t0\.tianditu\.gov\.cn https:\/\/\*\.tile\.openstreetmap\.org/);
    expect(out).toMatch(/connect-src [^;]*https:\/\/t0\.tianditu\.gov\.cn/);
    expect(out).not.toMatch(/script-src [^;]*tianditu/);
    expect(out).not.toContain('bad');
    expect(cspWithBasemapHosts(csp, [])).toBe(csp);
    // the default build: nothing external anywhere
    expect(csp).not.toMatch(/https?:/);
  });
});
