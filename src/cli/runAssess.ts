// The CLI's work, separate from argument parsing so tests can call it directly.
// Only what `assess` needs is imported here; the white paper (ECharts, resvg, ExcelJS) is loaded when asked for.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { INPUT_ATTRIBUTION } from '../io/attribution';
import { assess, assessReach, impliedDistances, raiseZonesOutOfReach, type Assessment } from '../engine';
import {
  assessOutputs,
  writeSitesCsv,
  reachOutputs,
  qraDistancesCsv,
  QRA_DISTANCES_FILE,
  type ImportFileReport,
} from '../io';
import { readPreviousSummary } from '../io/previousSummary';
import { whitepaperTitle } from '../whitepaper/title';
import { buildWhitepaperInput, inputDigests, inputReports } from '../whitepaper/whitepaperInput';
import type { OutputFile } from '../whitepaper/bundle';
import type { AssessArgs } from './assessArgs';
import { InputError, UsageError } from './errors';
import { guard, readFileSyncChecked } from './inputErrors';
import type { ProgressReport } from './progress';
import {
  checkOptions,
  readAssessInputs,
  siteImportOptions,
  streamsSites,
  type AssessInputs,
  type CheckedOptions,
} from './readInputs';
import { assessInParts, setbackThreadCount, startPartThreads, type PartThreads } from './setbackThreads';
import { writeChunks } from './writeChunks';
import { openViolationsFile } from './violationsFile';
import { openFileSink } from './fileSink';
import { readSocietalRisk, societalMessage, writeSocietalRiskFile } from './societalRiskFiles';

export type { AssessArgs };
export { InputError, UsageError };

/** How the command is run, beyond its options. */
export interface RunOptions {
  /** the file a thread runs to search a part of the hazards (setbackThreads.ts); without it one thread searches all */
  setbackWorker?: URL;
  /** a line for the user that is not the result (a part's thread failed) */
  warn?: (text: string) => void;
}

export async function runAssess(
  args: AssessArgs,
  onProgress: ProgressReport = () => {},
  run: RunOptions = {},
): Promise<{ message: string }> {
  const options = checkOptions(args);
  const warn = run.warn ?? ((text: string) => void process.stderr.write(`${text}\n`));
  const parts = setbackThreadCount(args, options, run.setbackWorker !== undefined);
  // the parts' threads start now: each reads the input files while this thread does
  const threads = parts > 1 ? startPartThreads(run.setbackWorker, args, parts, warn) : null;
  try {
    return await assessAndWrite(args, options, onProgress, threads, warn);
  } finally {
    await threads?.dispose();
  }
}

async function assessAndWrite(
  args: AssessArgs,
  options: CheckedOptions,
  onProgress: ProgressReport,
  threads: PartThreads | null,
  warn: (text: string) => void,
): Promise<{ message: string }> {
  const { engine, out } = options;
  const streamed = streamsSites(args, options);
  const given = await readAssessInputs(args, { ...options, streamed }, onProgress);
  const { inputs, read, config, zones } = given;
  // what the contract files say of the run besides the assessment (the site reports are complete once read)
  const commonOf = () => ({
    reports: inputReports(inputs),
    digests: inputDigests(inputs),
    borderlineToleranceM: config.borderlineToleranceM,
    dataDate: args.dataDate ?? null,
  });
  if (streamed) {
    const result = await assessInPostgisStreamed(args, options, given, onProgress);
    if (result.written) {
      // the other three files are written; these two need only the counts
      const common = commonOf();
      const assessment: Assessment = {
        methodId: config.method.id,
        matrixId: config.method.matrix.id,
        aggregationMode: config.method.aggregation.mode,
        grid: null,
        rulesId: config.rules.id,
        sites: [],
        zones: [],
        findings: [],
        stats: result.stats,
      };
      for (const f of assessOutputs({ ...common, assessment }))
        if (f.path === 'import-report.json' || f.path === 'summary.json')
          await writeChunks(join(out, f.path), f.chunks());
      onProgress('writing', 1);
      return { message: assessMessage(common.reports, result.zoneCount, result.stats.findingsByStatus, out, '') };
    }
    // rescue resources or shelters among the sites: rescue reach needs every one, so they are held after all
    given.sites = result.sites;
    given.assessInput = { ...given.assessInput, sites: result.sites };
  }
  const { reachProfile, roads, population, sites, contours, assessInput } = given;
  const societal = await readSocietalRisk(args, sites, read);
  const previousPath = args.previous;
  const previous =
    previousPath === undefined
      ? null
      : guard(previousPath, () =>
          readPreviousSummary(basename(previousPath), new TextDecoder().decode(readFileSyncChecked(previousPath))),
        );
  const assessing = (share: number) => onProgress('assessing', share);
  const common = commonOf();
  onProgress('assessing', 0);
  let assessment: Assessment | undefined;
  if (engine === 'postgis') {
    const { assessInPostgis } = await import('./postgis/assessInPostgis');
    assessment = await assessInPostgis(
      assessInput,
      config,
      { db: args.db, writeTables: args.writeTables, ...sqlLog(args) },
      assessing,
    );
  }
  // rescue within reach (issue #21): its files are written only for what the inputs hold (docs/batch-interface.md)
  const reachOf = (a: Assessment) =>
    assessReach(
      { sites, assessed: a.sites, zones, ...(roads ? { roads } : {}), ...(population ? { population } : {}) },
      reachProfile,
    );
  let reach: ReturnType<typeof assessReach> | undefined;
  // the city's optional rule raises zones with red/orange sites out of reach, before any file is written
  const withReach = (a: Assessment): Assessment => {
    const r = reachOf(a);
    reach = r;
    return config.method.reachRaise.enabled && r.cover ? raiseZonesOutOfReach(a, r.cover) : a;
  };
  if (args.whitepaper) {
    assessment = withReach(assessment ?? assess(assessInput, config, assessing));
    const reached = reach ?? reachOf(assessment);
    const { whitepaperFilesInNode } = await import('./writeWhitepaper');
    // the white paper carries the reach files itself (listed in its checksums.sha256), with F7, F8 and T4
    const files = await whitepaperFilesInNode(
      buildWhitepaperInput({
        files: inputs,
        borderlineToleranceM: common.borderlineToleranceM,
        dataDate: common.dataDate,
        assessment,
        zonePolygons: zones,
        profile: config.method,
        rules: config.rules,
        previous,
        ...(contours.length ? { contours } : {}),
        title: args.title ?? whitepaperTitle(),
        attribution: args.attribution?.trim() || INPUT_ATTRIBUTION,
        reach: { result: reached, profile: reachProfile },
        societal,
      }),
      (share) => onProgress('whitepaper', share),
    );
    await writeFiles(out, files, onProgress);
  } else if (assessment) {
    // from PostGIS the findings come back as a list: violations.csv is written from it like the other files
    assessment = withReach(assessment);
    await mkdir(out, { recursive: true });
    await streamAssessFiles(out, { ...common, assessment }, onProgress, true);
  } else {
    // violations.csv is written as the findings are made; the assessment keeps only their counts
    await mkdir(out, { recursive: true });
    let sitesWritten = false;
    const violations = openViolationsFile(join(out, 'violations.csv'));
    try {
      assessment = withReach(
        threads
          ? await assessInParts(
              assessInput,
              config,
              violations,
              threads,
              warn,
              (scored) => {
                writeSitesFile(out, scored);
                sitesWritten = true;
              },
              assessing,
            )
          : assess(assessInput, config, assessing, { onFinding: violations.add }),
      );
      violations.end();
    } finally {
      violations.close();
    }
    await streamAssessFiles(out, { ...common, assessment }, onProgress, false, sitesWritten);
  }
  const finalReach = reach ?? reachOf(assessment);
  const reachFiles = reachOutputs(finalReach);
  // the distances the contours imply (an extension of the contract; the white paper carries it in its set)
  if (!args.whitepaper && contours.length)
    await writeFile(join(out, QRA_DISTANCES_FILE), qraDistancesCsv(impliedDistances(contours, sites)));
  if (!args.whitepaper) for (const f of reachFiles) await writeFile(join(out, f.path), f.text);
  if (!args.whitepaper && societal) await writeSocietalRiskFile(out, societal);
  const reached = reachMessage(finalReach, reachFiles.length > 0 || roads !== undefined || population !== undefined);
  return {
    message: assessMessage(
      common.reports,
      assessment.zones.length,
      assessment.stats.findingsByStatus,
      out,
      reached + societalMessage(societal),
    ),
  };
}

/** The line the command ends with: rows read, zones, findings, then `more` and the likeliest causes of rejections. */
function assessMessage(
  reports: ImportFileReport[],
  zones: number,
  found: Assessment['stats']['findingsByStatus'],
  out: string,
  more: string,
): string {
  const rows = reports.reduce((n, r) => n + r.rows, 0);
  const rejected = reports.reduce((n, r) => n + r.rejected, 0);
  return (
    `read ${rows} rows from ${reports.length} file(s): ${rows - rejected} accepted, ${rejected} rejected; ` +
    `${zones} zones; ${found.violation} violations, ${found.borderline} borderline, ${found.not_assessed} not assessed → ${out}` +
    more +
    rejectionCauses(reports)
  );
}

/** The PostGIS executor that holds no site (postgis/streamedAssess.ts), its files written into `--out`. */
async function assessInPostgisStreamed(
  args: AssessArgs,
  options: CheckedOptions,
  read: AssessInputs,
  onProgress: ProgressReport,
) {
  const { assessStreamed } = await import('./postgis/streamedAssess');
  await mkdir(options.out, { recursive: true });
  return assessStreamed({
    db: args.db,
    files: args.sites ?? [],
    tables: args.sitesTable ?? [],
    geometryColumn: args.geometryColumn,
    importOptions: siteImportOptions(options, read.zones),
    read: read.read,
    inputs: read.inputs,
    config: read.config,
    zones: read.zones,
    expectedFileSites: await expectedFileSites(args),
    out: options.out,
    ...(args.writeTables !== undefined ? { writeTables: args.writeTables } : {}),
    ...sqlLog(args),
    onProgress: (stage, share) => onProgress(stage, share),
  });
}

/** --log-sql: each statement and its time on stderr */
function sqlLog(args: AssessArgs): { log?: (text: string) => void } {
  return args.logSql ? { log: (text) => void process.stderr.write(`${text}\n`) } : {};
}

/**
 * At most how many sites the files hold (a row of a site file is rarely under 40 bytes): for the size of the
 * database's buffers, which is a limit, not an allocation, so erring high costs nothing.
 */
async function expectedFileSites(args: AssessArgs): Promise<number> {
  let bytes = 0;
  for (const path of args.sites ?? []) bytes += (await stat(path).catch(() => ({ size: 0 }))).size;
  return Math.ceil(bytes / 40);
}

/** The contract files (violations.csv only when asked: it is usually written during the assessment); sites.csv as UTF-8 bytes. */
async function streamAssessFiles(
  out: string,
  input: Parameters<typeof assessOutputs>[0],
  onProgress: ProgressReport,
  withViolations = false,
  sitesWritten = false,
): Promise<void> {
  const outputs = assessOutputs(input).filter(
    (f) => (withViolations || f.path !== 'violations.csv') && !(sitesWritten && f.path === 'sites.csv'),
  );
  onProgress('writing', 0);
  for (const [n, f] of outputs.entries()) {
    if (f.path === 'sites.csv') writeSitesFile(out, input.assessment.sites);
    else await writeChunks(join(out, f.path), f.chunks());
    onProgress('writing', (n + 1) / outputs.length);
  }
}

/** sites.csv as UTF-8 bytes, written synchronously through one reused buffer. */
function writeSitesFile(out: string, sites: Assessment['sites']): void {
  const file = openFileSink(join(out, 'sites.csv'));
  try {
    writeSitesCsv({ sites }, file.write, { reuse: true });
  } finally {
    file.close();
  }
}

async function writeFiles(out: string, files: OutputFile[], onProgress: ProgressReport): Promise<void> {
  for (const [n, f] of files.entries()) {
    onProgress('writing', n / files.length);
    await mkdir(dirname(join(out, f.path)), { recursive: true });
    await writeFile(join(out, f.path), f.data);
  }
  onProgress('writing', 1);
}

/** One line on rescue reach, when the inputs hold resources or shelters or a road/population file was given. */
function reachMessage(r: ReturnType<typeof assessReach>, asked: boolean): string {
  if (!asked) return '';
  const mode = r.mode === 'network' ? 'road network' : 'straight-line screening (初筛)';
  const cover =
    r.cover === null
      ? 'no rescue resources in the inputs (无救援力量数据): cover.csv not written'
      : `${r.cover.length} sites and targets, ${r.cover.filter((c) => c.status === 'uncovered').length} outside their circle (${r.cover.filter((c) => c.highRiskUncovered).length} red/orange) by ${mode}`;
  const shelters =
    r.shelters === null
      ? 'no shelters in the inputs (无避难场所数据): shelters.csv not written'
      : r.shelters.populationSource === 'none' || r.shelters.shelters.every((s) => s.population === null)
        ? `${r.shelters.shelters.length} shelters, no population data (无人口数据): capacity not judged`
        : `${r.shelters.shelters.length} shelters, ${r.shelters.shelters.filter((s) => (s.deficit ?? 0) > 0).length} over capacity`;
  return `\nrescue reach: ${cover}; ${shelters}`;
}

/** The likeliest cause of each file's rejections, one line each (the whole grouping is in import-report.json). */
function rejectionCauses(reports: ImportFileReport[]): string {
  return reports
    .flatMap((r) => (r.rejectionSummary ?? []).filter((g) => g.cause).map((g) => `\n${r.file}: ${g.cause}`))
    .join('');
}
