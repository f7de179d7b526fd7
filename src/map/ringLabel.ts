// What a what-if ring says (pure): its distance, whom it protects or whose it is, and the clause that asks it,
// e.g. "50 m · 重要公共建筑物 · GB 50156 表4.0.4".
import { ruleTargetText, shortSource, type RuleVocabulary, type SetbackRule } from '../engine';
import type { DrawnRing } from './proposalData';

/** The standard and its table or article, e.g. "GB 50156 表4.0.4", "GB/T 37243"; otherwise the citation's head. */
export function ringCitation(source: string): string {
  const standard = /\b(GB(?:\/T)?)\s*(\d{4,5})/.exec(source);
  const clause = /(表\s*[A-Z]?[\d.]*\d|第[一二三四五六七八九十百零\d]+条)/.exec(source);
  if (standard) return [`${standard[1]} ${standard[2]}`, clause?.[1]?.replace(/\s+/g, '')].filter(Boolean).join(' ');
  return clause && source.indexOf(clause[1]!) < 30
    ? source.slice(0, source.indexOf(clause[1]!) + clause[1]!.length).trim()
    : shortSource(source);
}

/**
 * `rulesById` gives the rule's protected side (rings around the proposal); a ring around an existing hazard names
 * the hazard instead. `siteDistance`: the words for a site's own assessed distance, which no rule table holds.
 */
export function ringLabelText(
  ring: DrawnRing,
  rulesById: Map<string, SetbackRule>,
  words: RuleVocabulary,
  siteDistance: string,
): string {
  const metres = `${Number(ring.requiredM.toFixed(1))} m`;
  const who = ring.around
    ? ring.around.name || ring.around.id
    : unique(
        ring.rules.map((r) => {
          const rule = rulesById.get(r.ruleId);
          return rule ? ruleTargetText(rule, words) : siteDistance;
        }),
      ).join(words.separator);
  const citations = unique(ring.rules.map((r) => ringCitation(r.source))).join(words.separator);
  return [metres, who, citations].filter(Boolean).join(' · ');
}

function unique(xs: string[]): string[] {
  return [...new Set(xs.filter(Boolean))];
}
