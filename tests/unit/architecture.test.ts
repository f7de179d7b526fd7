import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
    for (const file of sourceFiles('src/io')) expect(readFileSync(file, 'utf8'), file).not.toMatch(/from ['"](react|maplibre-gl)/);
  });

  it('keeps figures and the white-paper bundle free of the DOM and Node, so the app worker and the CLI share them', () => {
    for (const file of [...sourceFiles('src/figures'), ...sourceFiles('src/whitepaper')]) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from ['"](react|react-dom|maplibre-gl|zustand|node:[a-z]+)['"/]/);
      expect(text, file).not.toMatch(/\b(document|window|localStorage|HTMLElement)\./);
    }
  });

  it('lets only src/map import MapLibre', () => {
    for (const file of sourceFiles('src').filter((f) => !f.startsWith('src/map'))) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/from ['"]maplibre-gl/);
    }
  });
});
