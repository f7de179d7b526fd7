// A quantitative risk assessment's files read where the engine runs, checked against the hazard sites it holds (a
// contour or an F–N curve must belong to an imported installation to be judged): individual-risk contours (GeoJSON,
// UTF-8) and F–N curves (CSV, UTF-8 or GBK). The checksum is taken here, from the bytes read anyway, and carried in the
// report as a site file's is.
import { readContours, readFnCurves, sha256Hex, type ContourImport, type Crs, type FnCurveImport } from '../io';

const bytesOf = async (source: Blob | Uint8Array): Promise<Uint8Array> =>
  source instanceof Uint8Array ? source : new Uint8Array(await source.arrayBuffer());

export async function contoursFrom(
  file: string,
  source: Blob | Uint8Array,
  crs: Crs,
  installations: ReadonlySet<string>,
): Promise<ContourImport> {
  const bytes = await bytesOf(source);
  const read = readContours(file, new TextDecoder('utf-8').decode(bytes), crs, installations);
  return { ...read, report: { ...read.report, sha256: await sha256Hex(bytes) } };
}

export async function fnCurvesFrom(
  file: string,
  source: Blob | Uint8Array,
  installations: ReadonlySet<string>,
): Promise<FnCurveImport> {
  const bytes = await bytesOf(source);
  const read = readFnCurves(file, bytes, installations);
  return { ...read, report: { ...read.report, sha256: await sha256Hex(bytes) } };
}
