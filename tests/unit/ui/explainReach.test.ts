// Rescue within reach in the panel and the legend's words: the cover row of a scored site (minutes worked out here by
// hand: 1 + 3 min dispatch, then metres × 1.4 at 30 km/h = 500 m a minute), a station's district, a shelter's
// balance, a zone's reach; missing data said, never "covered" or "enough". In Chinese the words are the white paper's.
import { describe, expect, it } from 'vitest';
import { assessReach, DEFAULT_REACH_PROFILE } from '../../../src/engine';
import { reachBands } from '../../../src/figures/reachMapFigure';
import { screeningText } from '../../../src/figures/reachBasis';
import { reachBandLayer } from '../../../src/figures/reachBandShapes';
import { translator } from '../../../src/i18n/translate';
import { explainSite, explainZone } from '../../../src/ui/explain';
import { bandLabel, screeningSentence } from '../../../src/ui/reachWords';
import { reachCity } from '../../helpers/reachCity';

const zh = translator('zh-CN');
const en = translator('en');
const HAN = /[\u3400-\u9fff]/;
const rowsOf = (e: { rows: [string, string][] } | null) => Object.fromEntries(e!.rows);

describe('rescue within reach in words', () => {
  const { assessment, reach, sites, zones } = reachCity();

  it("speaks the white paper's words in Chinese (bands, screening) and none in English", () => {
    const p = DEFAULT_REACH_PROFILE;
    const bands = reachBands(p);
    expect(bands.map((_, i) => bandLabel(zh, 'zh-CN', p, bands, i))).toEqual(bands.map((b) => b.label));
    expect(screeningSentence(zh, p)).toBe(screeningText(p));
    const english = [
      ...bands.map((_, i) => bandLabel(en, 'en', p, bands, i)),
      bandLabel(en, 'en', p, bands, -1),
      screeningSentence(en, p),
    ];
    for (const s of english) expect(s).not.toMatch(HAN);
    expect(english[0]).toBe('≤5 min (within the 135 rescue circle)');
  });

  it('names the nearest resource, the minutes from the alarm, the circle and 初筛 for an uncovered red site', () => {
    const rows = rowsOf(explainSite(assessment, 'S2', zh, 'zh-CN', reach));
    // S2 is 4 500 m north of the station, 1 500 m north of the micro station: 4 + 1500 × 1.4 / 500 = 8.2 min
    expect(rows['最近救援力量']).toBe('微型站(M1)');
    expect(rows['到场时间']).toBe('自接警起 8.2 分钟(含接警、出动 4 分钟)(初筛:直线估算)');
    expect(rows['适用救援圈']).toBe('135快速救援圈:自接警起5分钟内到达');
    expect(rows['救援可达']).toBe('未覆盖:重大/较大风险点无救援力量可及');
    // 200 m from the station: 4 + 200 × 1.4 / 500 = 4.56 min, within 5
    expect(rowsOf(explainSite(assessment, 'S1', zh, 'zh-CN', reach))['救援可达']).toBe('已覆盖(在目标时间内到场)');
    expect(rowsOf(explainSite(assessment, 'U1', zh, 'zh-CN', reach))['救援可达']).toBe(
      '未评估(未评分的风险点不作救援可达判定)',
    );
  });

  it('says 无救援力量数据 without any rescue resource, never covered', () => {
    expect(rowsOf(explainSite(assessment, 'S1', zh, 'zh-CN', null))['救援可达']).toBe(
      '无救援力量数据(未评估,不视为已覆盖)',
    );
    const onlyShelters = sites.filter((s) => s.category !== 'fire_station' && s.category !== 'rescue_team');
    const result = assessReach({ sites: onlyShelters, assessed: assessment.sites, zones });
    const noResources = {
      result,
      profile: DEFAULT_REACH_PROFILE,
      bands: reachBandLayer(result, DEFAULT_REACH_PROFILE),
    };
    expect(rowsOf(explainSite(assessment, 'S1', zh, 'zh-CN', noResources))['救援可达']).toBe(
      '无救援力量数据(未评估,不视为已覆盖)',
    );
    expect(rowsOf(explainZone(assessment, 'A', zh, noResources, 'zh-CN'))['救援可达']).toBe(
      '无救援力量数据(未评估,不视为已覆盖)',
    );
  });

  it('gives a fire station its district against 建标152, a micro station none', () => {
    const rows = rowsOf(explainSite(assessment, 'F1', zh, 'zh-CN', reach));
    const d = reach.result.stations![0]!;
    expect(rows['站级']).toBe('一级普通消防站');
    expect(rows['风险等级']).toBeUndefined(); // not a risk point: no "未评分" beside its district
    expect(rows['辖区面积']).toBe(`${d.districtKm2.toFixed(2)} km²,上限 7 km²(建标152-2017 第十四条)`);
    expect(rows['辖区面积判定']).toBe(d.districtKm2 > 7 ? '超出上限' : '未超出上限');
    expect(rowsOf(explainSite(assessment, 'M1', zh, 'zh-CN', reach))['辖区面积']).toBe('不设辖区(微型消防站、救援队)');
  });

  it('gives a shelter its class, capacity, people and deficit; unknown capacity or no people are said', () => {
    const sh1 = rowsOf(explainSite(assessment, 'SH1', zh, 'zh-CN', reach));
    // 1 300 residents 200 m away, 1 000 places: 300 short, 300 m² at 1 m² each
    expect(sh1).toMatchObject({
      避难场所类别: '紧急避难场所',
      容纳人数: '1,000',
      分配的人口: '1,300',
      缺口: '300 人(缺有效避难面积 300 m²)',
    });
    expect(rowsOf(explainSite(assessment, 'SH2', zh, 'zh-CN', reach))['缺口']).toBe('无缺口(容量满足)');
    const sh3 = rowsOf(explainSite(assessment, 'SH3', zh, 'zh-CN', reach));
    expect(sh3['容纳人数']).toMatch(/^未知/);
    expect(sh3['缺口']).toBe('无法判定');
    const noPeople = sites.filter((s) => s.category !== 'residential');
    const result = assessReach({ sites: noPeople, assessed: assessment.sites, zones });
    const rows = rowsOf(
      explainSite(assessment, 'SH1', zh, 'zh-CN', {
        result,
        profile: DEFAULT_REACH_PROFILE,
        bands: reachBandLayer(result, DEFAULT_REACH_PROFILE),
      }),
    );
    expect(rows['分配的人口']).toBe('无人口数据');
    expect(rows['缺口']).toBe('无人口数据');
  });

  it('gives a zone its circle, share within it, median and longest minutes, and its shelter balance', () => {
    const z = reach.result.zones![0]!;
    const rows = rowsOf(explainZone(assessment, 'A', zh, reach, 'zh-CN'));
    expect(rows['适用救援圈']).toBe('135快速救援圈:自接警起5分钟内到达');
    expect(rows['救援圈内面积占比']).toBe(`${(z.coveredShare! * 100).toFixed(1)}%(初筛:直线估算)`);
    expect(rows['到场时间中位数']).toBe(`${z.medianMinutes!.toFixed(1)} 分钟(初筛:直线估算)`);
    expect(rows['最长到场时间']).toBe(`${z.maxMinutes!.toFixed(1)} 分钟(初筛:直线估算)`);
    expect(rows['紧急避难']).toBe('人口 1,300,无避难位置 300 人,缺有效避难面积 300 m² · 有缺口');
    expect(rows['固定与中心避难']).toBe('人口 1,300,无避难位置 0 人,缺有效避难面积 0 m² · 容量满足');
  });

  it('writes no Chinese of its own into the English panel (engine notes aside)', () => {
    for (const id of ['S2', 'F1', 'SH1', 'SH3']) {
      const e = explainSite(assessment, id, en, 'en', reach)!;
      for (const [label, value] of e.rows) {
        // the data's own names and the engine's record text are Chinese; every word of the UI's is not
        if (
          [
            'Id',
            'District',
            'Sector',
            'Scoring (assessment record)',
            'Nearest rescue resource',
            'Reach note',
            'District note',
            'Shelter note',
          ].includes(label)
        )
          continue;
        expect(`${label}: ${value}`).not.toMatch(HAN);
      }
    }
  });
});
