// Build plugin: the basemap tile hosts a deployment allows (VITE_BASEMAP_HOSTS) go into the Content-Security-Policy
// of index.html. Read from Vite's resolved env, so a host set in `.env` / `.env.production` reaches the CSP exactly
// as it reaches the UI (`import.meta.env`); reading `process.env` missed `.env` files and the two disagreed.
import type { Plugin } from 'vite';
import { cspWithBasemapHosts, parseHostList } from '../src/state/basemap.ts';

export function cspBasemapHosts(): Plugin {
  let hosts: string[] = [];
  return {
    name: 'csp-basemap-hosts',
    configResolved(config) {
      hosts = parseHostList(config.env.VITE_BASEMAP_HOSTS as string | undefined);
    },
    transformIndexHtml: (html) =>
      html.replace(
        /(http-equiv="Content-Security-Policy"\s+content=")([^"]*)"/,
        (_, head: string, csp: string) => `${head}${cspWithBasemapHosts(csp, hosts)}"`,
      ),
  };
}
