// Mounts the map once; everything after that flows store → map in src/map/createMap.ts.
import { useEffect, useRef } from 'react';
import { useServices } from './AppContext';
import { DetailPanel } from './DetailPanel';
import { useT } from './i18n';
import { pickAt } from '../state/slices/proposal';
import { select } from '../state/slices/view';

export function MapView() {
  const ref = useRef<HTMLElement>(null);
  const app = useServices();
  const t = useT();
  useEffect(() => {
    let destroy = (): void => {};
    let cancelled = false;
    void import('../map/createMap').then(({ createMap }) => {
      if (cancelled || !ref.current) return;
      destroy = createMap(ref.current, app.store, {
        pickAt: (at) => pickAt(app, at),
        select: (selection) => select(app, selection),
      }).destroy;
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
