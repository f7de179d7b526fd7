// The 救援可达与避难场所 section of docs/rules.md, generated from data/rules/reach-profile.json like the rule table:
// every target, limit, radius and per-capita area with the clause, the quote as read, where it was read and its
// status, so a planner can trace each minute and each deficit.
import { DEFAULT_REACH_PROFILE, SOURCE_STATUS_ZH, type CitedSource, type ReachProfile } from '../src/engine';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

const status = (s: CitedSource['status']) => SOURCE_STATUS_ZH[s];

function sourceRow(what: string, value: string, s: CitedSource): string {
  const where = s.readAt.length ? s.readAt.map((u) => `<${u}>`).join('<br>') : '未读到原文';
  return `| ${cell(what)} | ${cell(value)} | ${cell(`${s.standard} ${s.clause}`)} | ${cell(s.quote ? `「${s.quote}」` : '')} | ${where} | ${status(s.status)} |`;
}

export function reachRulesMarkdown(p: ReachProfile = DEFAULT_REACH_PROFILE): string {
  const out: string[] = [];
  out.push('## 救援可达与应急避难场所(议题#21)');
  out.push('');
  out.push(`以下取值来自 \`data/rules/reach-profile.json\`(${cell(p.name)}),与上表同样生成、同样核对;城市可修改取值。`);
  out.push('');
  out.push('| 项目 | 取值 | 标准、条款 | 原文摘录 | 读取处 | 状态 |');
  out.push('|---|---|---|---|---|---|');
  const grades = p.stationGrades;
  out.push(
    sourceRow(
      '消防站辖区面积上限',
      `一级站、特勤站 ${grades.standard1.areaLimitKm2} km²;二级站 ${grades.standard2.areaLimitKm2} km²;小型站 ${grades.small.areaLimitKm2} km²;近郊区普通站 ${p.suburbanAreaLimitKm2} km²;微型消防站、专职/企业救援队不设辖区`,
      p.stationAreaSource,
    ),
  );
  out.push(
    sourceRow(
      '消防站到达辖区边缘',
      '接到出动指令后5 min(辖区表中 edge_minutes 即自出动指令起至辖区最远格的分钟数)',
      p.stationReachSource,
    ),
  );
  for (const s of p.shelterSources) {
    const what = /8\.2\.10/.test(s.clause)
      ? '避难场所服务半径'
      : /8\.2\.8/.test(s.clause)
        ? '人均有效避难面积'
        : /3\.1\.4/.test(s.clause)
          ? '避难场所分类'
          : '避难场所面积要求';
    const value =
      what === '避难场所服务半径'
        ? Object.values(p.shelterClasses)
            .map((c) => `${c.zh} ${c.radiusM} m`)
            .join(';')
        : what === '人均有效避难面积'
          ? Object.values(p.shelterClasses)
              .map((c) => `${c.zh} ${c.perCapitaM2} m²`)
              .join(';')
          : what === '避难场所分类'
            ? '紧急、短期固定、中期固定、长期固定、中心'
            : '未采用(备查)';
    out.push(sourceRow(what, value, s));
  }
  out.push(sourceRow('每户人口(以户数折算人口)', `${p.personsPerHousehold} 人/户`, p.personsPerHouseholdSource));
  out.push('');
  out.push('| 城市自定取值 | 取值 | 说明 | 状态 |');
  out.push('|---|---|---|---|');
  for (const c of p.circles)
    out.push(
      `| ${cell(c.zh)} | 自接警起 ${c.targetMinutes} min;适用于 ${c.appliesTo.join('、')} | ${cell(c.source)} | ${status(c.status)} |`,
    );
  out.push(
    `| 未标区域类型的分区 | 按 ${cell(p.unknownAreaCircle)} 判定 | ${cell(p.unknownAreaNote)} | ${status('city')} |`,
  );
  for (const [kind, r] of Object.entries(p.resources))
    out.push(
      `| 出动延时(${kind}) | 接警 ${r.alarmMinutes} min + 出动 ${r.turnoutMinutes} min | ${cell(r.source)} | ${status(r.status)} |`,
    );
  out.push(
    `| 各级道路车速 | ${Object.entries(p.roads.speedsKmh)
      .map(([k, v]) => `${k} ${v}`)
      .join(
        '、',
      )} km/h;其他 ${p.roads.defaultKmh} km/h | ${cell(p.roads.source)}。${cell(p.roads.offNetworkNote)} | ${status(p.roads.status)} |`,
  );
  out.push(
    `| 直线初筛 | 车速 ${p.screening.speedKmh} km/h,绕行系数 ${p.screening.detourFactor} | ${cell(p.screening.source)} | ${status(p.screening.status)} |`,
  );
  out.push(
    `| 避难场所步行服务范围(有路网时) | 紧急 ${p.shelterWalk.minutes.emergency} min,固定与中心 ${p.shelterWalk.minutes.stay} min,步速 ${p.shelterWalk.speedKmh} km/h | ${cell(p.shelterWalk.source)} | ${status(p.shelterWalk.status)} |`,
  );
  out.push(
    `| 未注明站级的消防站 | 辖区上限 ${p.unknownGradeAreaLimitKm2} km² | ${cell(p.unknownGradeNote)} | ${status('city')} |`,
  );
  out.push(
    `| 未注明类别的避难场所 | 按 ${cell(p.shelterClasses[p.unknownShelterClass].zh)} | ${cell(p.unknownShelterNote)} | ${status('city')} |`,
  );
  out.push(
    `| 救援可达网格 | 边长 ${p.gridCellM} m 的方格 | 分区到达时间、消防站辖区面积与到达时间分布图按格心计算;网格越细越准、越慢(本项目所定,城市可改,最小 50 m) | ${status('city')} |`,
  );
  out.push('');
  out.push('说明:');
  for (const s of [p.stationAreaSource, p.stationReachSource, ...p.shelterSources, p.personsPerHouseholdSource]) {
    if (s.remark) out.push(`- ${cell(s.standard)} ${cell(s.clause)}:${cell(s.remark)}`);
  }
  out.push('');
  return out.join('\n');
}
