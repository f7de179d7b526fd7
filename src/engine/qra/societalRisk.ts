// Societal risk (issue #20 item 5): each installation's F–N curve against the criterion's two lines.
//
// The curve is a step function. F(N) is the frequency of accidents with N or more deaths, so it never rises with N,
// and a tabulated point (Nᵢ, Fᵢ) is all that is known until the next: F(N) = Fᵢ for Nᵢ ≤ N < Nᵢ₊₁ (the highest value
// the data allow), and the curve ends at the largest N given (no accident kills more). Because the lines fall with
// N, a step is worst at its right end: it is above a line when Fᵢ exceeds the line's value as N approaches Nᵢ₊₁.
// Comparing only the given points would miss a step that crosses a line between two of them (docs/methods.md).
import { lineAt, type FnCriteria, type FnLine } from './fnCriteria';

export interface FnPoint {
  /** deaths (N ≥ 1) */
  n: number;
  /** cumulative frequency of accidents with n or more deaths, per year */
  f: number;
}

export interface FnCurve {
  /** the hazard site (installation) the curve belongs to */
  installationId: string;
  /** N rising, one point per N */
  points: FnPoint[];
}

export type SocietalRegion = 'unacceptable' | 'tolerable' | 'acceptable' | 'not_assessed';

export const SOCIETAL_REGION_ZH: Record<SocietalRegion, string> = {
  unacceptable: '不可接受区',
  tolerable: '尚可容忍区',
  acceptable: '可接受区',
  not_assessed: '未评估',
};

/** Said wherever a curve cannot be judged because no lines are configured. */
export const FN_LINES_MISSING_ZH = '判定线未配置 (GB 36894 lines not available: supply them)';

/** The place on the curve that comes closest to the upper line, or goes furthest over it. */
export interface FnWorstStep {
  /** the N compared at: a step's right end (approached from below) or a point */
  n: number;
  /** true when `n` is the next point's N, approached from below (the step holds the previous point's F up to it) */
  approached: boolean;
  /** the curve's frequency there */
  f: number;
  /** the upper line's frequency there */
  upperF: number;
  /** f / upperF: above 1 the curve is in the unacceptable region */
  ratio: number;
}

export interface SocietalRiskResult {
  installationId: string;
  points: number;
  maxN: number;
  region: SocietalRegion;
  /** null when not assessed or when no step lies within the upper line's range */
  worst: FnWorstStep | null;
  /** part of the curve lies beyond the lines' last vertex (below any cut-off): not judged there */
  beyondLines: boolean;
  /** the curve reaches the criterion's vertical cut-off */
  atCutoff: boolean;
  note: string;
}

interface StepComparison {
  n: number;
  approached: boolean;
  f: number;
  lineF: number;
}

/**
 * Each step of the curve against one line, at the step's worst place within the line's range; steps wholly beyond
 * the range are left out (and `beyond` says some part was).
 */
function againstLine(points: readonly FnPoint[], line: FnLine): { steps: StepComparison[]; beyond: boolean } {
  const lastN = line[line.length - 1]![0];
  const steps: StepComparison[] = [];
  let beyond = false;
  points.forEach((p, i) => {
    const next = points[i + 1];
    if (p.n > lastN) {
      beyond = true;
      return;
    }
    // the last point is a step of no width; a step running past the line is judged up to the line's end
    const runsPast = next !== undefined && next.n > lastN;
    if (runsPast) beyond = true;
    const n = next === undefined ? p.n : runsPast ? lastN : next.n;
    steps.push({ n, approached: next !== undefined && !runsPast, f: p.f, lineF: lineAt(line, n)! });
  });
  return { steps, beyond };
}

export function classifyFnCurve(curve: FnCurve, criteria: FnCriteria): SocietalRiskResult {
  const pts = curve.points;
  const base = { installationId: curve.installationId, points: pts.length, maxN: pts[pts.length - 1]?.n ?? 0 };
  const lines = criteria.lines;
  if (!lines)
    return {
      ...base,
      region: 'not_assessed',
      worst: null,
      beyondLines: false,
      atCutoff: false,
      note: FN_LINES_MISSING_ZH,
    };
  const atCutoff = lines.cutoffN !== undefined && base.maxN >= lines.cutoffN;
  const upper = againstLine(pts, lines.upper);
  const lower = againstLine(pts, lines.lower);
  let worst: FnWorstStep | null = null;
  for (const s of upper.steps) {
    const ratio = s.f / s.lineF;
    if (!worst || ratio > worst.ratio) worst = { n: s.n, approached: s.approached, f: s.f, upperF: s.lineF, ratio };
  }
  const region: SocietalRegion =
    atCutoff || upper.steps.some((s) => s.f > s.lineF)
      ? 'unacceptable'
      : lower.steps.some((s) => s.f > s.lineF)
        ? 'tolerable'
        : 'acceptable';
  const beyondLines = !atCutoff && (upper.beyond || lower.beyond);
  const notes: string[] = [];
  if (atCutoff) notes.push(`曲线达到 N=${lines.cutoffN} 的截止线(其后任何频率均不可接受)`);
  if (worst && worst.ratio > 1)
    notes.push(
      `${stepText(worst)} F=${frequencyText(worst.f)},高于不可接受线 ${frequencyText(worst.upperF)}(${ratioText(worst.ratio)} 倍)`,
    );
  if (region === 'tolerable') notes.push('曲线高于可接受线、未高于不可接受线:尚可容忍区,应在合理可行范围内降低风险');
  if (beyondLines)
    notes.push(
      `N 大于判定线末端(${Math.min(lines.upper[lines.upper.length - 1]![0], lines.lower[lines.lower.length - 1]![0])})的部分未判定`,
    );
  return { ...base, region, worst, beyondLines, atCutoff, note: notes.join(';') };
}

export function assessSocietalRisk(curves: readonly FnCurve[], criteria: FnCriteria): SocietalRiskResult[] {
  return curves.map((c) => classifyFnCurve(c, criteria));
}

/** "N→10⁻" style in plain characters: where on the step the comparison is made. */
export function stepText(w: Pick<FnWorstStep, 'n' | 'approached'>): string {
  return w.approached ? `N 趋近 ${w.n}(自下)处` : `N=${w.n} 处`;
}

/** 8e-5, 1.5e-6: the way the report writes a frequency (the figure font has no superscripts). */
export function frequencyText(f: number): string {
  const [m, e] = f.toExponential().split('e');
  return `${Number(Number(m).toPrecision(3))}e${Number(e)}`;
}

export function ratioText(r: number): string {
  return String(Number(r.toPrecision(3)));
}
