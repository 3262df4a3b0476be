/**
 * Approximate Bayesian computation with sequential Monte Carlo (ABC-SMC; Toni et al. 2009,
 * Beaumont et al. 2009), with tolerances chosen adaptively as a quantile of the previous
 * generation's distances (Del Moral et al. 2012; Drovandi and Pettitt 2011).
 *
 * Pure and synchronous: the caller evaluates the model. A calibration is a state (JSON, so it
 * can be written after every batch and resumed) that moves forward one batch at a time:
 *
 *   let state = startAbc(problem);
 *   while (state.running) {
 *     const jobs = batchJobs(problem, state);              // proposals x seeds of this batch
 *     const stats = jobs.map((j) => model(j.values, j.seed)); // anywhere, in any order
 *     state = recordBatch(problem, state, stats);           // in job order
 *   }
 *
 * Determinism: proposal i of generation g is drawn from its own seeded stream, and its model
 * seeds are derived from (seed, g, i, s), so every proposal and its result are fixed by the
 * seed alone. A generation keeps the first N accepted proposals in index order. Batch sizes
 * depend only on the results so far. Nothing depends on how many workers or shards evaluate
 * a batch, or in what order.
 */
import seedrandom from 'seedrandom';
import { quantileSorted } from '../stats/index.ts';
import { type Kernel, kernelDensity, perturb, populationKernel } from './kernel.ts';
import { fromInternal, internalBounds, type ParameterPrior, toInternal } from './priors.ts';

export const ABC_STATE_FORMAT = 'radsim-abc-state/1';
export const DISTANCES = ['euclidean', 'max'] as const;
export type DistanceKind = (typeof DISTANCES)[number];

export interface AbcSettings {
  /** N: particles per generation. */
  particles: number;
  /** The most generations to run (generation 0 is the prior). */
  generations: number;
  /** Tolerance of generation g = this quantile of generation g-1's distances. */
  quantile: number;
  /** Stop after the first generation whose tolerance is at or below this. */
  minTolerance: number;
  /** Stop when a generation's acceptance rate falls below this (it evaluates at most N / rate proposals). */
  minAcceptance: number;
  /** Model runs per proposal (different seeds); the statistics are averaged over them. */
  seedsPerParticle: number;
  seed: number;
  distance: DistanceKind;
}

export interface AbcProblem {
  settings: AbcSettings;
  params: ParameterPrior[];
  /** The target intervals, one per statistic the model returns. */
  intervals: [number, number][];
}

/** A finished generation: the particles (values), normalised weights, distances and statistics. */
export interface Population {
  generation: number;
  /** null for generation 0 (every prior draw accepted). */
  tolerance: number | null;
  /** Proposals evaluated (including any beyond the N-th acceptance, in the last batch). */
  evaluated: number;
  /** Proposals within the tolerance among those evaluated. */
  accepted: number;
  /** Proposal index of each particle. */
  proposals: number[];
  particles: number[][];
  weights: number[];
  distances: number[];
  stats: number[][];
}

interface Kept {
  proposal: number;
  values: number[];
  stats: number[];
  distance: number;
}

/** The generation being filled. */
export interface Running {
  generation: number;
  tolerance: number | null;
  /** The current batch: proposals [from, to). */
  batch: number;
  from: number;
  to: number;
  evaluated: number;
  accepted: number;
  kept: Kept[];
}

export interface AbcState {
  format: string;
  populations: Population[];
  running: Running | null;
  /** Why the calibration ended (null while running). */
  stop: { reason: 'generations' | 'tolerance' | 'acceptance'; text: string } | null;
  /** A generation given up for a low acceptance rate. */
  abandoned: { generation: number; tolerance: number | null; evaluated: number; accepted: number } | null;
}

/** One model run of the current batch. */
export interface AbcJob {
  /** Position in the batch: proposal offset * seedsPerParticle + seed index. */
  index: number;
  generation: number;
  proposal: number;
  /** Seed index 0..seedsPerParticle-1. */
  rep: number;
  /** Parameter values, in the order of `params`. */
  values: number[];
  /** The model's seed. */
  seed: number;
}

/** Problems with the settings, each naming the option. */
export function settingsProblems(s: AbcSettings): string[] {
  const p: string[] = [];
  const whole = (name: string, v: number, min: number) => {
    if (!Number.isInteger(v) || v < min) p.push(`--${name} must be a whole number >= ${min} (got ${v})`);
  };
  whole('particles', s.particles, 2);
  whole('generations', s.generations, 1);
  whole('seeds', s.seedsPerParticle, 1);
  whole('seed', s.seed, 0);
  if (!(s.quantile > 0 && s.quantile < 1)) p.push(`--quantile must be between 0 and 1 (got ${s.quantile})`);
  if (!(s.minTolerance >= 0 && Number.isFinite(s.minTolerance)))
    p.push(`--min-tolerance must be a number >= 0 (got ${s.minTolerance})`);
  if (!(s.minAcceptance > 0 && s.minAcceptance <= 1))
    p.push(`--min-acceptance must be in (0, 1] (got ${s.minAcceptance})`);
  if (!(DISTANCES as readonly string[]).includes(s.distance))
    p.push(`--distance must be ${DISTANCES.join(' or ')} (got ${s.distance})`);
  return p;
}

/**
 * Distance of statistics from their intervals: per target 0 inside the interval, else the
 * distance to the nearer end in units of the interval's width; combined as the Euclidean norm
 * (or the maximum) over the targets.
 */
export function intervalDistance(
  stats: readonly number[],
  intervals: readonly [number, number][],
  kind: DistanceKind,
): number {
  let sum = 0;
  let max = 0;
  for (let t = 0; t < intervals.length; t++) {
    const [lo, hi] = intervals[t];
    const x = stats[t];
    const d = Number.isNaN(x) ? Infinity : x < lo ? (lo - x) / (hi - lo) : x > hi ? (x - hi) / (hi - lo) : 0;
    sum += d * d;
    if (d > max) max = d;
  }
  return kind === 'max' ? max : Math.sqrt(sum);
}

export function startAbc(problem: AbcProblem): AbcState {
  const N = problem.settings.particles;
  return {
    format: ABC_STATE_FORMAT,
    populations: [],
    running: { generation: 0, tolerance: null, batch: 0, from: 0, to: N, evaluated: 0, accepted: 0, kept: [] },
    stop: null,
    abandoned: null,
  };
}

/** The most proposals one generation may evaluate: N / minAcceptance. */
export function maxEvaluations(s: AbcSettings): number {
  return Math.ceil(s.particles / s.minAcceptance);
}

/** The model runs of the current batch, in job order. */
export function batchJobs(problem: AbcProblem, state: AbcState): AbcJob[] {
  const r = state.running;
  if (!r) return [];
  const S = problem.settings.seedsPerParticle;
  const proposer = createProposer(problem, state.populations[r.generation - 1] ?? null);
  const jobs: AbcJob[] = [];
  for (let i = r.from; i < r.to; i++) {
    const values = proposer(r.generation, i);
    for (let s = 0; s < S; s++)
      jobs.push({
        index: (i - r.from) * S + s,
        generation: r.generation,
        proposal: i,
        rep: s,
        values,
        seed: modelSeed(problem.settings.seed, r.generation, i, s),
      });
  }
  return jobs;
}

/** The model seed of run s of proposal i of generation g. */
export function modelSeed(seed: number, g: number, i: number, s: number): number {
  return seedrandom(`${seed}/calibrate/g${g}/p${i}/s${s}`).int32() >>> 0;
}

/**
 * Proposals: from the prior in generation 0; afterwards a particle of the previous generation
 * drawn by weight and moved by the kernel, drawn again until it lies inside the prior box.
 */
function createProposer(problem: AbcProblem, prev: Population | null): (g: number, i: number) => number[] {
  const bounds = problem.params.map(internalBounds);
  const d = bounds.length;
  const seed = problem.settings.seed;
  const toValues = (x: number[]) => x.map((v, j) => fromInternal(problem.params[j], v));
  if (!prev)
    return (g, i) => {
      const rand = seedrandom.xor4096(`${seed}/calibrate/g${g}/proposal/${i}`);
      return toValues(bounds.map(([lo, hi]) => lo + rand() * (hi - lo)));
    };
  const xs = internalParticles(problem, prev);
  const kernel = populationKernel(
    xs,
    prev.weights,
    bounds.map(([lo, hi]) => hi - lo),
  );
  const cum: number[] = [];
  let total = 0;
  for (const w of prev.weights) cum.push((total += w));
  return (g, i) => {
    const rand = seedrandom.xor4096(`${seed}/calibrate/g${g}/proposal/${i}`);
    for (let attempt = 0; attempt < 100_000; attempt++) {
      const u = rand() * total;
      let j = 0;
      while (j < cum.length - 1 && cum[j] <= u) j++;
      const z = Array.from({ length: d }, () => normal(rand));
      const x = perturb(xs[j], kernel, z);
      if (x.every((v, k) => v >= bounds[k][0] && v <= bounds[k][1])) return toValues(x);
    }
    throw new Error(`generation ${g}: no proposal inside the prior box after 100000 tries`);
  };
}

function internalParticles(problem: AbcProblem, pop: Population): number[][] {
  return pop.particles.map((row) => row.map((v, j) => toInternal(problem.params[j], v)));
}

/** A standard normal draw (Box-Muller, one of the pair). */
function normal(rand: () => number): number {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Records the statistics of the current batch's jobs (`stats[job.index]`) and moves on: the
 * next batch, the next generation, or the end. Returns a new state; the old one is unchanged.
 */
export function recordBatch(problem: AbcProblem, state: AbcState, stats: readonly (readonly number[])[]): AbcState {
  const r0 = state.running;
  if (!r0) throw new Error('the calibration is finished; there is no batch to record');
  const s = problem.settings;
  const S = s.seedsPerParticle;
  const size = r0.to - r0.from;
  if (stats.length !== size * S) throw new Error(`the batch has ${size * S} jobs, got ${stats.length} results`);
  const jobs = batchJobs(problem, state);
  const r: Running = { ...r0, kept: [...r0.kept] };
  const T = problem.intervals.length;
  for (let k = 0; k < size; k++) {
    const mean = new Array<number>(T).fill(0);
    for (let rep = 0; rep < S; rep++) {
      const st = stats[k * S + rep];
      if (st.length !== T) throw new Error(`a result has ${st.length} statistics, expected ${T}`);
      for (let t = 0; t < T; t++) mean[t] += st[t];
    }
    for (let t = 0; t < T; t++) mean[t] /= S;
    const distance = intervalDistance(mean, problem.intervals, s.distance);
    r.evaluated++;
    if (r.tolerance === null || distance <= r.tolerance) {
      r.accepted++;
      if (r.kept.length < s.particles)
        r.kept.push({ proposal: r0.from + k, values: jobs[k * S].values, stats: mean, distance });
    }
  }
  const next: AbcState = { ...state, populations: [...state.populations], running: r };
  if (r.kept.length >= s.particles) return finishGeneration(problem, next, r);
  if (r.evaluated >= maxEvaluations(s)) {
    next.running = null;
    next.abandoned = { generation: r.generation, tolerance: r.tolerance, evaluated: r.evaluated, accepted: r.accepted };
    next.stop = {
      reason: 'acceptance',
      text: `generation ${r.generation} accepted ${r.kept.length} of the ${r.evaluated} proposals it may evaluate (acceptance rate below ${s.minAcceptance}); the result is generation ${r.generation - 1}`,
    };
    return next;
  }
  // Another batch: enough proposals for the missing particles at the acceptance rate so far, plus 10%.
  const rate = r.accepted > 0 ? r.accepted / r.evaluated : 1 / (2 * r.evaluated);
  const want = Math.ceil((1.1 * (s.particles - r.kept.length)) / rate);
  next.running = {
    ...r,
    batch: r.batch + 1,
    from: r.to,
    to: r.to + Math.max(1, Math.min(want, maxEvaluations(s) - r.evaluated)),
  };
  return next;
}

function finishGeneration(problem: AbcProblem, state: AbcState, r: Running): AbcState {
  const s = problem.settings;
  const g = r.generation;
  const prev = state.populations[g - 1] ?? null;
  const particles = r.kept.map((k) => k.values);
  let weights: number[];
  if (!prev) weights = particles.map(() => 1 / particles.length);
  else {
    // w_i = prior(x_i) / sum_j W_j K(x_i | x_j); the prior is constant inside the box.
    const bounds = problem.params.map(internalBounds);
    const xsPrev = internalParticles(problem, prev);
    const kernel: Kernel = populationKernel(
      xsPrev,
      prev.weights,
      bounds.map(([lo, hi]) => hi - lo),
    );
    const raw = particles.map((row) => {
      const x = row.map((v, j) => toInternal(problem.params[j], v));
      let sum = 0;
      for (let j = 0; j < xsPrev.length; j++) sum += prev.weights[j] * kernelDensity(kernel, x, xsPrev[j]);
      return 1 / sum;
    });
    const total = raw.reduce((a, b) => a + b, 0);
    weights = raw.map((w) => w / total);
  }
  const pop: Population = {
    generation: g,
    tolerance: r.tolerance,
    evaluated: r.evaluated,
    accepted: r.accepted,
    proposals: r.kept.map((k) => k.proposal),
    particles,
    weights,
    distances: r.kept.map((k) => k.distance),
    stats: r.kept.map((k) => k.stats),
  };
  state.populations.push(pop);
  if (g + 1 >= s.generations) {
    state.running = null;
    state.stop = { reason: 'generations', text: `ran the ${s.generations} generation(s) asked for` };
    return state;
  }
  if (r.tolerance !== null && r.tolerance <= s.minTolerance) {
    state.running = null;
    state.stop = {
      reason: 'tolerance',
      text: `generation ${g} reached the minimum tolerance ${s.minTolerance}`,
    };
    return state;
  }
  const tolerance = nextTolerance(pop, s);
  // A first batch sized for the previous generation's acceptance rate times the quantile.
  const guess = Math.max(s.minAcceptance, (pop.accepted / pop.evaluated) * s.quantile);
  const size = Math.min(Math.ceil(s.particles / guess), maxEvaluations(s));
  state.running = { generation: g + 1, tolerance, batch: 0, from: 0, to: size, evaluated: 0, accepted: 0, kept: [] };
  return state;
}

/**
 * The next tolerance: the quantile of the generation's distances, at least the minimum
 * tolerance. When ties keep the quantile at the current tolerance (distances of a discrete
 * statistic take few values), the largest distance below it, so the tolerance always falls.
 */
function nextTolerance(pop: Population, s: AbcSettings): number {
  const sorted = [...pop.distances].sort((a, b) => a - b);
  let t = quantileSorted(sorted, s.quantile);
  if (pop.tolerance !== null && t >= pop.tolerance) {
    const below = sorted.filter((d) => d < pop.tolerance!);
    t = below.length ? below[below.length - 1] : s.minTolerance;
  }
  return Math.max(s.minTolerance, t);
}

/** Runs a calibration to the end with a synchronous model (tests, toy problems). */
export function runAbc(
  problem: AbcProblem,
  model: (values: readonly number[], seed: number) => number[],
  state: AbcState = startAbc(problem),
): AbcState {
  let st = state;
  while (st.running)
    st = recordBatch(
      problem,
      st,
      batchJobs(problem, st).map((j) => model(j.values, j.seed)),
    );
  return st;
}

/** Effective sample size of normalised weights, 1 / sum w^2. */
export function effectiveSampleSize(weights: readonly number[]): number {
  let s = 0;
  for (const w of weights) s += w * w;
  return 1 / s;
}
