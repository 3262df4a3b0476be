/**
 * Stylized facts 8, 9 and 10 of MODEL.md section 7: the harm of labelling false positives and
 * what transparency does to it, information sharing and standardised assessment in triage, and
 * cutting case capacity. Runs of 20,000 agents and 520 weeks after the burn-in, replicate r of
 * every scenario on seed r (common random numbers).
 *
 * At the calibrated defaults the PGA caseload is realistic (about 3 per 100,000): a run of
 * 20,000 agents includes about 7 people in ten years, almost none of them a false positive.
 * Facts 8 and 9 are not detectable there at a size the CI allows, so each is tested in a stated
 * variant that raises the event rates (entry into the sensitivity phase, and how often confused
 * behaviour is taken for a signal) and leaves the mechanism under test at its defaults:
 * labelling and triage. Fact 10 is tested at the defaults, at 100,000 agents: case slots are
 * sized to the caseload's peaks (10 per 100,000), so the library's cut to a third binds there.
 * docs/validation.md gives the figures, the mutations and the minimum detectable effects.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { JUSTICE, NEED_STRIDE } from '../../sim/population/agents.ts';
import { branchFrom, sharedHistory } from '../../sim/run/branch.ts';
import { seriesColumn } from '../../sim/run/series.ts';
import { Simulation } from '../../sim/run/simulation.ts';
import { scenarioVariant, variant } from './ensemble.ts';

/** Facts 9 and 10 compare counts and means per run: four seeds (see the tolerances). */
const SEEDS = [1, 2, 3, 4];
/** Fact 8 compares per-person outcomes of a cohort paired over three runs: two seeds suffice. */
const LABEL_SEEDS = [1, 2];
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * The caseload variant of fact 9: entry into the sensitivity phase ten times the default (`a01`
 * 0.0005 -> 0.005) and confused behaviour twenty times as visible (`falseSignalShare` 0.005 ->
 * 0.1). Triage then includes ~30 true and ~20 false positives a run instead of ~6 and ~1.
 * Triage probabilities and capacity stay at the defaults.
 */
const CASELOAD = {
  phases: { constants: { a01: 0.005 } },
  practice: { signals: { confusion: { falseSignalShare: 0.1 } } },
};
const runs: Record<string, Simulation[]> = {};
/** Fact 10 at the defaults: 100,000 agents, the library's size (docs/scenarios.md). */
const CASE_AGENTS = 100_000;
const capacity: Record<'baseline' | 'cut', Simulation[]> = { baseline: [], cut: [] };
const total = (sim: Simulation, column: string) => seriesColumn(sim.series, column).reduce((a, b) => a + b, 0);
const mean = (sim: Simulation, column: string) => total(sim, column) / sim.series.weeks;

/** No harm: full transparency that avoids all of the stigma (the one-off harm and the trigger). */
const NO_HARM = { practice: { labelling: { transparency: 1, transparencyProtection: 1 } } };
/**
 * The labelling variant of fact 8: entry into the sensitivity phase twelve times the default
 * (`a01` 0.0005 -> 0.006) and many more false positives (confused behaviour signalled more
 * often, triage including more of it), so that the labelled false positives are ~230 a run
 * instead of ~1 and 13-22% of them enter a phase later. Labelling itself (justiceRise, trustLoss,
 * transparency) is at the defaults.
 */
const RAISED = {
  phases: { constants: { a01: 0.006 } },
  practice: { signals: { confusion: { falseSignalShare: 0.6 } }, triage: { falsePositive: { base: 0.9 } } },
};
const labelling: Record<'opaque' | 'transparent' | 'noHarm', Simulation[]> = {
  opaque: [],
  transparent: [],
  noHarm: [],
};

beforeAll(() => {
  for (const name of ['baseline', 'information-sharing'])
    runs[name] = SEEDS.map((seed) => new Simulation({ ...scenarioVariant(name, CASELOAD), seed }).run());
  // Both arms continue the baseline's burn-in (as the library's compare does): the cut takes
  // effect at week 0, and the burn-in runs once per seed.
  for (const seed of SEEDS) {
    const size = { agents: CASE_AGENTS, seed };
    const history = sharedHistory(scenarioVariant('baseline', size), 0);
    capacity.baseline.push(branchFrom(history, scenarioVariant('baseline', size)).run());
    capacity.cut.push(branchFrom(history, scenarioVariant('capacity-cut', size)).run());
  }
  const inRaised = (l: Record<string, number>) =>
    LABEL_SEEDS.map((seed) =>
      new Simulation({ ...variant({ ...RAISED, practice: { ...RAISED.practice, labelling: l } }), seed }).run(),
    );
  labelling.opaque = inRaised({ transparency: 0 });
  labelling.transparent = inRaised({ transparency: 1 });
  labelling.noHarm = inRaised(NO_HARM.practice.labelling);
}, 1_800_000); // minutes on a busy 2-core machine

/**
 * The cohort: people labelled in the opaque run after the burn-in while they had not entered a
 * phase in the observed run (false positives then). The same ids in the other runs of the seed
 * are the same people, labelled in the same week unless the runs have diverged around them.
 */
function cohort(opaque: Simulation): number[] {
  const a = opaque.world.agents,
    burnIn = opaque.world.burnIn;
  const ids: number[] = [];
  for (let i = 0; i < a.n; i++) {
    const w = a.labelWeek[i];
    if (w >= burnIn && (a.firstSensitiveWeek[i] < 0 || a.firstSensitiveWeek[i] > w)) ids.push(i);
  }
  return ids;
}
const justice = (sim: Simulation, ids: number[]) =>
  sum(ids.map((i) => sim.world.agents.needs[NEED_STRIDE * i + JUSTICE])) / ids.length;
/** Cohort members who entered a phase after the week they were labelled in the opaque run. */
const laterEntries = (sim: Simulation, ids: number[], opaque: Simulation) =>
  ids.filter((i) => sim.world.agents.firstSensitiveWeek[i] > opaque.world.agents.labelWeek[i]).length;

describe('fact 8: labelling false positives harms them; transparency lowers the harm (labelling variant)', () => {
  it('raises the grievance (justice need) of labelled false positives, less with transparency', () => {
    let n = 0;
    LABEL_SEEDS.forEach((_, r) => {
      const ids = cohort(labelling.opaque[r]);
      n += ids.length;
      const opaque = justice(labelling.opaque[r], ids);
      const transparent = justice(labelling.transparent[r], ids);
      const none = justice(labelling.noHarm[r], ids);
      // The one-off harm adds justiceRise 0.15 to the justice baseline when opaque, 0.03 when
      // transparent. Measured on seeds 1-2: opaque - none 0.229 and 0.239, transparent - none
      // 0.046 and 0.051, per person sd ~0.09, so the cohort means of ~225 people vary by
      // ~0.006. Asked: at least 2/3 of the one-off rise when opaque, and transparency removing
      // at least half of the harm, in every replicate. At the defaults the cohort is 1-4 people
      // a run, too few for these comparisons.
      expect(opaque - none).toBeGreaterThan(0.1);
      expect(transparent - none).toBeLessThan(0.5 * (opaque - none));
      expect(transparent).toBeGreaterThan(none);
    });
    expect(n).toBeGreaterThan(300);
  });

  it('raises later radicalisation among them, less with transparency', () => {
    const entries = { opaque: 0, transparent: 0, noHarm: 0 };
    let n = 0;
    LABEL_SEEDS.forEach((_, r) => {
      const ids = cohort(labelling.opaque[r]);
      n += ids.length;
      for (const k of ['opaque', 'transparent', 'noHarm'] as const)
        entries[k] += laterEntries(labelling[k][r], ids, labelling.opaque[r]);
    });
    expect(n).toBeGreaterThan(300);
    // Measured on seeds 1-2: 98 later entries opaque, 67 transparent, 60 without harm (of 450).
    // Without harm the count is ~60 with a Poisson sd of ~8, so 1.5x (+30) is ~4 sd above it;
    // transparency must remove at least half of the opaque excess.
    expect(entries.opaque).toBeGreaterThan(1.5 * entries.noHarm);
    expect(entries.transparent - entries.noHarm).toBeLessThan(0.5 * (entries.opaque - entries.noHarm));
  });
});

describe('fact 9: information sharing and a standardised assessment (caseload variant)', () => {
  // The triage probabilities move from 0.645 to 0.9 (true) and from 0.204 to 0.075 (false).
  // Paired by seed the same people reach triage with the same draw, so inclusions move in one
  // direction. At the defaults a run has ~4 true and ~2 false inclusions: too few.
  // Measured: true 16, 46, 34, 33 -> 31, 64, 47, 45; false 19, 17, 20, 19 -> 6, 8, 3, 12.
  const tp = (name: string) => runs[name].map((sim) => total(sim, 'included_true'));
  const fp = (name: string) => runs[name].map((sim) => total(sim, 'included_false'));

  it('raise true positives in triage', () => {
    SEEDS.forEach((_, r) => expect(tp('information-sharing')[r]).toBeGreaterThanOrEqual(tp('baseline')[r]));
    // Expected ratio 1.40 (measured 1.45); on ~130 baseline inclusions the ratio's sd is ~0.17
    // unpaired, less paired, and 1.15 leaves room for it.
    expect(sum(tp('information-sharing'))).toBeGreaterThan(1.15 * sum(tp('baseline')));
  });

  it('lower false positives in triage', () => {
    SEEDS.forEach((_, r) => expect(fp('information-sharing')[r]).toBeLessThan(fp('baseline')[r]));
    // Expected ratio 0.37 (measured 0.39) on ~80 baseline inclusions (sd of the ratio ~0.08):
    // below 0.6.
    expect(sum(fp('information-sharing'))).toBeLessThan(0.6 * sum(fp('baseline')));
  });
});

describe('fact 10: cutting case capacity (defaults, 100,000 agents)', () => {
  // Slots 10 -> 3.33 per 100,000: city 6 -> 2, region 4 -> 1. About 3 cases run at a time per
  // 100,000, up to 8 in a week, so the baseline's slots hold them (a waiting list only in seed 4:
  // 0.015) and the cut's do not. Measured on seeds 1-4: mean waiting list 0, 0, 0, 0.015 -> 5.35,
  // 3.10, 1.34, 4.35; person-weeks in a case 1,712, 1,775, 1,437, 1,866 -> 1,384, 1,433, 1,203,
  // 1,440 (-19% to -24%). On the library's four seeds the cut's lists were 0.06 to 3.1 (mean
  // 1.0): over these 8 replicates the per-replicate rise has a mean of 2.3 and an sd of 2.0, so
  // a mean of 4 has an sd of ~1.0, and the threshold of 1 person is 2.5 sd below the rise of
  // seeds 1-4 (3.5) and 1.3 sd below that of the 8. Without a slot limit both arms are 0.
  const wait = (arm: 'baseline' | 'cut') => capacity[arm].map((sim) => mean(sim, 'waiting_list'));
  const inCase = (arm: 'baseline' | 'cut') => capacity[arm].map((sim) => total(sim, 'cases'));

  it('lengthens the waiting list', () => {
    SEEDS.forEach((_, r) => expect(wait('cut')[r]).toBeGreaterThan(wait('baseline')[r]));
    expect((sum(wait('cut')) - sum(wait('baseline'))) / SEEDS.length).toBeGreaterThan(1);
  });

  it('delays case starts: fewer person-weeks in a case', () => {
    SEEDS.forEach((_, r) => expect(inCase('cut')[r]).toBeLessThan(inCase('baseline')[r]));
    // Measured ratio 0.80; a tenth less is asked.
    expect(sum(inCase('cut'))).toBeLessThan(0.9 * sum(inCase('baseline')));
  });
});
