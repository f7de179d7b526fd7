// Find a site or zone by name or id and bring it into view; "全市" frames the whole study area.
import { useId, useMemo, useState } from 'react';
import { categoryByCode } from '../engine';
import { useActions, useAppState } from './AppContext';
import { levelName } from './explain';

const MAX_RESULTS = 12;

export function SearchBox() {
  const actions = useActions();
  const a = useAppState((s) => s.assessment);
  const [query, setQuery] = useState('');
  const inputId = useId();
  const results = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!a || q.length === 0) return [];
    const zones = a.zones.filter((z) => z.name.toLowerCase().includes(q) || z.id.toLowerCase() === q).map((z) => ({ kind: 'zone' as const, id: z.id, label: z.name, detail: `分区 · ${levelName(z.level)}` }));
    const sites = a.sites.filter((s) => s.name.toLowerCase().includes(q) || s.id.toLowerCase().includes(q)).map((s) => ({ kind: 'site' as const, id: s.id, label: s.name, detail: `${categoryByCode(s.category)?.zh ?? s.category} · ${s.district || '—'} · ${levelName(s.level)}` }));
    return [...zones, ...sites].slice(0, MAX_RESULTS);
  }, [a, query]);
  return (
    <section className="panel search" aria-label="搜索">
      <label htmlFor={inputId}>搜索场所或分区</label>{' '}
      <input id={inputId} type="search" value={query} placeholder="名称或编号,如 金陵中学" onChange={(e) => setQuery(e.target.value)} />{' '}
      <button type="button" onClick={() => actions.focus('all')}>全市</button>
      {results.length > 0 && (
        <ul className="search-results" aria-label="搜索结果">
          {results.map((r) => (
            <li key={`${r.kind}:${r.id}`}>
              <button type="button" className="link" onClick={() => actions.focus({ kind: r.kind, id: r.id })}>{r.label}</button>{' '}
              <span className="meta">{r.detail}</span>
            </li>
          ))}
        </ul>
      )}
      {query.trim() && results.length === 0 && <p className="meta" role="status">没有找到「{query}」</p>}
    </section>
  );
}
