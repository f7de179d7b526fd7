// Sutherland–Hodgman: clip any polygon ring by a convex polygon (counter-clockwise). Exact for a convex clip polygon;
// when a concave subject leaves and re-enters it, the result joins the parts along the clip polygon's edge with
// zero-width seams, which change neither the area nor the drawing.
type XY = [number, number];

export function clipToConvex(subject: XY[], convex: XY[]): XY[] {
  let output = subject;
  for (let i = 0; i < convex.length && output.length > 0; i++) {
    const [ax, ay] = convex[i]!;
    const [bx, by] = convex[(i + 1) % convex.length]!;
    const inside = (p: XY) => (bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax) >= 0;
    const input = output;
    output = [];
    for (let j = 0; j < input.length; j++) {
      const p = input[j]!;
      const q = input[(j + 1) % input.length]!;
      const pin = inside(p);
      const qin = inside(q);
      if (pin) output.push(p);
      if (pin !== qin) {
        // the crossing of segment p→q with the convex edge line
        const dx = q[0] - p[0];
        const dy = q[1] - p[1];
        const t = ((bx - ax) * (ay - p[1]) - (by - ay) * (ax - p[0])) / ((bx - ax) * dy - (by - ay) * dx);
        output.push([p[0] + t * dx, p[1] + t * dy]);
      }
    }
  }
  return output;
}

/** Shoelace area of a ring in the plane (positive when counter-clockwise). */
export function planarArea(ring: XY[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += (ring[j]![0] + ring[i]![0]) * (ring[j]![1] - ring[i]![1]);
  return -a / 2;
}
