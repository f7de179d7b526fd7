// The map's region: it takes over the map the page made at start (or makes one) and wires it to the store once
// (src/map/createMap.ts); everything after that flows store → map.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { takeEarlyMap, type EarlyMap } from '../map/earlyMap';
import { useServices } from './AppContext';
import { DetailPanel } from './DetailPanel';
import { useT } from './i18n';
import { pickAt } from '../state/slices/proposal';
import { select, type Selection } from '../state/slices/view';

export function MapView() {
  const ref = useRef<HTMLElement>(null);
  const app = useServices();
  const t = useT();
  // the map the page drew at start moves into this region before the first paint (no frame without it)
  const early = useRef<EarlyMap | null>(null);
  useLayoutEffect(() => {
    early.current = takeEarlyMap();
    if (early.current && ref.current) ref.current.append(early.current.host);
    document.getElementById('boot')?.remove();
  }, []);
  useEffect(() => {
    // until the app's map code has loaded, unmounting drops the map made at start
    let destroy = (): void => {
      early.current?.map.remove();
      early.current?.host.remove();
    };
    let cancelled = false;
    void import('../map/createMap').then(({ createMap }) => {
      if (cancelled || !ref.current) return;
      const intents = { pickAt: (at: [number, number]) => pickAt(app, at), select: (s: Selection) => select(app, s) };
      destroy = createMap(ref.current, app.store, intents, early.current).destroy;
      early.current = null;
    });
    return () => {
      cancelled = true;
      destroy();
    };
  }, [app]);
  return (
    <div className="map-area">
      <section ref={ref} className="map" aria-label={t('map.region')} data-testid="map" />
      <DetailPanel />
    </div>
  );
}
