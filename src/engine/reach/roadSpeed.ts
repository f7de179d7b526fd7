// A road line's speed from the profile: its own stated speed first, else its class's (OSM `highway` or a Chinese road
// grade through the aliases), else the default; classes cars cannot use (footways, steps …) are left out of the graph.
import type { ReachProfile } from './profile';
import type { RoadLine } from './roadGraph';

export function roadSpeedFor(profile: ReachProfile): (line: RoadLine) => number | null {
  const { speedsKmh, aliases, defaultKmh, excluded } = profile.roads;
  const out = new Set(excluded);
  return (line) => {
    const raw = line.roadClass?.trim() ?? '';
    const cls = aliases[raw] ?? raw.toLowerCase();
    if (out.has(cls)) return null;
    if (line.speedKmh !== undefined && line.speedKmh > 0) return line.speedKmh;
    return speedsKmh[cls] ?? defaultKmh;
  };
}
