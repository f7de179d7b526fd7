// Where people live, as weighted points: an uploaded population grid (each polygon's population at a point inside
// it), else the residential sites (`users` residents, else 户数 × persons per household). Never both: a grid already
// counts the residents of the compounds in it.
import type { Site, Zone } from '../model';
import { representativePoint } from '../geo/bbox';
import type { ReachProfile } from './profile';

export interface PopulationUnit {
  id: string;
  lon: number;
  lat: number;
  population: number;
}

export interface Population {
  source: 'grid' | 'residential' | 'none';
  units: PopulationUnit[];
  /** residential sites with neither residents nor households (not counted; the report says how many) */
  unknown: number;
  note: string;
}

export function populationOf(
  sites: readonly Site[],
  grid: readonly Zone[] | undefined,
  profile: ReachProfile,
): Population {
  if (grid && grid.length > 0) {
    const units: PopulationUnit[] = [];
    let unknown = 0;
    for (const z of grid) {
      if (z.population === undefined) {
        unknown++;
        continue;
      }
      const [lon, lat] = representativePoint(z.geometry);
      units.push({ id: z.id, lon, lat, population: z.population });
    }
    return { source: 'grid', units, unknown, note: '人口取自上传的人口网格(每格人口计于格内一点)' };
  }
  const units: PopulationUnit[] = [];
  let unknown = 0;
  let fromHouseholds = 0;
  for (const s of sites) {
    if (s.category !== 'residential') continue;
    const people = s.users ?? (s.households !== undefined ? s.households * profile.personsPerHousehold : undefined);
    if (people === undefined) {
      unknown++;
      continue;
    }
    if (s.users === undefined) fromHouseholds++;
    const [lon, lat] = representativePoint(s.geometry);
    units.push({ id: s.id, lon, lat, population: people });
  }
  if (units.length === 0 && unknown === 0)
    return { source: 'none', units, unknown, note: '无人口数据(未上传人口网格,也无居住区)' };
  const notes = ['人口取自居住区的人数(使用人数)'];
  if (fromHouseholds) notes.push(`${fromHouseholds}个居住区按户数×${profile.personsPerHousehold}人/户折算`);
  if (unknown) notes.push(`${unknown}个居住区缺人数与户数,未计入`);
  return { source: 'residential', units, unknown, note: notes.join(';') };
}
