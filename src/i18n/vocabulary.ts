// Names of the engine's codes in the reader's language, for any layer that shows them (panels, map popups): a
// category's name, and the words a rule's description is built from.
import { categoryByCode, type RuleVocabulary } from '../engine';
import type { Locale, Translate } from './translate';

export function categoryLabel(locale: Locale, code: string): string {
  const c = categoryByCode(code);
  return c ? (locale === 'en' ? c.en : c.zh) : code;
}

export function ruleVocabulary(t: Translate, locale: Locale): RuleVocabulary {
  return {
    category: (code) => categoryLabel(locale, code),
    targetClass: (c) => t(`targetClass.${c}`),
    stationGrade: (g) => t('rule.stationGrade', { grade: t(`rule.grade.${g}`) }),
    recovery: (v) => t(`rule.recovery.${v}`),
    separator: t('list.separator'),
    withConditions: (names, conditions) =>
      t('rule.withConditions', { names, conditions: conditions.join(t('rule.conditionSeparator')) }),
  };
}
