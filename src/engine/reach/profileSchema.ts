// A city's own reach profile (`--reach-profile FILE.json`), checked by a schema wherever it is read, like the method
// profile: a bad file names the first field at fault and is never half-applied. The shipped profile passes the same
// check (tested).
import { z } from 'zod';
import { parseBySchema } from '../validateConfig';
import type { ReachProfile } from './profile';

const text = z.string().min(1);
const status = z.enum(['official', 'secondary', 'not_found', 'city']);
const minutes = z.number().min(0).max(180);
const positive = z.number().positive();
const areaType = z.enum(['built_up', 'industrial_park', 'suburban', 'rural']);
const shelterClass = z.enum(['emergency', 'fixed_short', 'fixed_medium', 'fixed_long', 'central']);
const cited = z.object({
  standard: text,
  clause: z.string(),
  quote: z.string(),
  readAt: z.array(z.string()),
  status,
  remark: z.string().optional(),
});
const grade = z.object({ zh: text, areaLimitKm2: positive.nullable(), hasDistrict: z.boolean() });
const shelter = z.object({ zh: text, tier: z.enum(['emergency', 'stay']), radiusM: positive, perCapitaM2: positive });
const resource = z.object({ alarmMinutes: minutes, turnoutMinutes: minutes, source: text, status });

export const reachProfileSchema = z
  .object({
    schema: z.literal('reach-profile/1'),
    id: text,
    name: text,
    circles: z
      .array(
        z.object({ id: text, zh: text, targetMinutes: positive, appliesTo: z.array(areaType), source: text, status }),
      )
      .min(1),
    unknownAreaCircle: text,
    unknownAreaNote: text,
    resources: z.object({ fire_station: resource, rescue_team: resource }),
    stationGrades: z.object({
      special: grade,
      standard1: grade,
      standard2: grade,
      small: grade,
      micro: grade,
      professional: grade,
      enterprise: grade,
    }),
    suburbanAreaLimitKm2: positive,
    unknownGradeAreaLimitKm2: positive,
    unknownGradeNote: text,
    stationAreaSource: cited,
    stationReachSource: cited,
    roads: z.object({
      speedsKmh: z.record(z.string(), positive),
      aliases: z.record(z.string(), z.string()),
      defaultKmh: positive,
      excluded: z.array(z.string()),
      source: text,
      status,
      offNetworkKmh: positive,
      maxSnapM: positive,
      offNetworkNote: text,
    }),
    screening: z.object({ speedKmh: positive, detourFactor: z.number().min(1), source: text, status }),
    shelterClasses: z.object({
      emergency: shelter,
      fixed_short: shelter,
      fixed_medium: shelter,
      fixed_long: shelter,
      central: shelter,
    }),
    unknownShelterClass: shelterClass,
    unknownShelterNote: text,
    shelterWalk: z.object({
      speedKmh: positive,
      minutes: z.object({ emergency: positive, stay: positive }),
      excluded: z.array(z.string()),
      source: text,
      status,
    }),
    shelterSources: z.array(cited),
    personsPerHousehold: positive,
    personsPerHouseholdSource: cited,
    // profiles written before the grid was a setting keep its former fixed 250 m; 50 m is the finest allowed (a city's
    // 10⁴ km² at 50 m is 4 × 10⁶ cells, the most the worker should hold)
    gridCellM: z.number().min(50).max(5000).default(250),
  })
  .refine((p) => p.circles.some((c) => c.id === p.unknownAreaCircle), {
    message: 'unknownAreaCircle must name one of the circles',
    path: ['unknownAreaCircle'],
  });

export function parseReachProfile(doc: unknown): ReachProfile {
  return parseBySchema(reachProfileSchema, doc, 'reach profile') as ReachProfile;
}
