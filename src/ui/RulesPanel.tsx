// The protection-distance rule table: every rule with its source, the clause it quotes and where that was read, and
// its status; a city's own rule is labelled as such. The city can change a distance, confirm a rule, and import or
// export the whole table (JSON or CSV). A bad file leaves the table as it was.
import { showMessage } from '../i18n/shownMessage';
import { useMemo, useState } from 'react';
import { isCityRule, needsCityLabel, ruleHazardText, ruleTargetText, shortSource, type SetbackRule } from '../engine';
import type { Translate } from '../i18n/translate';
import { ruleTableFile } from '../io/configFiles';
import { useAppState, useServices } from './AppContext';
import { downloadText } from './download';
import { ruleVocabulary, useLocale, useT } from './i18n';
import { importRules, resetRules, updateRule } from '../state/slices/method';
import { FileUpload } from './FileUpload';

export function RulesPanel() {
  const app = useServices();
  const rules = useAppState((s) => s.rules);
  const rulesError = useAppState((s) => s.rulesError);
  const [open, setOpen] = useState(false);
  const t = useT();
  const locale = useLocale();
  const words = useMemo(() => ruleVocabulary(t, locale), [t, locale]);
  const unconfirmed = rules.rules.filter((r) => r.status !== 'verified' && r.status !== 'official').length;
  const stats = useAppState((s) => s.assessment?.stats);
  const unchecked = stats
    ? rules.rules.filter((r) => (stats.hazardsByRule[r.id] ?? 0) > 0 && stats.targetsByRule[r.id] === 0).length
    : 0;
  return (
    <section className="panel" aria-labelledby="rules-h">
      <h2 id="rules-h">{t('rules.title')}</h2>
      <p className="meta">{t('rules.summary', { name: rules.name, n: rules.rules.length, unconfirmed })}</p>
      {unchecked > 0 && (
        <p className="meta" role="note" data-testid="rules-unchecked">
          {t('rules.uncheckedSummary', { n: unchecked })}
        </p>
      )}
      {rulesError && (
        <p role="alert" className="error">
          {t('rules.refused', { message: showMessage(t, rulesError) })}
        </p>
      )}
      <div className="buttons">
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t(open ? 'rules.hide' : 'rules.show')}
        </button>
        <button
          type="button"
          onClick={() => {
            const f = ruleTableFile(rules); // the bytes the white paper lists when the table is not the shipped one
            downloadText(f.file, f.text, 'application/json');
          }}
        >
          {t('rules.exportJson')}
        </button>
        <button
          type="button"
          onClick={() =>
            void import('../io/ruleTableFiles').then(({ ruleTableCsv }) =>
              downloadText('setback-rules.csv', ruleTableCsv(rules), 'text/csv;charset=utf-8'),
            )
          }
        >
          {t('rules.exportCsv')}
        </button>
        <button type="button" onClick={() => void resetRules(app)}>
          {t('rules.reset')}
        </button>
      </div>
      <div className="rules-import">
        <FileUpload
          label={t('rules.import')}
          accept=".json,.csv"
          onFile={async (f) => importRules(app, f.name, await f.text())}
        />
      </div>
      {open && (
        <div className="table-scroll tall">
          <table className="rules" aria-label={t('rules.table')}>
            <thead>
              <tr>
                <th scope="col">{t('rules.col.hazard')}</th>
                <th scope="col">{t('rules.col.target')}</th>
                <th scope="col">{t('rules.col.distance')}</th>
                <th scope="col">{t('rules.col.checked')}</th>
                <th scope="col">{t('rules.col.status')}</th>
                <th scope="col">{t('rules.col.source')}</th>
              </tr>
            </thead>
            <tbody>
              {rules.rules.map((r) => (
                <tr key={r.id} data-rule-id={r.id}>
                  <td>{ruleHazardText(r, words)}</td>
                  <td>{ruleTargetText(r, words)}</td>
                  <td>
                    {r.min_distance_m === null ? (
                      t('rules.ownAssessment')
                    ) : r.kind === 'not_inside' ? (
                      t('rules.containment')
                    ) : (
                      <input
                        key={`${r.id}:${r.min_distance_m}`} // remount when the table changes under it (import, reset)
                        aria-label={t('rules.distanceLabel', { id: r.id })}
                        type="number"
                        min={0}
                        step={0.5}
                        defaultValue={r.min_distance_m}
                        onBlur={(e) => {
                          const v = Number(e.target.value);
                          if (e.target.value !== '' && Number.isFinite(v) && v >= 0 && v !== r.min_distance_m)
                            void updateRule(app, r.id, { min_distance_m: v });
                          else e.target.value = String(r.min_distance_m);
                        }}
                      />
                    )}
                  </td>
                  <td data-testid="rule-checked">
                    {checkedText(t, stats?.hazardsByRule[r.id] ?? 0, stats?.targetsByRule[r.id])}
                  </td>
                  <td>
                    <span className={`badge badge-${r.status}`}>{t(`source.${r.status}`)}</span>
                    {/* a city rule stays labelled as the city's: confirming applies to rules read from a standard */}
                    {r.status !== 'verified' && r.status !== 'official' && !isCityRule(r) && (
                      <button
                        type="button"
                        className="link"
                        onClick={() => void updateRule(app, r.id, { status: 'verified' })}
                      >
                        {t('rules.confirm')}
                      </button>
                    )}
                  </td>
                  <td className="meta">
                    <details>
                      <summary>
                        <bdi className="data">{shortSource(r.source)}</bdi>
                        {needsCityLabel(r) && t('rules.cityRuleLabel')}
                      </summary>
                      {r.source}
                      {r.note ? ` — ${r.note}` : ''}
                      <RuleProvenanceText rule={r} t={t} />
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

/**
 * What the rule checked in this assessment: a rule with hazards but no site of its target class in the data checked
 * nothing (无检查对象), which is never 符合.
 */
function checkedText(t: Translate, hazards: number, targets: number | undefined): string {
  if (targets === undefined) return '—';
  if (hazards === 0) return t('rules.checked.noHazards');
  if (targets === 0) return t('rules.checked.noTargets', { hazards });
  return t('rules.checked.pairs', { hazards, targets });
}

/** The clause a rule rests on, as read, and where (addresses shown as text, never as live links: the app is offline). */
function RuleProvenanceText({ rule, t }: { rule: SetbackRule; t: Translate }) {
  const p = rule.provenance;
  if (!p) return <p>{t('rules.provenance.none')}</p>;
  const basis = [p.standard, p.edition, p.clause].filter(Boolean).join(',');
  return (
    <>
      {basis && <p>{t('rules.provenance.basis', { text: basis })}</p>}
      {p.quote && <p>{t('rules.provenance.quote', { text: p.quote })}</p>}
      {p.readAt.length > 0 && (
        <p>
          {t('rules.provenance.readAt')}
          {p.readAt.map((u) => (
            <bdi key={u} className="data url">{` ${u}`}</bdi>
          ))}
        </p>
      )}
      {p.remark && <p>{t('rules.provenance.remark', { text: p.remark })}</p>}
    </>
  );
}
