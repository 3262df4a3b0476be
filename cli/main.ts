/**
 * `radsim <command>`: the headless command line. Each command parses its own options and
 * explains itself with --help. Exit codes: 0 success, 1 invalid input, 2 usage error.
 */
import { parseArgs } from 'node:util';
import { compareCommand, COMPARE_HELP } from './compare.ts';
import { mergeCommand, MERGE_HELP } from './merge.ts';
import { runCommand, RUN_HELP } from './run.ts';
import { sweepCommand, SWEEP_HELP } from './sweep.ts';
import { validateCommand, VALIDATE_HELP } from './validate.ts';

const HELP = `radsim: an agent-based simulator of radicalisation dynamics (synthetic populations only;
not a tool to assess real persons).

Usage:
  radsim run <scenario.json> --out DIR [--seed N] [--agents N] [--weeks N] [--routes N]
  radsim validate <scenario.json>...
  radsim compare <reference.json> <scenario.json>... --out DIR [--replicates R] [--workers N]
  radsim sweep <scenario.json> --vary <path>=<values>... --out DIR [--samples N] [--replicates R]
  radsim merge <dir>... [--out DIR]
  radsim <command> --help

Commands:
  run        run a scenario headless and write series.csv, summary.json, scenario.json
  validate   check scenario files and list every error
  compare    ensembles of scenarios on common random numbers: bands, paired differences to
             the reference, summary.md (--shard k/n, --resume)
  sweep      ensembles over a grid or Latin hypercube of parameters: tidy CSV and PRCC
             sensitivity (--shard k/n, --resume)
  merge      join the shard outputs of a compare or sweep
`;

export class UsageError extends Error {}

const COMMANDS: Record<string, { help: string; run: (args: string[]) => Promise<number> }> = {
  run: { help: RUN_HELP, run: runCommand },
  validate: { help: VALIDATE_HELP, run: validateCommand },
  compare: { help: COMPARE_HELP, run: compareCommand },
  sweep: { help: SWEEP_HELP, run: sweepCommand },
  merge: { help: MERGE_HELP, run: mergeCommand },
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
  const cmd = COMMANDS[command];
  if (!cmd) {
    process.stderr.write(`radsim: unknown command "${command}"\n\n${HELP}`);
    return 2;
  }
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
    throw err;
  }
}

/** parseArgs with the strictness we want everywhere. */
export function parse<T extends NonNullable<Parameters<typeof parseArgs>[0]>['options']>(args: string[], options: T) {
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}

/** A non-negative integer option, or a usage error naming it. */
export function intOption(name: string, value: string | undefined, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number >= ${min}, got "${value}"`);
  return n;
}
