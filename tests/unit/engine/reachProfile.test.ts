// The reach profile is data a city may replace: the shipped file passes the schema, a bad one names its field.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ConfigError, DEFAULT_REACH_PROFILE, parseReachProfile } from '../../../src/engine';

const shipped = () =>
  JSON.parse(readFileSync(new URL('../../../data/rules/reach-profile.json', import.meta.url), 'utf8'));

describe('reach profile (data/rules/reach-profile.json)', () => {
  it('the shipped profile passes the schema and is what the engine uses', () => {
    expect(parseReachProfile(shipped())).toEqual(DEFAULT_REACH_PROFILE);
  });

  it('refuses a bad value, naming the field', () => {
    const bad = shipped();
    bad.roads.speedsKmh.primary = -5;
    expect(() => parseReachProfile(bad)).toThrow(ConfigError);
    expect(() => parseReachProfile(bad)).toThrow(/roads\.speedsKmh\.primary/);
    const noCircle = shipped();
    noCircle.unknownAreaCircle = 'nine';
    expect(() => parseReachProfile(noCircle)).toThrow(/unknownAreaCircle/);
  });

  it('every cited source states one of the four statuses, and no standard value is marked official without an address', () => {
    const p = DEFAULT_REACH_PROFILE;
    for (const s of [p.stationAreaSource, p.stationReachSource, ...p.shelterSources, p.personsPerHouseholdSource]) {
      expect(['official', 'secondary', 'not_found', 'city']).toContain(s.status);
      if (s.status === 'official' || s.status === 'secondary') expect(s.readAt.length, s.clause).toBeGreaterThan(0);
    }
    // the circles and speeds are the city's own values, and say so
    for (const c of p.circles) expect(c.status).toBe('city');
    expect(p.roads.status).toBe('city');
    expect(p.screening.status).toBe('city');
  });
});
