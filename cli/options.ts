/**
 * The option declarations the commands share, so run, compare and sweep spell the same option
 * the same way and read it with the same limits. The value parsers themselves live in args.ts.
 */
import { DEFAULT_OUTCOMES, parseShard, type Plan, type PlanError, type Shard } from '../sim/node.ts';
import { intOption, UsageError } from './args.ts';
import { defaultWorkers } from './pool.ts';

/** Options of every command that runs a scenario: output folder, seed and size overrides, quiet. */
export const RUN_OPTIONS = {
  out: { type: 'string' },
  seed: { type: 'string' },
  agents: { type: 'string' },
  weeks: { type: 'string' },
  quiet: { type: 'boolean' },
} as const;

/** Options of the ensemble commands (compare, sweep). */
export const ENSEMBLE_OPTIONS = {
  ...RUN_OPTIONS,
  replicates: { type: 'string' },
  workers: { type: 'string' },
  outcomes: { type: 'string' },
  shard: { type: 'string' },
  resume: { type: 'boolean' },
  overwrite: { type: 'boolean' },
  'scale-to': { type: 'string' },
  'branch-at': { type: 'string' },
} as const;

/** Options of an ensemble that shape its plan: --resume without scenario files cannot change them. */
export const PLAN_SHAPING_OPTIONS = ['replicates', 'seed', 'agents', 'weeks', 'outcomes', 'branch-at'] as const;

/**
 * --branch-at WEEK | none | burn-in: a week from the end of the burn-in, null for no branch, or
 * undefined for the default (the end of the burn-in where the reference has one).
 */
export function branchOption(value: string | undefined): number | null | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'none') return null;
  if (v === 'burn-in') return undefined;
  if (!/^\d+$/.test(v))
    throw new UsageError(
      `--branch-at must be a week (0 = the end of the burn-in), "burn-in" (the default) or "none" (got "${value}")`,
    );
  return Number(v);
}

/** The parsed values of a set of declarations: strings, or booleans for flags. */
export type OptionValues<T extends Record<string, { type: 'string' | 'boolean' }>> = {
  [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : string;
};

/** --agents and --weeks as scenario overrides, with the schema's lower bounds. */
export function sizeOverrides(v: { agents?: string; weeks?: string }): { agents?: number; weeks?: number } {
  return { agents: intOption('agents', v.agents, 10), weeks: intOption('weeks', v.weeks, 1) };
}

/** A comma-separated list option ("a, b,c"), or undefined when not given. */
export function listOption(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}

/** --shard k/n, or null when not given; a malformed value is a usage error. */
export function shardOption(value: string | undefined): Shard | null {
  try {
    return value === undefined ? null : parseShard(value);
  } catch (err) {
    throw new UsageError((err as PlanError).problems.join('; '));
  }
}

/** Largest --scale-to: more people than live on Earth is a typing error. */
export const MAX_SCALE_TO = 10_000_000_000;

/**
 * The plan with --scale-to N set (the population the reports scale counts to). It is not part
 * of the plan's hash, so it can be given or changed on --resume; without it the plan keeps its own.
 */
export function withScaleTo(plan: Plan, value: string | undefined): Plan {
  const scaleTo = intOption('scale-to', value, 1, MAX_SCALE_TO);
  return scaleTo === undefined ? plan : { ...plan, scaleTo };
}

/** More worker threads than any machine has cores only cost memory (each loads the simulator). */
export const MAX_WORKERS = 256;

/** The help text of the options compare and sweep share (ENSEMBLE_OPTIONS). */
export const ENSEMBLE_OPTIONS_HELP = `  --replicates R   runs per scenario or point (default 10); replicate r of each uses the same seed
  --workers N      worker threads (default: the number of cores, here ${defaultWorkers()}); 0 runs in
                   this thread. Results do not depend on N.
  --seed N         base seed of the replicate seeds (default: the seed in the scenario file)
  --agents N       population size of every run (overrides the scenario files)
  --weeks N        length of every run (overrides the scenario files)
  --outcomes LIST  comma-separated outcomes (default: all that the model records):
${wrap(DEFAULT_OUTCOMES.join(', '), 19, 95)}
  --shard k/n      run only part k of n (k = 0..n-1) of the runs, for clusters; join the
                   parts with "radsim merge"
  --resume         continue an interrupted run in DIR, skipping finished runs; without
                   scenario files it continues the plan stored in DIR/plan.json
  --overwrite      discard what DIR holds and start again
  --scale-to N     also give every count for a population of N people (such as 17900000, or a
                   municipality's size), with its interval; counts per 100,000 are always given
  --branch-at W    run each replicate's shared history once (with the reference scenario, or
                   the sweep's base scenario) to week W, counted from the end of the burn-in,
                   and continue every scenario from that same state; W = "burn-in" (the
                   default: week 0 where the reference has a burn-in) or "none" (every run
                   starts on its own from the build, common random numbers only). Fields fixed
                   at the build (population, network, regions' sizes, seed, burn-in, outputs)
                   must then be equal across the scenarios
  --quiet          no progress output
`;

/** Wraps words into lines of at most `width` characters, continuation lines indented by `indent`. */
function wrap(text: string, indent: number, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.map((l) => ' '.repeat(indent) + l).join('\n');
}
