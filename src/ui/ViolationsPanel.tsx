// The violation list: distance, required, shortfall, rule; a row selects the pair on the map.
import { useMemo, useState } from 'react';
import { useActions, useAppState } from './AppContext';
import { STATUS_ZH } from './explain';

export function ViolationsPanel() {
  const a = useAppState((s) => s.assessment);
  const selection = useAppState((s) => s.selection);
  const actions = useActions();
  const [showUnassessed, setShowUnassessed] = useState(false);
  const names = useMemo(() => new Map(a?.sites.map((s) => [s.id, s.name]) ?? []), [a]);
  const rows = useMemo(
    () => (a?.violations.map((v, index) => ({ v, index })) ?? []).filter(({ v }) => showUnassessed || v.status !== 'not_assessed'),
    [a, showUnassessed],
  );
  const counts = a?.violations.reduce((c, v) => ({ ...c, [v.status]: (c[v.status] ?? 0) + 1 }), {} as Record<string, number>) ?? {};
  return (
    <section className="panel" aria-labelledby="violations-h">
      <h2 id="violations-h">防护距离检查</h2>
      <p className="meta">
        不符合 {counts.violation ?? 0} · 临界 {counts.borderline ?? 0} · 未评估 {counts.not_assessed ?? 0}
      </p>
      <label>
        <input type="checkbox" checked={showUnassessed} onChange={(e) => setShowUnassessed(e.target.checked)} /> 显示「未评估」
      </label>
      <div className="table-scroll">
        <table className="violations" aria-label="防护距离问题清单">
          <thead>
            <tr><th scope="col">状态</th><th scope="col">危险源</th><th scope="col">防护目标</th><th scope="col">实测 m</th><th scope="col">要求 m</th><th scope="col">差距 m</th><th scope="col">规则</th></tr>
          </thead>
          <tbody>
            {rows.map(({ v, index }) => (
              <tr
                key={index}
                tabIndex={0}
                aria-selected={selection?.kind === 'violation' && selection.index === index}
                className={`status-${v.status}`}
                onClick={() => actions.select({ kind: 'violation', index })}
                onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && actions.select({ kind: 'violation', index })}
              >
                <td>{STATUS_ZH[v.status]}</td>
                <td>{names.get(v.hazardId)}</td>
                <td>{names.get(v.targetId)}</td>
                <td>{v.distanceM.toFixed(2)}</td>
                <td>{v.requiredM ?? '—'}</td>
                <td>{v.shortfallM === null ? '—' : v.shortfallM.toFixed(2)}</td>
                <td>{v.ruleId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
