// The protection-distance rule table: every rule with its source and status; the city can change a distance,
// confirm a rule, and import or export the whole table (JSON or CSV). A bad file leaves the table as it was.
import { useId, useState } from 'react';
import { ruleHazardText as hazardText, ruleTargetText as targetText, shortSource, SOURCE_STATUS_ZH, type SetbackRule } from '../engine';
import { ruleTableCsv, ruleTableJson } from '../io';
import { useActions, useAppState } from './AppContext';
import { downloadText } from './download';

export function RulesPanel() {
  const actions = useActions();
  const rules = useAppState((s) => s.rules);
  const rulesError = useAppState((s) => s.rulesError);
  const [open, setOpen] = useState(false);
  const fileId = useId();
  const unconfirmed = rules.rules.filter((r) => r.status !== 'verified').length;
  return (
    <section className="panel" aria-labelledby="rules-h">
      <h2 id="rules-h">防护距离规则</h2>
      <p className="meta">
        {rules.name} · {rules.rules.length} 条,其中 {unconfirmed} 条未经城市确认(见标记)。
      </p>
      {rulesError && <p role="alert" className="error">规则文件无法导入,已保留原规则:{rulesError}</p>}
      <div className="buttons">
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>{open ? '收起规则表' : '查看/编辑规则表'}</button>
        <button type="button" onClick={() => downloadText('setback-rules.json', ruleTableJson(rules), 'application/json')}>导出 JSON</button>
        <button type="button" onClick={() => downloadText('setback-rules.csv', ruleTableCsv(rules), 'text/csv;charset=utf-8')}>导出 CSV</button>
        <button type="button" onClick={() => void actions.resetRules()}>恢复默认</button>
      </div>
      <div className="rules-import">
        <label htmlFor={fileId}>导入规则表 (JSON/CSV):</label>{' '}
        <input
          id={fileId}
          type="file"
          accept=".json,.csv"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) await actions.importRules(f.name, await f.text());
          }}
        />
      </div>
      {open && (
        <div className="table-scroll tall">
          <table className="rules" aria-label="防护距离规则表">
            <thead>
              <tr><th scope="col">危险源</th><th scope="col">防护目标</th><th scope="col">距离 m</th><th scope="col">状态</th><th scope="col">依据</th></tr>
            </thead>
            <tbody>
              {rules.rules.map((r) => (
                <tr key={r.id} data-rule-id={r.id}>
                  <td>{hazardText(r)}</td>
                  <td>{targetText(r)}</td>
                  <td>
                    {r.min_distance_m === null ? (
                      '本单位评估值'
                    ) : (
                      <input
                        key={`${r.id}:${r.min_distance_m}`} // remount when the table changes under it (import, reset)
                        aria-label={`${r.id} 距离(米)`}
                        type="number"
                        min={0}
                        step={0.5}
                        defaultValue={r.min_distance_m}
                        onBlur={(e) => {
                          const v = Number(e.target.value);
                          if (e.target.value !== '' && Number.isFinite(v) && v >= 0 && v !== r.min_distance_m) void actions.updateRule(r.id, { min_distance_m: v });
                          else e.target.value = String(r.min_distance_m);
                        }}
                      />
                    )}
                  </td>
                  <td>
                    <span className={`badge badge-${r.status}`}>{SOURCE_STATUS_ZH[r.status]}</span>
                    {r.status !== 'verified' && (
                      <button type="button" className="link" onClick={() => void actions.updateRule(r.id, { status: 'verified' })}>确认</button>
                    )}
                  </td>
                  <td className="meta">
                    <details>
                      <summary>{shortSource(r.source)}</summary>
                      {r.source}
                      {r.note ? ` — ${r.note}` : ''}
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
