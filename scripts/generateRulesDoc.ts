// Writes docs/rules.md from the shipped rule table: `npm run docs:rules`.
import { writeFileSync } from 'node:fs';
import { DEFAULT_RULES } from '../src/engine';
import { rulesDocMarkdown } from './rulesDoc';

const target = new URL('../docs/rules.md', import.meta.url);
writeFileSync(target, rulesDocMarkdown(DEFAULT_RULES));
console.log(`wrote ${target.pathname} (${DEFAULT_RULES.rules.length} rules)`);
