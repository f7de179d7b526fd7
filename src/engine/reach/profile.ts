// The reach and shelter parameters as data (data/rules/reach-profile.json): circles, dispatch delays, station
// district limits, road speeds, the screening speed and detour, shelter classes. Each carries its source and status
// (official / secondary / not_found / city) so every minute and every deficit can be traced to where it came from.
import profileFile from '../../../data/rules/reach-profile.json';
import { parseReachProfile } from './profileSchema';

export type AreaType = 'built_up' | 'industrial_park' | 'suburban' | 'rural';
export type StationGrade = 'special' | 'standard1' | 'standard2' | 'small' | 'micro' | 'professional' | 'enterprise';
export type ShelterClass = 'emergency' | 'fixed_short' | 'fixed_medium' | 'fixed_long' | 'central';
export type ShelterTier = 'emergency' | 'stay';
export type ResourceKind = 'fire_station' | 'rescue_team';
export type SourceStatus = 'official' | 'secondary' | 'not_found' | 'city';

export interface CitedSource {
  standard: string;
  clause: string;
  quote: string;
  readAt: string[];
  status: SourceStatus;
  remark?: string;
}

export interface ReachCircle {
  id: string;
  zh: string;
  /** minutes from the alarm to arrival */
  targetMinutes: number;
  appliesTo: AreaType[];
  source: string;
  status: SourceStatus;
}

export interface ReachProfile {
  schema: 'reach-profile/1';
  id: string;
  name: string;
  circles: ReachCircle[];
  /** the circle used where the zone gives no area type (the stricter one) */
  unknownAreaCircle: string;
  unknownAreaNote: string;
  resources: Record<
    ResourceKind,
    { alarmMinutes: number; turnoutMinutes: number; source: string; status: SourceStatus }
  >;
  stationGrades: Record<StationGrade, { zh: string; areaLimitKm2: number | null; hasDistrict: boolean }>;
  suburbanAreaLimitKm2: number;
  unknownGradeAreaLimitKm2: number;
  unknownGradeNote: string;
  stationAreaSource: CitedSource;
  stationReachSource: CitedSource;
  roads: {
    speedsKmh: Record<string, number>;
    aliases: Record<string, string>;
    defaultKmh: number;
    excluded: string[];
    source: string;
    status: SourceStatus;
    offNetworkKmh: number;
    maxSnapM: number;
    offNetworkNote: string;
  };
  screening: { speedKmh: number; detourFactor: number; source: string; status: SourceStatus };
  shelterClasses: Record<ShelterClass, { zh: string; tier: ShelterTier; radiusM: number; perCapitaM2: number }>;
  unknownShelterClass: ShelterClass;
  unknownShelterNote: string;
  /** with a road network: a shelter serves whom it can reach on foot within its tier's minutes (GB 50413 §8.2.10) */
  shelterWalk: {
    speedKmh: number;
    minutes: Record<ShelterTier, number>;
    excluded: string[];
    source: string;
    status: SourceStatus;
  };
  shelterSources: CitedSource[];
  personsPerHousehold: number;
  personsPerHouseholdSource: CitedSource;
  /** side of the reach grid's square cells, metres (zone reach, station districts, the reach map); 250 by default */
  gridCellM: number;
}

/** The shipped profile, checked by the same schema as a city's file. */
export const DEFAULT_REACH_PROFILE: ReachProfile = parseReachProfile(profileFile);

/** Minutes between the alarm and the moment the crew leaves (接警 + 出动), by resource kind. */
export function dispatchMinutes(p: ReachProfile, kind: ResourceKind): number {
  const r = p.resources[kind];
  return r.alarmMinutes + r.turnoutMinutes;
}
