// docs/rules.md is generated from data/rules/setback-rules.json so the published table cannot drift from the rules
// the engine applies (a unit test compares the file with this function's output).
import { reachRulesMarkdown } from './reachRulesDoc';
import { qraRulesMarkdown } from './qraRulesDoc';
import { fnRulesMarkdown } from './fnRulesDoc';
import {
  ruleCitation,
  ruleHazardText,
  ruleTargetText,
  SOURCE_STATUS_ZH,
  type SetbackRule,
  type SetbackRuleTable,
} from '../src/engine';

const STATUS_MEANING: [string, string][] = [
  ['official', '读到官方文本'],
  ['secondary', '读到转载、扫描识别或学习资料中的文本(非官方出版物),引用时应以官方文本复核'],
  ['not_found', '原文数值未能读到;规则不设距离,相关对象列为"未评估",不视为符合'],
  ['city', '城市自定规则,非国家标准;各处显示时均标注"(城市自定规则)"'],
];

/** Answers to each item of the domain review (2026-11-30), in its numbering. */
const REVIEW_ANSWERS: [string, string, string][] = [
  [
    '1',
    '单位自报外部安全防护距离低于标准表值时取代表值',
    '已在判定方法中改正(见 methods.md):一对危险源与防护目标取单位自报距离与各适用规则距离中的最大值,结论注明起控制作用的规则并列出其余要求。本表数值不受影响。',
  ],
  [
    '2',
    'GB 50156-2021 被引用,但数值来自2012年版表格',
    '已改正:表4.0.4各规则注明所读为2012年版(2014年局部修订),现行2021年版表格数值未能读到、未作比对;状态为"转载文本"。',
  ],
  [
    '3',
    '表4.0.4注3(主要出入口50m)未执行;地铁、隧道出入口按规模划为一类',
    '已改正:新增规则 gb50156-main-entrance-50 及"地铁出入口""隧道出入口""重要公共建筑物主要出入口"三类防护目标,不论规模划为重要公共建筑物;注3原文已在转载页面读到(见该规则)。车站仅在设计使用人数超过1500人时为重要公共建筑物,超过800人为一类保护物。附录B中二类保护物的清单(第B.0.3条)复查时仍未能读到(各转载页面在第B.0.2条第7项处截断),故不按类别推定二类;上传数据可用"保护类别"列(重要公共建筑物/一类/二类/三类)给定,二类保护物由此可达。给定类别低于规模或附录B第B.0.2条第6项所定类别时,取较严者并说明。',
  ],
  [
    '4',
    '计算间距起止点(附录A)',
    '已在判定方法中说明(见 methods.md):危险源或目标仅有点位时,结论为初筛结果。附录A已读到(http://m31.bjzjxf.com/artcon/25910):储罐为罐外壁,加油机为中心线,建(构)筑物为外墙轴线,地下建(构)筑物为出入口、通气口、采光窗等对外开口。',
  ],
  [
    '5',
    '烟花爆竹规则出处有误',
    '已改正:100米与零售点之间50米改引 AQ 4128-2019《烟花爆竹零售店(点)安全技术规范》第4章(选址及外部距离),状态为"转载文本":条文见于地方转载的零售布点条件,其第1、2项与引该标准的许可审查表逐字相同,另一审查得分表把其中电力线路一项注为该标准第4.2款,条号未核对(见各规则说明)。100米清单按该标准扩为学校、医院、幼儿园、养老院、集贸市场、文物古迹(规则 fireworks-crowded-100)及危险品生产、储存场所和加油站、加气站等易燃易爆场所(fireworks-flammable-100,含危险化学品经营(带储存)与燃气场站);博物馆、展览馆、档案馆、图书馆在本项目无对应类别,与220kV变电站、输电线路50米一项均未编入;临时建筑或门窗洞口直接相对时零售点之间80米一项,因数据无建筑形式与朝向,不作判定。审查意见所称"其他场所50米"在所读条文中未见。"不应设置在居民集中居住小区内"改引该标准(规则 fireworks-not-in-residential,规则类型"不得位于区域之内",居住区须以面状范围提供)。《烟花爆竹经营许可实施办法》(65号令)的100米与50米与之相同,在说明中列出。',
  ],
  [
    '6',
    'LPG、CNG、LNG加气站共用一条未核实的100m规则',
    '已删除该100m规则。GB 50156-2021 第4.0.5~4.0.8条条文已读到,表4.0.5~表4.0.8数值(LPG、CNG、LNG及加氢)复查时仍未能读到(所查页面与检索词见规则 gb50156-gas-station-tables-unread 的说明);该规则不设数值,未提供本站经评价安全间距的加气站,其附近保护物列为"未评估"。',
  ],
  [
    '7',
    '燃气场站无规则',
    '新增 gas-facility-tables-unread:GB 51102 第4.1.2条仅有定性要求,第4.1.7条(建成区内两个压缩天然气瓶组供气站间距300m)已读到但本项目不区分燃气场站类型,未编入;GB 50028、GB 51142 的场站防火间距表复查时仍未能读到,故不设数值,附近保护物列为"未评估"。',
  ],
  [
    '8',
    '第十九条所列场所缺少类别;党政机关不在第十九条之内',
    '已新增码头、机场、铁路线路、道路交通干线、地铁风亭、地铁出入口、河流/湖泊、风景名胜区、自然保护区、基本农田保护区、水厂等类别(含中英文别名),军事禁区并入"军事禁区/军事管理区"。党政机关不再属第十九条防护目标,仅由城市自定规则 city-hazchem-government 覆盖并标注。',
  ],
  ['9', '重大危险源校正系数α默认1.0', '属评估方法,见 methods.md。'],
  ['10', '严重性分级采用职业伤害尺度', '属评估方法,见 methods.md。'],
  ['11', 'GB 36894-2018 个人风险基准未编码', '未处理:其基准按防护目标类别与新建/在役装置区分,不能以单一距离表示。'],
  [
    '12',
    '其他应有的规则;危险化学品安全法;水源500m',
    '天津市《城市规划管理技术规定》第三百四十条第四项(500米)已读到,保留为城市自定规则,仅适用于饮用水源及其保护区,不再适用于水厂。《中华人民共和国危险化学品安全法》(2026年5月1日起施行)第十六条至第二十条已读到转载:第二十条规定化工园区与城市建成区、人员密集场所等保持安全距离,对象是化工园区,并非条例第十九条的场所清单;承接条例第十九条的条款原文仍未能读到,条号未能核对,现仍引条例第十九条并注明。GB 50156-2021 第4.0.2条(城市中心区不应建一级站)已读到条文,属区域判定,尚未编入;GB 50160 与《公路安全保护条例》第十八条未能读到,未编入。新增的铁路线路、道路交通干线两类目标,同时按 GB 50156 表4.0.4 铁路行、城市道路快速路和主干路行判定(规则 gb50156-railway-*、gb50156-trunk-road-*)。',
  ],
];

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function metres(r: SetbackRule): string {
  return r.min_distance_m === null ? '按本单位评估距离' : String(r.min_distance_m);
}

/** The whole of docs/rules.md for a rule table. */
export function rulesDocMarkdown(table: SetbackRuleTable): string {
  const out: string[] = [];
  out.push('# 默认防护距离规则及其依据');
  out.push('');
  out.push(
    '本文件由 `npm run docs:rules` 根据 `data/rules/setback-rules.json` 生成,请勿手工修改;单元测试会核对两者一致。',
  );
  out.push(
    '每条规则列出所依据的标准或法规、版本、条款、所读到的原文摘录、读取处及核对状态。评估人员可按规则编号逐条核对任一判定结果。',
  );
  out.push('');
  out.push('## 核对状态');
  out.push('');
  out.push('| 状态 | 含义 |');
  out.push('|---|---|');
  for (const [code, meaning] of STATUS_MEANING)
    out.push(`| ${SOURCE_STATUS_ZH[code as SetbackRule['status']]}(${code}) | ${meaning} |`);
  out.push('');
  out.push(`## 规则表:${cell(table.name)}`);
  out.push('');
  out.push('| 编号 | 危险源 | 防护目标 | 距离(m) | 标准、版本、条款 | 原文摘录 | 读取处 | 状态 |');
  out.push('|---|---|---|---|---|---|---|---|');
  for (const r of table.rules) {
    const p = r.provenance;
    const basis = p ? [p.standard, p.edition, p.clause].filter(Boolean).join(',') : '';
    const quote = p?.quote ? `「${p.quote}」` : '';
    const where = p?.readAt.length ? p.readAt.map((u) => `<${u}>`).join('<br>') : '未读到原文';
    out.push(
      `| ${cell(r.id)} | ${cell(ruleHazardText(r))} | ${cell(ruleTargetText(r))} | ${metres(r)} | ${cell(ruleCitation(r))}${basis ? `<br>${cell(basis)}` : ''} | ${cell(quote)} | ${where} | ${SOURCE_STATUS_ZH[r.status]} |`,
    );
  }
  out.push('');
  out.push('## 说明');
  out.push('');
  for (const r of table.rules) {
    const lines = [r.note, r.provenance?.remark].filter(Boolean);
    if (lines.length) out.push(`- **${r.id}**:${lines.map((l) => cell(l!)).join('')}`);
  }
  out.push('');
  out.push('## 对专项审查意见的答复');
  out.push('');
  out.push('| 审查项 | 问题 | 处理结果 |');
  out.push('|---|---|---|');
  for (const [n, issue, answer] of REVIEW_ANSWERS) out.push(`| ${n} | ${issue} | ${answer} |`);
  out.push('');
  out.push(reachRulesMarkdown());
  out.push(qraRulesMarkdown());
  out.push(fnRulesMarkdown());
  return out.join('\n');
}
