// The city's optional rule (method profile `reachRaise`, off by default): a zone whose own red or orange risk points
// lie outside their rescue circle is raised one level (blue → yellow → orange → red). No standard asks for this; a
// city may decide that a serious risk help cannot reach in time makes its area more dangerous. Applied after the
// reach assessment, since it needs the assessed levels first; the reason says it was applied and why.
import type { Assessment, AssessedZone, Level } from '../model';
import { emptyCounts } from '../risk/levels';
import type { CoverRow } from './cover';

const ONE_UP: Record<Level, Level> = { blue: 'yellow', yellow: 'orange', orange: 'red', red: 'red' };
const LEVEL_ZH: Record<Level, string> = { red: '重大(红)', orange: '较大(橙)', yellow: '一般(黄)', blue: '低(蓝)' };

/**
 * The assessment with each zone raised that holds (inside it, not by footprint) a red/orange site its circle does not
 * cover. Zones without a level (未评级) stay so: nothing is invented. Returns the same object when nothing changes.
 */
export function raiseZonesOutOfReach(assessment: Assessment, cover: readonly CoverRow[]): Assessment {
  const uncovered = new Set<string>();
  for (const r of cover) if (r.highRiskUncovered) uncovered.add(r.siteId);
  if (uncovered.size === 0) return assessment;
  let changed = false;
  const zones = assessment.zones.map((z): AssessedZone => {
    if (z.level === null) return z;
    const out = z.contributors.filter((c) => c.how === 'inside' && uncovered.has(c.siteId)).map((c) => c.siteId);
    if (out.length === 0) return z;
    const level = ONE_UP[z.level];
    changed = true;
    const shown = out.slice(0, 3).join('、') + (out.length > 3 ? ` 等${out.length}处` : '');
    const raised = level === z.level ? `已为最高等级,不再上调` : `由${LEVEL_ZH[z.level]}上调一级为${LEVEL_ZH[level]}`;
    return {
      ...z,
      level,
      reason: `${z.reason};救援可达(城市自定规则,非标准):区内重大/较大风险点 ${shown} 位于救援圈外,${raised}`,
    };
  });
  if (!changed) return assessment;
  const zonesByLevel = emptyCounts();
  for (const z of zones) zonesByLevel[z.level ?? 'unscored']++;
  return { ...assessment, zones, stats: { ...assessment.stats, zonesByLevel } };
}
