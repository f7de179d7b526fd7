// Compare the open project's assessment with another saved one (e.g. last year's): counts by level and the change.
import { useState } from 'react';
import { LEVEL_ZH, LEVELS, type AssessmentStats } from '../engine';
import type { ProjectSummary } from '../state/projectStorage';
import { useAppState, useServices } from './AppContext';

export function CompareProjects({ others }: { others: ProjectSummary[] }) {
  const { projects, store } = useServices();
  const current = useAppState((s) => s.assessment?.stats);
  const [choice, setChoice] = useState('');
  const [result, setResult] = useState<{ name: string; assessmentDate: string; stats: AssessmentStats } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!projects || others.length === 0) return null;
  const compare = async () => {
    setError(null);
    try {
      const r = await projects.compareWith(choice);
      setResult(r);
      // the comparison also feeds the white paper's F6
      store.setState({ previous: { label: r.name, dataDate: r.assessmentDate || null, sitesByLevel: r.stats.sitesByLevel, zonesByLevel: r.stats.zonesByLevel } });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const delta = (n: number) => (n > 0 ? `+${n}` : String(n));
  return (
    <div className="compare">
      <label>
        与项目比较{' '}
        <select value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">选择项目…</option>
          {others.map((p) => <option key={p.id} value={p.id}>{p.name}{p.assessmentDate ? `(${p.assessmentDate})` : ''}</option>)}
        </select>
      </label>{' '}
      <button type="button" disabled={!choice} onClick={() => void compare()}>比较</button>
      {error && <p role="alert" className="error">比较失败:{error}</p>}
      {result && current && (
        <table aria-label="项目比较">
          <thead>
            <tr><th scope="col">等级</th><th scope="col">本项目 风险点</th><th scope="col">{result.name} 风险点</th><th scope="col">变化</th><th scope="col">本项目 分区</th><th scope="col">{result.name} 分区</th><th scope="col">变化</th></tr>
          </thead>
          <tbody>
            {LEVELS.map((l) => (
              <tr key={l}>
                <th scope="row">{LEVEL_ZH[l]}</th>
                <td>{current.sitesByLevel[l]}</td><td>{result.stats.sitesByLevel[l]}</td><td>{delta(current.sitesByLevel[l] - result.stats.sitesByLevel[l])}</td>
                <td>{current.zonesByLevel[l]}</td><td>{result.stats.zonesByLevel[l]}</td><td>{delta(current.zonesByLevel[l] - result.stats.zonesByLevel[l])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
