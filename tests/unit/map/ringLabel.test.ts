import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, type Site } from '../../../src/engine';
import { RULE_VOCABULARY_ZH } from '../../../src/engine/setback/ruleText';
import { ringCitation, ringLabelText } from '../../../src/map/ringLabel';

const rulesById = new Map(DEFAULT_RULES.rules.map((r) => [r.id, r] as const));

describe('what-if ring labels', () => {
  it('cite the standard and its table or article, not the whole source', () => {
    expect(ringCitation('GB 50156-2012(2014年版) 表4.0.4 汽油设备与站外建(构)筑物的安全间距')).toBe('GB 50156 表4.0.4');
    expect(ringCitation('GB 50016-2014(2018年版) 表3.5.1 甲类仓库与高层民用建筑')).toBe('GB 50016 表3.5.1');
    expect(ringCitation('本单位外部安全防护距离评估结论 (GB/T 37243-2019)')).toBe('GB/T 37243');
    expect(ringCitation('《危险化学品安全管理条例》第十九条')).toBe('《危险化学品安全管理条例》第十九条');
  });

  it('say the distance, whom the ring protects and the clause, rules at one distance on one ring', () => {
    const important = DEFAULT_RULES.rules.find((r) => r.id === 'gb50156-important-none')!;
    const ring = {
      requiredM: 50,
      around: null,
      rules: [{ ruleId: important.id, requiredM: 50, source: important.source }],
    };
    expect(ringLabelText(ring, rulesById, RULE_VOCABULARY_ZH, '本单位评估距离')).toBe(
      '50 m · 重要公共建筑物 · GB 50156 表4.0.4',
    );
  });

  it('name the hazard a ring is drawn around', () => {
    const station: Site = {
      id: 'fs',
      name: '某加油站',
      category: 'fuel_station',
      geometry: { type: 'Point', coordinates: [118.78, 32.04] },
    };
    const rule = DEFAULT_RULES.rules.find((r) => r.id === 'gb50156-important-full')!;
    const ring = { requiredM: 35, around: station, rules: [{ ruleId: rule.id, requiredM: 35, source: rule.source }] };
    expect(ringLabelText(ring, rulesById, RULE_VOCABULARY_ZH, '本单位评估距离')).toBe(
      '35 m · 某加油站 · GB 50156 表4.0.4',
    );
  });
});
