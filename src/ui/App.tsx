// Layout: the map, and beside it the panels that say what it shows and why.
import { showMessage } from '../i18n/shownMessage';
import { DataPanel } from './DataPanel';
import { ExportPanel } from './ExportPanel';
import { BasemapPanel } from './BasemapPanel';
import { Legend } from './Legend';
import { FiltersPanel } from './FiltersPanel';
import { MapView } from './MapView';
import { ViolationsPanel } from './ViolationsPanel';
import { TablesPanel } from './TablesPanel';
import { WhatIfPanel } from './WhatIfPanel';
import { RulesPanel } from './RulesPanel';
import { MethodPanel } from './MethodPanel';
import { ProjectPanel } from './ProjectPanel';
import { SearchBox } from './SearchBox';
import { useEffect } from 'react';
import { useAppState, useServices } from './AppContext';
import { useLocale, useT } from './i18n';
import { setLocale } from '../state/slices/settings';

export function App() {
  const assessError = useAppState((s) => s.assessError);
  const hasFictitious = useAppState((s) => s.datasets.some((d) => d.fictitious));
  const t = useT();
  const locale = useLocale();
  const app = useServices();
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${t('app.title')} · ${t('app.subtitle')}`;
  }, [locale, t]);
  return (
    <div className="app">
      {/* the first tab stops: the map is otherwise reached after every control of the side panels */}
      <nav className="skip-links" aria-label={t('skip.region')}>
        {/* biome-ignore lint/a11y/useValidAnchor: a skip link (its handler moves focus) */}
        <a href="#map" onClick={(e) => skipTo(e, '[data-testid="map"] canvas', '[data-testid="map"]')}>
          {t('skip.toMap')}
        </a>
        {/* biome-ignore lint/a11y/useValidAnchor: a skip link (its handler moves focus) */}
        <a href="#sidebar" onClick={(e) => skipTo(e, '#sidebar')}>
          {t('skip.toSidebar')}
        </a>
      </nav>
      <header>
        <h1>
          {t('app.title')} <small>{t('app.subtitle')}</small>
        </h1>
        <button
          type="button"
          className="lang-switch"
          lang={locale === 'en' ? 'zh-CN' : 'en'}
          aria-label={t('lang.switchLabel')}
          onClick={() => void setLocale(app, locale === 'en' ? 'zh-CN' : 'en')}
        >
          {t('lang.switchTo')}
        </button>
        {hasFictitious && (
          <p className="demo-banner" role="note">
            {t('app.demoBanner')}
          </p>
        )}
      </header>
      <main>
        <aside id="sidebar" className="sidebar" aria-label={t('app.sidebar')} tabIndex={-1}>
          <SearchBox />
          <Legend />
          <FiltersPanel />
          <ProjectPanel />
          {assessError && (
            <p role="alert" className="error">
              {t('app.assessFailed', { message: showMessage(t, assessError) })}
            </p>
          )}
          <TablesPanel />
          <ViolationsPanel />
          <WhatIfPanel />
          <MethodPanel />
          <RulesPanel />
          <ExportPanel />
          <BasemapPanel />
          <DataPanel />
        </aside>
        <MapView />
      </main>
    </div>
  );
}

/** Move focus to the target; the default (a #fragment) would be read as a view link by the hash sync. */
function skipTo(e: React.MouseEvent, ...selectors: string[]): void {
  e.preventDefault();
  // the first that exists: the map's canvas (its keyboard pans and zooms), else the map's region
  const el = selectors.map((s) => document.querySelector<HTMLElement>(s)).find(Boolean);
  if (!el) return;
  if (el.tabIndex < 0 && !el.hasAttribute('tabindex')) el.tabIndex = -1;
  el.focus();
}
