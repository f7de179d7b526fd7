// Every default rule held to the clause it quotes, docs/rules.md held to the rule table, and hand-worked cases for
// the rules the domain review found wrong or missing.
import { readFileSync } from 'node:fs';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  assess,
  checkProposal,
  classifyTarget,
  DEFAULT_PROFILE,
  DEFAULT_RULES,
  shortSource,
  parseRuleTable,
  resolveCategory,
  ruleCitation,
  citationForRuleId,
  type SetbackRule,
  type Site,
  type Finding,
} from '../../../src/engine';
import { importSites, readRuleTable, ruleTableCsv } from '../../../src/io';
import { rulesDocMarkdown } from '../../../scripts/rulesDoc';
import { methodDataTable, violationsTable } from '../../../src/whitepaper/tables';
import { missingData } from '../../../src/whitepaper/missingData';
import { ruleCompliance } from '../../../src/figures/setbackComplianceFigure';
import { createConfig, createSite } from '../../helpers/sites';
import { latitudeNorthOf } from '../../helpers/ellipsoid';

const LON = 118.78;
const LAT = 32.04;

/**
 * GB 50156-2012(2014年版) 表4.0.4 as read on renrendoc p-57371501 (the same digits on two other copies): the page
 * runs each row's cells together. Columns: 埋地油罐 一级站, 二级站, 三级站, then 加油机、通气管管口; each with
 * 无油气回收 / 有卸油油气回收 / 有卸油和加油油气回收.
 */
const ROW_AS_READ = {
  important_public: '重要公共建筑物504035504035504035504035',
  class1: '一类保护物252017.5201614161311161311',
  class2: '二类保护物201614161311129.58.5129.58.5',
  class3: '三类保护物161311129.58.510871087',
  railway: '铁路2217.515.52217.515.52217.515.52217.515.5',
  trunk_road: '城市道路快速路、主干路108786.55.586.55.5655',
} as const;
/** The same rows typed by hand, cell by cell. */
const TABLE_4_0_4: Record<keyof typeof ROW_AS_READ, number[][]> = {
  important_public: [
    [50, 40, 35],
    [50, 40, 35],
    [50, 40, 35],
    [50, 40, 35],
  ],
  class1: [
    [25, 20, 17.5],
    [20, 16, 14],
    [16, 13, 11],
    [16, 13, 11],
  ],
  class2: [
    [20, 16, 14],
    [16, 13, 11],
    [12, 9.5, 8.5],
    [12, 9.5, 8.5],
  ],
  class3: [
    [16, 13, 11],
    [12, 9.5, 8.5],
    [10, 8, 7],
    [10, 8, 7],
  ],
  railway: [
    [22, 17.5, 15.5],
    [22, 17.5, 15.5],
    [22, 17.5, 15.5],
    [22, 17.5, 15.5],
  ],
  trunk_road: [
    [10, 8, 7],
    [8, 6.5, 5.5],
    [8, 6.5, 5.5],
    [6, 5, 5],
  ],
};
const RECOVERY = ['none', 'unloading', 'full'] as const;

/** The number a quoted sentence gives, for the rules whose clause is a sentence rather than a table cell. */
const SENTENCE_RULES: Record<string, { pattern: RegExp; metres: number }> = {
  'gb50156-main-entrance-50': { pattern: /主要出入口.*隧道出入口、尚不应小于(\d+)m/, metres: 50 },
  'gb50016-hazchem-storage-important': { pattern: /高层民用建筑、重要公共建筑 \| (\d+)/, metres: 50 },
  'fireworks-crowded-100': {
    pattern: /外部与学校,医院,幼儿园,养老院,集贸市场,文物古迹,.*场所边缘最小允许距离应符合 (\d+)m/,
    metres: 100,
  },
  'fireworks-flammable-100': {
    pattern: /危险品生产、储存及加油站、加气站等易燃易爆场所边缘最小允许距离应符合 (\d+)m/,
    metres: 100,
  },
  'fireworks-retail-spacing-50': { pattern: /外部与其他烟花爆竹零售店、零售点最小允许距离应符合 (\d+)m/, metres: 50 },
  'city-fuel-water-source-500': { pattern: /饮用水源汲水点的距离不得小于(\d+)米/, metres: 500 },
};
/** `not_inside` rules: the quoted sentence forbids the place outright (distance 0, judged as containment). */
const CONTAINMENT_RULES: Record<string, RegExp> = {
  'fireworks-not-in-residential': /不应设置在居民集中居住小区内/,
};
/** Rules without a number: the site's own assessed distance governs, or the table could not be read. */
const NO_NUMBER_RULES: Record<string, SetbackRule['status']> = {
  'reg19-assessed-distance': 'secondary',
  'city-hazchem-government': 'city',
  'gb50156-gas-station-tables-unread': 'not_found',
  'gas-facility-tables-unread': 'not_found',
};

function tableCell(rule: SetbackRule): { row: keyof typeof ROW_AS_READ; grade: number; recovery: number } | null {
  const m = /^gb50156-(important|class1|class2|class3|railway|trunk-road)-(?:g(\d)-)?(none|unloading|full)$/.exec(
    rule.id,
  );
  if (!m) return null;
  const row = m[1] === 'important' ? 'important_public' : m[1] === 'trunk-road' ? 'trunk_road' : m[1];
  return { row: row as keyof typeof ROW_AS_READ, grade: Number(m[2] ?? 1), recovery: RECOVERY.indexOf(m[3] as never) };
}

describe('each default rule holds the distance of the clause it quotes', () => {
  it('the hand-typed 表4.0.4 is the row as read', () => {
    for (const [row, cells] of Object.entries(TABLE_4_0_4)) {
      const label = ROW_AS_READ[row as keyof typeof ROW_AS_READ].replace(/[\d.]+$/, '');
      expect(label + cells.flat().join('')).toBe(ROW_AS_READ[row as keyof typeof ROW_AS_READ]);
    }
  });

  it.each(DEFAULT_RULES.rules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
    const p = rule.provenance;
    expect(p, 'provenance').toBeDefined();
    const cell = tableCell(rule);
    if (cell) {
      const expected = TABLE_4_0_4[cell.row][cell.grade - 1]![cell.recovery]!;
      expect(rule.min_distance_m).toBe(expected);
      // the quoted row, cell by cell: the same number stands at this grade and recovery column
      const quoted = p!.quote
        .split(/\s+/)
        .filter((w) => /^[\d.]+$/.test(w))
        .map(Number);
      expect(quoted).toHaveLength(12);
      expect(quoted[(cell.grade - 1) * 3 + cell.recovery]).toBe(expected);
      expect(p!.quote.replace(/\s+/g, '')).toBe(ROW_AS_READ[cell.row]);
      expect(p!.clause).toContain('表4.0.4');
      expect(p!.edition).toContain('2012');
      expect(rule.status).toBe('secondary');
      return;
    }
    const sentence = SENTENCE_RULES[rule.id];
    if (sentence) {
      expect(rule.min_distance_m).toBe(sentence.metres);
      const m = sentence.pattern.exec(p!.quote);
      expect(m, `quote of ${rule.id}`).not.toBeNull();
      expect(Number(m![1])).toBe(sentence.metres);
      return;
    }
    const forbids = CONTAINMENT_RULES[rule.id];
    if (forbids) {
      expect(rule.kind).toBe('not_inside');
      expect(rule.min_distance_m).toBe(0);
      expect(p!.quote).toMatch(forbids);
      return;
    }
    expect(rule.id in NO_NUMBER_RULES, `${rule.id} is held by no test: add its clause here`).toBe(true);
    expect(rule.min_distance_m).toBeNull();
    expect(rule.status).toBe(NO_NUMBER_RULES[rule.id]);
  });

  it('every rule read somewhere names where; a rule whose numbers were not read says so', () => {
    for (const r of DEFAULT_RULES.rules) {
      if (r.status === 'secondary' || r.status === 'official')
        expect(r.provenance!.readAt.length, r.id).toBeGreaterThan(0);
      if (r.status === 'not_found') expect(r.provenance!.remark, r.id).toMatch(/未能读到/);
    }
  });

  it('rule texts are formal Chinese: no English words or developer notes', () => {
    for (const r of DEFAULT_RULES.rules) {
      for (const text of [r.source, r.note ?? '', r.provenance?.remark ?? '', r.provenance?.clause ?? '']) {
        expect(text.replace(/https?:\/\/\S+/g, ''), r.id).not.toMatch(
          /\b(?:assumed|DESIGN|TODO|identical|row|column|reportedly)\b/i,
        );
      }
    }
  });
});

describe('docs/rules.md', () => {
  it('is exactly what the generator makes from the rule table (run `npm run docs:rules` after changing the JSON)', () => {
    const onDisk = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(rulesDocMarkdown(DEFAULT_RULES));
  });

  it('lists every rule with its quote and status', () => {
    const doc = rulesDocMarkdown(DEFAULT_RULES);
    for (const r of DEFAULT_RULES.rules) expect(doc).toContain(`| ${r.id} |`);
    expect(doc).toContain('对专项审查意见的答复');
  });
});

describe('city rules are labelled as such', () => {
  it('a city rule’s citation carries 「(城市自定规则)」, a standard’s does not', () => {
    expect(ruleCitation({ source: '本市规定 加油站与水源 800 米', status: 'city' })).toBe(
      '本市规定 加油站与水源 800 米(城市自定规则)',
    );
    expect(ruleCitation({ source: 'GB 50156-2012(2014年版) 表4.0.4', status: 'secondary' })).toBe(
      'GB 50156-2012(2014年版) 表4.0.4',
    );
    for (const r of DEFAULT_RULES.rules.filter((x) => x.status === 'city'))
      expect(ruleCitation(r), r.id).toContain('城市自定规则');
    expect(citationForRuleId('x', '某市规定', [{ ...DEFAULT_RULES.rules[0]!, id: 'x', status: 'city' }])).toBe(
      '某市规定(城市自定规则)',
    );
  });
});

describe('rule files exported before provenance existed still import', () => {
  it('an old JSON table with the older status words reads', () => {
    const old = {
      id: 'old',
      name: 'old',
      rules: [
        {
          id: 'r',
          hazard: { categories: ['fuel_station'] },
          target: { classes: ['class3'] },
          min_distance_m: 12,
          source: 'x',
          status: 'partly',
        },
      ],
    };
    expect(parseRuleTable(old).rules[0]).toMatchObject({ status: 'partly', min_distance_m: 12 });
  });

  it('a rule with incomplete provenance is refused with its path', () => {
    const bad = {
      id: 'b',
      rules: [
        {
          id: 'r',
          hazard: { categories: ['fuel_station'] },
          target: { classes: ['class3'] },
          min_distance_m: 12,
          source: 'x',
          status: 'secondary',
          provenance: { standard: 'GB', edition: '', clause: '', quote: '' },
        },
      ],
    };
    expect(() => parseRuleTable(bad)).toThrow(/provenance\.readAt/);
  });

  it('CSV round trip keeps the provenance; an old CSV without those columns reads', () => {
    const back = readRuleTable('t.csv', ruleTableCsv(DEFAULT_RULES));
    expect(back.rules.map((r) => r.provenance)).toEqual(DEFAULT_RULES.rules.map((r) => r.provenance));
    expect(back.rules.map((r) => r.kind)).toEqual(DEFAULT_RULES.rules.map((r) => r.kind));
    const oldCsv =
      'id,hazard_categories,target_classes,min_distance_m,source,status\nr1,fuel_station,class3,12,某规定,unverified\n';
    expect(readRuleTable('old.csv', oldCsv).rules[0]).toMatchObject({ id: 'r1', status: 'unverified' });
  });
});

/** A point target `metres` due north of the hazard at (LON, LAT). */
function northOf(id: string, category: string, metres: number, extra: Partial<Site> = {}): Site {
  return createSite({ id, category, at: [LON, latitudeNorthOf(LAT, metres)], ...extra });
}

function findings(hazard: Site, target: Site): Finding[] {
  return assess({ sites: [hazard, target], zones: [] }, createConfig({ borderlineToleranceM: 0 })).findings;
}

/** A square area of `halfDeg` around (lon, lat). */
function squareAt(id: string, category: string, lon: number, lat: number, halfDeg: number): Site {
  const geometry: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [lon - halfDeg, lat - halfDeg],
        [lon + halfDeg, lat - halfDeg],
        [lon + halfDeg, lat + halfDeg],
        [lon - halfDeg, lat + halfDeg],
        [lon - halfDeg, lat - halfDeg],
      ],
    ],
  };
  return { id, name: id, category, geometry };
}

describe('hand-worked cases', () => {
  it('a fireworks shop inside a residential compound violates the not-inside rule; one 30 m outside only meets the distance rules', () => {
    const compound = squareAt('res', 'residential', LON, LAT, 0.002); // about 380 m × 440 m
    const shop = createSite({ id: 'fw', category: 'fireworks_retail', at: [LON + 0.001, LAT] });
    const found = findings(shop, compound);
    expect(found).toEqual([
      expect.objectContaining({
        ruleId: 'fireworks-not-in-residential',
        status: 'violation',
        distanceM: 0,
        requiredM: 0,
      }),
    ]);
    const outside = createSite({ id: 'fw', category: 'fireworks_retail', at: [LON, latitudeNorthOf(LAT + 0.002, 30)] });
    expect(findings(outside, compound)).toEqual([]);
    // a residential point has no inside: nothing is said about it
    expect(findings(shop, createSite({ id: 'res', category: 'residential', at: [LON + 0.001, LAT] }))).toEqual([]);
  });

  it('the not-inside rule counts the hazards it binds', () => {
    const a = assess(
      { sites: [createSite({ id: 'fw', category: 'fireworks_retail', at: [LON, LAT] })], zones: [] },
      createConfig(),
    );
    expect(a.stats.hazardsByRule['fireworks-not-in-residential']).toBe(1);
  });

  it('a station with full vapour recovery 38 m from a metro entrance violates 表4.0.4 note 3 (50 m, not 35 m)', () => {
    const station = createSite({
      id: 'fs',
      category: 'fuel_station',
      at: [LON, LAT],
      stationGrade: 2,
      vapourRecovery: 'full',
    });
    const [v, ...rest] = findings(station, northOf('metro', 'metro_entrance', 38));
    expect(rest).toEqual([]);
    expect(v).toMatchObject({
      status: 'violation',
      ruleId: 'gb50156-main-entrance-50',
      requiredM: 50,
      targetClass: 'important_entrance',
    });
    expect(v!.shortfallM).toBeCloseTo(12, 2);
    // the same station 38 m from an ordinary important public building (a school of 600) complies with the 35 m cell
    expect(findings(station, northOf('school', 'school', 38, { users: 600 }))).toEqual([]);
  });

  it('a metro entrance is 重要公共建筑物 whatever its size; 「地铁口」 and 「隧道口」 upload as entrances', () => {
    expect(resolveCategory('地铁口')?.code).toBe('metro_entrance');
    expect(resolveCategory('隧道出入口')?.code).toBe('tunnel_entrance');
    expect(resolveCategory('车站')?.code).toBe('station');
    const c = classifyTarget({ ...northOf('m', 'metro_entrance', 1), users: 10 });
    expect(c.classes).toEqual(expect.arrayContaining(['important_public', 'important_entrance']));
  });

  it('a station of 900 design users is 一类保护物 (more than 800); of 1600, 重要公共建筑物', () => {
    expect(classifyTarget(northOf('s', 'station', 1, { users: 900 })).classes).toContain('class1');
    expect(classifyTarget(northOf('s', 'station', 1, { users: 1600 })).classes).toContain('important_public');
  });

  it('fireworks retail 60 m from a school violates the 100 m rule; 110 m complies', () => {
    const shop = createSite({ id: 'fw', category: 'fireworks_retail', at: [LON, LAT] });
    const [v] = findings(shop, northOf('school', 'school', 60));
    expect(v).toMatchObject({ status: 'violation', ruleId: 'fireworks-crowded-100', requiredM: 100 });
    expect(v!.shortfallM).toBeCloseTo(40, 2);
    expect(findings(shop, northOf('school', 'school', 110))).toEqual([]);
  });

  it('AQ 4128-2019 lists 养老院 and 文物古迹 at 100 m: a shop 90 m from a care home or a heritage site violates, 110 m complies', () => {
    const shop = createSite({ id: 'fw', category: 'fireworks_retail', at: [LON, LAT] });
    for (const category of ['elderly_care', 'heritage']) {
      const [v] = findings(shop, northOf('t', category, 90));
      expect(v, category).toMatchObject({ status: 'violation', ruleId: 'fireworks-crowded-100', requiredM: 100 });
      expect(v!.shortfallM).toBeCloseTo(10, 2);
      expect(findings(shop, northOf('t', category, 110)), category).toEqual([]);
    }
  });

  it('AQ 4128-2019 puts 危险品储存 places at 100 m: a hazardous-chemical trader with storage 70 m away violates', () => {
    const shop = createSite({ id: 'fw', category: 'fireworks_retail', at: [LON, LAT] });
    const found = findings(shop, northOf('hz', 'hazchem_trade', 70));
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ruleId: 'fireworks-flammable-100',
          status: 'violation',
          requiredM: 100,
          hazardId: 'fw',
        }),
      ]),
    );
  });

  it('the AQ 4128 sentence names every place the 100 m rules reach (as this project names them)', () => {
    const byId = new Map(DEFAULT_RULES.rules.map((r) => [r.id, r]));
    const quote = byId.get('fireworks-crowded-100')!.provenance!.quote;
    const named: Record<string, string> = {
      school: '学校',
      hospital: '医院',
      kindergarten: '幼儿园',
      elderly_care: '养老院',
      commercial: '集贸市场',
      heritage: '文物古迹',
    };
    expect([...byId.get('fireworks-crowded-100')!.target.categories!].sort()).toEqual(Object.keys(named).sort());
    for (const word of Object.values(named)) expect(quote).toContain(word);
    expect(byId.get('fireworks-flammable-100')!.provenance!.quote).toBe(quote);
    expect(quote).toMatch(/危险品生产、储存及加油站、加气站等易燃易爆场所/);
  });

  it('two fireworks retail points 40 m apart violate the 50 m spacing (reported from each side); 55 m apart comply', () => {
    const a = createSite({ id: 'fw-a', category: 'fireworks_retail', at: [LON, LAT] });
    const near = findings(a, northOf('fw-b', 'fireworks_retail', 40));
    expect(near.map((v) => [v.hazardId, v.targetId, v.ruleId, v.status])).toEqual([
      ['fw-a', 'fw-b', 'fireworks-retail-spacing-50', 'violation'],
      ['fw-b', 'fw-a', 'fireworks-retail-spacing-50', 'violation'],
    ]);
    expect(findings(a, northOf('fw-b', 'fireworks_retail', 55))).toEqual([]);
  });

  it('a gas filling station near a school is 未评估 (its table was not read), never a pass', () => {
    const gas = createSite({ id: 'gs', category: 'gas_station', at: [LON, LAT] });
    const [v] = findings(gas, northOf('school', 'school', 80));
    expect(v).toMatchObject({ status: 'not_assessed', ruleId: 'gb50156-gas-station-tables-unread', requiredM: null });
  });

  it('the Tianjin 500 m water-source rule reaches drinking-water sources, not water works as such', () => {
    const fuel = createSite({ id: 'fs', category: 'fuel_station', at: [LON, LAT] });
    expect(findings(fuel, northOf('ws', 'water_source', 300))[0]).toMatchObject({
      ruleId: 'city-fuel-water-source-500',
      status: 'violation',
    });
    expect(findings(fuel, northOf('wp', 'water_plant', 300))).toEqual([]);
  });

  it('党政机关 is no §19 place: only the labelled city rule reaches it from a hazardous-chemical site', () => {
    const plant = createSite({ id: 'hz', category: 'hazchem_production', at: [LON, LAT] });
    const [v] = findings(plant, northOf('gov', 'government', 200));
    expect(v).toMatchObject({ status: 'not_assessed', ruleId: 'city-hazchem-government' });
    expect(classifyTarget(northOf('gov', 'government', 1)).classes).not.toContain('section19');
    const [r] = findings(plant, northOf('rail', 'railway', 200));
    expect(r).toMatchObject({ status: 'not_assessed', ruleId: 'reg19-assessed-distance', targetClass: 'section19' });
  });
});

describe('city rules are labelled in T2, F5 and T3', () => {
  it('a finding under the Tianjin water-source rule reads as a city rule in each', () => {
    const fuel = createSite({ id: 'fs', category: 'fuel_station', at: [LON, LAT] });
    const a = assess({ sites: [fuel, northOf('ws', 'water_source', 300)], zones: [] }, createConfig());
    const missing = missingData(a, DEFAULT_RULES, []);
    const t2 = violationsTable(a, missing, DEFAULT_RULES);
    const basis = t2.printColumns!.find((c) => c.header === '依据')!;
    expect(String(basis.value(t2.rows[0]!))).toContain('城市自定规则');
    const f5 = ruleCompliance(a, DEFAULT_RULES).find((g) => g.ruleIds.includes('city-fuel-water-source-500'))!;
    expect(f5.label).toContain('(城市自定规则)');
    const t3 = methodDataTable({
      assessment: a,
      profile: DEFAULT_PROFILE,
      rules: DEFAULT_RULES,
      borderlineToleranceM: 1,
      reports: [],
      digests: [],
      dataDate: null,
      missing,
    });
    const row = t3.rows.find((r) => r[1] === 'city-fuel-water-source-500')!;
    expect(row[2]).toContain('城市自定');
    expect(row[2]).toContain('不得小于500米');
  });
});

describe('二类保护物 reachable from real data: the 保护类别 column', () => {
  it('an upload with 保护类别「二类」 gives class2, and a bad value is refused with its reason', () => {
    const csv =
      '编号,名称,类别,经度,纬度,保护类别\nR1,某小区,居住区,118.78,32.04,二类\nR2,某小区,居住区,118.78,32.04,四类\n';
    const { sites, report } = importSites('classes.csv', new TextEncoder().encode(csv), { crs: 'wgs84', zones: [] });
    expect(sites).toEqual([expect.objectContaining({ id: 'R1', protectionClass: 'class2' })]);
    expect(report.errors).toEqual([expect.objectContaining({ line: 3, field: 'protection_class' })]);
  });

  it('a 二类 building 11 m from a 三级站 without vapour recovery violates the 12 m cell; a 三类 one complies', () => {
    const station = createSite({
      id: 'fs',
      category: 'fuel_station',
      at: [LON, LAT],
      stationGrade: 3,
      vapourRecovery: 'none',
    });
    const [v] = findings(station, northOf('res', 'residential', 11, { protectionClass: 'class2' }));
    expect(v).toMatchObject({
      status: 'violation',
      ruleId: 'gb50156-class2-g3-none',
      requiredM: 12,
      targetClass: 'class2',
    });
    expect(findings(station, northOf('res', 'residential', 11))).toEqual([]); // 三类: 10 m
  });

  it('a stated class never lowers what the size decides: a school of 600 stated 二类 stays 重要公共建筑物', () => {
    const c = classifyTarget(northOf('s', 'school', 1, { users: 600, protectionClass: 'class2' }));
    expect(c.classes).toContain('important_public');
    expect(c.reason).toMatch(/从严/);
    // and 附录B B.0.2 item 6 puts every school at 一类 or above
    expect(classifyTarget(northOf('s', 'school', 1, { protectionClass: 'class2' })).classes).toContain('class1');
    expect(classifyTarget(northOf('v', 'venue', 1, { protectionClass: 'class2' })).classes).toContain('class2');
  });
});

describe('GB 50156 表4.0.4 rows for railways and trunk roads', () => {
  const line = (id: string, category: string, metresNorth: number): Site => {
    const lat = latitudeNorthOf(LAT, metresNorth);
    return {
      id,
      name: id,
      category,
      geometry: {
        type: 'LineString',
        coordinates: [
          [LON - 0.01, lat],
          [LON + 0.01, lat],
        ],
      },
    };
  };

  it('a 二级站 with full recovery 5 m from a trunk road falls short of the 5.5 m cell; 6 m complies', () => {
    const station = createSite({
      id: 'fs',
      category: 'fuel_station',
      at: [LON, LAT],
      stationGrade: 2,
      vapourRecovery: 'full',
    });
    const [v] = findings(station, line('road', 'trunk_road', 5));
    expect(v).toMatchObject({ status: 'violation', ruleId: 'gb50156-trunk-road-g2-full', requiredM: 5.5 });
    expect(v!.shortfallM).toBeCloseTo(0.5, 2);
    expect(findings(station, line('road', 'trunk_road', 6))).toEqual([]);
  });

  it('a station without vapour recovery 20 m from a railway line falls short of 22 m', () => {
    const station = createSite({
      id: 'fs',
      category: 'fuel_station',
      at: [LON, LAT],
      stationGrade: 3,
      vapourRecovery: 'none',
    });
    expect(findings(station, line('rail', 'railway', 20))[0]).toMatchObject({
      status: 'violation',
      ruleId: 'gb50156-railway-none',
      requiredM: 22,
    });
  });
});

describe('a proposal meets the not-inside rule too (一票否决)', () => {
  it('a proposed fireworks shop inside an existing compound is 不符合; a compound proposed around an existing shop likewise', () => {
    const compound = squareAt('res', 'residential', LON, LAT, 0.002);
    const shop = createSite({ id: 'fw', category: 'fireworks_retail', at: [LON, LAT] });
    expect(checkProposal(shop, [compound], createConfig())).toMatchObject({
      verdict: 'violation',
      findings: [expect.objectContaining({ ruleId: 'fireworks-not-in-residential' })],
    });
    expect(checkProposal(compound, [shop], createConfig()).findings.map((f) => f.ruleId)).toContain(
      'fireworks-not-in-residential',
    );
  });
});

describe('short citations keep the edition and the table', () => {
  it('「GB 50156-2012(2014年版) 表4.0.4 …」 is not cut at its bracket', () => {
    expect(shortSource('GB 50156-2012(2014年版) 表4.0.4 重要公共建筑物行')).toBe(
      'GB 50156-2012(2014年版) 表4.0.4 重要公共建筑物行',
    );
    expect(shortSource('《危险化学品安全管理条例》第十九条;距离按本单位外部安全防护距离评估结论')).toBe(
      '《危险化学品安全管理条例》第十九条',
    );
  });
});
