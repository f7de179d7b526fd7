import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { parse } from '@babel/parser';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('layering', () => {
  it('keeps the engine pure: no React, MapLibre, DOM or Node built-ins, so it runs in a worker, Node and the CLI', () => {
    for (const file of sourceFiles('src/engine')) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from ['"](react|react-dom|maplibre-gl|zustand|node:[a-z]+)['"/]/);
      expect(text, file).not.toMatch(/\b(document|window|localStorage|HTMLElement)\./);
    }
  });

  it('keeps io free of React and MapLibre', () => {
    for (const file of sourceFiles('src/io'))
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/from ['"](react|maplibre-gl)/);
  });

  it('keeps figures and the white-paper bundle free of the DOM and Node, so the app worker and the CLI share them', () => {
    for (const file of [...sourceFiles('src/figures'), ...sourceFiles('src/whitepaper')]) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from ['"](react|react-dom|maplibre-gl|zustand|node:[a-z]+)['"/]/);
      expect(text, file).not.toMatch(/\b(document|window|localStorage|HTMLElement)\./);
    }
  });

  it('lets components change state only through actions (no setState in src/ui)', () => {
    for (const file of sourceFiles('src/ui'))
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/\bstore\.setState\(|\.setState\(\{/);
  });

  it('lets only src/cli/postgis import the database client (pg): the app and the engine never need a database', () => {
    for (const file of sourceFiles('src').filter((f) => !f.startsWith(join('src', 'cli', 'postgis')))) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/from ['"]pg(-[a-z-]+)?['"]/);
    }
  });

  it('lets only src/map import MapLibre', () => {
    for (const file of sourceFiles('src').filter((f) => !f.startsWith('src/map'))) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/from ['"]maplibre-gl/);
    }
  });
});

// The folder rule over the real import graph: every static import and re-export, every dynamic import() and every
// `new URL('./x', import.meta.url)` (how workers are started), in every folder of src/. Imports of types only are
// erased at build time and are not edges. Each folder may import only the folders listed for it: lower layers
// never import higher ones, so each can be read, tested and reused without the layers above it.
const ALLOWED: Record<string, string[]> = {
  engine: [],
  i18n: ['engine'],
  io: ['engine', 'i18n'],
  figures: ['engine', 'io', 'i18n'],
  whitepaper: ['engine', 'io', 'figures', 'i18n'],
  state: ['engine', 'io', 'i18n'],
  tiles: ['engine', 'state'],
  worker: ['engine', 'io', 'figures', 'whitepaper', 'state', 'i18n', 'tiles'],
  map: ['engine', 'io', 'i18n', 'state', 'worker', 'tiles'],
  ui: ['engine', 'io', 'i18n', 'state', 'map', 'figures', 'whitepaper', 'worker'],
  app: ['engine', 'io', 'i18n', 'state', 'map', 'ui', 'worker', 'figures', 'whitepaper', 'tiles'],
  cli: ['engine', 'io', 'figures', 'whitepaper', 'i18n'],
  types: [],
};

/** Module specifiers a file loads at run time (static, re-exported, dynamic, worker URLs). */
function runtimeImports(file: string): string[] {
  const ast = parse(readFileSync(file, 'utf8'), { sourceType: 'module', plugins: ['typescript', 'jsx'] });
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Record<string, any>;
    const typeOnly = n.importKind === 'type' || n.exportKind === 'type';
    if (
      ['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration'].includes(n.type) &&
      n.source &&
      !typeOnly
    ) {
      const allTypes =
        n.type === 'ImportDeclaration' &&
        n.specifiers.length > 0 &&
        n.specifiers.every((s: { importKind?: string }) => s.importKind === 'type');
      if (!allTypes) found.push(n.source.value);
    }
    if (n.type === 'ImportExpression' && n.source?.type === 'StringLiteral') found.push(n.source.value);
    if (n.type === 'CallExpression' && n.callee?.type === 'Import' && n.arguments[0]?.type === 'StringLiteral')
      found.push(n.arguments[0].value);
    if (
      n.type === 'NewExpression' &&
      n.callee?.name === 'URL' &&
      n.arguments[0]?.type === 'StringLiteral' &&
      n.arguments[1]?.type === 'MemberExpression'
    )
      found.push(n.arguments[0].value);
    for (const [k, v] of Object.entries(n)) if (k !== 'loc' && typeof v === 'object') visit(v);
  };
  visit(ast.program);
  return found;
}

describe('the folder rule, over the real import graph', () => {
  const files = sourceFiles('src').filter((f) => f.split('/').length > 2); // src/vite-env.d.ts has no folder

  it('knows every folder of src/', () => {
    expect([...new Set(files.map((f) => f.split('/')[1]!))].filter((d) => !(d in ALLOWED))).toEqual([]);
  });

  // parses every source file: seconds on a loaded machine, not a timing check
  it('has no import from a folder that is not allowed (static, dynamic or worker URL)', { timeout: 30_000 }, () => {
    const wrong: string[] = [];
    for (const file of files) {
      const from = file.split('/')[1]!;
      for (const spec of runtimeImports(file).filter((s) => s.startsWith('.'))) {
        const target = normalize(join(dirname(file), spec));
        if (!target.startsWith('src/')) continue; // data files beside src (rules, demo, fonts) are not layers
        const to = target.split('/')[1]!;
        if (to !== from && !ALLOWED[from]!.includes(to)) wrong.push(`${file} → ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('would see a dynamic import and a worker URL (the check itself)', () => {
    expect(runtimeImports('src/worker/engineClient.ts')).toEqual(expect.arrayContaining(['./engineHost']));
    expect(runtimeImports('src/worker/workerStarts.ts')).toEqual(
      expect.arrayContaining(['./assess.worker.ts', './import.worker.ts']),
    );
  });
});
