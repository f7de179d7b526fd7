// Road-network reach on hand-worked graphs: expected times are computed here from textbook arc formulas (meridian arc
// by Simpson's rule, a parallel's arc by the prime-vertical radius), not read from the code under test.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MinHeap } from '../../../src/engine/reach/binaryHeap';
import { buildRoadGraph, type RoadLine } from '../../../src/engine/reach/roadGraph';
import { multiSourceDijkstra } from '../../../src/engine/reach/dijkstra';
import { networkModel } from '../../../src/engine/reach/reachModel';
import { DEFAULT_REACH_PROFILE, type ReachProfile } from '../../../src/engine/reach/profile';
import type { Resource } from '../../../src/engine/reach/resources';
import { latitudeNorthOf, parallelArcMeters } from '../../helpers/ellipsoid';

const LON = 118.78;
const LAT = 32.04;
/** a parallel's arc length over dLon at lat: N cosφ Δλ (within 1 µm of the geodesic over 1 km) */
const parallelM = parallelArcMeters;

// A ── 1000 m north ──> B, C 1000 m east of A, D north of C at B's latitude:
//   B ─── D
//   │     │
//   A ─── C
const latB = latitudeNorthOf(LAT, 1000);
const dLon = 1000 / parallelM(LAT, 1);
const A: [number, number] = [LON, LAT];
const B: [number, number] = [LON, latB];
const C: [number, number] = [LON + dLon, LAT];
const D: [number, number] = [LON + dLon, latB];
const BD = parallelM(latB, dLon);

const road = (coords: [number, number][], speedKmh: number, oneway: RoadLine['oneway'] = 'no'): RoadLine => ({
  coords,
  speedKmh,
  oneway,
});
const noDelay: ReachProfile = {
  ...DEFAULT_REACH_PROFILE,
  resources: {
    fire_station: { ...DEFAULT_REACH_PROFILE.resources.fire_station, alarmMinutes: 0, turnoutMinutes: 0 },
    rescue_team: DEFAULT_REACH_PROFILE.resources.rescue_team,
  },
};
const station = (at: [number, number], id = 'F1', delaySeconds = 0): Resource => ({
  id,
  name: id,
  kind: 'fire_station',
  grade: 'standard1',
  lon: at[0],
  lat: at[1],
  delaySeconds,
});
const speed = (l: RoadLine) => l.speedKmh ?? null;

describe('road graph and multi-source Dijkstra (hand-worked 4-node graph)', () => {
  // A–B 36 km/h (10 m/s): 100 s; B–D 36 km/h; A–C 18 km/h (5 m/s): 200 s; C–D 36 km/h: 100 s
  const twoWay = [road([A, B], 36), road([B, D], 36), road([A, C], 18), road([C, D], 36)];

  it('gives the known shortest times from a station at A', () => {
    const g = buildRoadGraph(twoWay, speed);
    expect(g.nodeCount).toBe(4);
    expect(g.edgeCount).toBe(8);
    const model = networkModel([station(A)], g, noDelay);
    expect(model.arrival(A[0], A[1]).seconds).toBeCloseTo(0, 6);
    expect(model.arrival(B[0], B[1]).seconds).toBeCloseTo(100, 3); // 1000 m at 10 m/s
    expect(model.arrival(C[0], C[1]).seconds).toBeCloseTo(200, 3); // direct 1000 m at 5 m/s beats 100 + BD/10 + 100
    expect(model.arrival(D[0], D[1]).seconds).toBeCloseTo(100 + BD / 10, 3); // via B (≈ 199.9) beats via C (300)
  });

  it('a one-way street changes the answer: A–B one way north to south (B → A only)', () => {
    // tagged on the line drawn A → B, direction "backward": only B → A may be driven
    const g = buildRoadGraph(
      [road([A, B], 36, 'backward'), road([B, D], 36), road([A, C], 18), road([C, D], 36)],
      speed,
    );
    expect(g.edgeCount).toBe(7);
    const model = networkModel([station(A)], g, noDelay);
    expect(model.arrival(D[0], D[1]).seconds).toBeCloseTo(300, 3); // 200 to C + 100 to D
    expect(model.arrival(B[0], B[1]).seconds).toBeCloseTo(300 + BD / 10, 3); // around the block: ≈ 399.9 instead of 100
    // and from a station at B the one-way is usable: B → A in 100 s
    expect(networkModel([station(B)], g, noDelay).arrival(A[0], A[1]).seconds).toBeCloseTo(100, 3);
  });

  it('several stations at once: each node takes the earliest arrival, delays included, and names the station', () => {
    const g = buildRoadGraph(twoWay, speed);
    // F1 at A leaves after 120 s, F2 at D after 0 s
    const model = networkModel([station(A, 'F1', 120), station(D, 'F2', 0)], g, noDelay);
    const atC = model.arrival(C[0], C[1]);
    expect(atC.seconds).toBeCloseTo(100, 3); // F2: D → C 100 s, F1 would need 320 s
    expect(atC.resource).toBe(1);
    const atA = model.arrival(A[0], A[1]);
    expect(atA.seconds).toBeCloseTo(120, 3); // F1 waits 120 s; F2 needs BD/10 + 100 ≈ 199.9
    expect(atA.resource).toBe(0);
  });

  it('an off-network leg is added at the profile speed, and a point beyond maxSnapM is not given a network time', () => {
    const g = buildRoadGraph(twoWay, speed);
    const model = networkModel([station(A)], g, noDelay);
    // 100 m north of C along the meridian: snaps to C (100 m) rather than D (900 m)
    const p: [number, number] = [C[0], latitudeNorthOf(LAT, 100)];
    const leg = 100 / (DEFAULT_REACH_PROFILE.roads.offNetworkKmh / 3.6);
    expect(model.arrival(p[0], p[1]).seconds).toBeCloseTo(200 + leg, 3);
    const far: [number, number] = [C[0], latitudeNorthOf(LAT, -(DEFAULT_REACH_PROFILE.roads.maxSnapM + 50))];
    const a = model.arrival(far[0], far[1]);
    expect(a.seconds).toBeNull();
    expect(a.note).toContain('路网未覆盖');
  });

  it('a road not connected to any station is 路网不连通, never a time', () => {
    const E: [number, number] = [LON + 0.05, LAT + 0.05];
    const F2: [number, number] = [LON + 0.05, latitudeNorthOf(LAT + 0.05, 500)];
    const g = buildRoadGraph([...twoWay, road([E, F2], 36)], speed);
    const a = networkModel([station(A)], g, noDelay).arrival(E[0], E[1]);
    expect(a.seconds).toBeNull();
    expect(a.note).toContain('不连通');
  });

  it('the road file’s order does not matter: reversed lines and reversed vertices give the same times', () => {
    const forward = networkModel([station(A), station(D, 'F2', 30)], buildRoadGraph(twoWay, speed), noDelay);
    const flipped = twoWay.map((l) => ({ ...l, coords: [...l.coords].reverse() })).reverse();
    const backward = networkModel([station(A), station(D, 'F2', 30)], buildRoadGraph(flipped, speed), noDelay);
    // a point halfway between A and C is equidistant from both: the snap's tie rule must not follow node numbers
    const mid: [number, number] = [LON + dLon / 2, LAT];
    for (const p of [A, B, C, D, mid]) expect(backward.arrival(p[0], p[1])).toEqual(forward.arrival(p[0], p[1]));
  });

  it('footways are left out of the graph by the profile (excluded classes)', async () => {
    const { roadSpeedFor } = await import('../../../src/engine/reach/roadSpeed');
    const s = roadSpeedFor(DEFAULT_REACH_PROFILE);
    expect(s({ coords: [A, B], roadClass: 'footway' })).toBeNull();
    expect(s({ coords: [A, B], roadClass: '主干路' })).toBe(DEFAULT_REACH_PROFILE.roads.speedsKmh.primary);
    expect(s({ coords: [A, B], roadClass: 'primary', speedKmh: 55 })).toBe(55); // a stated speed wins
    expect(s({ coords: [A, B], roadClass: 'something' })).toBe(DEFAULT_REACH_PROFILE.roads.defaultKmh);
  });
});

describe('binary heap and Dijkstra against a naive Bellman–Ford', () => {
  it('the heap pops keys in order, ties by smaller value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 1000 })), { maxLength: 300 }),
        (items) => {
          const h = new MinHeap(2);
          for (const [k, v] of items) h.push(k, v);
          const out: [number, number][] = [];
          while (h.size > 0) {
            const k = h.peekKey();
            out.push([k, h.pop()]);
          }
          const sorted = [...items].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
          expect(out).toEqual(sorted);
        },
      ),
    );
  });

  it('multi-source times equal Bellman–Ford on random directed graphs', () => {
    const graphArb = fc.integer({ min: 2, max: 25 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        edges: fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: n - 1 }),
            fc.integer({ min: 0, max: n - 1 }),
            fc.integer({ min: 1, max: 100 }),
          ),
          { maxLength: 80 },
        ),
        seeds: fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: 50 })), {
          minLength: 1,
          maxLength: 4,
        }),
      }),
    );
    fc.assert(
      fc.property(graphArb, ({ n, edges, seeds }) => {
        // the CSR graph by hand, bypassing geometry
        const offsets = new Int32Array(n + 1);
        for (const [u] of edges) offsets[u + 1]!++;
        for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
        const cur = offsets.slice(0, n);
        const targets = new Int32Array(edges.length);
        const seconds = new Float64Array(edges.length);
        for (const [u, v, w] of edges) {
          const s = cur[u]!++;
          targets[s] = v;
          seconds[s] = w;
        }
        const g = {
          nodeCount: n,
          edgeCount: edges.length,
          lon: new Float64Array(n),
          lat: new Float64Array(n),
          offsets,
          targets,
          seconds,
          skippedLines: 0,
        };
        const got = multiSourceDijkstra(
          g,
          seeds.map(([node, t], source) => ({ node, seconds: t, source })),
        );
        // Bellman–Ford from a virtual source
        const dist = new Array<number>(n).fill(Infinity);
        for (const [node, t] of seeds) dist[node] = Math.min(dist[node]!, t);
        for (let round = 0; round < n; round++)
          for (const [u, v, w] of edges) if (dist[u]! + w < dist[v]!) dist[v] = dist[u]! + w;
        expect(Array.from(got.seconds)).toEqual(dist);
        // the named source really arrives at that time: its own single-source time equals the node's time
        for (let v = 0; v < n; v++) {
          if (!Number.isFinite(dist[v]!)) {
            expect(got.source[v]).toBe(-1);
            continue;
          }
          const s = got.source[v]!;
          const single = multiSourceDijkstra(g, [{ node: seeds[s]![0], seconds: seeds[s]![1], source: 0 }]);
          expect(single.seconds[v]).toBe(dist[v]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
