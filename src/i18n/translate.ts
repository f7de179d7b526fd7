// The UI's words: one catalogue per language (zh-CN is the source, English must have every key), looked up by key
// with {name} placeholders. Plurals are avoided in the English wording, so no plural rules are needed.
import { zhCN } from './messages.zh-CN';
import { en } from './messages.en';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export type MessageKey = keyof typeof zhCN;
export type Catalogue = Record<MessageKey, string>;
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const CATALOGUES: Record<Locale, Catalogue> = { 'zh-CN': zhCN, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  return translateParts(locale, key, params).join('');
}

/** The message split at its placeholders, each replaced by its value as given (so a value may be a React node). */
export function translateParts<T>(
  locale: Locale,
  key: MessageKey,
  params?: Record<string, T | string | number>,
): (T | string)[] {
  const template: string = CATALOGUES[locale][key] ?? zhCN[key] ?? key; // a key built at run time may be missing
  const parts = template.split(/\{(\w+)\}/);
  return parts
    .map((part, i) => {
      if (i % 2 === 0) return part;
      const value = params?.[part];
      return value === undefined ? `{${part}}` : typeof value === 'number' ? String(value) : value;
    })
    .filter((part) => part !== '');
}

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

/** The placeholders a message uses (tests check both languages use the same ones). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}
