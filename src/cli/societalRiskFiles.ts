// --fn FILE.csv (repeatable) and --fn-criteria FILE.json for assess and whitepaper (issue #20 item 5): the F–N curves
// read with every row in import-report.json, the lines they are judged against (the shipped criterion, which has
// none, or the city's), and societal-risk.csv beside the five contract files. Kept out of runAssess so that file only
// calls in here.
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  assessSocietalRisk,
  ConfigError,
  DEFAULT_FN_CRITERIA,
  parseFnCriteria,
  roleOf,
  SOCIETAL_REGION_ZH,
  type Site,
  type SocietalRegion,
} from '../engine';
import { BinaryFileError, FileFormatError, readFnCurves, societalRiskCsv, SOCIETAL_RISK_FILE } from '../io';
import type { WhitepaperSocietal } from '../whitepaper/bundle';
import type { InputFile, InputFileKind } from '../whitepaper/whitepaperInput';
import { InputError, UsageError } from './errors';

export interface SocietalArgs {
  /** F–N curve files (CSV: installation_id,N,F) */
  fn?: string[];
  /** the city's F–N lines (fn-criteria/1, as data/rules/fn-criteria.json with lines) */
  fnCriteria?: string;
}

/**
 * The curves and lines, or null when no --fn was given. Each file's report is noted on its input (`read` is
 * runAssess's reader, which lists the files with their digests); a curve whose id is not an imported hazard is rejected.
 */
export async function readSocietalRisk(
  args: SocietalArgs,
  sites: readonly Site[],
  read: (path: string, kind: InputFileKind) => Promise<{ bytes: Uint8Array; digest: InputFile }>,
): Promise<WhitepaperSocietal | null> {
  if (!args.fn?.length) {
    if (args.fnCriteria !== undefined)
      throw new UsageError('--fn-criteria needs --fn FILE.csv: the F–N curves to judge');
    return null;
  }
  const criteria =
    args.fnCriteria === undefined
      ? DEFAULT_FN_CRITERIA
      : await inputGuard(args.fnCriteria, async () =>
          parseFnCriteria(JSON.parse(new TextDecoder().decode((await read(args.fnCriteria!, 'fnCriteria')).bytes))),
        );
  const hazardIds = new Set(sites.filter((s) => roleOf(s.category) === 'hazard').map((s) => s.id));
  const curves: WhitepaperSocietal['curves'] = [];
  for (const path of args.fn) {
    const { bytes, digest } = await read(path, 'fn');
    const { curves: found, report } = await inputGuard(path, async () =>
      readFnCurves(basename(path), bytes, hazardIds),
    );
    for (const c of found) curves.push(c);
    digest.report = { ...report, sha256: digest.sha256! }; // as a site file's report carries it
  }
  return { curves, criteria };
}

/** assess: societal-risk.csv in the output folder (the white paper carries it in its own set). */
export async function writeSocietalRiskFile(out: string, s: WhitepaperSocietal): Promise<void> {
  await writeFile(join(out, SOCIETAL_RISK_FILE), societalRiskCsv(assessSocietalRisk(s.curves, s.criteria), s.criteria));
}

/** One line for the CLI's message: how many curves fell in each region. */
export function societalMessage(s: WhitepaperSocietal | null): string {
  if (!s) return '';
  const counts = new Map<SocietalRegion, number>();
  for (const r of assessSocietalRisk(s.curves, s.criteria)) counts.set(r.region, (counts.get(r.region) ?? 0) + 1);
  const parts = [...counts].map(([region, n]) => `${n} ${SOCIETAL_REGION_ZH[region]}`);
  return (
    `\nsocietal risk: ${s.curves.length} installation(s) with F–N curves${parts.length ? `: ${parts.join(', ')}` : ''}` +
    (s.criteria.lines ? '' : ' (判定线未配置: GB 36894 lines not available, supply them with --fn-criteria)')
  );
}

async function inputGuard<T>(path: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (
      e instanceof ConfigError ||
      e instanceof FileFormatError ||
      e instanceof BinaryFileError ||
      e instanceof SyntaxError
    )
      throw new InputError(`${path}: ${e.message}`);
    throw e;
  }
}
