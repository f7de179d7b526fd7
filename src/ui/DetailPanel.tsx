// Explain on click: the side panel for the selected zone, site or finding — why it has its colour, which sites made
// it so, which rules apply and by how much a distance falls short. Items link to what they name; Esc closes.
import { useEffect, useMemo, useRef } from 'react';
import { explainSite, explainViolation, explainZone, type Explanation } from './explain';
import { useAppState, useServices } from './AppContext';
import { useLocale, useT } from './i18n';
import { assessedReach } from '../state/assessedReach';
import { societalByInstallation } from '../state/fnFiles';
import { contoursOf } from '../state/contourFiles';
import { focusOn, select } from '../state/slices/view';

export function DetailPanel() {
  const a = useAppState((s) => s.assessment);
  const selection = useAppState((s) => s.selection);
  const rules = useAppState((s) => s.rules.rules);
  const fnFiles = useAppState((s) => s.fnFiles);
  const contourFiles = useAppState((s) => s.contourFiles);
  const fnCriteria = useAppState((s) => s.fnCriteria);
  const app = useServices();
  const heading = useRef<HTMLHeadingElement>(null);
  const t = useT();
  const locale = useLocale();
  // explained once per selection (a site's findings are looked up among all of a large city's)
  const explanation: Explanation | null = useMemo(
    () =>
      !a || !selection
        ? null
        : selection.kind === 'zone'
          ? explainZone(a, selection.id, t, assessedReach.of(a), locale)
          : selection.kind === 'site'
            ? explainSite(a, selection.id, t, locale, assessedReach.of(a), {
                societal: societalByInstallation(fnFiles, fnCriteria).get(selection.id),
                contours: contoursOf(contourFiles, selection.id),
              })
            : explainViolation(a, selection.index, t, rules),
    [a, selection, t, locale, rules, fnFiles, fnCriteria, contourFiles],
  );
  useEffect(() => {
    if (!explanation) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && select(app, null);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [explanation, app]);
  if (!explanation) return null;
  return (
    <aside className="detail-panel" aria-label={t('detail.region')} data-testid="detail-panel">
      <div className="explain">
        <button type="button" className="close" aria-label={t('detail.close')} onClick={() => select(app, null)}>
          ×
        </button>
        <h3 ref={heading} className={explanation.level ? `level-${explanation.level}` : undefined}>
          {explanation.title}
        </h3>
        <dl>
          {explanation.rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {explanation.list && (
          <>
            <p>{explanation.list.heading}</p>
            <ul>
              {explanation.list.items.map((item, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: read-only list, never reordered
                <li key={i}>
                  {item.target ? (
                    <button type="button" className="link" onClick={() => focusOn(app, item.target!)}>
                      {item.text}
                    </button>
                  ) : (
                    item.text
                  )}
                </li>
              ))}
            </ul>
            {explanation.list.total > explanation.list.items.length && (
              <p className="meta">{t('detail.more', { n: explanation.list.total })}</p>
            )}
          </>
        )}
      </div>
    </aside>
  );
}
