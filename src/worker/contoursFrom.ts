// A QRA contour file (GeoJSON, UTF-8) read where the engine runs, checked against the hazard sites it holds: a
// contour must belong to an imported installation to be judged against anything. Its checksum is taken here, from
// the bytes read anyway, and carried in its report as a site file's is.
import { readContours, sha256Hex, type ContourImport, type Crs } from '../io';

export async function contoursFrom(file: string, source: Blob | Uint8Array, crs: Crs, installations: ReadonlySet<string>): Promise<ContourImport> {
  const bytes = source instanceof Uint8Array ? source : new Uint8Array(await source.arrayBuffer());
  const read = readContours(file, new TextDecoder('utf-8').decode(bytes), crs, installations);
  return { ...read, report: { ...read.report, sha256: await sha256Hex(bytes) } };
}
