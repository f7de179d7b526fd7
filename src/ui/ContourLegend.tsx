// The legend's part for QRA individual-risk contours (issue #20): one line per contour value in use, in the map's
// grade (colour and width), with the number of installations that have a ring at it.
import { contourGrade } from '../map/contourLayers';
import { riskText } from '../engine';
import { contoursInUse } from '../state/contourFiles';
import { useAppState } from './AppContext';
import { useT } from './i18n';

export function ContourLegend() {
  const files = useAppState((s) => s.contourFiles);
  const t = useT();
  if (files.length === 0) return null;
  const installationsAt = new Map<number, Set<string>>();
  for (const c of contoursInUse(files)) {
    const at = installationsAt.get(c.riskPerYear) ?? new Set<string>();
    at.add(c.installationId);
    installationsAt.set(c.riskPerYear, at);
  }
  const values = [...installationsAt.keys()].sort((a, b) => b - a);
  return (
    <div className="contour-legend" data-testid="contour-legend">
      <h3>{t('legend.contours.title')}</h3>
      <ul className="symbols">
        {values.map((v) => {
          const g = contourGrade(v);
          return (
            <li key={v} data-risk={v}>
              <span
                className="swatch-line"
                style={{ borderTop: `${g.widthPx}px solid ${g.colour}` }}
                aria-hidden="true"
              />{' '}
              {t('legend.contours.value', { value: riskText(v), n: installationsAt.get(v)!.size })}
            </li>
          );
        })}
      </ul>
      <p className="meta">{t('legend.contours.note')}</p>
    </div>
  );
}
