/**
 * Standalone runners for the published opinion-dynamics models, built on the same kernels the full
 * model uses (`./relativeAgreement.ts`, `./hegselmannKrause.ts`). The validation tests
 * (test/validation) and the benchmarks call these, so a change to a kernel is checked against the
 * published results. See docs/validation.md for parameters, horizons and tolerances.
 *
 * All randomness comes from the injected `rand: () => number` (uniform in [0, 1)); the runners
 * never call Math.random, so a seeded `rand` gives a reproducible run.
 */
import { deffuantUpdate, relativeAgreementPair } from './relativeAgreement.ts';
import { createHKScratch, hkStep } from './hegselmannKrause.ts';

export type Rand = () => number;

/**
 * Undirected interaction graph in compressed sparse row form: the neighbours of agent i are
 * `neighbors[offsets[i] .. offsets[i + 1] - 1]` (each undirected edge listed in both rows).
 */
export interface CsrGraph {
  offsets: Int32Array | Uint32Array;
  neighbors: Int32Array | Uint32Array;
}

/** Uniform random ordered pair (i, j), i != j, written into `pair`. */
function randomPair(n: number, rand: Rand, pair: Int32Array): void {
  const i = Math.floor(rand() * n);
  let j = Math.floor(rand() * (n - 1));
  if (j >= i) j++;
  pair[0] = i;
  pair[1] = j;
}

// ---------------------------------------------------------------------------------------------
// Deffuant et al. 2000
// ---------------------------------------------------------------------------------------------

export interface DeffuantParams {
  /** Number of agents. */
  n: number;
  /** Confidence threshold: a pair interacts only if |x_i - x_j| < d. */
  d: number;
  /** Convergence parameter in (0, 0.5]. */
  mu: number;
  /** Horizon: number of random pair meetings (not sweeps). 2 * steps / n meetings per agent. */
  steps: number;
  rand: Rand;
  /** Optional interaction graph; by default complete mixing (uniform random pairs). */
  graph?: CsrGraph;
  /** Optional initial opinions (copied); by default uniform on [0, 1] as in the paper. */
  x0?: ArrayLike<number>;
}

/** Deffuant et al. (2000) bounded confidence with random pairwise meetings. Returns final opinions. */
export function runDeffuant(p: DeffuantParams): Float64Array {
  const { n, d, mu, steps, rand, graph } = p;
  const x = new Float64Array(n);
  if (p.x0) x.set(p.x0);
  else for (let k = 0; k < n; k++) x[k] = rand();
  if (n < 2) return x;
  if (graph) {
    deffuantOnGraph(x, graph, n, d, mu, steps, rand);
    return x;
  }
  const pair = new Int32Array(2);
  for (let t = 0; t < steps; t++) {
    randomPair(n, rand, pair);
    deffuantUpdate(x, pair[0], pair[1], d, mu);
  }
  return x;
}

/** Meetings whose pairs are drawn before they are applied, per block (see deffuantOnGraph). */
const PAIR_BLOCK = 512;

/**
 * The meetings of `runDeffuant` on a graph. A pair is a uniform agent with at least one tie (drawn
 * again while it has none, at most 64n + 64 times, after which the run stops: the graph has no
 * tie), then a uniform tie of it: the usual "pick an agent, then one of its contacts" protocol of
 * network studies. The pairs of a block are drawn first and the meetings applied after, in
 * order: the graph never changes, so this gives the same draws, the same meetings and the same
 * opinions bit for bit as drawing each pair just before its meeting (the plain loop of
 * test/unit/deffuantBlocks.test.ts). Only the memory order differs: at large n every load of a
 * pair misses the cache, and drawn one meeting after another each waits for the one before,
 * while in a block the processor overlaps them (docs/performance.md, section 3: 1.17x at 1M).
 */
function deffuantOnGraph(
  x: Float64Array,
  g: CsrGraph,
  n: number,
  d: number,
  mu: number,
  steps: number,
  rand: Rand,
): void {
  const off = g.offsets,
    nb = g.neighbors;
  const maxTries = 64 * n + 64;
  const I = new Int32Array(PAIR_BLOCK),
    J = new Int32Array(PAIR_BLOCK);
  for (let t = 0; t < steps; t += PAIR_BLOCK) {
    let m = Math.min(PAIR_BLOCK, steps - t);
    let stop = false;
    for (let k = 0; k < m; k++) {
      let found = false;
      for (let tries = 0; tries < maxTries; tries++) {
        const i = Math.floor(rand() * n);
        const start = off[i],
          deg = off[i + 1] - start;
        if (deg === 0) continue;
        I[k] = i;
        J[k] = nb[start + Math.floor(rand() * deg)];
        found = true;
        break;
      }
      if (!found) {
        // No agent with a tie found: the run stops here.
        m = k;
        stop = true;
        break;
      }
    }
    for (let k = 0; k < m; k++) deffuantUpdate(x, I[k], J[k], d, mu);
    if (stop) break;
  }
}

// ---------------------------------------------------------------------------------------------
// Hegselmann & Krause 2002
// ---------------------------------------------------------------------------------------------

export interface HKParams {
  n: number;
  /** Confidence bound (closed: |x_j - x_i| <= eps). */
  eps: number;
  /** Upper limit on synchronous steps. */
  maxSteps: number;
  rand: Rand;
  /** Stop when the largest opinion change of a step is below this (default 1e-12). */
  tol?: number;
  /** Optional initial opinions (copied); by default uniform on [0, 1]. */
  x0?: ArrayLike<number>;
}

export interface HKResult {
  x: Float64Array;
  /** Steps actually taken. */
  steps: number;
  /** True if the last step changed no opinion by more than `tol`. */
  converged: boolean;
}

/** Hegselmann-Krause (2002) synchronous dynamics on the complete graph, until a fixed point. */
export function runHK(p: HKParams): HKResult {
  const { n, eps, maxSteps, rand } = p;
  const tol = p.tol ?? 1e-12;
  let x = new Float64Array(n);
  if (p.x0) x.set(p.x0);
  else for (let k = 0; k < n; k++) x[k] = rand();
  let out = new Float64Array(n);
  const scratch = createHKScratch(n);
  let steps = 0;
  let converged = false;
  while (steps < maxSteps) {
    const change = hkStep(x, eps, out, scratch);
    const t = x;
    x = out;
    out = t;
    steps++;
    if (change <= tol) {
      converged = true;
      break;
    }
  }
  return { x, steps, converged };
}

// ---------------------------------------------------------------------------------------------
// Deffuant, Amblard, Weisbuch & Faure 2002: relative agreement with extremists
// ---------------------------------------------------------------------------------------------

export interface RAParams {
  n: number;
  /** Initial uncertainty of the moderates. */
  U: number;
  /** Convergence parameter. */
  mu: number;
  /** Proportion of extremists. */
  pe: number;
  /** Asymmetry: p+ = pe (1 + delta) / 2 at the positive end, p- = pe (1 - delta) / 2 at the negative end. */
  delta: number;
  /** Initial uncertainty of the extremists (paper: 0.1). */
  ue?: number;
  /** Horizon in iterations; one iteration = `pairsPerIteration` random pair meetings. */
  steps: number;
  /** Pair meetings per iteration (default n / 2: each agent meets once per iteration on average). */
  pairsPerIteration?: number;
  rand: Rand;
}

export interface RAResult {
  x: Float64Array;
  u: Float64Array;
  /** 1 for agents that were extremists at t = 0, else 0. */
  extremist: Uint8Array;
  /** Initial opinions (to tell the moderates' starting side, for diagnostics). */
  x0: Float64Array;
}

/**
 * Initial population of Deffuant et al. (2002): n opinions uniform on [-1, 1]; the
 * round(n p+) highest become positive extremists and the round(n p-) lowest negative extremists
 * (uncertainty ue), all others are moderates (uncertainty U). Extremists thus sit at the extremes
 * of the initial distribution, as in the paper, not exactly at +/-1.
 */
export function initRelativeAgreement(
  n: number,
  U: number,
  pe: number,
  delta: number,
  ue: number,
  rand: Rand,
): { x: Float64Array; u: Float64Array; extremist: Uint8Array } {
  const x = new Float64Array(n);
  for (let k = 0; k < n; k++) x[k] = 2 * rand() - 1;
  x.sort(); // agent index order carries no meaning under random mixing
  const nPlus = Math.round((n * pe * (1 + delta)) / 2);
  const nMinus = Math.min(n - nPlus, Math.round((n * pe * (1 - delta)) / 2));
  const u = new Float64Array(n).fill(U);
  const extremist = new Uint8Array(n);
  for (let k = 0; k < nMinus; k++) {
    u[k] = ue;
    extremist[k] = 1;
  }
  for (let k = n - nPlus; k < n; k++) {
    u[k] = ue;
    extremist[k] = 1;
  }
  return { x, u, extremist };
}

/** Relative agreement model with extremists (Deffuant et al. 2002), random pairwise meetings. */
export function runRelativeAgreement(p: RAParams): RAResult {
  const { n, U, mu, pe, delta, steps, rand } = p;
  const ue = p.ue ?? 0.1;
  const perIter = p.pairsPerIteration ?? Math.max(1, Math.floor(n / 2));
  const { x, u, extremist } = initRelativeAgreement(n, U, pe, delta, ue, rand);
  const x0 = x.slice();
  const pair = new Int32Array(2);
  const meetings = steps * perIter;
  for (let t = 0; t < meetings; t++) {
    randomPair(n, rand, pair);
    relativeAgreementPair(x, u, pair[0], pair[1], mu);
  }
  return { x, u, extremist, x0 };
}

// ---------------------------------------------------------------------------------------------
// Indicators
// ---------------------------------------------------------------------------------------------

export interface Cluster {
  /** Number of agents. */
  size: number;
  /** Mean opinion. */
  mean: number;
  min: number;
  max: number;
}

/**
 * Clusters of a 1-D opinion profile: sort, then start a new cluster wherever two consecutive
 * opinions differ by more than `tol`. Returned in increasing opinion order, all sizes included.
 */
export function clusters(x: ArrayLike<number>, tol: number): Cluster[] {
  const s = Float64Array.from(x).sort();
  const out: Cluster[] = [];
  if (s.length === 0) return out;
  let start = 0;
  let sum = s[0];
  for (let k = 1; k <= s.length; k++) {
    if (k === s.length || s[k] - s[k - 1] > tol) {
      out.push({ size: k - start, mean: sum / (k - start), min: s[start], max: s[k - 1] });
      if (k === s.length) break;
      start = k;
      sum = 0;
    }
    sum += s[k];
  }
  return out;
}

/**
 * Number of clusters (see `clusters`) holding at least `minFraction` of the agents, i.e. size >=
 * ceil(minFraction * n). minFraction = 0 counts every cluster, isolated agents included.
 * The validation tests use minFraction = 0.01: "major" clusters of at least 1% of the agents, as
 * Deffuant et al. (2000) count the major clusters and leave aside the few agents stranded between
 * or beyond them (the small "wing" clusters near the ends of the opinion range).
 */
export function countClusters(x: ArrayLike<number>, tol: number, minFraction = 0): number {
  const n = x.length;
  const minSize = Math.max(1, Math.ceil(minFraction * n - 1e-9));
  let count = 0;
  for (const c of clusters(x, tol)) if (c.size >= minSize) count++;
  return count;
}

/**
 * Extremism indicator y of Deffuant et al. (2002): y = p'+^2 + p'-^2, where p'+ (p'-) is the
 * proportion of the initially MODERATE agents (extremist[k] === 0) whose opinion ends above
 * `cutoff` (below -cutoff). y ~ 0: central convergence; ~ 0.5: both-extremes convergence (half
 * of the moderates at each end); ~ 1: single-extreme convergence. Meaningful only after
 * convergence (Deffuant et al. 2013, JASSS 16(1) 11).
 */
export function extremismIndicator(x: ArrayLike<number>, extremist: ArrayLike<number>, cutoff = 0.7): number {
  let moderates = 0;
  let plus = 0;
  let minus = 0;
  for (let k = 0; k < x.length; k++) {
    if (extremist[k]) continue;
    moderates++;
    if (x[k] > cutoff) plus++;
    else if (x[k] < -cutoff) minus++;
  }
  if (moderates === 0) return 0;
  const pp = plus / moderates;
  const pm = minus / moderates;
  return pp * pp + pm * pm;
}
