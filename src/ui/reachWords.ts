// The words of rescue within reach (issue #21) in the page's language: band labels, circles, the screening sentence.
// In Chinese they are the white paper's own (figures/reachMapFigure reachBands, figures/reachBasis), so app and paper
// agree (tests/unit/ui/reachWords.test.ts holds them together); in English the same parts, translated.
import type { ReachProfile } from '../engine';
import type { ReachBand } from '../figures/reachGridBands';
import type { Locale, Translate } from '../i18n/translate';

/** 「5.3 分钟」: minutes to one decimal (the panel and the files' precision). */
export const minutesText = (t: Translate, m: number): string => t('reach.minutes', { m: m.toFixed(1) });

/** A circle's name: in Chinese the profile's own (as the white paper's circleShort when `short`), else by its id. */
export function circleName(
  t: Translate,
  locale: Locale,
  profile: ReachProfile,
  circleId: string,
  short = false,
): string {
  const c = profile.circles.find((x) => x.id === circleId);
  if (!c || locale !== 'zh-CN') return t('reach.circleById', { id: circleId });
  return short ? c.zh.replace(/快速响应|快速/, '') : c.zh;
}

/** 「135快速救援圈:自接警起5分钟内到达」 */
export function circleRule(t: Translate, locale: Locale, profile: ReachProfile, circleId: string): string {
  const c = profile.circles.find((x) => x.id === circleId);
  return c ? t('reach.circleText', { name: circleName(t, locale, profile, circleId), m: c.targetMinutes }) : circleId;
}

/** A band as the legend names it: 「≤5 分钟(135救援圈内)」, 「5–10 分钟」, 「>30 分钟」. */
export function bandLabel(
  t: Translate,
  locale: Locale,
  profile: ReachProfile,
  bands: readonly ReachBand[],
  index: number,
): string {
  if (index < 0) return t('reach.band.unreached');
  const band = bands[index]!;
  const from = index > 0 ? bands[index - 1]!.upTo : null;
  if (!Number.isFinite(band.upTo)) return t('reach.band.last', { from: from ?? 0 });
  const range =
    from === null ? t('reach.band.first', { to: band.upTo }) : t('reach.band.range', { from, to: band.upTo });
  const circle = profile.circles.find((c) => c.targetMinutes === band.upTo);
  return circle
    ? `${range}${t('reach.band.inCircle', { circle: circleName(t, locale, profile, circle.id, true) })}`
    : range;
}

export function screeningSentence(t: Translate, profile: ReachProfile): string {
  return t('reach.screeningText', { detour: profile.screening.detourFactor, speed: profile.screening.speedKmh });
}
