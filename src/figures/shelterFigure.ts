// F8 — shelter capacity against the people who live there, by district: the population counted in each district
// (shelter-zones.csv) beside the capacity of the emergency and the fixed/central shelters that lie in it
// (shelters.csv, known capacities only), each district's verdict per tier under its name. A district where nobody is
// counted is 无人口数据 — no population bar is drawn and nothing is called sufficient; shelters of unknown capacity
// are counted, never added as capacity.
import type { ReachProfile, ShelterTier, ShelterZoneRow, Zone } from '../engine';
import type { ShelterAssessment } from '../engine/reach/shelters';
import { toCsv } from '../io/csvWrite';
import { renderChart } from './chart';
import { districtOrder, NO_DISTRICT } from './districtCounts';
import type { Figure, FigureOptions } from './figure';
import { reachBasisRows } from './reachBasis';

export const SHELTER_FIGURE_ID = 'F8-shelter-capacity';

export const SHELTER_STATUS_ZH: Record<ShelterZoneRow['status'], string> = {
  deficit: '缺口',
  capacity_unknown: '容量未知',
  sufficient: '充足',
  no_shelter_data: '无该类避难场所',
  no_population_data: '无人口数据(不判定是否充足)',
};
const TIER_ZH: Record<ShelterTier, string> = { emergency: '紧急', stay: '固定及中心' };

export interface ShelterDistrictRow {
  name: string;
  /** people counted in the district; null when none is counted (无人口数据) */
  population: number | null;
  capacity: Record<ShelterTier, number>;
  shelters: Record<ShelterTier, number>;
  unknownCapacity: Record<ShelterTier, number>;
  withoutPlace: Record<ShelterTier, number | null>;
  status: Record<ShelterTier, ShelterZoneRow['status'] | null>;
}

const tiers = <T>(f: (t: ShelterTier) => T): Record<ShelterTier, T> => ({ emergency: f('emergency'), stay: f('stay') });

/** Districts in F1's order; shelters outside every district in a last group (研究区外). */
export function shelterDistrictRows(s: ShelterAssessment, zonePolygons: readonly Zone[]): ShelterDistrictRow[] {
  const ordered = districtOrder(zonePolygons);
  const byName = new Map<string, ShelterDistrictRow>();
  const rows: ShelterDistrictRow[] = ordered.map((d) => {
    const z = tiers((t) => s.zones.find((r) => r.zoneId === d.id && r.tier === t) ?? null);
    const counted = z.emergency?.population ?? z.stay?.population ?? 0;
    const row: ShelterDistrictRow = {
      name: d.name,
      population: s.populationSource === 'none' || counted === 0 ? null : counted,
      capacity: tiers(() => 0),
      shelters: tiers(() => 0),
      unknownCapacity: tiers(() => 0),
      withoutPlace: tiers((t) =>
        z[t] && z[t]!.status !== 'no_population_data' && z[t]!.status !== 'no_shelter_data' ? z[t]!.withoutPlace : null,
      ),
      status: tiers((t) => z[t]?.status ?? null),
    };
    if (!byName.has(d.name)) byName.set(d.name, row);
    return row;
  });
  let outside: ShelterDistrictRow | null = null;
  for (const sh of s.shelters) {
    let row = byName.get(sh.district);
    if (!row) {
      outside ??= {
        name: NO_DISTRICT,
        population: null,
        capacity: tiers(() => 0),
        shelters: tiers(() => 0),
        unknownCapacity: tiers(() => 0),
        withoutPlace: tiers(() => null),
        status: tiers(() => null),
      };
      row = outside;
    }
    row.shelters[sh.tier]++;
    if (sh.capacity === null) row.unknownCapacity[sh.tier]++;
    else row.capacity[sh.tier] += sh.capacity;
  }
  if (outside) rows.push(outside);
  return rows;
}

const thousands = (n: number) =>
  Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

function verdict(r: ShelterDistrictRow, t: ShelterTier): string {
  const st = r.status[t];
  if (r.population === null) return `${TIER_ZH[t]}:无人口数据`;
  if (!st) return `${TIER_ZH[t]}:—`;
  if (st === 'deficit') return `${TIER_ZH[t]}:缺 ${thousands(r.withoutPlace[t] ?? 0)} 人`;
  return `${TIER_ZH[t]}:${SHELTER_STATUS_ZH[st]}`;
}

export function shelterCapacityFigure(
  s: ShelterAssessment,
  zonePolygons: readonly Zone[],
  profile: ReachProfile,
  options: FigureOptions,
): Figure {
  const title = '图8 各区应急避难场所容量与人口';
  const rows = shelterDistrictRows(s, zonePolygons);
  const noPopulation = rows.every((r) => r.population === null);
  const labels = rows.map((r) => {
    const unknown = r.unknownCapacity.emergency + r.unknownCapacity.stay;
    const counts = `紧急 ${r.shelters.emergency} 处、固定及中心 ${r.shelters.stay} 处${unknown ? `,容量未知 ${unknown} 处` : ''}`;
    return `${r.name}(${counts})\n${r.population === null ? '无人口数据,不判定是否充足' : `${verdict(r, 'emergency')};${verdict(r, 'stay')}`}`;
  });
  const height = Math.max(480, 250 + rows.length * 62);
  const basis = reachBasisRows(profile);
  const perCapita = basis.find((b) => b.item === '人均有效避难面积');
  const radius = basis.find((b) => b.item === '避难场所服务半径');
  const short = (b: typeof perCapita) =>
    b
      ? b.citation
          .replace(/《[^》]*》/, '')
          .replace(/[(\uFF08].*$/, '')
          .replace(/\s+/g, ' ')
          .trim()
      : '';
  const series = [
    // no population anywhere: no population bar at all (an empty one beside the capacities would read as enough)
    ...(noPopulation
      ? []
      : [{ name: '计入的人口(人)', color: '#636363', value: (r: ShelterDistrictRow) => r.population }]),
    { name: '紧急避难场所可容纳(人)', color: '#9ecae1', value: (r: ShelterDistrictRow) => r.capacity.emergency },
    { name: '固定及中心避难场所可容纳(人)', color: '#3182bd', value: (r: ShelterDistrictRow) => r.capacity.stay },
  ];
  const notes = [
    noPopulation
      ? '无人口数据:未上传人口网格,居住区亦无人数或户数;不画人口,容量是否充足不作判定(不视为充足)'
      : `人口:${s.populationSource === 'grid' ? '上传的人口网格' : '居住区的人数(或户数 × 每户人口)'},按所在区计;无人口数据的区不画人口、不判定`,
    `容纳人数:给定值,或有效避难面积 ÷ 人均有效避难面积(紧急 ${profile.shelterClasses.emergency.perCapitaM2} m²、固定 ${profile.shelterClasses.fixed_short.perCapitaM2} m²,${short(perCapita)});容量未知者不计入`,
    `缺口:分配不到避难位置的人数;服务范围${s.mode === 'walking' ? '按路网步行时间' : `按服务半径(紧急 ${profile.shelterClasses.emergency.radiusM} m、固定 ${profile.shelterClasses.fixed_short.radiusM} m,${short(radius)})`}`,
  ];
  const svg = renderChart('f8', title, options, height, {
    legend: { top: 84, data: series.map((x) => x.name) },
    grid: { left: 300, right: 60, top: 170, bottom: 80 },
    xAxis: {
      type: 'value',
      name: '人数(人)',
      nameLocation: 'middle',
      nameGap: 30,
      minInterval: 1,
      axisLabel: { formatter: (v: number) => thousands(v) },
    },
    yAxis: {
      type: 'category',
      data: [...labels].reverse(),
      axisLabel: { width: 280, overflow: 'break', lineHeight: 16, fontSize: 12 },
    },
    series: series.map((x) => ({
      name: x.name,
      type: 'bar',
      barGap: '10%',
      itemStyle: { color: x.color, borderColor: '#333', borderWidth: 0.5 },
      label: {
        show: true,
        position: 'right',
        color: '#111',
        fontSize: 10,
        formatter: (p: { value: unknown }) => (typeof p.value === 'number' && p.value > 0 ? thousands(p.value) : ''),
      },
      data: rows.map((r) => x.value(r) ?? '-').reverse(),
    })),
    graphic: notes.map((t, k) => ({
      type: 'text',
      left: 40,
      top: 112 + k * 18,
      style: {
        text: t,
        fontSize: 12,
        fill: k === 0 && noPopulation ? '#b2182b' : '#333',
        fontWeight: k === 0 && noPopulation ? 'bold' : 'normal',
      },
    })),
  });
  const csv = toCsv(
    rows,
    [
      { header: '区', value: (r) => r.name },
      { header: '计入的人口(人)', value: (r) => (r.population === null ? '无人口数据' : r.population), digits: 0 },
      ...(['emergency', 'stay'] as const).flatMap((t) => [
        { header: `${TIER_ZH[t]}避难场所(处)`, value: (r: ShelterDistrictRow) => r.shelters[t] },
        { header: `${TIER_ZH[t]}避难场所可容纳(人)`, value: (r: ShelterDistrictRow) => r.capacity[t], digits: 0 },
        { header: `${TIER_ZH[t]}容量未知(处)`, value: (r: ShelterDistrictRow) => r.unknownCapacity[t] },
        { header: `${TIER_ZH[t]}无避难位置(人)`, value: (r: ShelterDistrictRow) => r.withoutPlace[t], digits: 0 },
        {
          header: `${TIER_ZH[t]}判定`,
          value: (r: ShelterDistrictRow) =>
            r.population === null
              ? SHELTER_STATUS_ZH.no_population_data
              : r.status[t]
                ? SHELTER_STATUS_ZH[r.status[t]!]
                : '',
        },
      ]),
      {
        header: '依据',
        value: () =>
          basis
            .filter((b) => b.item === '避难场所服务半径' || b.item === '人均有效避难面积')
            .map((b) => `${b.item}:${b.value}(${b.citation},${b.status})`)
            .join(';'),
      },
    ],
    { bom: true },
  );
  return { id: SHELTER_FIGURE_ID, title, svg, csv, width: 960, height };
}
