// Codes into a dictionary (−1 marks absent), held in the narrowest signed array the dictionary fits: a byte a site for
// a level or a district. The site and finding columns (worker/siteColumns, worker/findingColumns) code this way, and
// the page's views (state/siteView, state/findingView) read them as they came.
export type CodeArray = Int8Array | Int16Array | Int32Array;

/** `codes` (into `distinct` values) in the narrowest array that holds them. */
export function narrowCodes(codes: Int32Array, distinct: number): CodeArray {
  if (distinct <= 127) return Int8Array.from(codes);
  if (distinct <= 32767) return Int16Array.from(codes);
  return codes;
}
