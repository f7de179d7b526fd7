// The report's sentences on rescue within reach: the overview's paragraph (counts from cover.csv, shelters.csv and
// shelter-zones.csv) and what the data lack (no resource, no shelter, no population, circles assumed, capacities
// unknown, resources off the road network) — each said, none read as covered or sufficient.
import { isReachCategory, type Assessment, type ReachAssessment, type ReachProfile } from '../engine';
import { screeningText } from '../figures/reachBasis';

export function reachOverview(a: Assessment, r: ReachAssessment, p: ReachProfile): string[] {
  const out: string[] = [];
  const mode = r.mode === 'network' ? '按上传路网计算' : '直线距离初筛,未上传路网,须以路网复核';
  if (r.cover) {
    const uncovered = r.cover.filter((c) => c.status === 'uncovered').length;
    const high = r.cover.filter((c) => c.highRiskUncovered);
    const byCircle = p.circles
      .map((c) => ({ c, n: r.cover!.filter((x) => x.circle === c.id).length }))
      .filter((x) => x.n > 0)
      .map((x) => `${x.c.zh}(自接警起 ${x.c.targetMinutes} 分钟)${x.n} 个`)
      .join('、');
    const zonesShort = (r.zones ?? []).filter((z) => z.coveredShare !== null && z.coveredShare < 1).length;
    out.push(
      `救援可达(${mode}):纳入消防站与救援队 ${r.resources.length} 处;风险点与防护目标 ${r.cover.length} 个按所在分区适用${byCircle},` +
        `其中 ${uncovered} 个在其救援圈外,含重大风险点 ${high.filter((c) => c.level === 'red').length} 个、较大风险点 ${high.filter((c) => c.level === 'orange').length} 个(见表4、图7)。` +
        (r.zones ? `${r.zones.length} 个分区中 ${zonesShort} 个未被救援圈全部覆盖。` : '') +
        (r.stations
          ? `有辖区的消防站 ${r.stations.length} 处,辖区面积超过上限(${p.stationAreaSource.standard} ${p.stationAreaSource.clause})的 ${r.stations.filter((s) => s.status === 'exceeds').length} 处(见 station-districts.csv)。`
          : ''),
    );
  } else out.push('救援可达:数据中没有消防站或救援队(无救援力量数据),未作救援可达判定,不视为已覆盖;未生成图7与表4。');
  if (r.shelters) {
    const s = r.shelters;
    const noPopulation = s.populationSource === 'none' || s.shelters.every((x) => x.population === null);
    const unknown = s.shelters.filter((x) => x.capacity === null).length;
    const short = s.zones.filter((z) => z.status === 'deficit');
    out.push(
      `应急避难场所:${s.shelters.length} 处(容量未知 ${unknown} 处),服务范围${s.mode === 'walking' ? '按路网步行时间' : '按各类服务半径'}。` +
        (noPopulation
          ? '数据中无人口(未上传人口网格,居住区亦无人数或户数),容量是否充足未作判定,不视为充足(见图8)。'
          : `有缺口的区与类别 ${short.length} 项,无避难位置者合计:${(['emergency', 'stay'] as const).map((t) => `${t === 'emergency' ? '紧急' : '固定及中心'} ${Math.round(short.filter((z) => z.tier === t).reduce((n, z) => n + z.withoutPlace, 0))} 人`).join('、')}(见图8)。`),
    );
  } else out.push('应急避难场所:数据中没有避难场所(无避难场所数据),未作容量判定,不视为充足;未生成图8。');
  if (r.mode === 'screening' && r.cover) out.push(`${screeningText(p)}。`);
  // the engine counts the rescue sites among the unscored sites of the first paragraph: say so, so no one reads them as risk points
  const rescue = a.sites.filter((s) => isReachCategory(s.category)).length;
  if (rescue) out.push(`上文未评级数含消防站、救援队与避难场所 ${rescue} 处:它们是救援与避难资源,不评风险等级。`);
  return out;
}

export function reachGapLines(r: ReachAssessment): string[] {
  const lines: string[] = [];
  if (!r.cover) lines.push('无救援力量数据:数据中没有消防站或救援队,未作救援可达判定(不视为已覆盖)');
  else if (r.mode === 'screening') lines.push('未上传路网:救援到达时间为直线距离初筛结果,须以路网复核');
  const assumed = (r.zones ?? []).filter((z) => z.circleAssumed);
  if (assumed.length)
    lines.push(`${assumed.length} 个分区未标明区域类型(建成区/工业园区/郊区/农村),按较严的救援圈判定(从严)`);
  if (r.road?.unplacedResources.length)
    lines.push(
      `${r.road.unplacedResources.length} 处救援力量距路网过远,未参与路网计算:${r.road.unplacedResources.slice(0, 12).join('、')}${r.road.unplacedResources.length > 12 ? ' 等' : ''}`,
    );
  const unreached = (r.cover ?? []).filter((c) => c.minutes === null).length;
  if (unreached) lines.push(`${unreached} 个风险点或防护目标无救援力量可到达(路网未覆盖或不连通),按救援圈外计`);
  if (!r.shelters) lines.push('无避难场所数据:未作避难场所容量判定(不视为充足)');
  else {
    const s = r.shelters;
    if (s.populationSource === 'none' || s.shelters.every((x) => x.population === null))
      lines.push('无人口数据:未上传人口网格,居住区亦无人数或户数,避难场所容量是否充足未作判定(不视为充足)');
    const unknown = s.shelters.filter((x) => x.capacity === null).length;
    if (unknown) lines.push(`${unknown} 处避难场所未提供容纳人数或有效避难面积,容量未知(不计入容量,不视为充足)`);
    const classAssumed = s.shelters.filter((x) => x.classAssumed).length;
    if (classAssumed) lines.push(`${classAssumed} 处避难场所未注明类别,按紧急避难场所判定(从严)`);
  }
  return lines;
}
