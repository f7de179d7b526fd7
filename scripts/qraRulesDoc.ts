// The 个人风险基准 section of docs/rules.md, generated from data/rules/qra-criteria.json like the rule table: each
// class's acceptable individual risk for new and existing installations, how a target is put in a class, and the
// source with how it was read, so every QRA verdict can be traced to its criterion.
import { DEFAULT_QRA_CRITERIA, SOURCE_STATUS_ZH, categoryByCode, riskText, type QraCriteria } from '../src/engine';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function qraRulesMarkdown(c: QraCriteria = DEFAULT_QRA_CRITERIA): string {
  const out: string[] = [];
  out.push('## 个人风险基准(定量风险评价等值线,议题#20)');
  out.push('');
  out.push(
    `以下取值来自 \`data/rules/qra-criteria.json\`(${cell(c.name)})。防护目标位于某装置个人风险等值线之内(边缘到边缘:目标任一部分在线内)即承受不低于该值的风险;规则编号为 \`qra-ir-<类别>-<new|existing>\`。`,
  );
  out.push('');
  out.push('| 防护目标类别 | 新建装置(每年)≤ | 在役装置(每年)≤ |');
  out.push('|---|---|---|');
  for (const k of c.classes)
    out.push(`| ${cell(k.zh)}(\`${k.id}\`) | ${riskText(k.newPerYear)} | ${riskText(k.existingPerYear)} |`);
  out.push('');
  const s = c.source;
  out.push(
    `依据:${cell(s.standard)} ${cell(s.clause)}(${SOURCE_STATUS_ZH[s.status]};读取处:${s.readAt.map((u) => `<${u}>`).join('、') || '未读到原文'})。`,
  );
  out.push('');
  out.push(`原文摘录:「${cell(s.quote)}」`);
  out.push('');
  if (s.remark) out.push(`说明:${cell(s.remark)}`), out.push('');
  out.push('| 类别代码 | 防护目标 | 基准类别 | 认定 |');
  out.push('|---|---|---|---|');
  for (const [code, m] of Object.entries(c.categories)) {
    const k = c.classes.find((x) => x.id === m.class);
    out.push(
      `| \`${code}\` | ${cell(categoryByCode(code)?.zh ?? code)} | ${k ? cell(k.zh) : `按人数:${c.byPeople.map((b) => `≥${b.atLeast}人 ${cell(c.classes.find((x) => x.id === b.class)!.zh)}`).join(';')}`} | ${cell(m.reason)} |`,
    );
  }
  out.push('');
  out.push(`- 未提供人数:${cell(c.unknownPeopleNote)}。`);
  out.push(`- 未注明装置状态:${cell(c.unknownInstallationStatusNote)}。`);
  out.push(
    '- 判定:目标位于基准值及以上的等值线之内 → 超标(仅在最接近基准值的一条线内侧、且深入不超过临界带 → 临界);位于基准值及以上各线之外、且位于某条不高于基准值的等值线之外 → 符合(恰为基准值的线外侧临界带内 → 临界);其余情形(等值线未给到基准值)→ 未评估,仅列出距最外等值线不超过未评估筛查半径的目标。缺少等值线从不视为符合。',
  );
  out.push(
    '- 有等值线的装置,其条例第十九条「按评估距离」的未评估结论,对上表所列类别的目标由等值线判定取代;其余目标(如饮用水源、铁路)仍为未评估。',
  );
  out.push('- 社会风险(F-N 曲线)见下节「社会风险基准」。');
  out.push('');
  return out.join('\n');
}
