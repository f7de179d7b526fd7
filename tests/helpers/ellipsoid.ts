// Independent reference values for tests: WGS-84 arc lengths by numeric integration (Simpson's rule),
// a method unrelated to the Karney geodesic and the local-plane code under test.
const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const DEG = Math.PI / 180;

function meridionalRadius(latDeg: number): number {
  const s = Math.sin(latDeg * DEG);
  return (A * (1 - E2)) / (1 - E2 * s * s) ** 1.5;
}

/** Length of the meridian arc between two latitudes (a meridian is a geodesic), metres. */
export function meridianArcMeters(lat1: number, lat2: number, steps = 2000): number {
  const h = (lat2 - lat1) / steps;
  let sum = meridionalRadius(lat1) + meridionalRadius(lat2);
  for (let i = 1; i < steps; i++) sum += (i % 2 ? 4 : 2) * meridionalRadius(lat1 + i * h);
  return Math.abs((sum * h * DEG) / 3);
}

/** Latitude `distanceM` north (negative: south) of `lat` along the meridian (Newton on the arc integral). */
export function latitudeNorthOf(lat: number, distanceM: number): number {
  const signedArc = (to: number) => Math.sign(to - lat) * meridianArcMeters(lat, to);
  let x = lat + distanceM / meridionalRadius(lat) / DEG;
  for (let i = 0; i < 5; i++) x -= (signedArc(x) - distanceM) / meridionalRadius(x) / DEG;
  return x;
}

/**
 * Length of the parallel at `lat` over `dLon` degrees of longitude: N cosφ Δλ, metres. A parallel is not a geodesic,
 * but over 1 km east–west the two differ by under 1 µm, so it is the east–west distance the reach fixtures use.
 */
export function parallelArcMeters(lat: number, dLon: number): number {
  return (A / Math.sqrt(1 - E2 * Math.sin(lat * DEG) ** 2)) * Math.cos(lat * DEG) * dLon * DEG;
}
