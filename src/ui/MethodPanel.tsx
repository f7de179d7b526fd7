// How sites are scored and zones aggregated: the risk-matrix scheme (cells shown with their level names), LEC bands,
// aggregation mode with its stated thresholds, the zoning units (polygons or a grid), and the profile as a file.
// Every edit goes through the profile schema; a rejected edit leaves the profile in force as it was.
import { showMessage } from '../i18n/shownMessage';
import { useId, useState } from 'react';
import { Message } from './Message';
import { GRID_SHAPES, LEVELS, RISK_MATRIX_METHODS, type MethodProfile } from '../engine';
import { LEVEL_FILL } from '../engine';
import { useAppState, useServices } from './AppContext';
import { methodProfileFile } from '../io/configFiles';
import { downloadText } from './download';
import { ReachProfileSection } from './ReachProfileSection';
import { levelLabel, useT } from './i18n';
import { importProfile, setMatrixScheme, setProfile, setReachRaise } from '../state/slices/method';
import { importZones, setZoning } from '../state/slices/data';
import { FileUpload } from './FileUpload';

export function MethodPanel() {
  const app = useServices();
  const { store } = app;
  const t = useT();
  const profile = useAppState((s) => s.profile);
  const profileError = useAppState((s) => s.profileError);
  const zoning = useAppState((s) => s.zoning);
  const zonesSource = useAppState((s) => s.zonesSource);
  const zonesError = useAppState((s) => s.zonesError);
  const [cellM, setCellM] = useState(zoning.kind === 'grid' ? zoning.cellM : 1000);
  const ids = { scheme: useId(), cell: useId() };
  const agg = profile.aggregation;
  const edit = (patch: (p: MethodProfile) => MethodProfile) => setProfile(app, patch(structuredClone(profile)));
  /** A number field that applies on blur and then shows the value in force (a refused edit springs back). */
  const numberInput = (
    label: string,
    value: number,
    apply: (v: number) => Promise<void>,
    inForce: (p: MethodProfile) => number,
    step = 1,
  ) => (
    <label className="inline-number" key={label}>
      {label}{' '}
      <input
        key={`${label}:${value}`}
        type="number"
        step={step}
        defaultValue={value}
        aria-label={label}
        onBlur={(e) => {
          const el = e.target;
          const v = Number(el.value);
          if (el.value !== '' && Number.isFinite(v) && v !== value)
            void apply(v).then(() => (el.value = String(inForce(store.getState().profile))));
          else el.value = String(value);
        }}
      />
    </label>
  );

  return (
    <section className="panel" aria-labelledby="method-h">
      <h2 id="method-h">{t('method.title')}</h2>
      {profileError && (
        <p role="alert" className="error">
          {t('method.refused', { message: showMessage(t, profileError) })}
        </p>
      )}
      <p className="meta">
        {profile.name}(profile {profile.id})
      </p>
      <h3>{t('method.matrix')}</h3>
      <label htmlFor={ids.scheme}>{t('method.scheme')}</label>{' '}
      <select id={ids.scheme} value={profile.matrix.id} onChange={(e) => void setMatrixScheme(app, e.target.value)}>
        {RISK_MATRIX_METHODS.map((m) => (
          <option key={m.id} value={m.id}>
            {t('method.schemeOption', { name: m.name, status: t(`source.${m.status}`) })}
          </option>
        ))}
      </select>
      <table className="matrix" aria-label={t('method.matrixTable', { id: profile.matrix.id })}>
        <thead>
          <tr>
            <th scope="col">L \ S</th>
            {[1, 2, 3, 4, 5].map((s) => (
              <th key={s} scope="col">
                {s}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {profile.matrix.cells.map((row, l) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a matrix row is its likelihood (L = index + 1)
            <tr key={l}>
              <th scope="row">{l + 1}</th>
              {row.map((level, s) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a matrix cell is its severity (S = index + 1)
                <td key={s} style={{ background: LEVEL_FILL[level] }} className={`cell-${level}`}>
                  {(l + 1) * (s + 1)} {t(`level.short.${level}`)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>{t('method.scales')}</summary>
        <p className="meta">
          {t('method.likelihood', { values: profile.matrix.likelihoodScale.join(t('method.scaleSeparator')) })}
        </p>
        <p className="meta">
          {t('method.severity', { values: profile.matrix.severityScale.join(t('method.scaleSeparator')) })}
        </p>
        <p className="meta">
          {t('method.source', { source: profile.matrix.source })}
          {profile.matrix.note ? ` — ${profile.matrix.note}` : ''}
        </p>
      </details>
      <h3>{t('method.lecTitle')}</h3>
      <p className="meta">
        {t('method.lecBoundary', { boundary: profile.lec.boundary })}
        {profile.lec.boundaryNote ? ` ${profile.lec.boundaryNote}` : ''}
      </p>
      <div className="thresholds">
        {profile.lec.bands.slice(0, 3).map((b, i) =>
          numberInput(
            `${levelLabel(t, b.level)} D ${profile.lec.boundary === 'per band' && b.inclusive ? '≥' : '>'}`,
            b.above,
            (v) => edit((p) => ((p.lec.bands[i]!.above = v), p)),
            (p) => p.lec.bands[i]!.above,
          ),
        )}
      </div>
      <p className="meta">
        {t('method.majorHazard', {
          r1: profile.majorHazard.gradeFromR[0]!.atLeast,
          r2: profile.majorHazard.gradeFromR[1]!.atLeast,
          r3: profile.majorHazard.gradeFromR[2]!.atLeast,
        })}
      </p>
      <h3>{t('method.aggregation')}</h3>
      <fieldset className="modes">
        <legend className="meta">{t('method.aggregationMode')}</legend>
        {(['max', 'index', 'relative'] as const).map((m) => (
          <label key={m} className="block">
            <input
              type="radio"
              name="agg-mode"
              checked={agg.mode === m}
              onChange={() => void edit((p) => ((p.aggregation.mode = m), p))}
            />{' '}
            {t(`mode.long.${m}`)}
          </label>
        ))}
      </fieldset>
      {agg.mode === 'index' && (
        <div className="thresholds">
          <p className="meta">
            {t('method.weights', {
              weights: LEVELS.map((l) => `${levelLabel(t, l)} ${agg.index.weights[l]}`).join(t('list.separator')),
              normaliser: t(agg.index.normaliser === 'area' ? 'method.perArea' : 'method.perPopulation'),
            })}
          </p>
          <label>
            {t('method.normaliser')}{' '}
            <select
              value={agg.index.normaliser}
              onChange={(e) => void edit((p) => ((p.aggregation.index.normaliser = e.target.value as 'area'), p))}
            >
              <option value="area">{t('method.normaliserArea')}</option>
              <option value="population">{t('method.normaliserPopulation')}</option>
            </select>
          </label>
          {agg.index.thresholds.slice(0, 3).map((th, i) =>
            numberInput(
              `${levelLabel(t, th.level)} I ≥`,
              th.atLeast,
              (v) => edit((p) => ((p.aggregation.index.thresholds[i]!.atLeast = v), p)),
              (p) => p.aggregation.index.thresholds[i]!.atLeast,
              0.1,
            ),
          )}
        </div>
      )}
      {agg.mode === 'relative' && (
        <div className="thresholds">
          <p className="meta">{t('method.relativeNote')}</p>
          {agg.relative.quantiles.slice(0, 3).map((q, i) =>
            numberInput(
              t('method.top', { level: levelLabel(t, q.level) }),
              q.top,
              (v) => edit((p) => ((p.aggregation.relative.quantiles[i]!.top = v), p)),
              (p) => p.aggregation.relative.quantiles[i]!.top,
              0.05,
            ),
          )}
        </div>
      )}
      <h3>{t('method.units')}</h3>
      <fieldset className="modes">
        <legend className="meta">{t('method.unit')}</legend>
        <label className="block">
          <input
            type="radio"
            name="zoning"
            checked={zoning.kind === 'polygons'}
            onChange={() => void setZoning(app, { kind: 'polygons' })}
          />{' '}
          <Message
            id="method.polygons"
            values={{ source: zonesSource ? <bdi className="data">{zonesSource}</bdi> : t('method.notLoaded') }}
          />
        </label>
        {GRID_SHAPES.map((shape) => (
          <label key={shape} className="block">
            <input
              type="radio"
              name="zoning"
              checked={zoning.kind === 'grid' && zoning.shape === shape}
              onChange={() => void setZoning(app, { kind: 'grid', shape, cellM })}
            />{' '}
            {t(shape === 'square' ? 'method.gridSquare' : 'method.gridHex')}
            {t('method.gridNote')}
          </label>
        ))}
        <label htmlFor={ids.cell}>{t('method.cellSize')}</label>{' '}
        <input
          id={ids.cell}
          type="number"
          min={50}
          step={50}
          value={cellM}
          onChange={(e) => setCellM(Number(e.target.value))}
        />{' '}
        <button
          type="button"
          disabled={zoning.kind !== 'grid' || !(cellM >= 50) || (zoning.kind === 'grid' && zoning.cellM === cellM)}
          onClick={() => zoning.kind === 'grid' && void setZoning(app, { ...zoning, cellM })}
        >
          {t('method.apply')}
        </button>
      </fieldset>
      {zonesError && (
        <p role="alert" className="error">
          {t('method.zonesRefused', { message: showMessage(t, zonesError) })}
        </p>
      )}
      <FileUpload
        label={t('method.uploadZones')}
        accept=".geojson,.json"
        onFile={async (f) => importZones(app, f.name, new Uint8Array(await f.arrayBuffer()))}
      />
      <h3>{t('method.reachTitle')}</h3>
      <label className="block">
        <input
          type="checkbox"
          checked={profile.reachRaise.enabled}
          onChange={(e) => void setReachRaise(app, e.target.checked)}
        />{' '}
        {t('method.reachRaise')}
      </label>
      <p className="meta">{t('method.source', { source: profile.reachRaise.source })}</p>
      <ReachProfileSection />
      <h3>{t('method.file')}</h3>
      <div className="buttons">
        <button
          type="button"
          onClick={() => {
            const f = methodProfileFile(profile); // the bytes the white paper lists when the profile is not the shipped one
            downloadText(f.file, f.text, 'application/json');
          }}
        >
          {t('method.export')}
        </button>
      </div>
      <FileUpload
        label={t('method.import')}
        accept=".json"
        onFile={async (f) => importProfile(app, f.name, await f.text())}
      />
    </section>
  );
}
