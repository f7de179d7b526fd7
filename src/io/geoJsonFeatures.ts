// A GeoJSON FeatureCollection's features and the error for a file that is not one, apart from the CSV reader
// (readRows.ts, papaparse) so that reading zones does not load it.

export class FileFormatError extends Error {}

/**
 * The features of a GeoJSON FeatureCollection, or a FileFormatError: `role` names the file in the message ("分区 "
 * for zones, "" for a site file), `notCollection` is the message when the document is not a FeatureCollection.
 */
export function geoJsonFeatures(text: string, role: string, notCollection: string): unknown[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new FileFormatError(`${role}GeoJSON 无法解析 (invalid JSON: ${(e as Error).message})`);
  }
  const features = (doc as { type?: unknown; features?: unknown } | null)?.features;
  if ((doc as { type?: unknown } | null)?.type !== 'FeatureCollection' || !Array.isArray(features))
    throw new FileFormatError(notCollection);
  return features;
}
