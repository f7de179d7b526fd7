// Asks the running map what it has drawn (src/map/probe.ts): answered after the map's next idle.
import type { Page } from 'playwright-core';
import { MAP_PROBE_EVENT, type MapProbe } from '../../src/map/probe';

export function probeMap(page: Page): Promise<MapProbe> {
  return page
    .getByTestId('map')
    .evaluate(
      (el, name) => new Promise<MapProbe>((reply) => el.dispatchEvent(new CustomEvent(name, { detail: reply }))),
      MAP_PROBE_EVENT,
    );
}

export const renderedSites = async (page: Page): Promise<number> => (await probeMap(page)).sites;
export const renderedSymbols = async (page: Page): Promise<string> => (await probeMap(page)).symbols.join(' ');
