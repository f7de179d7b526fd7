// A spread into a call passes every element as an argument: at ~10⁵ elements (a city's sites, a file's rows) it
// overflows the stack (`push(...rows)` crashed the CLI on a 200 000-row file). Every call spread in src/ must be
// marked `spread-ok: <why it is bounded>` within the call's lines or on the line before it (where a formatter puts a
// comment it moves), or be rewritten as a loop.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@babel/parser';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

interface Located {
  type: string;
  loc?: { start: { line: number }; end: { line: number } } | null;
  arguments?: Located[];
}

/** the first and last lines of call or `new` expressions with a spread argument */
function callSpreads(source: string, jsx: boolean): [number, number][] {
  const ast = parse(source, { sourceType: 'module', plugins: ['typescript', ...(jsx ? (['jsx'] as const) : [])] });
  const lines: [number, number][] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const n = node as Located;
    if (
      (n.type === 'CallExpression' || n.type === 'NewExpression' || n.type === 'OptionalCallExpression') &&
      n.arguments?.some((a) => a.type === 'SpreadElement')
    ) {
      lines.push([n.loc!.start.line, n.loc!.end.line]);
    }
    for (const [key, value] of Object.entries(n))
      if (key !== 'loc' && key !== 'leadingComments' && key !== 'trailingComments') walk(value);
  };
  walk(ast.program);
  return lines;
}

describe('no unbounded spread into a call', () => {
  it('finds spreads (the check itself works)', () => {
    expect(callSpreads('a.push(...rows); Math.max(...xs); f(1, [...b]);', false)).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  it('every call spread in src/ is marked as bounded', { timeout: 30_000 }, () => {
    const unmarked: string[] = [];
    for (const file of sourceFiles('src')) {
      const source = readFileSync(file, 'utf8');
      const lines = source.split('\n');
      for (const [first, last] of callSpreads(source, file.endsWith('x'))) {
        const marked = lines.slice(Math.max(0, first - 2), last).some((l) => l.includes('spread-ok:'));
        if (!marked) unmarked.push(`${file}:${first}: ${lines[first - 1]!.trim()}`);
      }
    }
    expect(unmarked).toEqual([]);
  });
});
