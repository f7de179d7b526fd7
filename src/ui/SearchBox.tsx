// Find a site or zone by name or id and bring it into view; "全市" frames the whole study area.
import { useId, useMemo, useState } from 'react';
import { useAppState, useServices } from './AppContext';
import { categoryLabel, levelLabel, useLocale, useT, zoneLevelLabel } from './i18n';
import { focusOn } from '../state/slices/view';

const MAX_RESULTS = 12;

export function SearchBox() {
  const app = useServices();
  const a = useAppState((s) => s.assessment);
  const t = useT();
  const locale = useLocale();
  const [query, setQuery] = useState('');
  const inputId = useId();
  const results = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!a || q.length === 0) return [];
    const zones = a.zones
      .filter((z) => z.name.toLowerCase().includes(q) || z.id.toLowerCase() === q)
      .map((z) => ({
        kind: 'zone' as const,
        id: z.id,
        label: z.name,
        detail: t('search.zoneDetail', { level: zoneLevelLabel(t, z.level) }),
      }));
    const sites = a.sites
      .filter((s) => s.name.toLowerCase().includes(q) || s.id.toLowerCase().includes(q))
      .map((s) => ({
        kind: 'site' as const,
        id: s.id,
        label: s.name,
        detail: `${categoryLabel(locale, s.category)} · ${s.district || '—'} · ${levelLabel(t, s.level)}`,
      }));
    // an exact name first: Enter takes the first result
    const exact = (r: { label: string }) => (r.label.toLowerCase() === q ? 0 : 1);
    return [...zones, ...sites].sort((x, y) => exact(x) - exact(y)).slice(0, MAX_RESULTS);
  }, [a, query, t, locale]);
  return (
    <section className="panel search" aria-label={t('search.region')}>
      <label htmlFor={inputId}>{t('search.label')}</label>{' '}
      <input
        id={inputId}
        type="search"
        value={query}
        placeholder={t('search.placeholder')}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          // Enter takes the first match, as a search box does
          if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
          e.preventDefault();
          const first = results[0];
          if (first) focusOn(app, { kind: first.kind, id: first.id });
        }}
      />{' '}
      <button type="button" onClick={() => focusOn(app, 'all')}>
        {t('search.wholeCity')}
      </button>
      {results.length > 0 && (
        <ul className="search-results" aria-label={t('search.results')}>
          {results.map((r) => (
            <li key={`${r.kind}:${r.id}`}>
              <button type="button" className="link" onClick={() => focusOn(app, { kind: r.kind, id: r.id })}>
                {r.label}
              </button>{' '}
              <span className="meta">{r.detail}</span>
            </li>
          ))}
        </ul>
      )}
      {query.trim() && results.length === 0 && (
        <p className="meta" role="status">
          {t('search.notFound', { query })}
        </p>
      )}
    </section>
  );
}
