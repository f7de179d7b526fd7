// 一票否决 check for a proposed site: what it is, where it goes (map click, drawn polygon or typed coordinates
// in any supported CRS), and the verdict against everything loaded, with the rule and source of each finding.
import { useEffect, useMemo, useState } from 'react';
import { CATEGORIES, categoryByCode, VIOLATION_STATUS_ZH, type VapourRecovery } from '../engine';
import { CRS_CHOICES, toWgs84, type Crs } from '../io';
import type { ProposalDraft } from '../state/actions';
import { useActions, useAppState } from './AppContext';

const VERDICT_ZH = { compliant: '符合', ...VIOLATION_STATUS_ZH } as const;

export function WhatIfPanel() {
  const actions = useActions();
  const proposal = useAppState((s) => s.proposal);
  const picking = useAppState((s) => s.picking);
  const assessment = useAppState((s) => s.assessment);
  const [draft, setDraft] = useState<ProposalDraft>({ id: 'PROPOSED-1', name: '拟建项目', category: 'fuel_station' });
  const [lon, setLon] = useState('');
  const [lat, setLat] = useState('');
  const [crs, setCrs] = useState<Crs>('wgs84');
  const [coordError, setCoordError] = useState<string | null>(null);
  const role = categoryByCode(draft.category)?.role;
  const names = useMemo(() => new Map(assessment?.sites.map((s) => [s.id, s.name]) ?? []), [assessment]);

  // keep the engine's draft in step; re-judge a placed proposal when its attributes change
  useEffect(() => {
    actions.setProposalDraft(draft);
    const placed = proposal?.site.geometry;
    if (placed) void actions.placeProposal(placed);
  }, [draft]);

  const update = (patch: Partial<ProposalDraft>) => setDraft((d) => {
    const next = { ...d, ...patch };
    for (const k of Object.keys(patch) as (keyof ProposalDraft)[]) if (patch[k] === undefined) delete next[k];
    return next;
  });
  const numberOrUndefined = (v: string) => (v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Number(v));

  const placeTyped = () => {
    const x = Number(lon);
    const y = Number(lat);
    if (!Number.isFinite(x) || !Number.isFinite(y) || x < 73 || x > 136 || y < 3 || y > 54) {
      setCoordError('请输入中国范围内的经度 (73–136) 和纬度 (3–54)');
      return;
    }
    setCoordError(null);
    void actions.placeProposal(toWgs84({ type: 'Point', coordinates: [x, y] }, crs));
  };

  return (
    <section className="panel" aria-labelledby="whatif-h">
      <h2 id="whatif-h">拟建项目核查(一票否决)</h2>
      <div className="form-grid">
        <label htmlFor="wi-cat">类别</label>
        <select id="wi-cat" value={draft.category} onChange={(e) => update({ category: e.target.value })}>
          <optgroup label="危险源">{CATEGORIES.filter((c) => c.role === 'hazard').map((c) => <option key={c.code} value={c.code}>{c.zh}</option>)}</optgroup>
          <optgroup label="防护目标">{CATEGORIES.filter((c) => c.role === 'target').map((c) => <option key={c.code} value={c.code}>{c.zh}</option>)}</optgroup>
        </select>
        <label htmlFor="wi-name">名称</label>
        <input id="wi-name" value={draft.name} onChange={(e) => update({ name: e.target.value })} />
        {draft.category === 'fuel_station' && (
          <>
            <label htmlFor="wi-grade">站级</label>
            <select id="wi-grade" value={draft.stationGrade ?? ''} onChange={(e) => update({ stationGrade: e.target.value ? (Number(e.target.value) as 1 | 2 | 3) : undefined })}>
              <option value="">未知(按一级从严)</option><option value="1">一级</option><option value="2">二级</option><option value="3">三级</option>
            </select>
            <label htmlFor="wi-vr">油气回收</label>
            <select id="wi-vr" value={draft.vapourRecovery ?? ''} onChange={(e) => update({ vapourRecovery: (e.target.value || undefined) as VapourRecovery | undefined })}>
              <option value="">未知(按无从严)</option><option value="none">无</option><option value="unloading">卸油油气回收</option><option value="full">卸油和加油油气回收</option>
            </select>
          </>
        )}
        {role === 'hazard' && (
          <>
            <label htmlFor="wi-pd">外部安全防护距离 (m)</label>
            <input id="wi-pd" inputMode="decimal" value={draft.protectionDistanceM ?? ''} onChange={(e) => update({ protectionDistanceM: numberOrUndefined(e.target.value) })} />
          </>
        )}
        {role === 'target' && (
          <>
            <label htmlFor="wi-users">使用人数</label>
            <input id="wi-users" inputMode="numeric" value={draft.users ?? ''} onChange={(e) => update({ users: numberOrUndefined(e.target.value) })} />
            <label htmlFor="wi-beds">床位数</label>
            <input id="wi-beds" inputMode="numeric" value={draft.beds ?? ''} onChange={(e) => update({ beds: numberOrUndefined(e.target.value) })} />
          </>
        )}
      </div>
      <div className="buttons">
        <button type="button" aria-pressed={picking?.mode === 'point'} onClick={() => actions.startPicking('point')}>在地图上点选位置</button>
        <button type="button" aria-pressed={picking?.mode === 'polygon'} onClick={() => actions.startPicking('polygon')}>在地图上绘制范围</button>
        {picking?.mode === 'polygon' && (
          <button type="button" disabled={picking.vertices.length < 3} onClick={() => actions.finishPolygon()}>完成({picking.vertices.length} 个顶点)</button>
        )}
        {picking && <button type="button" onClick={() => actions.cancelPicking()}>取消</button>}
      </div>
      {picking && <p className="meta" role="status">{picking.mode === 'point' ? '请在地图上单击拟建位置' : '请在地图上依次单击范围顶点,至少 3 个'}</p>}
      <fieldset className="coords">
        <legend>或输入坐标</legend>
        <label htmlFor="wi-lon">经度</label> <input id="wi-lon" size={11} value={lon} onChange={(e) => setLon(e.target.value)} />{' '}
        <label htmlFor="wi-lat">纬度</label> <input id="wi-lat" size={10} value={lat} onChange={(e) => setLat(e.target.value)} />{' '}
        <label htmlFor="wi-crs">坐标系</label>{' '}
        <select id="wi-crs" value={crs} onChange={(e) => setCrs(e.target.value as Crs)}>{CRS_CHOICES.map((c) => <option key={c} value={c}>{c.toUpperCase()}</option>)}</select>{' '}
        <button type="button" onClick={placeTyped}>按坐标核查</button>
        {coordError && <p role="alert" className="error">{coordError}</p>}
      </fieldset>
      {proposal && (
        <div className="verdict-box" aria-live="polite">
          {proposal.error && <p role="alert" className="error">核查失败:{proposal.error}</p>}
          {!proposal.result && !proposal.error && <p role="status">核查中…</p>}
          {proposal.result && (
            <>
              <p>
                结论:<strong className={`verdict verdict-${proposal.result.verdict}`} data-testid="proposal-verdict">{VERDICT_ZH[proposal.result.verdict]}</strong>
                {proposal.result.ringsM.length > 0 && <span className="meta"> · 图上虚线圈为各规则要求距离(仅作示意)</span>}
              </p>
              {proposal.result.findings.length > 0 && (
                <table aria-label="拟建项目防护距离问题">
                  <thead><tr><th scope="col">状态</th><th scope="col">相关场所</th><th scope="col">实测 m</th><th scope="col">要求 m</th><th scope="col">差距 m</th><th scope="col">规则与依据</th></tr></thead>
                  <tbody>
                    {proposal.result.findings.map((f, i) => {
                      const other = f.hazardId === proposal.site.id ? f.targetId : f.hazardId;
                      return (
                        <tr key={i}>
                          <td>{VIOLATION_STATUS_ZH[f.status]}</td>
                          <td>{names.get(other) ?? other}</td>
                          <td>{f.distanceM.toFixed(2)}</td>
                          <td>{f.requiredM ?? '—'}</td>
                          <td>{f.shortfallM === null ? '—' : f.shortfallM.toFixed(2)}</td>
                          <td>{f.ruleId}:{f.source}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              )}
            </>
          )}
          <button type="button" onClick={() => actions.clearProposal()}>清除拟建项目</button>
        </div>
      )}
    </section>
  );
}
