import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { jobCount, type Plan, planJobs, type RunRecord, sameResults } from '../sim/node.ts';
import { isCalibrationDir, mergeCalibration } from './calibrationFolder.ts';
import { buildAggregates } from './ensemble.ts';
import {
  AGGREGATE_FILES,
  appendTiming,
  ownedAggregates,
  readPlan,
  readRuns,
  removeTemporaryFiles,
  runFile,
  writeFileAtomic,
  writePlan,
} from './ensembleFiles.ts';
import { checkNoForeignFiles, OutputError, prepareOutputFolder, recoverOutput } from './output.ts';
import { parse, UsageError } from './args.ts';

export const MERGE_HELP = `radsim merge <dir>... [--out DIR]

Joins the outputs of the shards of a compare or sweep (--shard k/n) into what the unsharded
run gives, byte for byte: checks that every folder holds the same plan, copies their run files
into one folder and rebuilds the aggregate files from them. Fails, naming the missing runs, if
any shard is incomplete, and if two shards ran the same job with different results.

  radsim merge out/shard-0 out/shard-1 out/shard-2 --out out/all
  radsim merge out/shared       (shards that wrote to one folder: rebuild it in place)

On a calibration folder (radsim calibrate --shard k/n, all shards writing to that folder) it
records the batch the shards ran and prepares the next one (docs/calibration.md):

  radsim merge out/calibration

Options:
  --out DIR   where to write (default: the folder itself, when there is only one)
  --quiet     no messages except errors
`;

export async function mergeCommand(args: string[]): Promise<number> {
  const t0 = performance.now();
  const { values, positionals } = parse(args, { out: { type: 'string' }, quiet: { type: 'boolean' } });
  if (positionals.length === 0) throw new UsageError('name the shard output folders to merge');
  if (!values.out && positionals.length > 1) throw new UsageError('--out DIR is required when merging several folders');
  const out = values.out ?? positionals[0];
  if (positionals.some(isCalibrationDir)) {
    if (positionals.length > 1 || values.out)
      throw new UsageError(
        'the shards of a calibration share one folder: name just that folder (radsim merge DIR), without --out',
      );
    return mergeCalibration(positionals[0], Boolean(values.quiet));
  }

  const plans: { dir: string; plan: Plan }[] = [];
  const planProblems: string[] = [];
  for (const dir of positionals) {
    let plan: Plan | null;
    try {
      plan = readPlan(dir);
    } catch (err) {
      if (!(err instanceof OutputError)) throw err;
      planProblems.push(err.message);
      continue;
    }
    if (!plan) planProblems.push(`${dir} has no plan.json; is it the --out folder of a compare or sweep?`);
    else plans.push({ dir, plan });
  }
  if (planProblems.length) {
    process.stderr.write(`radsim merge: nothing was merged:\n${planProblems.map((p) => `  ${p}\n`).join('')}`);
    return 1;
  }
  const plan = plans[0].plan;
  const other = plans.filter((p) => p.plan.hash !== plan.hash);
  if (other.length) {
    process.stderr.write(
      `radsim merge: the folders hold different plans, so they are not shards of one ensemble:\n` +
        plans.map((p) => `  ${p.dir}: ${p.plan.kind} ${p.plan.hash}`).join('\n') +
        '\n',
    );
    return 1;
  }
  if (plan.kind === 'compare' && plan.precision) {
    process.stderr.write(
      `radsim merge: ${plans[0].dir} holds a precision-driven comparison (--precision), which runs in one folder and is never split into shards; nothing to merge\n`,
    );
    return 1;
  }
  const outPlan = existsSync(join(out, 'plan.json')) ? readPlan(out) : null;
  if (outPlan && outPlan.hash !== plan.hash) {
    process.stderr.write(`radsim merge: ${out} already holds another plan (${outPlan.hash}); choose another --out\n`);
    return 1;
  }

  const jobs = planJobs(plan);
  const found = new Map<number, { rec: RunRecord; dir: string }>();
  const stored = plans.map(({ dir }) => ({ dir, ...readRuns(dir, plan, jobs) }));
  const invalid = stored.flatMap((s) => s.invalid);
  if (invalid.length) {
    process.stderr.write(
      `radsim merge: ${invalid.length} run file(s) fail their check; nothing was merged:\n${invalid.map((b) => `  ${b.file} ${b.reason}`).join('\n')}\n` +
        'Delete them and run their shards again with --resume, then merge again.\n',
    );
    return 1;
  }
  for (const { dir, records } of stored) {
    for (const [index, rec] of records) {
      const seen = found.get(index);
      if (seen && !sameResults(seen.rec, rec)) {
        process.stderr.write(
          `radsim merge: run ${rec.job} in ${seen.dir} and in ${dir} have different results. The same job must give the same ` +
            `result everywhere; were the shards run with different radsim code or Node versions?\n`,
        );
        return 1;
      }
      if (!seen) found.set(index, { rec, dir });
    }
  }
  const missing = jobs.filter((j) => !found.has(j.index));
  if (missing.length) {
    process.stderr.write(
      `radsim merge: ${missing.length} of ${jobCount(plan)} runs are missing (${missing
        .slice(0, 8)
        .map((j) => j.id)
        .join(', ')}${missing.length > 8 ? ', ...' : ''}).\n` +
        `Finish the shards that have not run or were interrupted (npx radsim ${plan.kind} --resume --out <shard dir> --shard k/n) and merge again.\n`,
    );
    return 1;
  }

  prepareOutputFolder(out);
  recoverOutput(out);
  removeTemporaryFiles(out, false);
  checkNoForeignFiles(out, AGGREGATE_FILES[plan.kind], ownedAggregates(out));
  if (!outPlan) writePlan(out, plan);
  let copied = 0;
  for (const job of jobs) {
    const { dir } = found.get(job.index)!;
    if (resolve(dir) === resolve(out)) continue;
    writeFileAtomic(runFile(out, job.id), readFileSync(runFile(dir, job.id), 'utf8'));
    copied++;
  }
  const files = buildAggregates(plan, out);
  const wallSeconds = Math.round(performance.now() - t0) / 1000;
  appendTiming(out, 'timing.json', {
    command: 'merge',
    startedAt: new Date().toISOString(),
    from: positionals,
    runs: jobs.length,
    copied,
    wallSeconds,
  });
  if (!values.quiet)
    process.stdout.write(
      `radsim merge: ${jobs.length} runs from ${positionals.length} folder(s); wrote ${files.map((f) => join(out, f)).join(', ')}\n`,
    );
  return 0;
}
