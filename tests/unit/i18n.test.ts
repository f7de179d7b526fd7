// The catalogue: English has every key with the same placeholders; no Chinese text is written in the UI's code
// outside the catalogue (found with a parser, so comments and identifiers are not counted).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@babel/parser';
import { zhCN } from '../../src/i18n/messages.zh-CN';
import { en } from '../../src/i18n/messages.en';
import { placeholders, translate, translateParts, translator } from '../../src/i18n/translate';
import { LocalisedError, messageOf } from '../../src/i18n/localisedError';

const HAN = /[\u3400-\u9fff\uff08\uff09\uff0c\uff1a\uff1b\u3001\u3002]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Chinese text in string literals, template parts and JSX text of one file, with line numbers. */
function chineseLiterals(file: string): string[] {
  const ast = parse(readFileSync(file, 'utf8'), {
    sourceType: 'module',
    plugins: ['typescript', ...(file.endsWith('x') ? (['jsx'] as const) : [])],
  });
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; value?: unknown; loc?: { start: { line: number } } };
    const text =
      n.type === 'StringLiteral' || n.type === 'JSXText'
        ? n.value
        : n.type === 'TemplateElement'
          ? (n.value as { raw: string }).raw
          : null;
    if (typeof text === 'string' && HAN.test(text)) found.push(`${file}:${n.loc?.start.line} ${text.trim()}`);
    for (const [key, child] of Object.entries(node))
      if (key !== 'loc' && key !== 'leadingComments' && key !== 'trailingComments' && key !== 'innerComments')
        visit(child);
  };
  visit(ast.program);
  return found;
}

describe('i18n catalogue', () => {
  it('English has every Chinese key, none empty unless Chinese is empty, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
      if (zhCN[key] !== '') expect(en[key], key).not.toBe('');
    }
  });

  it('English messages contain no Chinese except the name of the other language', () => {
    const withChinese = Object.entries(en).filter(
      ([key, v]) => HAN.test(v) && key !== 'lang.switchTo' && key !== 'lang.switchLabel',
    );
    expect(withChinese).toEqual([]);
  });

  it('fills placeholders, keeps unknown ones as written, and splits around values that are not text', () => {
    expect(translate('en', 'filters.active', { sites: 3, allSites: 10, zones: 1, allZones: 2 })).toBe(
      'Filtered: showing 3 / 10 sites, 1 / 2 zones',
    );
    expect(translate('zh-CN', 'basemap.needsXyz')).toBe('瓦片地址须含 {z}、{x}、{y}');
    const node = { node: true };
    expect(translateParts('en', 'report.counts', { rows: node, accepted: 1, rejected: 2 })).toEqual([
      'Read ',
      node,
      ' rows = accepted ',
      '1',
      ' + rejected ',
      '2',
    ]);
  });

  it('a localised error reads in Chinese by default and in the language of whoever shows it', () => {
    const e = new LocalisedError('storage.missing', { id: 'p1' });
    expect(e.message).toBe('项目 p1 不存在');
    expect(messageOf(e, translator('en'))).toBe('Project p1 does not exist');
    expect(messageOf(new Error('plain'), translator('en'))).toBe('plain');
  });

  it('the UI, map, state and app code write no Chinese text of their own: it comes from the catalogue', () => {
    const files = ['src/ui', 'src/map', 'src/state', 'src/app'].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(30);
    expect(files.flatMap(chineseLiterals)).toEqual([]);
  });
});
