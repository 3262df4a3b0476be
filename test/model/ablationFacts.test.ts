/**
 * Stylized facts 1a and 3 of MODEL.md section 7, from ablation ensembles of the baseline
 * (4 seeds x 10,000 agents x 260 weeks per configuration). Replicate r of every configuration
 * uses seed r (common random numbers), so differences are paired.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mean, newEntries, runSeeds, sd, variant, without } from './ensemble.ts';

const SEEDS = [1, 2, 3, 4];
type Factor = 'pathology' | 'needs' | 'triggers';
const FACTORS: Factor[] = ['pathology', 'needs', 'triggers'];
const Y: Record<string, number[]> = {};
let pathologyExcess = 0;

function run(name: string, off: Factor[]): void {
  const sims = runSeeds(variant({ agents: 10_000, weeks: 260, ablation: without(...off) }), SEEDS);
  Y[name] = sims.map(newEntries);
  if (name === 'pathologyOnly') {
    // Entries among people with a condition beyond what the rate of those without predicts.
    for (const sim of sims) {
      const a = sim.world.agents;
      let inP = 0,
        nP = 0,
        inN = 0,
        nN = 0;
      for (let i = 0; i < a.n; i++) {
        const entered = a.firstSensitiveWeek[i] > sim.world.burnIn ? 1 : 0;
        if (a.pathologyAny[i] > 0) (inP += entered), nP++;
        else (inN += entered), nN++;
      }
      pathologyExcess += inP - (inN / nN) * nP;
    }
  }
}

beforeAll(() => {
  run('full', []);
  run('none', FACTORS);
  for (const f of FACTORS) {
    run(`no_${f}`, [f]);
    run(
      `${f}Only`,
      FACTORS.filter((g) => g !== f),
    );
  }
}, 900_000); // ensembles take minutes on a busy 2-core machine

describe('fact 1: pathology alone produces (almost) no radicalisation', () => {
  it('adds almost no entries when needs and triggers are off', () => {
    const full = mean(Y.full);
    // Fewer than 1% of the baseline's new entries happen at all, and pathology accounts for
    // at most one excess entry per replicate on average.
    expect(mean(Y.pathologyOnly)).toBeLessThan(0.01 * full);
    expect(pathologyExcess / SEEDS.length).toBeLessThan(1);
    expect(full).toBeGreaterThan(50); // the comparison is not vacuous
  });
});

describe('fact 3: the factor groups interact', () => {
  for (const f of FACTORS) {
    it(`${f}: removing it from the full model costs more than adding it alone brings`, () => {
      // Effect with the others present (full minus without f) against the additive share
      // (f alone minus none), per replicate; superadditivity if the first clearly exceeds the second.
      const diffs = SEEDS.map((_, r) => Y.full[r] - Y[`no_${f}`][r] - (Y[`${f}Only`][r] - Y.none[r]));
      const se = sd(diffs) / Math.sqrt(diffs.length);
      // Mean paired difference above zero by more than 2 standard errors (or above zero when
      // every replicate agrees exactly, se = 0).
      expect(mean(diffs)).toBeGreaterThan(2 * se);
      expect(Math.min(...diffs)).toBeGreaterThan(0);
    });
  }
});
