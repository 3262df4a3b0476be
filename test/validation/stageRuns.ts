/**
 * Runs of the full model's social-influence stage (sim/model/socialInfluence.ts) through the real
 * Simulation, with every other mechanism off and the stage's gates neutral, set up as the
 * relative-agreement model of Deffuant, Amblard, Weisbuch & Faure (2002), and runs of the
 * mainstream rule. Shared by influenceStage.test.ts and report.ts, so the tests and
 * docs/validation.md quote the same figures.
 *
 * Mapping of the paper onto the model (the attitude scale is 0..1, the paper's opinions -1..1):
 *   attitude = (x + 1) / 2,  uncertainty = u / 2  (U and ue halved),  mu unchanged,
 *   cutoff +/-0.7 on x  =  attitude above 0.85 or below 0.15.
 * Relative agreement is invariant under this affine map: the overlap h and both uncertainties
 * halve, so ra = h/u_j - 1 is the same, and the updates are linear in x and u. y is computed on
 * x = 2 * attitude - 1.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { IDEOLOGIES } from '../../sim/domain.ts';
import { extremismIndicator, initRelativeAgreement } from '../../sim/influence/standalone.ts';
import { Simulation } from '../../sim/run/simulation.ts';
import { resolveScenarioFile } from '../../sim/scenario/file.ts';
import { deepMerge, validateScenario, type ScenarioData } from '../../sim/scenario/resolve.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import { RA, RA_CASES, measureRA, seeded, type RACase } from './report.ts';

const BASELINE = fileURLToPath(new URL('../../scenarios/baseline.json', import.meta.url));

export const STAGE = {
  /** Agents: the standalone validation's N. */
  n: RA.n,
  /** One neighbourhood holding everyone, this many random ties each: close to random mixing. */
  meanDegree: 100,
  /**
   * Meetings per agent per week. Each meeting is one directed influence; the paper's iteration
   * (N/2 symmetric pair meetings) is N directed influences, so a week is `contactsPerWeek`
   * iterations; the horizon is the standalone's (RA.iterations).
   */
  contactsPerWeek: 20,
  seeds: 4,
} as const;

const mean = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0) / v.length;

/**
 * The baseline with every mechanism but social influence off and the stage's gates neutral:
 * - ablation: every switch off except socialInfluence (so switches added later are off too);
 * - phases: every rate constant 0 and no one sensitive at the start (no phase change, hence no
 *   group, action, detention, case or programme); practice signals at rate 0; no interventions;
 * - life course: the ages of one 25-60 band, with an empty band up to 121 as the oldest, so no
 *   one ages out and an empty band sets no leave chance: no renewal (the test checks it);
 * - network: one region whose single neighbourhood holds every agent, `meanDegree` random ties
 *   each, the only layer with a weight; no online exposure, no online sources;
 * - restoring forces off (no relaxation toward set points), no burn-in;
 * - influence: mu of the paper, conformity multipliers 1, `mainstreamThreshold` as given (1: the
 *   rule lets every contact below attitude 1 influence, and attitudes stay below 1).
 */
export function stageScenario(o: {
  seed: number;
  weeks: number;
  mu: number;
  contactsPerWeek: number;
  mainstreamThreshold: number;
}): Scenario {
  const base = resolveScenarioFile(BASELINE) as Record<string, Record<string, unknown>>;
  const off = (obj: Record<string, unknown>, value: unknown) =>
    Object.fromEntries(Object.keys(obj).map((k) => [k, value]));
  const phases = base.phases as { constants: Record<string, unknown> };
  const over: ScenarioData = {
    seed: o.seed,
    agents: STAGE.n,
    weeks: o.weeks,
    ...('burnInWeeks' in base ? { burnInWeeks: 0 } : {}),
    // No pull of attitudes toward their set points: the stage alone moves them.
    ...('restoring' in base
      ? { restoring: { attitudeHalfLifeWeeks: 0, protectiveHalfLifeWeeks: 0, releaseDisengagement: 0 } }
      : {}),
    regions: [{ name: 'mixing', share: 1, urban: true, neighbourhoodSize: STAGE.n, triggerRate: 1 }],
    population: {
      ageBands: [
        { from: 25, to: 60, share: 1 },
        { from: 60, to: 121, share: 0 },
      ],
      initialSensitivityShare: 0,
      online: { mean: 0, sd: 0, youthExtra: 0 },
    },
    network: {
      peer: { meanDegree: 0 },
      neighbourhood: { meanDegree: STAGE.meanDegree },
      online: { meanDegree: 0 },
      weights: { household: 0, peer: 0, neighbourhood: 1, online: 0 },
    },
    influence: {
      contactsPerWeek: o.contactsPerWeek,
      mu: o.mu,
      followerConformity: 1,
      leaderConformity: 1,
      mainstreamThreshold: o.mainstreamThreshold,
      sources: { amplification: 0 },
    },
    phases: { constants: { ...off(phases.constants, 0) } },
    practice: { signals: { rate: { care: 0, social: 0, security: 0 } } },
    interventions: [],
    ablation: { ...off(base.ablation, false), socialInfluence: true },
  };
  return validateScenario(deepMerge(base, over), 'influence-stage validation');
}

/** A fixed permutation of 0..n-1 (Fisher-Yates on a seeded stream). */
function permutation(n: number, rand: () => number): Int32Array {
  const p = Int32Array.from({ length: n }, (_, k) => k);
  for (let k = n - 1; k > 0; k--) {
    const j = Math.floor(rand() * (k + 1));
    const t = p[k];
    p[k] = p[j];
    p[j] = t;
  }
  return p;
}

export interface StageRAMeasure {
  c: RACase;
  /** y per seed, on the stage's final attitudes mapped back to -1..1. */
  ys: number[];
  mean: number;
  /** Per seed: share of the moderates that end with |x| < 0.3. */
  centralShare: number[];
  /** Checks that the run was the stage alone: agents renewed, agents that left phase 0. */
  renewed: number;
  leftPhase0: number;
}

const memo = new Map<string, StageRAMeasure>();

/**
 * The relative-agreement case `c` on the stage. The initial state is the standalone's
 * (`initRelativeAgreement`, sorted opinions), mapped to the model's scale and dealt to the
 * agents in a seeded random order: the stage visits agents in index order, which must not follow
 * the opinions. The attitudes and uncertainties are written into the built world before the
 * first week: the scenario's population draws (beta attitudes, normal uncertainties) cannot
 * express the paper's uniform opinions with extremists at the tails.
 */
export function measureStageRA(
  c: RACase,
  o: { contactsPerWeek?: number; iterations?: number; mainstreamThreshold?: number } = {},
): StageRAMeasure {
  const contactsPerWeek = o.contactsPerWeek ?? STAGE.contactsPerWeek;
  const weeks = Math.round((o.iterations ?? RA.iterations) / contactsPerWeek);
  const mainstreamThreshold = o.mainstreamThreshold ?? 1;
  const key = `${c.name}/${contactsPerWeek}/${weeks}/${mainstreamThreshold}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const ys: number[] = [];
  const centralShare: number[] = [];
  let renewed = 0;
  let leftPhase0 = 0;
  for (let seed = 1; seed <= STAGE.seeds; seed++) {
    const s = stageScenario({
      seed,
      weeks,
      mu: RA.mu,
      contactsPerWeek,
      mainstreamThreshold,
    });
    const sim = new Simulation(s);
    const a = sim.world.agents;
    const rand = seeded('ra2002-stage', c.name, seed);
    const init = initRelativeAgreement(STAGE.n, c.U, c.pe, c.delta, RA.ue, rand);
    const deal = permutation(STAGE.n, rand);
    const extremist = new Uint8Array(STAGE.n);
    for (let i = 0; i < STAGE.n; i++) {
      const k = deal[i];
      a.attitude[i] = (init.x[k] + 1) / 2;
      a.uncertainty[i] = init.u[k] / 2;
      extremist[i] = init.extremist[k];
    }
    // The gate is neutral only if every attitude is below the threshold (and stays so: relative
    // agreement moves an attitude toward others, never past the highest).
    if (Math.max(...a.attitude) >= mainstreamThreshold)
      throw new Error('an initial attitude reached the mainstream threshold: the gate is not neutral');
    sim.run();
    renewed += sim.world.renewed;
    for (let i = 0; i < STAGE.n; i++) if (a.phase[i] !== 0 || a.detainedUntil[i] >= 0) leftPhase0++;
    const x = Float64Array.from(a.attitude, (v) => 2 * v - 1);
    ys.push(extremismIndicator(x, extremist, RA.cutoff));
    let mod = 0;
    let central = 0;
    for (let i = 0; i < STAGE.n; i++) {
      if (extremist[i]) continue;
      mod++;
      if (Math.abs(x[i]) < 0.3) central++;
    }
    centralShare.push(central / mod);
  }
  const m = { c, ys, mean: mean(ys), centralShare, renewed, leftPhase0 };
  memo.set(key, m);
  return m;
}

// ---------------------------------------------------------------------------------------------
// The mainstream rule
// ---------------------------------------------------------------------------------------------

export const MAINSTREAM = {
  /** The baseline's threshold: a contact of another leaning below it is mainstream. */
  threshold: 0.3,
  /** The radical leaning (an index of IDEOLOGIES): right-wing, the baseline's largest share. */
  radicalLeaning: IDEOLOGIES.indexOf('rightWing'),
  /**
   * Two populations. `gate`: every agent of the radical leaning is a committed radical, every
   * other agent open mainstream; it shows who may pull whom. `moderation`: a fifth of the
   * radical leaning are committed radicals and the rest waverers, the other leanings half open
   * and half confident mainstream; it shows the mainstream pulling the waverers back.
   * `radicalShare`: of the radical leaning's agents; `openShare`: of the other leanings'.
   */
  setups: {
    gate: { radicalShare: 1, openShare: 1 },
    moderation: { radicalShare: 0.2, openShare: 0.5 },
  },
  /** Committed radicals: confident, far above the threshold. */
  radical: { attitude: 0.9, uncertainty: 0.05 },
  /** Waverers of the radical leaning: in the middle, open to both sides. */
  waverer: { attitude: 0.5, uncertainty: 0.5 },
  /**
   * Half of the other leanings' agents: mainstream and open, so uncertain that a radical's
   * segment overlaps theirs by more than the radical's uncertainty (0.2 + 0.8 > 0.85 + 0.05):
   * without the rule the radicals pull them with relative agreement 1.
   */
  open: { attitude: 0.2, uncertainty: 0.8 },
  /** The other half: mainstream and confident; they reach the waverers (0.1 + 0.2 - 0 > 0.2). */
  confident: { attitude: 0.1, uncertainty: 0.2 },
  /** The baseline's mu; 5 meetings a week for 20 weeks, long enough for the waverers to settle. */
  mu: 0.1,
  contactsPerWeek: 5,
  weeks: 20,
  seeds: 2,
} as const;

export interface MainstreamMeasure {
  setup: string;
  threshold: number;
  /** Mean attitude of everyone, of the radicals, of the waverers, of the other leanings. */
  meanAll: number;
  meanRadicals: number;
  meanWaverers: number;
  meanOthers: number;
  /** Highest final attitude of an agent of another leaning, over the seeds. */
  maxOthers: number;
}

/**
 * The population `setup` (roles by a seeded draw per agent) run with
 * `mainstreamThreshold` = `threshold`, every other setting as in `stageScenario`. Means over
 * the seeds.
 */
export function measureMainstream(setup: keyof typeof MAINSTREAM.setups, threshold: number): MainstreamMeasure {
  const M = MAINSTREAM;
  const { radicalShare, openShare } = M.setups[setup];
  const acc = { meanAll: 0, meanRadicals: 0, meanWaverers: Number.NaN, meanOthers: 0, maxOthers: 0 };
  for (let seed = 1; seed <= M.seeds; seed++) {
    const sim = new Simulation(
      stageScenario({
        seed,
        weeks: M.weeks,
        mu: M.mu,
        contactsPerWeek: M.contactsPerWeek,
        mainstreamThreshold: threshold,
      }),
    );
    const a = sim.world.agents;
    const rand = seeded('mainstream', 'roles', seed);
    const role = new Uint8Array(a.n); // 0 another leaning, 1 radical, 2 waverer
    for (let i = 0; i < a.n; i++) {
      const draw = rand();
      role[i] = a.leaning[i] === M.radicalLeaning ? (draw < radicalShare ? 1 : 2) : 0;
      const r = role[i] === 1 ? M.radical : role[i] === 2 ? M.waverer : draw < openShare ? M.open : M.confident;
      a.attitude[i] = r.attitude;
      a.uncertainty[i] = r.uncertainty;
    }
    sim.run();
    if (sim.world.renewed > 0) throw new Error('the mainstream runs must not renew agents');
    const sum = [0, 0, 0],
      count = [0, 0, 0];
    let all = 0,
      maxOthers = 0;
    for (let i = 0; i < a.n; i++) {
      sum[role[i]] += a.attitude[i];
      count[role[i]]++;
      all += a.attitude[i];
      if (role[i] === 0) maxOthers = Math.max(maxOthers, a.attitude[i]);
    }
    acc.meanAll += all / a.n / M.seeds;
    acc.meanOthers += sum[0] / count[0] / M.seeds;
    acc.meanRadicals += sum[1] / count[1] / M.seeds;
    if (count[2] > 0) acc.meanWaverers = (seed === 1 ? 0 : acc.meanWaverers) + sum[2] / count[2] / M.seeds;
    acc.maxOthers = Math.max(acc.maxOthers, maxOthers);
  }
  return { setup, threshold, ...acc };
}

// ---------------------------------------------------------------------------------------------
// Report (docs/validation.md quotes it):   npx tsx test/validation/stageRuns.ts
// ---------------------------------------------------------------------------------------------

function report(): void {
  const f = (v: number, d = 3): string => v.toFixed(d);
  const t0 = performance.now();
  const out: string[] = [
    `### Influence stage as Deffuant et al. 2002 (N=${STAGE.n}, ${STAGE.meanDegree} random ties each, mu=${RA.mu}, ue=${RA.ue}, cutoff +/-${RA.cutoff}, ${STAGE.seeds} seeds)`,
    '',
    `| regime | U | pe | delta | standalone mean y @${RA.iterations} it. (${RA.seeds} seeds) | stage mean y, ${STAGE.contactsPerWeek}/week @${RA.iterations} it. | y per seed | moderates with abs(x)<0.3, per seed | stage @500 it. | stage, 5/week @${RA.iterations} it. |`,
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const c of RA_CASES) {
    const m = measureStageRA(c);
    const short = measureStageRA(c, { iterations: 500 });
    const slow = measureStageRA(c, { contactsPerWeek: 5 });
    out.push(
      `| ${c.regime} (${c.name}) | ${c.U} | ${c.pe} | ${c.delta} | ${f(measureRA(c).mean)} | ${f(m.mean)} | ${m.ys.map((y) => f(y, 2)).join(' ')} | ${m.centralShare.map((s) => f(s, 2)).join(' ')} | ${f(short.mean)} | ${f(slow.mean)} |`,
    );
  }
  out.push(
    '',
    `### Mainstream rule (${MAINSTREAM.weeks} weeks, ${MAINSTREAM.contactsPerWeek} meetings a week, mu=${MAINSTREAM.mu}, ${MAINSTREAM.seeds} seeds; mean final attitudes)`,
    '',
    '| population | mainstreamThreshold | everyone | radicals | waverers | other leanings | other leanings, highest |',
    '|---|---|---|---|---|---|---|',
  );
  for (const setup of ['gate', 'moderation'] as const)
    for (const t of [0, MAINSTREAM.threshold, 1]) {
      const m = measureMainstream(setup, t);
      out.push(
        `| ${setup} | ${t} | ${f(m.meanAll)} | ${f(m.meanRadicals)} | ${Number.isNaN(m.meanWaverers) ? '-' : f(m.meanWaverers)} | ${f(m.meanOthers)} | ${f(m.maxOthers)} |`,
      );
    }
  out.push('', `(report computed in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  console.log(out.join('\n'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) report();
