import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_RULES } from '../../../src/engine';
import { readRuleTable, ruleTableCsv, ruleTableJson } from '../../../src/io';

describe('rule table files', () => {
  it('round-trips the default table through JSON', () => {
    expect(readRuleTable('rules.json', ruleTableJson(DEFAULT_RULES)).rules).toEqual(DEFAULT_RULES.rules);
  });

  it('round-trips the default table through CSV (Excel-friendly, BOM first)', () => {
    const csv = ruleTableCsv(DEFAULT_RULES);
    expect(csv.startsWith('\uFEFFid,hazard_categories,')).toBe(true);
    expect(readRuleTable('rules.csv', csv).rules).toEqual(DEFAULT_RULES.rules);
  });

  it.each([
    [
      'id,hazard_categories,target_classes,min_distance_m,source,status\nr1,fuel_station,important_public,-5,GB 50156,partly\n',
      /line 2: min_distance_m "-5"/,
    ],
    [
      'id,hazard_categories,target_classes,min_distance_m,source,status\nr1,petrol,important_public,50,GB 50156,partly\n',
      /unknown category "petrol"/,
    ],
    [
      'id,hazard_categories,target_classes,min_distance_m,source,status\nr1,fuel_station,important_public,50,,partly\n',
      /must cite its source/,
    ],
    [
      'id,hazard_categories,target_classes,min_distance_m,status\nr1,fuel_station,important_public,50,partly\n',
      /missing column\(s\) source/,
    ],
    [
      'id,hazard_categories,target_classes,min_distance_m,source,status\nr1,fuel_station,schools,50,x,partly\n',
      /"schools" is not one of/,
    ],
  ])('refuses a bad CSV with the line or field at fault (%#)', (csv, message) => {
    expect(() => readRuleTable('bad.csv', csv)).toThrow(ConfigError);
    expect(() => readRuleTable('bad.csv', csv)).toThrow(message);
  });

  it('refuses JSON that would pollute prototypes or lacks rules', () => {
    expect(() => readRuleTable('x.json', '{"id":"x","__proto__":{"polluted":true}}')).toThrow(/rules.rules/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
