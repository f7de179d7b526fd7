// The UI's access to the catalogue: the current language's translate function, and the names of the engine's
// codes (levels, statuses, categories, rule sides) in that language.
import { useMemo } from 'react';
import type { Level, FindingStatus } from '../engine';
import { translator, type Locale, type Translate } from '../i18n/translate';
export { categoryLabel, ruleVocabulary } from '../i18n/vocabulary';
import { gk3Meridian } from '../io/gk3Zones';
import type { CrsOption, GeographicCrs } from '../io';
import { useAppState } from './AppContext';

export function useLocale(): Locale {
  return useAppState((s) => s.locale);
}

export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}

/** A site's level; a site without one is 未评分 (no score data). */
export function levelLabel(t: Translate, level: Level | null): string {
  return level ? t(`level.${level}`) : t('level.unscored');
}

/** A zone's level; a zone without one is 未评级(无数据): absence is never shown as 低. */
export function zoneLevelLabel(t: Translate, level: Level | null): string {
  return level ? t(`level.${level}`) : t('level.noData');
}

export function statusLabel(t: Translate, status: FindingStatus | 'compliant'): string {
  return t(`status.${status}`);
}

/** A coordinate system's name: the 3° Gauss–Krüger zones are one message with their central meridian. */
export function crsLabel(t: Translate, crs: CrsOption): string {
  const cm = gk3Meridian(crs);
  return cm !== null ? t('crs.cgcs2000_gk3', { cm }) : t(`crs.${crs as 'auto' | GeographicCrs | 'cgcs2000_gk'}`);
}
