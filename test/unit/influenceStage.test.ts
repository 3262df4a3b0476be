/**
 * The influence stage processes agents in blocks (partners chosen, their cache lines touched,
 * then the meetings applied) and reads partners from a packed copy. That is a speed measure
 * only: it must give exactly what the plain loop, one agent at a time over the agent arrays,
 * gives. The reference below is that plain loop (the stage as it was before the blocks).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../sim/domain.ts';
import { relativeAgreementToward } from '../../sim/influence/relativeAgreement.ts';
import { InfluenceStage } from '../../sim/model/socialInfluence.ts';
import type { World } from '../../sim/model/world.ts';
import { agentBits, tickKey, tickUniform } from '../../sim/random/streams.ts';
import { Simulation } from '../../sim/run/simulation.ts';
import { loadScenarioFile } from '../../sim/scenario/file.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';

const BASELINE = fileURLToPath(new URL('../../scenarios/baseline.json', import.meta.url));

function referenceStage(s: Scenario) {
  const p = s.influence;
  const weights = Float32Array.from(LAYERS, (l) => s.network.weights[l]);
  const maxWeight = Math.max(...weights);
  const whole = Math.floor(p.contactsPerWeek),
    fraction = p.contactsPerWeek - whole;
  const reach = Float32Array.from(
    [
      0,
      p.sources.reach.jihadist,
      p.sources.reach.rightWing,
      p.sources.reach.leftWing,
      p.sources.reach.antiInstitutional,
    ],
    (r) => r * p.sources.amplification,
  );
  return (w: World): void => {
    const a = w.agents,
      net = w.network,
      g = w.groups;
    const x = a.attitude,
      u = a.uncertainty;
    const tk = tickKey(w.keys.influence, w.week),
      partnerTk = tickKey(w.keys.influencePartner, w.week);
    for (let i = 0; i < a.n; i++) {
      if (a.detainedUntil[i] >= 0) continue;
      const from = net.offsets[i],
        deg = net.offsets[i + 1] - from;
      const meetings = whole + (fraction > 0 && tickUniform(tk, i, 0) < fraction ? 1 : 0);
      for (let m = 0; m < meetings && deg > 0; m++) {
        let j = -1;
        for (let t = 0; t < 4; t++) {
          const bits = agentBits(partnerTk, i, m * 4 + t);
          const e = from + (((bits >>> 16) * deg) >>> 16);
          if ((bits & 0xffff) * maxWeight < weights[net.layer[e]] * 65536) {
            j = net.targets[e];
            break;
          }
        }
        if (j < 0 || a.detainedUntil[j] >= 0) continue;
        if (a.leaning[j] !== a.leaning[i] && x[j] >= p.mainstreamThreshold) continue;
        let mu = p.mu;
        if (a.group[i] >= 0 && a.group[i] === a.group[j])
          mu *= g.leader[a.group[i]] === i ? p.leaderConformity : p.followerConformity;
        if (mu > 1) mu = 1;
        relativeAgreementToward(x, u, i, x[j], u[j], mu);
      }
      const r = reach[a.leaning[i]] * a.online[i];
      if (r > 0 && tickUniform(tk, i, 1) < r)
        relativeAgreementToward(x, u, i, p.sources.attitude, p.sources.uncertainty, p.mu);
    }
  };
}

describe('influence stage', () => {
  // 2.5 contacts a week: whole and fractional meetings; every 7th agent detained; several
  // blocks of agents (3,000 > 512), and weeks into the run so groups and leaders exist.
  for (const contacts of [1, 2.5]) {
    it(`gives exactly the plain loop's attitudes and uncertainties (contactsPerWeek ${contacts})`, () => {
      const base = loadScenarioFile(BASELINE, { agents: 3000, weeks: 60, seed: 5 });
      const s: Scenario = { ...base, influence: { ...base.influence, contactsPerWeek: contacts } };
      const sim = new Simulation(s);
      for (let k = 0; k < 40; k++) sim.step();
      const w = sim.world,
        a = w.agents;
      for (let i = 0; i < a.n; i += 7) a.detainedUntil[i] = w.week + 10;
      const x0 = a.attitude.slice(),
        u0 = a.uncertainty.slice();
      const blocked = new InfluenceStage(w),
        plain = referenceStage(s);
      blocked.init(w);
      let moved = 0;
      for (let week = 0; week < 3; week++) {
        blocked.step(w);
        const xb = a.attitude.slice(),
          ub = a.uncertainty.slice();
        a.attitude.set(x0);
        a.uncertainty.set(u0);
        plain(w);
        expect(Array.from(xb)).toEqual(Array.from(a.attitude));
        expect(Array.from(ub)).toEqual(Array.from(a.uncertainty));
        for (let i = 0; i < a.n; i++) if (a.attitude[i] !== x0[i]) moved++;
        x0.set(a.attitude);
        u0.set(a.uncertainty);
        w.week++;
      }
      expect(moved).toBeGreaterThan(100); // the comparison is not of two runs where nothing happens
    });
  }
});
