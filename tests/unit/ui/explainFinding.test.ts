// The side panel's explanation of a finding shows the requirements it was weighed against and the screening flag;
// a site's explanation says what its own distance may do beside the table.
import { describe, expect, it } from 'vitest';
import { assess } from '../../../src/engine';
import { explainSite, explainViolation } from '../../../src/ui/explain';
import { translator } from '../../../src/i18n/translate';
import { createConfig, createSite } from '../../helpers/sites';

const t = translator('zh-CN');

describe('explanations of the governing distance', () => {
  // a petrol station declaring 10 m, 20 m (≈ 20 / 94 500 degrees of longitude at 32°N) from a school of unknown size
  const sites = [
    createSite({ id: 'F', name: '加油站', category: 'fuel_station', at: [118.78, 32.04], protectionDistanceM: 10 }),
    createSite({ id: 'S', name: '学校', category: 'school', at: [118.78 + 20 / 94_500, 32.04] }),
  ];
  const a = assess({ sites, zones: [] }, createConfig());

  it('a finding lists the station’s own 10 m beside the table rule that governed, and says it is a screening result', () => {
    const e = explainViolation(a, 0, t)!;
    const row = (label: string) => e.rows.find(([l]) => l === label)?.[1];
    expect(row('要求距离')).toBe('50 m'); // 一级站、无油气回收 assumed (从严) → 重要公共建筑物 50 m
    expect(row('同时适用的其他要求')).toMatch(
      /^site-protection-distance: 10 m \(本单位自报防护距离;加油站不属 GB\/T 37243-2019 适用范围/,
    );
    expect(row('初筛')).toMatch(/本结论为初筛结果/);
    expect(row('假设')).toMatch(/初筛:危险源与防护目标均仅有点位坐标/);
  });

  it('the station’s explanation says its own distance cannot replace the table', () => {
    const e = explainSite(a, 'F', t, 'zh-CN')!;
    expect(e.rows.find(([l]) => l === '自报防护距离')?.[1]).toMatch(
      /加油站不属 GB\/T 37243-2019 适用范围,该距离不能替代规范表列距离/,
    );
    expect(e.list!.items[0]!.text).toMatch(/^不符合\(初筛\) · 学校/);
  });

  it('a finding under a city’s own rule says so in its basis, even when the rule’s source does not', () => {
    const rules = {
      id: 'mine',
      name: '本市规则',
      rules: [
        {
          id: 'my-school-60',
          hazard: { categories: ['fuel_station'] },
          target: { categories: ['school'] },
          min_distance_m: 60,
          source: '本市规划管理规定第十条',
          status: 'city' as const,
        },
      ],
    };
    const mine = assess({ sites, zones: [] }, createConfig({ rules }));
    const e = explainViolation(mine, 0, t, rules.rules)!;
    expect(e.rows.find(([l]) => l === '依据')?.[1]).toBe('本市规划管理规定第十条(城市自定规则)');
  });
});
