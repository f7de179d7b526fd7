// Batch interface (DESIGN §7): npm run cli -- assess|whitepaper --sites FILE … --out DIR
// Exit: 0 done (rejected rows are not an error), 1 unusable input, 2 usage error.
import { parseArgs } from 'node:util';
import { runAssess, UsageError, InputError } from './runAssess';

const USAGE = `usage:
  npm run cli -- assess --sites FILE [--sites FILE …] [--zones FILE.geojson] [--crs auto|wgs84|cgcs2000|gcj02|bd09|cgcs2000_gk|cgcs2000_gk3_CM]
                        [--category CATEGORY] [--column HEADER=FIELD …] [--method FILE.json] [--rules FILE.json|.csv] [--data-date YYYY-MM-DD]
                        [--grid square:METRES|hex:METRES] --out DIR
  npm run cli -- whitepaper <same options> [--previous SUMMARY.json] [--title TEXT] [--attribution TEXT] --out DIR`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'assess' && command !== 'whitepaper') {
    process.stderr.write(`${command ? `unknown command "${command}"\n` : ''}${USAGE}\n`);
    return 2;
  }
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
        previous: { type: 'string' },
        title: { type: 'string' },
        attribution: { type: 'string' },
      },
      strict: true,
    }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  try {
    const { 'data-date': dataDate, ...rest } = values;
    const result = await runAssess({ ...rest, dataDate, whitepaper: command === 'whitepaper' });
    process.stdout.write(result.message + '\n');
    return 0;
  } catch (e) {
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
