// The first non-empty value among a GeoJSON feature's properties, under the names a file may use for one field
// (e.g. highway / road_class / 道路等级): text trimmed, finite numbers as text.
export function firstPropertyText(p: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = p[k];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  }
  return undefined;
}
