/**
 * Deffuant, Neau, Amblard & Weisbuch (2000), "Mixing beliefs among interacting agents",
 * Advances in Complex Systems 3, 87-98: bounded confidence with random pair meetings. With
 * opinions uniform on [0, 1] the population ends in about floor(1/(2d)) major clusters, and in
 * consensus for d >= 0.5. Settings, seeds and measured values: docs/validation.md.
 */
import { describe, expect, it } from 'vitest';
import { deffuantUpdate } from '../../sim/influence/relativeAgreement.ts';
import { clusters, runDeffuant } from '../../sim/influence/standalone.ts';
import { DEFFUANT, measureDeffuant, seeded } from './report.ts';

describe('deffuantUpdate kernel', () => {
  it('moves both agents by mu times the difference when closer than d, symmetric and mass-conserving', () => {
    const x = new Float64Array([0.2, 0.5]);
    expect(deffuantUpdate(x, 0, 1, 0.4, 0.3)).toBe(true);
    expect(x[0]).toBeCloseTo(0.29, 12);
    expect(x[1]).toBeCloseTo(0.41, 12);
    expect(x[0] + x[1]).toBeCloseTo(0.7, 12);
  });

  it('meets at the mean with mu = 0.5, on Float32Array too', () => {
    const x = new Float32Array([0.25, 0.75]);
    expect(deffuantUpdate(x, 1, 0, 0.6, 0.5)).toBe(true);
    expect(x[0]).toBeCloseTo(0.5, 6);
    expect(x[1]).toBeCloseTo(0.5, 6);
  });

  it('leaves the pair unchanged at or beyond the threshold (strict |x_i - x_j| < d)', () => {
    const x = new Float64Array([0.25, 0.5]);
    expect(deffuantUpdate(x, 0, 1, 0.25, 0.5)).toBe(false);
    expect(deffuantUpdate(x, 0, 1, 0.1, 0.5)).toBe(false);
    expect(Array.from(x)).toEqual([0.25, 0.5]);
  });
});

describe('runDeffuant on a graph', () => {
  it('meetings follow the edges: two disconnected cliques reach two separate consensuses', () => {
    const n = 100;
    const half = n / 2;
    const offsets = new Uint32Array(n + 1);
    const neighbors = new Uint32Array(n * (half - 1));
    let w = 0;
    for (let i = 0; i < n; i++) {
      offsets[i] = w;
      const base = i < half ? 0 : half;
      for (let j = base; j < base + half; j++) if (j !== i) neighbors[w++] = j;
    }
    offsets[n] = w;
    const x0 = Float64Array.from({ length: n }, (_, k) => (k < half ? 0.1 : 0.6) + (k % 7) * 0.01);
    const x = runDeffuant({
      n,
      d: 1,
      mu: 0.5,
      steps: 50_000,
      rand: seeded('deffuant-graph', 0, 1),
      graph: { offsets, neighbors },
      x0,
    });
    const cs = clusters(x, 1e-6);
    expect(cs.map((c) => c.size)).toEqual([half, half]);
    // Each clique conserves its mean opinion (the pair update is mass-conserving).
    expect(cs[0].mean).toBeCloseTo(0.1294, 9);
    expect(cs[1].mean).toBeCloseTo(0.6296, 9);
  });
});

describe(`Deffuant et al. 2000: N=${DEFFUANT.n}, mu=${DEFFUANT.mu}, ${DEFFUANT.steps} pair meetings, ${DEFFUANT.seeds} seeds`, () => {
  // Tolerance. d = 0.1 and d = 0.25 sit exactly where 1/(2d) is an integer, i.e. on the border
  // between k and k-1 clusters, and minor clusters of >= 1% of the agents (the "wings") can form
  // between or beyond the major ones; so a single run may be off by one. We require every run
  // within +/-1 of floor(1/(2d)) and the mean over seeds within +/-0.75.
  for (const d of DEFFUANT.clusterDs) {
    it(`d = ${d}: about floor(1/(2d)) = ${Math.floor(1 / (2 * d) + 1e-9)} major clusters`, () => {
      const m = measureDeffuant(d);
      for (const c of m.counts) expect(Math.abs(c - m.expected)).toBeLessThanOrEqual(1);
      expect(Math.abs(m.mean - m.expected)).toBeLessThanOrEqual(0.75);
    });
  }

  it('fewer clusters as d grows (mean count non-increasing, 0.1 well above 0.3)', () => {
    const means = DEFFUANT.clusterDs.map((d) => measureDeffuant(d).mean);
    for (let k = 1; k < means.length; k++) expect(means[k]).toBeLessThanOrEqual(means[k - 1]);
    expect(means[0] - means[means.length - 1]).toBeGreaterThanOrEqual(2.5);
  });

  for (const d of DEFFUANT.consensusDs) {
    it(`d = ${d}: consensus, all ${DEFFUANT.n} agents in a single cluster`, () => {
      const m = measureDeffuant(d);
      for (const size of m.largest) expect(size).toBe(DEFFUANT.n);
      for (const k of m.allClusters) expect(k).toBe(1);
    });
  }
});
