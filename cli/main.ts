/**
 * `radsim <command>`: the headless command line. Each command parses its own options and
 * explains itself with --help. Exit codes: 0 success, 1 invalid input, 2 usage error.
 */
import { UsageError } from './args.ts';
import { OutputError } from './output.ts';

export { intOption, parse, UsageError } from './args.ts';

const HELP = `radsim: an agent-based simulator of radicalisation dynamics (synthetic populations only;
not a tool to assess real persons).

Usage:
  radsim run <scenario.json> --out DIR [--seed N] [--agents N] [--weeks N] [--burn-in N] [--routes N] [--save-state FILE]
  radsim run --from-state FILE --weeks N --out DIR [scenario.json]
  radsim validate <scenario.json>...
  radsim compare <reference.json> <scenario.json>... --out DIR [--replicates R] [--workers N]
  radsim sweep <scenario.json> --vary <path>=<values>... --out DIR [--samples N] [--replicates R]
  radsim merge <dir>... [--out DIR]
  radsim calibrate <scenario.json> --targets FILE --param <path>=lo:hi... --out DIR
  radsim <command> --help

Commands:
  run        run a scenario headless and write series.csv, summary.json, scenario.json
  validate   check scenario files and list every error
  compare    ensembles of scenarios on common random numbers: bands, paired differences to
             the reference, summary.md (--shard k/n, --resume)
  sweep      ensembles over a grid or Latin hypercube of parameters: tidy CSV and PRCC
             sensitivity (--shard k/n, --resume)
  merge      join the shard outputs of a compare or sweep; move a sharded calibration on
  calibrate  ABC-SMC calibration of free parameters to target intervals: posterior
             particles, summaries and summary.md (--shard k/n, --resume)
`;

type Command = { help: string; run: (args: string[]) => Promise<number> };

// Commands load on demand: `radsim --help` should not wait for the simulator to load.
const COMMANDS: Record<string, () => Promise<Command>> = {
  run: async () => import('./run.ts').then((m) => ({ help: m.RUN_HELP, run: m.runCommand })),
  validate: async () => import('./validate.ts').then((m) => ({ help: m.VALIDATE_HELP, run: m.validateCommand })),
  compare: async () => import('./compare.ts').then((m) => ({ help: m.COMPARE_HELP, run: m.compareCommand })),
  sweep: async () => import('./sweep.ts').then((m) => ({ help: m.SWEEP_HELP, run: m.sweepCommand })),
  merge: async () => import('./merge.ts').then((m) => ({ help: m.MERGE_HELP, run: m.mergeCommand })),
  calibrate: async () => import('./calibrate.ts').then((m) => ({ help: m.CALIBRATE_HELP, run: m.calibrateCommand })),
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    const { VERSION } = await import('./version.ts');
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (!Object.hasOwn(COMMANDS, command)) {
    process.stderr.write(`radsim: unknown command "${command}"\n\n${HELP}`);
    return 2;
  }
  const cmd = await COMMANDS[command]();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(cmd.help);
    return 0;
  }
  try {
    return await cmd.run(rest);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`radsim ${command}: ${(err as Error).message}\n\n${cmd.help}`);
      return 2;
    }
    if (err instanceof OutputError) {
      process.stderr.write(`radsim ${command}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
