/**
 * Shards: the jobs of a plan split over n machines or array tasks (`--shard k/n`), job i going
 * to shard i mod n; `radsim merge` joins their run files again.
 */
import { PlanError } from './planError.ts';

export interface Shard {
  k: number;
  n: number;
}

/** "k/n" with 0 <= k < n (k is 0-based, like SLURM_ARRAY_TASK_ID and JOB_COMPLETION_INDEX). */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new PlanError([`--shard must look like k/n, e.g. 0/4 (got "${text}")`]);
  const k = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1) throw new PlanError([`--shard ${text}: n must be at least 1`]);
  if (k >= n)
    throw new PlanError([`--shard ${text}: k counts from 0, so it must be below n (0/${n} .. ${n - 1}/${n})`]);
  return { k, n };
}

/** The jobs of shard k of n: those whose index is k modulo n. */
export function shardJobs<J extends { index: number }>(jobs: readonly J[], shard: Shard | null | undefined): J[] {
  if (!shard) return [...jobs];
  return jobs.filter((j) => j.index % shard.n === shard.k);
}
