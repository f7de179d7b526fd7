// One part of the distance search, in its own thread (setbackThreads.ts): reads the same inputs as the main thread,
// searches the hazards of its part and writes their violations.csv rows, without a header, to its part file.
import { parentPort, workerData } from 'node:worker_threads';
import { hazardParts, prepareAssessment, streamFindings } from '../engine';
import { violationsCsvWriter } from '../io';
import { openFileSink } from './fileSink';
import { checkOptions, readAssessInputs } from './readInputs';
import { MAIN_PART_WEIGHT, type PartRequest, type PartResult } from './setbackThreads';

async function searchPart({ args, part, parts, file }: PartRequest): Promise<PartResult> {
  const { config, assessInput: input } = await readAssessInputs(args, checkOptions(args), () => {});
  const prepared = prepareAssessment(input);
  const range = hazardParts(prepared.hazards.length, parts, MAIN_PART_WEIGHT)[part]!;
  const sink = openFileSink(file);
  try {
    const csv = violationsCsvWriter(sink.write, { reuse: true, header: false });
    const { distances, tally } = streamFindings(input, prepared, config, csv.add, range);
    csv.flush();
    return {
      hazards: prepared.hazards.length,
      firstHazardId: prepared.hazards[range.from]?.id ?? null,
      rows: csv.rows(),
      pairsExamined: distances.pairsExamined,
      hazardsByRule: distances.hazardsByRule,
      violationsByRule: tally.violationsByRule,
      findingsByStatus: tally.findingsByStatus,
    };
  } finally {
    sink.close();
  }
}

searchPart(workerData as PartRequest).then(
  (result) => parentPort!.postMessage({ result }),
  (e: unknown) => parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) }),
);
