/**
 * Replicate seeds.
 *
 * Replicate r of an ensemble runs with seed_r = replicateSeed(baseSeed, r): the first 32 bits
 * (`int32() >>> 0`) of seedrandom's default generator (ARC4) seeded with the string
 * `"<baseSeed>/replicate/<r>"`. The base seed is the seed of the reference scenario of a
 * comparison, or of the base scenario of a sweep (or `--seed`). Every scenario of a comparison
 * and every point of a sweep uses the same seed_r for replicate r, so replicate r of all of them
 * shares the synthetic population (when the population and network parameters are the same)
 * and, through the counter-based tick draws of sim/random/streams.ts, the random draw of every
 * agent for every purpose and week: common random numbers.
 *
 * `radsim run <scenario> --seed <seed_r>` (with the same --agents/--weeks) reproduces one run
 * of an ensemble; the seeds are listed in `runs.csv` / `sweep.csv`.
 */
import seedrandom from 'seedrandom';

export function replicateSeed(baseSeed: number, replicate: number): number {
  if (!Number.isInteger(baseSeed) || baseSeed < 0)
    throw new RangeError(`base seed must be a whole number >= 0, got ${baseSeed}`);
  if (!Number.isInteger(replicate) || replicate < 0)
    throw new RangeError(`replicate must be a whole number >= 0, got ${replicate}`);
  return seedrandom(`${baseSeed}/replicate/${replicate}`).int32() >>> 0;
}

/** The seeds of replicates 0 .. n-1. */
export function replicateSeeds(baseSeed: number, n: number): number[] {
  return Array.from({ length: n }, (_, r) => replicateSeed(baseSeed, r));
}
