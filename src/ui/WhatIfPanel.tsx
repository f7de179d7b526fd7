// 一票否决 check for a proposed site: what it is, where it goes (map click, drawn polygon or typed coordinates
// in any supported CRS), and the verdict against everything loaded, with the rule and source of each finding.
import { useMemo, useState } from 'react';
import { CATEGORIES, categoryByCode, type VapourRecovery } from '../engine';
import { GEOGRAPHIC_CRS } from '../io/crs';
import type { GeographicCrs } from '../io';
import { siteName } from '../state/siteLookup';
import { useAppState, useServices } from './AppContext';
import { showMessage } from '../i18n/shownMessage';
import { categoryLabel, ruleVocabulary, statusLabel, useLocale, useT } from './i18n';
import { assessedSites, drawnRings, type DrawnRing } from '../map/proposalData';
import { ringLabelText } from '../map/ringLabel';
import { riskSummary } from './explain';
import {
  cancelPicking,
  clearProposal,
  finishPolygon,
  placeProposal,
  proposalDraftOf,
  setProposalDraft,
  startPicking,
  type ProposalDraft,
} from '../state/slices/proposal';

export function WhatIfPanel() {
  const app = useServices();
  const t = useT();
  const locale = useLocale();
  const proposal = useAppState((s) => s.proposal);
  const picking = useAppState((s) => s.picking);
  const assessment = useAppState((s) => s.assessment);
  const rules = useAppState((s) => s.rules);
  const stored = useAppState((s) => s.proposalDraft);
  const draft = useMemo(() => proposalDraftOf(stored, t), [stored, t]);
  const [lon, setLon] = useState('');
  const [lat, setLat] = useState('');
  const [crs, setCrs] = useState<GeographicCrs>('wgs84');
  const [coordError, setCoordError] = useState<string | null>(null);
  const role = categoryByCode(draft.category)?.role;
  // the rings the map draws, as text: what each one is and which clause asks it
  const rings = useMemo(() => {
    if (!proposal?.result) return [];
    const rulesById = new Map(rules.rules.map((r) => [r.id, r] as const));
    const text = (r: DrawnRing) =>
      ringLabelText(r, rulesById, ruleVocabulary(t, locale), t('whatif.ring.siteDistance'));
    const all = drawnRings(proposal, assessedSites(assessment));
    return [
      { key: 'proposal', heading: t('whatif.ringsAroundProposal'), items: all.filter((r) => !r.around).map(text) },
      { key: 'hazards', heading: t('whatif.ringsAroundHazards'), items: all.filter((r) => r.around).map(text) },
    ].filter((g) => g.items.length > 0);
  }, [proposal, assessment, rules, t, locale]);

  // the draft lives in the store: the action re-judges a placed proposal when its attributes change, and a proposal
  // restored from the link (reload, pasted link) sets it there too
  const update = (patch: Partial<ProposalDraft>) => {
    const next = { ...draft, ...patch };
    for (const k of Object.keys(patch) as (keyof ProposalDraft)[]) if (patch[k] === undefined) delete next[k];
    setProposalDraft(app, next);
  };
  const numberOrUndefined = (v: string) => (v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Number(v));

  const placeTyped = () => {
    const x = Number(lon);
    const y = Number(lat);
    if (!Number.isFinite(x) || !Number.isFinite(y) || x < 73 || x > 136 || y < 3 || y > 54) {
      setCoordError(t('whatif.coordinateRange'));
      return;
    }
    setCoordError(null);
    // the conversions (gcoord, proj4) load with the first typed coordinates, not with the page
    void import('../io/toWgs84').then(({ toWgs84 }) =>
      placeProposal(app, toWgs84({ type: 'Point', coordinates: [x, y] }, crs)),
    );
  };

  return (
    <section className="panel" aria-labelledby="whatif-h">
      <h2 id="whatif-h">{t('whatif.title')}</h2>
      <div className="form-grid">
        <label htmlFor="wi-cat">{t('whatif.category')}</label>
        <select id="wi-cat" value={draft.category} onChange={(e) => update({ category: e.target.value })}>
          <optgroup label={t('role.hazard')}>
            {CATEGORIES.filter((c) => c.role === 'hazard').map((c) => (
              <option key={c.code} value={c.code}>
                {categoryLabel(locale, c.code)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('role.target')}>
            {CATEGORIES.filter((c) => c.role === 'target').map((c) => (
              <option key={c.code} value={c.code}>
                {categoryLabel(locale, c.code)}
              </option>
            ))}
          </optgroup>
        </select>
        <label htmlFor="wi-name">{t('whatif.name')}</label>
        <input id="wi-name" value={draft.name} onChange={(e) => update({ name: e.target.value })} />
        {draft.category === 'fuel_station' && (
          <>
            <label htmlFor="wi-grade">{t('whatif.stationGrade')}</label>
            <select
              id="wi-grade"
              value={draft.stationGrade ?? ''}
              onChange={(e) =>
                update({ stationGrade: e.target.value ? (Number(e.target.value) as 1 | 2 | 3) : undefined })
              }
            >
              <option value="">{t('whatif.gradeUnknown')}</option>
              <option value="1">{t('whatif.grade1')}</option>
              <option value="2">{t('whatif.grade2')}</option>
              <option value="3">{t('whatif.grade3')}</option>
            </select>
            <label htmlFor="wi-vr">{t('whatif.vapour')}</label>
            <select
              id="wi-vr"
              value={draft.vapourRecovery ?? ''}
              onChange={(e) => update({ vapourRecovery: (e.target.value || undefined) as VapourRecovery | undefined })}
            >
              <option value="">{t('whatif.vapourUnknown')}</option>
              <option value="none">{t('whatif.vapourNone')}</option>
              <option value="unloading">{t('whatif.vapourUnloading')}</option>
              <option value="full">{t('whatif.vapourFull')}</option>
            </select>
          </>
        )}
        {role === 'hazard' && (
          <>
            <label htmlFor="wi-pd">{t('whatif.protectionDistance')}</label>
            <input
              id="wi-pd"
              inputMode="decimal"
              value={draft.protectionDistanceM ?? ''}
              onChange={(e) => update({ protectionDistanceM: numberOrUndefined(e.target.value) })}
            />
          </>
        )}
        {role === 'target' && (
          <>
            <label htmlFor="wi-users">{t('whatif.users')}</label>
            <input
              id="wi-users"
              inputMode="numeric"
              value={draft.users ?? ''}
              onChange={(e) => update({ users: numberOrUndefined(e.target.value) })}
            />
            <label htmlFor="wi-beds">{t('whatif.beds')}</label>
            <input
              id="wi-beds"
              inputMode="numeric"
              value={draft.beds ?? ''}
              onChange={(e) => update({ beds: numberOrUndefined(e.target.value) })}
            />
          </>
        )}
      </div>
      <div className="buttons">
        <button type="button" aria-pressed={picking?.mode === 'point'} onClick={() => startPicking(app, 'point')}>
          {t('whatif.pickPoint')}
        </button>
        <button type="button" aria-pressed={picking?.mode === 'polygon'} onClick={() => startPicking(app, 'polygon')}>
          {t('whatif.drawPolygon')}
        </button>
        {picking?.mode === 'polygon' && (
          <button type="button" disabled={picking.vertices.length < 3} onClick={() => finishPolygon(app)}>
            {t('whatif.finish', { n: picking.vertices.length })}
          </button>
        )}
        {picking && (
          <button type="button" onClick={() => cancelPicking(app)}>
            {t('common.cancel')}
          </button>
        )}
      </div>
      {picking && (
        <p className="meta" role="status">
          {t(picking.mode === 'point' ? 'whatif.pickPointHint' : 'whatif.drawHint')}
        </p>
      )}
      <fieldset className="coords">
        <legend>{t('whatif.orCoordinates')}</legend>
        <label htmlFor="wi-lon">{t('whatif.lon')}</label>{' '}
        <input id="wi-lon" size={11} value={lon} onChange={(e) => setLon(e.target.value)} />{' '}
        <label htmlFor="wi-lat">{t('whatif.lat')}</label>{' '}
        <input id="wi-lat" size={10} value={lat} onChange={(e) => setLat(e.target.value)} />{' '}
        <label htmlFor="wi-crs">{t('whatif.crs')}</label>{' '}
        <select id="wi-crs" value={crs} onChange={(e) => setCrs(e.target.value as GeographicCrs)}>
          {GEOGRAPHIC_CRS.map((c) => (
            <option key={c} value={c}>
              {c.toUpperCase()}
            </option>
          ))}
        </select>{' '}
        <button type="button" onClick={placeTyped}>
          {t('whatif.checkCoordinates')}
        </button>
        {coordError && (
          <p role="alert" className="error">
            {coordError}
          </p>
        )}
      </fieldset>
      {proposal && (
        <div className="verdict-box" aria-live="polite">
          {proposal.error && (
            <p role="alert" className="error">
              {t('whatif.failed', { message: showMessage(t, proposal.error) })}
            </p>
          )}
          {!proposal.result && !proposal.error && <p role="status">{t('whatif.checking')}</p>}
          {proposal.result && (
            <>
              <p>
                {t('whatif.verdict')}
                <strong className={`verdict verdict-${proposal.result.verdict}`} data-testid="proposal-verdict">
                  {statusLabel(t, proposal.result.verdict)}
                </strong>
              </p>
              {rings.length > 0 && (
                <div className="ring-list" data-testid="ring-list">
                  <p className="meta">{t('whatif.rings')}</p>
                  {rings.map((g) => (
                    <div key={g.key}>
                      <p className="meta">{g.heading}</p>
                      <ul>
                        {g.items.map((item, i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: read-only list, never reordered
                          <li key={i}>{item}</li>
                        ))}
                      </ul>
                    </div>
                  ))}
                </div>
              )}
              {proposal.result.findings.length > 0 && (
                <table aria-label={t('whatif.findings')}>
                  <thead>
                    <tr>
                      <th scope="col">{t('violations.col.status')}</th>
                      <th scope="col">{t('whatif.col.other')}</th>
                      <th scope="col">{t('violations.col.distance')}</th>
                      <th scope="col">{t('violations.col.required')}</th>
                      <th scope="col">{t('violations.col.shortfall')}</th>
                      <th scope="col">{t('whatif.col.rule')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {proposal.result.findings.map((f, i) => {
                      const other = f.hazardId === proposal.site.id ? f.targetId : f.hazardId;
                      return (
                        // biome-ignore lint/suspicious/noArrayIndexKey: read-only list, never reordered
                        <tr key={i}>
                          <td>{statusLabel(t, f.status)}</td>
                          <td>{(assessment && siteName(assessment, other)) ?? other}</td>
                          <td>{f.distanceM.toFixed(2)}</td>
                          {/* a QRA finding has a criterion, not a distance */}
                          <td>{f.risk ? riskSummary(f, t) : (f.requiredM ?? '—')}</td>
                          <td>{f.shortfallM === null ? '—' : f.shortfallM.toFixed(2)}</td>
                          <td>
                            {f.ruleId}
                            {t('explain.titleSeparator')}
                            {f.source}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              )}
            </>
          )}
          <button type="button" onClick={() => clearProposal(app)}>
            {t('whatif.clear')}
          </button>
        </div>
      )}
    </section>
  );
}
