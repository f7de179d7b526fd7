// Rescue within reach in the side panel (issue #21): a scored site's or protection target's cover row, a fire
// station's district against 建标152, a shelter's capacity against the people assigned to it, a zone's reach and
// shelter balance. What is missing is said (无救援力量数据 / 无人口数据 / 未评估), never shown as covered or enough.
import {
  dispatchMinutes,
  isReachCategory,
  type AssessedSite,
  type Assessment,
  type ShelterClass,
  type StationGrade,
} from '../engine';
import type { Locale, Translate } from '../i18n/translate';
import type { AssessedReach } from '../state/assessedReach';
import { coverRowOf, hasCover } from '../state/reachCover';
import { circleRule, minutesText } from './reachWords';

type Rows = [label: string, value: string][];

const thousands = (n: number, locale: Locale) => Math.round(n).toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN');

/**
 * The reach rows of a site's panel (`s`, at `position` in `a.sites`). Without any rescue data a scored site or target
 * is said to be unassessed.
 */
export function siteReachRows(
  a: Assessment,
  position: number,
  s: AssessedSite,
  reach: AssessedReach | null,
  t: Translate,
  locale: Locale,
): Rows {
  if (!reach)
    return !isReachCategory(s.category) && (s.role === 'target' || s.level !== null)
      ? [[t('explain.reach.status'), t('explain.reach.noResources')]]
      : [];
  if (s.category === 'shelter') return shelterRows(s.id, reach, t, locale);
  if (isReachCategory(s.category)) return stationRows(s.id, reach, t);
  const { result, profile } = reach;
  if (!hasCover(reach)) return [[t('explain.reach.status'), t('explain.reach.noResources')]];
  const row = coverRowOf(reach, a.sites, position, s);
  if (!row) return [[t('explain.reach.status'), t('explain.reach.notSubject')]];
  const screening = row.mode === 'screening' ? t('explain.reach.screeningSuffix') : '';
  const nearest = row.nearestResourceId === null ? null : result.resources.find((r) => r.id === row.nearestResourceId);
  const rows: Rows = [
    // 初筛 once, on the minutes (the note says it again in the record's words)
    [
      t('explain.reach.status'),
      t(
        row.highRiskUncovered
          ? 'explain.reach.highRiskUncovered'
          : row.status === 'covered'
            ? 'explain.reach.covered'
            : 'explain.reach.uncovered',
      ),
    ],
    [
      t('explain.reach.nearest'),
      nearest
        ? t('explain.reach.nearestValue', { name: nearest.name, id: nearest.id })
        : t('explain.reach.unreachable'),
    ],
    [
      t('explain.reach.minutes'),
      row.minutes === null || !nearest
        ? t('explain.reach.unreachable')
        : `${t('explain.reach.minutesValue', { m: row.minutes.toFixed(1), dispatch: dispatchMinutes(profile, nearest.kind) })}${screening}`,
    ],
    [t('explain.reach.circle'), circleRule(t, locale, profile, row.circle)],
  ];
  if (row.note) rows.push([t('explain.reach.note'), row.note]); // engine text (Chinese: it goes into the record)
  return rows;
}

function stationRows(id: string, { result, profile }: AssessedReach, t: Translate): Rows {
  const r = result.resources.find((x) => x.id === id);
  const grade = (g: StationGrade | null) => (g ? t(`station.grade.${g}`) : t('explain.station.gradeUnknown'));
  const rows: Rows = [[t('explain.station.grade'), grade(r?.grade ?? null)]];
  if (r && r.grade !== null && !profile.stationGrades[r.grade].hasDistrict)
    return [...rows, [t('explain.station.district'), t('explain.station.noDistrict')]];
  const d = result.stations?.find((x) => x.stationId === id);
  if (!d) return [...rows, [t('explain.station.district'), t('explain.station.notAssessed')]];
  const km2 = d.districtKm2.toFixed(2);
  rows.push(
    [
      t('explain.station.district'),
      d.limitKm2 === null
        ? t('explain.station.districtNoLimit', { km2 })
        : t('explain.station.districtValue', { km2, limit: d.limitKm2 }),
    ],
    [t('explain.station.status'), t(`explain.station.status.${d.status}`)],
    [
      t('explain.station.edge'),
      d.edgeMinutes === null
        ? t('explain.reach.unreachable')
        : t('explain.station.edgeValue', { m: d.edgeMinutes.toFixed(1) }),
    ],
  );
  if (d.note) rows.push([t('explain.station.note'), d.note]);
  return rows;
}

function shelterRows(id: string, { result }: AssessedReach, t: Translate, locale: Locale): Rows {
  const row = result.shelters?.shelters.find((x) => x.shelterId === id);
  if (!row) return [[t('explain.shelter.class'), t('explain.shelter.notAssessed')]];
  const cls = t(`shelter.class.${row.class as ShelterClass}`);
  const rows: Rows = [
    [t('explain.shelter.class'), row.classAssumed ? t('explain.shelter.classAssumed', { cls }) : cls],
    [t('explain.shelter.radius'), `${row.radiusM} m`],
    [
      t('explain.shelter.capacity'),
      row.capacity === null ? t('explain.shelter.capacityUnknown') : thousands(row.capacity, locale),
    ],
    [
      t('explain.shelter.population'),
      row.population === null ? t('explain.shelter.noPopulation') : thousands(row.population, locale),
    ],
    [
      t('explain.shelter.deficit'),
      row.population === null
        ? t('explain.shelter.noPopulation')
        : row.deficit === null
          ? t('explain.shelter.unknown')
          : row.deficit > 0
            ? t('explain.shelter.deficitValue', {
                n: thousands(row.deficit, locale),
                m2: thousands(row.areaShortM2 ?? 0, locale),
              })
            : t('explain.shelter.enough'),
    ],
  ];
  if (row.note) rows.push([t('explain.shelter.note'), row.note]);
  return rows;
}

/** A zone's reach (circle, share within it, median and longest arrival) and its shelter balance per tier. */
export function zoneReachRows(zoneId: string, reach: AssessedReach | null, t: Translate, locale: Locale): Rows {
  if (!reach) return [[t('explain.reach.status'), t('explain.reach.noResources')]];
  const { result, profile } = reach;
  const rows: Rows = [];
  const screening = result.mode === 'screening' ? t('explain.reach.screeningSuffix') : '';
  if (!hasCover(reach)) rows.push([t('explain.reach.status'), t('explain.reach.noResources')]);
  else {
    const z = result.zones?.find((x) => x.zoneId === zoneId);
    if (!z || z.coveredShare === null) rows.push([t('explain.reach.status'), t('explain.zoneReach.none')]);
    else {
      rows.push(
        [t('explain.zoneReach.circle'), circleRule(t, locale, profile, z.circle)],
        [t('explain.zoneReach.share'), `${(z.coveredShare * 100).toFixed(1)}%${screening}`],
        [
          t('explain.zoneReach.median'),
          z.medianMinutes === null ? t('explain.reach.unreachable') : `${minutesText(t, z.medianMinutes)}${screening}`,
        ],
        [
          t('explain.zoneReach.max'),
          z.maxMinutes === null ? t('explain.reach.unreachable') : `${minutesText(t, z.maxMinutes)}${screening}`,
        ],
      );
      if (z.unreachedCells > 0) rows.push([t('explain.zoneReach.unreached'), `${z.unreachedCells} / ${z.cells}`]);
    }
  }
  for (const s of result.shelters?.zones.filter((x) => x.zoneId === zoneId) ?? []) {
    const numbers =
      s.status === 'no_population_data'
        ? ''
        : `${t('explain.zoneShelter.value', { population: thousands(s.population, locale), without: thousands(s.withoutPlace, locale), m2: thousands(s.areaShortM2, locale) })} · `;
    rows.push([t(`explain.zoneShelter.${s.tier}`), `${numbers}${t(`explain.zoneShelter.status.${s.status}`)}`]);
  }
  return rows;
}
