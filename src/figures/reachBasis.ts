// Where every reach and shelter number of the white paper comes from: the rows of docs/rules.md's section
// 「救援可达与应急避难场所」 (generated from the same reach profile), in words a printed report can carry. Figures F7
// and F8, table T4 and appendix A.6 cite these rows by their item name (项目), with the clause and the status.
import { SOURCE_STATUS_ZH, type CitedSource, type ReachProfile } from '../engine';

export interface ReachBasisRow {
  /** the item as docs/rules.md names it (项目 / 城市自定取值) */
  item: string;
  value: string;
  /** standard and clause, or the city's own reading */
  citation: string;
  quote: string;
  status: string;
}

/** Road classes as Chinese planners name them (the profile keys are OpenStreetMap's `highway` values). */
const ROAD_CLASS_ZH: Record<string, string> = {
  motorway: '高速公路/快速路',
  motorway_link: '高速公路匝道',
  trunk: '干线公路',
  trunk_link: '干线公路匝道',
  primary: '主干路',
  primary_link: '主干路匝道',
  secondary: '次干路',
  secondary_link: '次干路匝道',
  tertiary: '支路',
  tertiary_link: '支路匝道',
  unclassified: '未分级道路',
  residential: '居住区道路',
  living_street: '生活街道',
  service: '服务性道路',
  road: '未注明等级道路',
};

const RESOURCE_ZH: Record<string, string> = { fire_station: '消防站', rescue_team: '救援队' };

const cited = (s: CitedSource) => `${s.standard} ${s.clause}`;

/** The screening method in one sentence (printed on F7 and beside T4 when there is no road network). */
export function screeningText(p: ReachProfile): string {
  return `初筛:到达时间按直线(椭球面测地线)距离 × 绕行系数 ${p.screening.detourFactor}、车速 ${p.screening.speedKmh} 千米/小时估算(城市自定),须以路网复核`;
}

/** 接警 + 出动 per resource kind, e.g. 「消防站 接警1+出动3分钟」. */
export function dispatchText(p: ReachProfile): string {
  return Object.entries(p.resources)
    .map(([kind, r]) => `${RESOURCE_ZH[kind] ?? kind} 接警${r.alarmMinutes}+出动${r.turnoutMinutes}分钟`)
    .join(',');
}

/** A circle with its rule: 「135快速救援圈:自接警起5分钟内到达(城市自定)」. */
export function circleText(p: ReachProfile, circleId: string): string {
  const c = p.circles.find((x) => x.id === circleId);
  return c ? `${c.zh}:自接警起${c.targetMinutes}分钟内到达(${SOURCE_STATUS_ZH[c.status]})` : circleId;
}

/** Short name of a circle for labels: 「135救援圈」 / 「15分钟救援圈」. */
export function circleShort(p: ReachProfile, circleId: string): string {
  const c = p.circles.find((x) => x.id === circleId);
  return c ? c.zh.replace(/快速响应|快速/, '') : circleId;
}

/** Every parameter the reach figures and tables rest on, in the order of docs/rules.md. */
export function reachBasisRows(p: ReachProfile): ReachBasisRow[] {
  const rows: ReachBasisRow[] = [];
  const g = p.stationGrades;
  const source = (item: string, value: string, s: CitedSource) =>
    rows.push({ item, value, citation: cited(s), quote: s.quote, status: SOURCE_STATUS_ZH[s.status] });
  source(
    '消防站辖区面积上限',
    `一级站、特勤站 ${g.standard1.areaLimitKm2} km²;二级站 ${g.standard2.areaLimitKm2} km²;小型站 ${g.small.areaLimitKm2} km²;近郊区普通站 ${p.suburbanAreaLimitKm2} km²`,
    p.stationAreaSource,
  );
  source('消防站到达辖区边缘', '接到出动指令后5分钟', p.stationReachSource);
  for (const s of p.shelterSources) {
    if (/8\.2\.10/.test(s.clause))
      source(
        '避难场所服务半径',
        Object.values(p.shelterClasses)
          .map((c) => `${c.zh} ${c.radiusM} m`)
          .join(';'),
        s,
      );
    else if (/8\.2\.8/.test(s.clause))
      source(
        '人均有效避难面积',
        Object.values(p.shelterClasses)
          .map((c) => `${c.zh} ${c.perCapitaM2} m²`)
          .join(';'),
        s,
      );
    else if (/3\.1\.4/.test(s.clause)) source('避难场所分类', '紧急、短期固定、中期固定、长期固定、中心', s);
  }
  source('每户人口(以户数折算人口)', `${p.personsPerHousehold} 人/户`, p.personsPerHouseholdSource);
  const city = (item: string, value: string, citation: string, status = SOURCE_STATUS_ZH.city) =>
    rows.push({ item, value, citation, quote: '', status });
  for (const c of p.circles) city(c.zh, `自接警起 ${c.targetMinutes} 分钟`, c.source, SOURCE_STATUS_ZH[c.status]);
  city('未标区域类型的分区', `按${circleShort(p, p.unknownAreaCircle)}判定`, p.unknownAreaNote);
  for (const [kind, r] of Object.entries(p.resources))
    city(
      `出动延时(${RESOURCE_ZH[kind] ?? kind})`,
      `接警 ${r.alarmMinutes} 分钟 + 出动 ${r.turnoutMinutes} 分钟`,
      r.source,
      SOURCE_STATUS_ZH[r.status],
    );
  city(
    '各级道路车速',
    `${Object.entries(p.roads.speedsKmh)
      .map(([k, v]) => `${ROAD_CLASS_ZH[k] ?? k} ${v}`)
      .join('、')} 千米/小时;其他 ${p.roads.defaultKmh} 千米/小时`,
    `消防车在各级道路上的平均行驶速度未见国家标准规定,为假定值,应以本地出警记录校准;道路要素注明的限速优先。站点或场所到最近路网节点的一段按直线距离、${p.roads.offNetworkKmh} 千米/小时计,距路网超过 ${p.roads.maxSnapM} m 者不按路网计算`,
    SOURCE_STATUS_ZH[p.roads.status],
  );
  city(
    '直线初筛',
    `车速 ${p.screening.speedKmh} 千米/小时,绕行系数 ${p.screening.detourFactor}`,
    screeningText(p),
    SOURCE_STATUS_ZH[p.screening.status],
  );
  city(
    '避难场所步行服务范围(有路网时)',
    `紧急 ${p.shelterWalk.minutes.emergency} 分钟,固定与中心 ${p.shelterWalk.minutes.stay} 分钟,步速 ${p.shelterWalk.speedKmh} 千米/小时`,
    '按 GB 50413-2007 第8.2.10条「步行大约10min之内」「步行大约1h之内」读作步行时间上限(本项目所定)',
    SOURCE_STATUS_ZH[p.shelterWalk.status],
  );
  city('未注明类别的避难场所', `按${p.shelterClasses[p.unknownShelterClass].zh}`, p.unknownShelterNote);
  city(
    '救援可达网格',
    `边长 ${p.gridCellM} 米的方格`,
    '分区到达时间、消防站辖区面积与到达时间分布图按此网格的格心计算(本项目所定,城市可改)',
  );
  return rows;
}
