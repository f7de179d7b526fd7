// The distance search split over threads (issue #18). The hazards, in id order, are cut into parts; this thread
// searches the first and a worker thread each other one. A worker reads the input files itself, while this thread
// reads them (no site is copied between threads: a copy of 200 000 sites costs what the split saves), and writes its
// part's violations.csv rows to a file of its own, appended after this thread's rows in order. The bytes and counts
// are those of one thread (tests/unit/cliBuild.test.ts). A part whose thread fails is searched here.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  assessedSitesOf,
  finishAssessment,
  hazardParts,
  mergeStreamedFindings,
  prepareAssessment,
  streamFindings,
  type AssessConfig,
  type AssessedSite,
  type AssessInput,
  type Assessment,
  type FindingCounts,
  type PartCounts,
  type AssessmentStats,
} from '../engine';
import type { AssessArgs } from './assessArgs';
import { UsageError } from './errors';
import type { CheckedOptions } from './readInputs';
import type { ViolationsFile } from './violationsFile';

/** What a worker is asked: part `part` of `parts`, its rows written to `file`. */
export interface PartRequest {
  args: AssessArgs;
  part: number;
  parts: number;
  file: string;
}

/** What a worker answers: the hazards it found (to check it read what this thread read), its rows and counts. */
export interface PartResult {
  hazards: number;
  firstHazardId: string | null;
  rows: number;
  pairsExamined: number;
  hazardsByRule: Record<string, number>;
  violationsByRule: AssessmentStats['violationsByRule'];
  findingsByStatus: FindingCounts;
}

/**
 * Site files of this total size are searched in two threads by default, where there are two cores: below it a
 * thread's start-up costs more than it saves; above it the second copy of the sites (each thread holds its own) would
 * take the memory a million-site run needs (1 000 000 + 1 000 000 rows ≈ 100 MB of CSV, ≈ 1.6 GB in one thread).
 */
/**
 * The main thread's part weighs this much of another's: besides its part it scores the sites and writes sites.csv
 * while the others search, and it reads the files first. On the 100 000 + 100 000 file, two threads (2026-12-06):
 * first part 0.50 of the hazards 3.51–3.57 s, 0.47 3.45–3.52 s, 0.44 3.38–3.48 s, 0.41 3.46–3.55 s, 0.38 3.55 s.
 */
export const MAIN_PART_WEIGHT = 0.8;

const AUTO_MIN_BYTES = 1 << 20;
const AUTO_MAX_BYTES = 32 << 20;
const MAX_THREADS = 16;

/** How many parts: `--threads N`, or 2 by default for site files within the bounds above (1 where there is no worker to run). */
export function setbackThreadCount(
  args: AssessArgs,
  options: CheckedOptions,
  workerAvailable: boolean,
  cores = availableParallelism(),
): number {
  const streamed = options.engine === 'js' && !args.whitepaper;
  if (args.threads !== undefined) {
    const n = Number(args.threads);
    if (!Number.isInteger(n) || n < 1 || n > MAX_THREADS)
      throw new UsageError(`--threads "${args.threads}" is not a whole number from 1 to ${MAX_THREADS}`);
    if (n > 1 && !streamed)
      throw new UsageError('--threads splits the in-process search of assess (not whitepaper, not --engine postgis)');
    return n;
  }
  if (!streamed || !workerAvailable || cores < 2) return 1;
  let bytes = 0;
  for (const f of args.sites ?? []) {
    try {
      bytes += statSync(f).size;
    } catch {
      return 1; // reading it will say what is wrong
    }
  }
  return bytes >= AUTO_MIN_BYTES && bytes <= AUTO_MAX_BYTES ? 2 : 1;
}

export interface PartThreads {
  parts: number;
  /** each other part's result, in order; null where its thread failed (that part is then searched here) */
  results: () => Promise<(PartResult | null)[]>;
  file: (part: number) => string;
  /** stops the threads still running and removes their files */
  dispose: () => Promise<void>;
}

/**
 * Starts a thread for each part after the first, running `workerUrl` (setbackWorker.ts, or the built
 * setbackWorker.js). Without a URL (the CLI's code called as a library) every part is searched in this thread.
 */
export function startPartThreads(
  workerUrl: URL | undefined,
  args: AssessArgs,
  parts: number,
  warn: (text: string) => void,
): PartThreads {
  const dir = mkdtempSync(join(tmpdir(), 'usrm-parts-'));
  const file = (part: number) => join(dir, `violations.part${part}.csv`);
  const workers: Worker[] = [];
  const results: Promise<PartResult | null>[] = [];
  for (let part = 1; part < parts; part++) {
    if (!workerUrl) {
      results.push(Promise.resolve(null));
      continue;
    }
    const request: PartRequest = { args: partArgs(args), part, parts, file: file(part) };
    results.push(
      new Promise((resolve) => {
        let worker: Worker;
        try {
          worker = startWorker(workerUrl, request);
        } catch (e) {
          warn(`part ${part + 1} of ${parts}: no thread (${(e as Error).message}); searched in the main thread`);
          return resolve(null);
        }
        workers.push(worker);
        worker.once('message', (m: { result?: PartResult; error?: string }) => {
          if (m.error)
            warn(`part ${part + 1} of ${parts}: its thread failed (${m.error}); searched in the main thread`);
          resolve(m.result ?? null);
        });
        worker.once('error', (e) => {
          warn(`part ${part + 1} of ${parts}: its thread failed (${e.message}); searched in the main thread`);
          resolve(null);
        });
        worker.once('exit', () => resolve(null)); // after a message or an error this changes nothing
      }),
    );
  }
  return {
    parts,
    results: () => Promise.all(results),
    file,
    dispose: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What a part's thread needs to read the same sites, zones, rules, method and contours (no rescue or F–N files). */
function partArgs(args: AssessArgs): AssessArgs {
  const { roads: _r, population: _p, reachProfile: _rp, fn: _fn, fnCriteria: _fc, previous: _pv, ...kept } = args;
  return kept;
}

/** From source (a .ts URL, run by tsx) the thread registers tsx's loader first; the built CLI's file runs as it is. */
function startWorker(url: URL, request: PartRequest): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData: request });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(url.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { workerData: request });
}

/**
 * Assesses with the search in parts: the first here, its rows to `violations` as they are made; `whileWaiting` gets
 * the scored sites; then each other part's rows appended from its thread's file (or searched here when the thread
 * failed or read other input).
 */
export async function assessInParts(
  input: AssessInput,
  config: AssessConfig,
  violations: ViolationsFile,
  threads: PartThreads,
  warn: (text: string) => void,
  whileWaiting: (sites: AssessedSite[]) => void,
  onProgress?: (share: number, stage: string) => void,
): Promise<Assessment> {
  const prepared = prepareAssessment(input);
  const { hazards } = prepared;
  const ranges = hazardParts(hazards.length, threads.parts, MAIN_PART_WEIGHT);
  const first = streamFindings(input, prepared, config, violations.add, ranges[0]);
  const counted: PartCounts[] = [first];
  // the scored sites do not wait for the findings: written (sites.csv) while the other threads still search
  whileWaiting(assessedSitesOf(prepared, config));
  const results = await threads.results();
  for (let k = 1; k < ranges.length; k++) {
    const r = results[k - 1];
    if (r && r.hazards === hazards.length && r.firstHazardId === (hazards[ranges[k]!.from]?.id ?? null)) {
      violations.appendPart(threads.file(k), r.rows);
      counted.push({ distances: r, tally: r });
      continue;
    }
    if (r) warn(`part ${k + 1} of ${threads.parts}: its thread read other sites; searched in the main thread`);
    counted.push(streamFindings(input, prepared, config, violations.add, ranges[k]));
  }
  const merged = mergeStreamedFindings(counted);
  return finishAssessment(input, prepared, config, { ...merged, inside: first.inside }, onProgress, merged.tally);
}
