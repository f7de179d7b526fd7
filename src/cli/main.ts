// Batch interface (docs/batch-interface.md): usrm assess|whitepaper --sites FILE … --out DIR  (from a clone: npm run cli -- …)
// Exit: 0 done (rejected rows are not an error), 1 unusable input, 2 usage error.
// Start-up is kept small: --help and --version load nothing else; the engine is imported when a command runs, and
// the white paper's modules only for `whitepaper`.
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { InputError, UsageError } from './errors';
import { progressLine } from './progress';

const USAGE = `usage:
  usrm assess --sites FILE [--sites FILE …] [--zones FILE.geojson] [--crs auto|wgs84|cgcs2000|gcj02|bd09|cgcs2000_gk|cgcs2000_gk3_CM]
              [--category CATEGORY] [--column HEADER=FIELD …] [--method FILE.json] [--rules FILE.json|.csv] [--data-date YYYY-MM-DD]
              [--grid square:METRES|hex:METRES] [--roads FILE.geojson] [--population FILE.geojson] [--reach-profile FILE.json] [--contours FILE.geojson …] [--fn FILE.csv … [--fn-criteria FILE.json]] [--engine js|postgis [--db CONNINFO] [--write-tables SCHEMA] [--sites-table TABLE …] [--geometry-column COLUMN] [--log-sql]] [--threads N] --out DIR
  usrm whitepaper <same options> [--previous SUMMARY.json] [--title TEXT] [--attribution TEXT] --out DIR
  usrm --help | --version
(from a clone: npm run cli -- … runs the same from source)
writes import-report.json, sites.csv, zones.geojson, violations.csv, summary.json (+ figures/, tables/, whitepaper.html)
(+ cover.csv, station-districts.csv with fire stations or rescue teams; shelters.csv, shelter-zones.csv with shelters; reach.json with either; qra-distances.csv with --contours; societal-risk.csv with --fn)
exit status: 0 done (rejected rows are not an error), 1 unusable input, 2 usage error`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command === '--version' || command === '-V') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  if (command !== 'assess' && command !== 'whitepaper') {
    process.stderr.write(`${command ? `unknown command "${command}"\n` : ''}${USAGE}\n`);
    return 2;
  }
  // biome-ignore lint/suspicious/noImplicitAnyLet: typed by the assignment below (control flow)
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        sites: { type: 'string', multiple: true },
        zones: { type: 'string' },
        crs: { type: 'string', default: 'auto' },
        category: { type: 'string' },
        column: { type: 'string', multiple: true },
        method: { type: 'string' },
        rules: { type: 'string' },
        out: { type: 'string' },
        'data-date': { type: 'string' },
        grid: { type: 'string' },
        roads: { type: 'string' },
        population: { type: 'string' },
        'reach-profile': { type: 'string' },
        contours: { type: 'string', multiple: true },
        fn: { type: 'string', multiple: true },
        'fn-criteria': { type: 'string' },
        previous: { type: 'string' },
        title: { type: 'string' },
        attribution: { type: 'string' },
        engine: { type: 'string' },
        db: { type: 'string' },
        'write-tables': { type: 'string' },
        'sites-table': { type: 'string', multiple: true },
        'geometry-column': { type: 'string' },
        'log-sql': { type: 'boolean' },
        threads: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'V' },
      },
      strict: true,
    }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help || values.version) {
    process.stdout.write(values.help ? `${USAGE}\n` : `${version}\n`);
    return 0;
  }
  // a progress line on stderr when it is a terminal (nothing in a pipe or a test)
  const progress = progressLine(process.stderr);
  try {
    const { runAssess } = await import('./runAssess');
    const {
      'data-date': dataDate,
      'reach-profile': reachProfile,
      'write-tables': writeTables,
      'sites-table': sitesTable,
      'geometry-column': geometryColumn,
      'log-sql': logSql,
      'fn-criteria': fnCriteria,
      help: _help,
      version: _version,
      ...rest
    } = values;
    const result = await runAssess(
      {
        ...rest,
        dataDate,
        reachProfile,
        writeTables,
        sitesTable,
        geometryColumn,
        logSql,
        fnCriteria,
        whitepaper: command === 'whitepaper',
      },
      progress.report,
      // beside this file: src/cli/setbackWorker.ts from source, setbackWorker.js in the built CLI
      {
        setbackWorker: new URL(
          import.meta.url.endsWith('.ts') ? './setbackWorker.ts' : './setbackWorker.js',
          import.meta.url,
        ),
      },
    );
    progress.clear();
    process.stdout.write(result.message + '\n');
    return 0;
  } catch (e) {
    progress.clear();
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof InputError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
