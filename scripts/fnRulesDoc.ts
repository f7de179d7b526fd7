// The 社会风险基准 section of docs/rules.md, generated from data/rules/fn-criteria.json: the F–N lines (or that there
// are none), the source with every place it was looked for and what each says, how a city supplies its own lines,
// and the verdict rules, so every societal-risk verdict can be traced to its lines.
import { DEFAULT_FN_CRITERIA, FN_LINES_MISSING_ZH, SOURCE_STATUS_ZH, type FnCriteria } from '../src/engine';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const pointsText = (line: [number, number][]) => line.map(([n, f]) => `(${n}, ${f.toExponential()})`).join(' – ');

export function fnRulesMarkdown(c: FnCriteria = DEFAULT_FN_CRITERIA): string {
  const out: string[] = [];
  out.push('## 社会风险基准(F-N 曲线,议题#20 第5项)');
  out.push('');
  out.push(`以下来自 \`data/rules/fn-criteria.json\`(${cell(c.name)})。`);
  out.push('');
  const s = c.source;
  out.push(
    `依据:${cell(s.standard)} ${cell(s.clause)}(${SOURCE_STATUS_ZH[s.status]};查阅处:${s.readAt.map((u) => `<${u}>`).join('、') || '无'})。`,
  );
  out.push('');
  if (s.quote) out.push(`原文摘录:「${cell(s.quote)}」`), out.push('');
  if (s.remark) out.push(`说明:${cell(s.remark)}`), out.push('');
  if (c.lines) {
    out.push('| 判定线 | 顶点 (N, F 次/年),log–log 坐标下顶点间为直线 |');
    out.push('|---|---|');
    out.push(`| 不可接受线(其上为不可接受区) | ${pointsText(c.lines.upper)} |`);
    out.push(`| 可接受线(其下及线上为可接受区) | ${pointsText(c.lines.lower)} |`);
    if (c.lines.cutoffN) out.push(`| 截止线 | N ≥ ${c.lines.cutoffN}:任何频率均为不可接受 |`);
    out.push('');
  } else {
    out.push(
      `**本版不含判定线**:GB 36894-2018 的社会风险判定线以图给出,其坐标未在任何可读副本中以文字出现,故不编造数值。有 F-N 曲线的装置一律判为「未评估」(图9 注明「${FN_LINES_MISSING_ZH}」,表5 列为未评估,不视为符合)。`,
    );
    out.push('');
  }
  out.push(
    '城市提供判定线:复制 `data/rules/fn-criteria.json`,按核对过的标准原文填写 `lines`(`upper`、`lower` 为 [N, F] 顶点数组,均自 N = 1 起,N 递增、F 不增;可选 `cutoffN` 为竖直截止线),`source.status` 改为 `official`/`secondary`/`city`,`quote` 摘录原文,然后以 `--fn-criteria 文件` 传入(`assess`、`whitepaper`)。文件按 `fn-criteria/1` 校验,错误指明字段(如可接受线高于不可接受线)。',
  );
  out.push('');
  out.push(
    '- 曲线:F(N) 为 N 人及以上死亡的累积频率,按阶梯函数读:F 在 Nᵢ ≤ N < Nᵢ₊₁ 保持 Fᵢ(数据所允许的最高值),至所给最大 N 为止。判定线随 N 下降,故每一阶梯的最不利处是其右端(N 自下趋近 Nᵢ₊₁);只比较所给各点会漏掉在两点之间越线的阶梯。',
  );
  out.push(
    '- 判定:曲线任一处高于不可接受线,或达到截止线 → 不可接受区;否则任一处高于可接受线 → 尚可容忍区;否则 → 可接受区。恰在线上不算高于该线。判定线末端以外的部分不判定,并在结果中注明。未配置判定线 → 未评估。',
  );
  out.push('');
  return out.join('\n');
}
