// GB 50156 附录A measures from fixed points: a tank's outer wall, a dispenser's centreline, equipment's outer edge, a
// building's outer-wall axis. A site given only as a point carries none of them, so a distance to it can only screen
// (初筛); the finding says so and names which side was a point.
import type { Geometry } from 'geojson';

export function isPointOnly(g: Geometry): boolean {
  return g.type === 'Point' || g.type === 'MultiPoint';
}

const screening = (who: string) =>
  `初筛:${who},无法按 GB 50156 附录A 的计算间距起止点(储罐罐外壁、加油机或加气机中心线、设备外缘、建(构)筑物外墙轴线)量测,本结论为初筛结果,须按实际平面布置复核`;
// one string each, made once: every finding of a point-only pair carries one (a million sites make millions)
const BOTH_POINTS = screening('危险源与防护目标均仅有点位坐标');
const HAZARD_POINT = screening('危险源仅有点位坐标');
const TARGET_POINT = screening('防护目标仅有点位坐标');

/** The screening sentence for a pair, or '' when both sides are lines or areas. */
export function screeningNote(hazard: Geometry, target: Geometry): string {
  const h = isPointOnly(hazard);
  const t = isPointOnly(target);
  return h && t ? BOTH_POINTS : h ? HAZARD_POINT : t ? TARGET_POINT : '';
}
