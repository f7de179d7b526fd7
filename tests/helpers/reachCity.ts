// A small hand-made city with rescue data, assessed with its reach as the engine worker notes it (state/assessedReach):
// one built-up district, a fire station, a micro station, a rescue team, three shelters (one short of places, one
// with room, one of unknown capacity) and the people of two compounds, for the map's and the panel's reach tests.
import { assess, assessReach, DEFAULT_REACH_PROFILE, type Assessment, type Site, type Zone } from '../../src/engine';
import { reachBandLayer } from '../../src/figures/reachBandShapes';
import type { AssessedReach } from '../../src/state/assessedReach';
import { createConfig, createSite, createSquareZone } from './sites';
import { latitudeNorthOf } from './ellipsoid';

export const LON = 118.75;
export const LAT = 32.05;
export const north = (m: number): [number, number] => [LON, latitudeNorthOf(LAT, m)];

export function reachCity(): { assessment: Assessment; reach: AssessedReach; sites: Site[]; zones: Zone[] } {
  const zones: Zone[] = [{ ...createSquareZone('A', 118.7, 32.0, 0.1), name: '甲区', areaType: 'built_up' }];
  const sites: Site[] = [
    createSite({ id: 'F1', name: '一号消防站', category: 'fire_station', rescueGrade: 'standard1', at: north(0) }),
    createSite({ id: 'M1', name: '微型站', category: 'fire_station', rescueGrade: 'micro', at: north(3000) }),
    createSite({ id: 'T1', name: '救援队', category: 'rescue_team', at: north(-3000) }),
    createSite({ id: 'S1', name: '近处工地', category: 'construction', likelihood: 5, severity: 5, at: north(200) }),
    createSite({ id: 'S2', name: '远处工地', category: 'construction', likelihood: 5, severity: 5, at: north(4500) }),
    createSite({ id: 'U1', name: '未评分点', category: 'construction', at: north(100) }),
    createSite({
      id: 'SH1',
      name: '甲广场',
      category: 'shelter',
      shelterClass: 'emergency',
      users: 1000,
      at: north(-100),
    }),
    createSite({
      id: 'SH2',
      name: '乙公园',
      category: 'shelter',
      shelterClass: 'fixed_short',
      users: 5000,
      at: north(1500),
    }),
    createSite({ id: 'SH3', name: '丙绿地', category: 'shelter', at: north(-2000) }),
    createSite({ id: 'R1', name: '甲小区', category: 'residential', users: 1300, at: north(-300) }),
  ];
  const assessment = assess({ sites, zones }, createConfig());
  const result = assessReach({ sites, assessed: assessment.sites, zones });
  return {
    assessment,
    reach: { result, profile: DEFAULT_REACH_PROFILE, bands: reachBandLayer(result, DEFAULT_REACH_PROFILE) },
    sites,
    zones,
  };
}
