// How sites are scored and zones aggregated: the risk-matrix scheme (cells shown with their level names), LEC bands,
// aggregation mode with its stated thresholds, the zoning units (polygons or a grid), and the profile as a file.
// Every edit goes through the profile schema; a rejected edit leaves the profile in force as it was.
import { useId, useState } from 'react';
import { LEVEL_ZH, LEVELS, RISK_MATRIX_METHODS, SOURCE_STATUS_ZH, type AggregationMode, type MethodProfile } from '../engine';
import { LEVEL_FILL } from '../figures/palette';
import { useAppState, useServices } from './AppContext';
import { downloadText } from './download';

const MODE_ZH: Record<AggregationMode, string> = {
  max: '就高 (max):分区取区内或防护范围覆盖的最高风险点等级',
  index: '加权指数 (index):Σ 等级权重 ÷ 面积或人口,按设定阈值分级',
  relative: '相对分级 (relative):风险点密度按分位数排名,颜色为相对排名',
};

export function MethodPanel() {
  const { actions, store } = useServices();
  const profile = useAppState((s) => s.profile);
  const profileError = useAppState((s) => s.profileError);
  const zoning = useAppState((s) => s.zoning);
  const zonesSource = useAppState((s) => s.zonesSource);
  const zonesError = useAppState((s) => s.zonesError);
  const [cellM, setCellM] = useState(zoning.kind === 'grid' ? zoning.cellM : 1000);
  const ids = { profile: useId(), zones: useId(), scheme: useId(), cell: useId() };
  const agg = profile.aggregation;
  const edit = (patch: (p: MethodProfile) => MethodProfile) => actions.setProfile(patch(structuredClone(profile)));
  /** A number field that applies on blur and then shows the value in force (a refused edit springs back). */
  const numberInput = (label: string, value: number, apply: (v: number) => Promise<void>, inForce: (p: MethodProfile) => number, step = 1) => (
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
          if (el.value !== '' && Number.isFinite(v) && v !== value) void apply(v).then(() => (el.value = String(inForce(store.getState().profile))));
          else el.value = String(value);
        }}
      />
    </label>
  );

  return (
    <section className="panel" aria-labelledby="method-h">
      <h2 id="method-h">评估方法与分区</h2>
      {profileError && <p role="alert" className="error">方法设置未采用,原设置继续有效:{profileError}</p>}
      <p className="meta">{profile.name}(profile {profile.id})</p>

      <h3>风险矩阵 R = L × S</h3>
      <label htmlFor={ids.scheme}>方案</label>{' '}
      <select id={ids.scheme} value={profile.matrix.id} onChange={(e) => void actions.setMatrixScheme(e.target.value)}>
        {RISK_MATRIX_METHODS.map((m) => <option key={m.id} value={m.id}>{m.name}({SOURCE_STATUS_ZH[m.status]})</option>)}
      </select>
      <table className="matrix" aria-label={`风险矩阵 ${profile.matrix.id}:行为可能性 L,列为严重性 S`}>
        <thead><tr><th scope="col">L \ S</th>{[1, 2, 3, 4, 5].map((s) => <th key={s} scope="col">{s}</th>)}</tr></thead>
        <tbody>
          {profile.matrix.cells.map((row, l) => (
            <tr key={l}>
              <th scope="row">{l + 1}</th>
              {row.map((level, s) => (
                <td key={s} style={{ background: LEVEL_FILL[level] }} className={`cell-${level}`}>{(l + 1) * (s + 1)} {LEVEL_ZH[level].replace('风险', '')}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>L、S 取值说明与出处</summary>
        <p className="meta">可能性 L:{profile.matrix.likelihoodScale.join(';')}</p>
        <p className="meta">严重性 S:{profile.matrix.severityScale.join(';')}</p>
        <p className="meta">出处:{profile.matrix.source}{profile.matrix.note ? ` — ${profile.matrix.note}` : ''}</p>
      </details>

      <h3>LEC D = L × E × C</h3>
      <p className="meta">D 大于阈值即取该级(边界规则 {profile.lec.boundary}):</p>
      <div className="thresholds">
        {profile.lec.bands.slice(0, 3).map((b, i) =>
          numberInput(`${LEVEL_ZH[b.level]} D >`, b.above, (v) => edit((p) => ((p.lec.bands[i]!.above = v), p)), (p) => p.lec.bands[i]!.above),
        )}
      </div>
      <p className="meta">重大危险源:一级 R ≥ {profile.majorHazard.gradeFromR[0]!.atLeast}、二级 ≥ {profile.majorHazard.gradeFromR[1]!.atLeast}、三级 ≥ {profile.majorHazard.gradeFromR[2]!.atLeast},其余四级 → 红/橙/黄/蓝。一个风险点有多种评分时取最高等级。</p>

      <h3>分区聚合</h3>
      <fieldset className="modes">
        <legend className="meta">聚合方式</legend>
        {(['max', 'index', 'relative'] as const).map((m) => (
          <label key={m} className="block">
            <input type="radio" name="agg-mode" checked={agg.mode === m} onChange={() => void edit((p) => ((p.aggregation.mode = m), p))} /> {MODE_ZH[m]}
          </label>
        ))}
      </fieldset>
      {agg.mode === 'index' && (
        <div className="thresholds">
          <p className="meta">权重:{LEVELS.map((l) => `${LEVEL_ZH[l]} ${agg.index.weights[l]}`).join('、')};按{agg.index.normaliser === 'area' ? '面积 (km²)' : '人口 (万人)'}归一</p>
          <label>
            归一方式{' '}
            <select value={agg.index.normaliser} onChange={(e) => void edit((p) => ((p.aggregation.index.normaliser = e.target.value as 'area'), p))}>
              <option value="area">每 km²</option>
              <option value="population">每万人(分区须有 population 属性)</option>
            </select>
          </label>
          {agg.index.thresholds.slice(0, 3).map((t, i) =>
            numberInput(`${LEVEL_ZH[t.level]} I ≥`, t.atLeast, (v) => edit((p) => ((p.aggregation.index.thresholds[i]!.atLeast = v), p)), (p) => p.aggregation.index.thresholds[i]!.atLeast, 0.1),
          )}
        </div>
      )}
      {agg.mode === 'relative' && (
        <div className="thresholds">
          <p className="meta">按密度排名,累计占比(颜色为相对排名,非绝对风险):</p>
          {agg.relative.quantiles.slice(0, 3).map((q, i) =>
            numberInput(`${LEVEL_ZH[q.level]} 前`, q.top, (v) => edit((p) => ((p.aggregation.relative.quantiles[i]!.top = v), p)), (p) => p.aggregation.relative.quantiles[i]!.top, 0.05),
          )}
        </div>
      )}

      <h3>分区单元</h3>
      <fieldset className="modes">
        <legend className="meta">单元</legend>
        <label className="block">
          <input type="radio" name="zoning" checked={zoning.kind === 'polygons'} onChange={() => void actions.setZoning({ kind: 'polygons' })} /> 分区多边形:{zonesSource || '未加载'}
        </label>
        {(['square', 'hex'] as const).map((shape) => (
          <label key={shape} className="block">
            <input type="radio" name="zoning" checked={zoning.kind === 'grid' && zoning.shape === shape} onChange={() => void actions.setZoning({ kind: 'grid', shape, cellM })} />{' '}
            {shape === 'square' ? '方形网格' : '六边形网格'}(覆盖上述分区范围,同级相邻网格合并)
          </label>
        ))}
        <label htmlFor={ids.cell}>网格尺寸 (m)</label>{' '}
        <input id={ids.cell} type="number" min={50} step={50} value={cellM} onChange={(e) => setCellM(Number(e.target.value))} />{' '}
        <button type="button" disabled={zoning.kind !== 'grid' || !(cellM >= 50) || (zoning.kind === 'grid' && zoning.cellM === cellM)} onClick={() => zoning.kind === 'grid' && void actions.setZoning({ ...zoning, cellM })}>应用</button>
      </fieldset>
      {zonesError && <p role="alert" className="error">分区文件无法导入,原分区保留:{zonesError}</p>}
      <label htmlFor={ids.zones}>上传分区 GeoJSON(区县、街道、园区;可含 population 属性):</label>{' '}
      <input id={ids.zones} type="file" accept=".geojson,.json" onChange={async (e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) await actions.importZones(f.name, new Uint8Array(await f.arrayBuffer())); }} />

      <h3>方法文件</h3>
      <div className="buttons">
        <button type="button" onClick={() => downloadText(`method-profile-${profile.id}.json`, JSON.stringify(profile, null, 2) + '\n', 'application/json')}>导出方法 JSON</button>
      </div>
      <label htmlFor={ids.profile}>导入方法 JSON:</label>{' '}
      <input id={ids.profile} type="file" accept=".json" onChange={async (e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) await actions.importProfile(f.name, await f.text()); }} />
    </section>
  );
}
