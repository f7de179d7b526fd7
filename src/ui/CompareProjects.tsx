// Compare the open project's assessment with another saved one (e.g. last year's): counts by level and the change.
import { useState } from 'react';
import { LEVELS, type AssessmentStats } from '../engine';
import type { ProjectSummary } from '../state/projectStorage';
import { compareWithProject } from '../state/projects';
import { useAppState, useServices } from './AppContext';
import { levelLabel, useT } from './i18n';
import { setPrevious } from '../state/slices/assessment';

export function CompareProjects({ others }: { others: ProjectSummary[] }) {
  const app = useServices();
  const t = useT();
  const current = useAppState((s) => s.assessment?.stats);
  const [choice, setChoice] = useState('');
  const [result, setResult] = useState<{ name: string; assessmentDate: string; stats: AssessmentStats } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!app.projects || others.length === 0) return null;
  const compare = async () => {
    setError(null);
    try {
      const r = await compareWithProject(app, choice);
      setResult(r);
      // the comparison also feeds the white paper's F6
      setPrevious(app, {
        label: r.name,
        dataDate: r.assessmentDate || null,
        sitesByLevel: r.stats.sitesByLevel,
        zonesByLevel: r.stats.zonesByLevel,
      });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const delta = (n: number) => (n > 0 ? `+${n}` : String(n));
  return (
    <div className="compare">
      <label>
        {t('compare.with')}{' '}
        <select value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">{t('compare.choose')}</option>
          {others.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.assessmentDate ? `(${p.assessmentDate})` : ''}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" disabled={!choice} onClick={() => void compare()}>
        {t('compare.run')}
      </button>
      {error && (
        <p role="alert" className="error">
          {t('compare.failed', { message: error })}
        </p>
      )}
      {result && current && (
        <table aria-label={t('compare.table')}>
          <thead>
            <tr>
              <th scope="col">{t('compare.level')}</th>
              <th scope="col">{t('compare.thisSites')}</th>
              <th scope="col">{t('compare.otherSites', { name: result.name })}</th>
              <th scope="col">{t('compare.change')}</th>
              <th scope="col">{t('compare.thisZones')}</th>
              <th scope="col">{t('compare.otherZones', { name: result.name })}</th>
              <th scope="col">{t('compare.change')}</th>
            </tr>
          </thead>
          <tbody>
            {LEVELS.map((l) => (
              <tr key={l}>
                <th scope="row">{levelLabel(t, l)}</th>
                <td>{current.sitesByLevel[l]}</td>
                <td>{result.stats.sitesByLevel[l]}</td>
                <td>{delta(current.sitesByLevel[l] - result.stats.sitesByLevel[l])}</td>
                <td>{current.zonesByLevel[l]}</td>
                <td>{result.stats.zonesByLevel[l]}</td>
                <td>{delta(current.zonesByLevel[l] - result.stats.zonesByLevel[l])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
