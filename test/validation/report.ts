/**
 * Validation settings and measurements shared by the validation tests and this report.
 *
 * The tests in this folder import the settings and `measure*` functions from here, so the figures
 * the tests assert on and the figures this script prints (and docs/validation.md quotes) come from
 * the same code, seeds and horizons.
 *
 * Print the table:   npx tsx test/validation/report.ts
 * Run the tests:     npx vitest run test/validation
 *
 * Seeds: every run draws from seedrandom.xor4096(`validation/<model>/<parameter>/<seed>`), the same
 * generator family as sim/random/streams.ts, and about four times faster than seedrandom's
 * default ARC4.
 */
import seedrandom from 'seedrandom';
import { pathToFileURL } from 'node:url';
import {
  clusters,
  countClusters,
  extremismIndicator,
  runDeffuant,
  runHK,
  runRelativeAgreement,
  type Rand,
} from '../../sim/influence/standalone.ts';

export function seeded(model: string, param: string | number, seed: number): Rand {
  return seedrandom.xor4096(`validation/${model}/${param}/${seed}`);
}

const mean = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0) / v.length;

/** Runs are deterministic, so each (model, parameters) measurement is computed once per process. */
const memo = new Map<string, unknown>();
function once<T>(key: string, f: () => T): T {
  if (!memo.has(key)) memo.set(key, f());
  return memo.get(key) as T;
}

// ---------------------------------------------------------------------------------------------
// Deffuant et al. 2000
// ---------------------------------------------------------------------------------------------

export const DEFFUANT = {
  n: 1000,
  mu: 0.5,
  /** Pair meetings: 2000 per agent. Cluster counts are the same from 1e5 on (see docs). */
  steps: 1_000_000,
  seeds: 8,
  /** Gap that separates two clusters; stable clusters are more than d >= 0.1 apart. */
  clusterTol: 0.01,
  /** "Major" cluster: at least 1% of the agents. */
  minFraction: 0.01,
  clusterDs: [0.1, 0.15, 0.2, 0.25, 0.3],
  consensusDs: [0.5, 0.6, 0.75],
} as const;

/** floor(1 / (2d)), the cluster count of Deffuant et al. (2000); the epsilon guards 1/(2*0.1). */
export const expectedClusters = (d: number): number => Math.floor(1 / (2 * d) + 1e-9);

export interface DeffuantMeasure {
  d: number;
  expected: number;
  /** Major clusters per seed. */
  counts: number[];
  mean: number;
  /** Per seed: size of the largest cluster counting every agent (consensus check). */
  largest: number[];
  /** Per seed: number of clusters of any size. */
  allClusters: number[];
}

export function measureDeffuant(d: number, steps: number = DEFFUANT.steps): DeffuantMeasure {
  return once(`deffuant/${d}/${steps}`, () => computeDeffuant(d, steps));
}

function computeDeffuant(d: number, steps: number): DeffuantMeasure {
  const counts: number[] = [];
  const largest: number[] = [];
  const allClusters: number[] = [];
  for (let s = 1; s <= DEFFUANT.seeds; s++) {
    const x = runDeffuant({ n: DEFFUANT.n, d, mu: DEFFUANT.mu, steps, rand: seeded('deffuant2000', d, s) });
    counts.push(countClusters(x, DEFFUANT.clusterTol, DEFFUANT.minFraction));
    const cs = clusters(x, DEFFUANT.clusterTol);
    allClusters.push(cs.length);
    largest.push(Math.max(...cs.map((c) => c.size)));
  }
  return { d, expected: expectedClusters(d), counts, mean: mean(counts), largest, allClusters };
}

// ---------------------------------------------------------------------------------------------
// Hegselmann & Krause 2002
// ---------------------------------------------------------------------------------------------

export const HK = {
  /** 625 agents: the population of Hegselmann & Krause's (2002) simulations, as I recall it (unchecked). */
  n: 625,
  maxSteps: 1000,
  seeds: 8,
  /** At a fixed point every cluster is one exact value; 1e-6 only absorbs rounding. */
  clusterTol: 1e-6,
  minFraction: 0.01,
  consensusEps: [0.25, 0.3, 0.4],
  clusterEps: [0.05, 0.1, 0.15],
} as const;

export interface HKMeasure {
  eps: number;
  counts: number[];
  mean: number;
  /** Steps to the fixed point, per seed. */
  steps: number[];
  converged: boolean[];
  largest: number[];
}

export function measureHK(eps: number): HKMeasure {
  return once(`hk/${eps}`, () => computeHK(eps));
}

function computeHK(eps: number): HKMeasure {
  const counts: number[] = [];
  const steps: number[] = [];
  const converged: boolean[] = [];
  const largest: number[] = [];
  for (let s = 1; s <= HK.seeds; s++) {
    const r = runHK({ n: HK.n, eps, maxSteps: HK.maxSteps, rand: seeded('hk2002', eps, s) });
    counts.push(countClusters(r.x, HK.clusterTol, HK.minFraction));
    steps.push(r.steps);
    converged.push(r.converged);
    largest.push(Math.max(...clusters(r.x, HK.clusterTol).map((c) => c.size)));
  }
  return { eps, counts, mean: mean(counts), steps, converged, largest };
}

// ---------------------------------------------------------------------------------------------
// Deffuant, Amblard, Weisbuch & Faure 2002 (relative agreement with extremists)
// ---------------------------------------------------------------------------------------------

export const RA = {
  n: 1000,
  mu: 0.2,
  ue: 0.1,
  /**
   * Horizon in iterations of n/2 random pair meetings (2e6 meetings, 4000 per agent). y is
   * computed at this horizon; every case below has stopped moving long before (see docs).
   */
  iterations: 4000,
  /** A short horizon, reported to show what computing y before convergence does. */
  shortIterations: 500,
  seeds: 8,
  cutoff: 0.7,
} as const;

export interface RACase {
  name: string;
  regime: 'central' | 'both extremes' | 'single extreme';
  U: number;
  pe: number;
  delta: number;
  /** y the regime stands for in the paper: ~0, ~0.5, ~1. */
  target: number;
}

export const RA_CASES: readonly RACase[] = [
  { name: 'central', regime: 'central', U: 0.4, pe: 0.2, delta: 0, target: 0 },
  { name: 'both-1.4', regime: 'both extremes', U: 1.4, pe: 0.2, delta: 0, target: 0.5 },
  { name: 'both-1.2', regime: 'both extremes', U: 1.2, pe: 0.25, delta: 0, target: 0.5 },
  { name: 'single-sym', regime: 'single extreme', U: 1.4, pe: 0.05, delta: 0, target: 1 },
  { name: 'single-asym', regime: 'single extreme', U: 1.4, pe: 0.1, delta: 1, target: 1 },
];

export interface RAMeasure {
  c: RACase;
  iterations: number;
  /** y per seed (cutoff RA.cutoff). */
  ys: number[];
  mean: number;
  /** Mean y over seeds with the cutoff at 0.5 and at 0.9 (sensitivity). */
  meanCut05: number;
  meanCut09: number;
  /** Per seed: share of the moderates that end with |x| < 0.3. */
  centralShare: number[];
}

export function measureRA(c: RACase, iterations: number = RA.iterations): RAMeasure {
  return once(`ra/${c.name}/${c.U}/${c.pe}/${c.delta}/${iterations}`, () => computeRA(c, iterations));
}

function computeRA(c: RACase, iterations: number): RAMeasure {
  const ys: number[] = [];
  const y05: number[] = [];
  const y09: number[] = [];
  const centralShare: number[] = [];
  for (let s = 1; s <= RA.seeds; s++) {
    const r = runRelativeAgreement({
      n: RA.n,
      U: c.U,
      mu: RA.mu,
      pe: c.pe,
      delta: c.delta,
      ue: RA.ue,
      steps: iterations,
      rand: seeded('ra2002', c.name, s),
    });
    ys.push(extremismIndicator(r.x, r.extremist, RA.cutoff));
    y05.push(extremismIndicator(r.x, r.extremist, 0.5));
    y09.push(extremismIndicator(r.x, r.extremist, 0.9));
    let mod = 0;
    let central = 0;
    for (let k = 0; k < RA.n; k++) {
      if (r.extremist[k]) continue;
      mod++;
      if (Math.abs(r.x[k]) < 0.3) central++;
    }
    centralShare.push(central / mod);
  }
  return { c, iterations, ys, mean: mean(ys), meanCut05: mean(y05), meanCut09: mean(y09), centralShare };
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

function report(): void {
  const f = (v: number, d = 2): string => v.toFixed(d);
  const t0 = performance.now();
  const out: string[] = [];

  out.push(
    `### Deffuant et al. 2000 (N=${DEFFUANT.n}, mu=${DEFFUANT.mu}, ${DEFFUANT.steps} pair meetings, ${DEFFUANT.seeds} seeds; major cluster >= ${DEFFUANT.minFraction * 100}% of agents, gap > ${DEFFUANT.clusterTol})`,
    '',
  );
  out.push(
    '| d | floor(1/2d) | major clusters, mean | per seed | largest cluster (of 1000), per seed |',
    '|---|---|---|---|---|',
  );
  for (const d of [...DEFFUANT.clusterDs, ...DEFFUANT.consensusDs]) {
    const m = measureDeffuant(d);
    out.push(
      `| ${d} | ${m.expected >= 1 ? m.expected : '1 (consensus)'} | ${f(m.mean)} | ${m.counts.join(' ')} | ${m.largest.join(' ')} |`,
    );
  }

  out.push(
    '',
    `### Hegselmann & Krause 2002 (N=${HK.n}, complete graph, uniform [0,1], run to the fixed point, ${HK.seeds} seeds; major cluster >= ${HK.minFraction * 100}%)`,
    '',
  );
  out.push(
    '| eps | major clusters, mean | per seed | steps to fixed point, per seed | largest cluster (of 625) |',
    '|---|---|---|---|---|',
  );
  for (const eps of [...HK.clusterEps, 0.2, 0.22, ...HK.consensusEps]) {
    const m = measureHK(eps);
    out.push(
      `| ${eps} | ${f(m.mean)} | ${m.counts.join(' ')} | ${m.steps.map((s, k) => (m.converged[k] ? `${s}` : `${s}!`)).join(' ')} | ${m.largest.join(' ')} |`,
    );
  }

  out.push(
    '',
    `### Deffuant et al. 2002, relative agreement with extremists (N=${RA.n}, mu=${RA.mu}, ue=${RA.ue}, cutoff +/-${RA.cutoff}, ${RA.seeds} seeds; iteration = N/2 pair meetings)`,
    '',
  );
  out.push(
    `| regime | U | pe | delta | mean y @${RA.shortIterations} it. | mean y @${RA.iterations} it. | mean y @${4 * RA.iterations} it. | y per seed @${RA.iterations} | mean y, cutoff 0.5 / 0.9 | moderates with abs(x)<0.3, mean |`,
    '|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const c of RA_CASES) {
    const short = measureRA(c, RA.shortIterations);
    const m = measureRA(c);
    const long = measureRA(c, 4 * RA.iterations);
    out.push(
      `| ${c.regime} (${c.name}) | ${c.U} | ${c.pe} | ${c.delta} | ${f(short.mean, 3)} | ${f(m.mean, 3)} | ${f(long.mean, 3)} | ${m.ys.map((y) => f(y)).join(' ')} | ${f(m.meanCut05, 3)} / ${f(m.meanCut09, 3)} | ${f(mean(m.centralShare))} |`,
    );
  }
  out.push('', `(report computed in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  console.log(out.join('\n'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) report();
