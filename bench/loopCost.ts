/**
 * What one pass over every agent costs, apart from the model: the figures of docs/performance.md
 * (section 3, third session) on why the per-agent cost hardly depends on N.
 *
 *   node --import tsx bench/loopCost.ts [--agents 10000,1000000]
 *
 * For each size: the relaxation loop of the needs stage (four needs, their mean and the four
 * comparisons of a dominant motive) as a plain function on random data, the same function on the
 * model's arrays after 100 weeks of the baseline; without the motive, on eight separate columns
 * and on the four needs and their baselines interleaved in one array; and the model's own needs
 * stage on that world;
 * and a Float32 copy loop over 64 MiB, for the streaming bandwidth a loop gets on this machine.
 * CPU time per agent (`process.cpuUsage`), best of 3.
 */
import { NeedsStage } from '../sim/model/needs.ts';
import { NEED_BASELINE, NEED_STRIDE } from '../sim/population/agents.ts';
import { Simulation } from '../sim/run/simulation.ts';
import { loadScenarioFile } from '../sim/scenario/file.ts';
import { BASELINE, parseArgs, table } from './lib/util.ts';

interface Columns {
  identity: Float32Array;
  justice: Float32Array;
  meaning: Float32Array;
  sensation: Float32Array;
  bId: Float32Array;
  bJu: Float32Array;
  bMe: Float32Array;
  bSe: Float32Array;
  needMean: Float32Array;
  motive: Uint8Array;
  member: Uint8Array;
  gi: Float32Array;
}

/** The needs stage's loop with the motive (as it was before the motive moved to its readers). */
function relax(c: Columns, n: number, rate: number): void {
  const { identity, justice, meaning, sensation, bId, bJu, bMe, bSe, needMean, motive, member, gi } = c;
  const mId = 0.5,
    mJu = 0,
    mMe = 0.4,
    mSe = 0.4,
    growth = 0.03;
  for (let i = 0; i < n; i++) {
    let g = 0;
    if (member[i]) g = gi[i] += growth * (1 - gi[i]);
    else if (gi[i] > 0) gi[i] *= 1 - growth;
    identity[i] += rate * (bId[i] * (1 - mId * g) - identity[i]);
    justice[i] += rate * (bJu[i] * (1 - mJu * g) - justice[i]);
    meaning[i] += rate * (bMe[i] * (1 - mMe * g) - meaning[i]);
    sensation[i] += rate * (bSe[i] * (1 - mSe * g) - sensation[i]);
    const ni = identity[i],
      nj = justice[i],
      nm = meaning[i],
      ns = sensation[i];
    needMean[i] = (ni + nj + nm + ns) * 0.25;
    let m = 0,
      best = ni;
    if (nj > best) (m = 1), (best = nj);
    if (nm > best) (m = 2), (best = nm);
    if (ns > best) m = 3;
    motive[i] = m;
  }
}

/** The same relaxation (without the motive) on the four needs and their baselines interleaved in one array. */
function relaxInterleaved(
  needs: Float32Array,
  needMean: Float32Array,
  member: Uint8Array,
  gi: Float32Array,
  n: number,
  rate: number,
): void {
  const mId = 0.5,
    mJu = 0,
    mMe = 0.4,
    mSe = 0.4,
    growth = 0.03;
  for (let i = 0, o = 0; i < n; i++, o += 8) {
    let g = 0;
    if (member[i]) g = gi[i] += growth * (1 - gi[i]);
    else if (gi[i] > 0) gi[i] *= 1 - growth;
    needs[o] += rate * (needs[o + 4] * (1 - mId * g) - needs[o]);
    needs[o + 1] += rate * (needs[o + 5] * (1 - mJu * g) - needs[o + 1]);
    needs[o + 2] += rate * (needs[o + 6] * (1 - mMe * g) - needs[o + 2]);
    needs[o + 3] += rate * (needs[o + 7] * (1 - mSe * g) - needs[o + 3]);
    needMean[i] = (needs[o] + needs[o + 1] + needs[o + 2] + needs[o + 3]) * 0.25;
  }
}

/** The relaxation without the motive, on separate columns. */
function relaxSeparate(c: Columns, n: number, rate: number): void {
  const { identity, justice, meaning, sensation, bId, bJu, bMe, bSe, needMean, member, gi } = c;
  const mId = 0.5,
    mJu = 0,
    mMe = 0.4,
    mSe = 0.4,
    growth = 0.03;
  for (let i = 0; i < n; i++) {
    let g = 0;
    if (member[i]) g = gi[i] += growth * (1 - gi[i]);
    else if (gi[i] > 0) gi[i] *= 1 - growth;
    identity[i] += rate * (bId[i] * (1 - mId * g) - identity[i]);
    justice[i] += rate * (bJu[i] * (1 - mJu * g) - justice[i]);
    meaning[i] += rate * (bMe[i] * (1 - mMe * g) - meaning[i]);
    sensation[i] += rate * (bSe[i] * (1 - mSe * g) - sensation[i]);
    needMean[i] = (identity[i] + justice[i] + meaning[i] + sensation[i]) * 0.25;
  }
}

function nsPerAgent(n: number, run: () => void): number {
  const reps = Math.max(5, Math.round(2e7 / n));
  for (let r = 0; r < Math.min(reps, 50); r++) run(); // warm-up
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const c = process.cpuUsage();
    for (let r = 0; r < reps; r++) run();
    const d = process.cpuUsage(c);
    best = Math.min(best, ((d.user + d.system) * 1000) / reps / n);
  }
  return best;
}

function randomColumns(n: number): Columns {
  const f = () => Float32Array.from({ length: n }, () => Math.random());
  return {
    identity: f(),
    justice: f(),
    meaning: f(),
    sensation: f(),
    bId: f(),
    bJu: f(),
    bMe: f(),
    bSe: f(),
    needMean: new Float32Array(n),
    motive: new Uint8Array(n),
    member: new Uint8Array(n),
    gi: new Float32Array(n),
  };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const sizes = String(args.agents ?? '10000,1000000')
    .split(',')
    .map(Number);
  const rows: (string | number)[][] = [];
  for (const n of sizes) {
    const random = randomColumns(n);
    const s = loadScenarioFile(BASELINE, { agents: n, weeks: 200 });
    const sim = new Simulation(s);
    for (let k = 0; k < 100; k++) sim.step();
    const a = sim.world.agents;
    // Copies of the model's values in separate columns, so the plain loop does not disturb the model's own stage.
    const column = (k: number) => Float32Array.from({ length: n }, (_, i) => a.needs[NEED_STRIDE * i + k]);
    const model: Columns = {
      identity: column(0),
      justice: column(1),
      meaning: column(2),
      sensation: column(3),
      bId: column(NEED_BASELINE),
      bJu: column(NEED_BASELINE + 1),
      bMe: column(NEED_BASELINE + 2),
      bSe: column(NEED_BASELINE + 3),
      needMean: a.needMean.slice(),
      motive: a.motive.slice(),
      member: sim.world.flags.member.slice(),
      gi: a.groupIdentification.slice(),
    };
    const stage = new NeedsStage(sim.world);
    const rate = s.needs.relaxRate;
    const interleaved = Float32Array.from({ length: 8 * n }, () => Math.random());
    rows.push([
      n,
      nsPerAgent(n, () => relax(random, n, rate)),
      nsPerAgent(n, () => relax(model, n, rate)),
      nsPerAgent(n, () => relaxSeparate(random, n, rate)),
      nsPerAgent(n, () => relaxInterleaved(interleaved, random.needMean, random.member, random.gi, n, rate)),
      nsPerAgent(n, () => stage.step(sim.world)),
    ]);
  }
  console.log('\nOne pass of the needs loop, ns per agent (CPU, best of 3)\n');
  console.log(
    table(
      [
        'agents',
        'with motive, random data',
        'with motive, model data (week 100)',
        'no motive, 8 columns',
        'no motive, interleaved',
        'model needs stage (current)',
      ],
      rows,
    ),
  );

  const m = 16 * 1024 * 1024,
    x = new Float32Array(m).fill(1),
    y = new Float32Array(m);
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    for (let r = 0; r < 5; r++) for (let i = 0; i < m; i++) y[i] = x[i] * 1.5;
    best = Math.min(best, (performance.now() - t) / 5);
  }
  console.log(`\nFloat32 copy loop over 64 MiB: ${((m * 8) / best / 1e6).toFixed(2)} GB/s read + written (best of 3)`);
}

main();
