/**
 * Stylized facts 8, 9 and 10 of MODEL.md section 7: the harm of labelling false positives and
 * what transparency does to it, information sharing and standardised assessment in triage, and
 * cutting case capacity. Runs of 20,000 agents and 520 weeks after the burn-in, replicate r of
 * every scenario on seed r (common random numbers).
 *
 * At the calibrated defaults the PGA caseload is realistic (about 3 per 100,000): a run of
 * 20,000 agents includes about 7 people in ten years, almost none of them a false positive, and
 * even the cut case slots exceed the caseload. None of the three facts is detectable there at a
 * size the CI allows, so each is tested in a stated variant that raises the event rates (entry
 * into the sensitivity phase, and how often confused behaviour is taken for a signal) and
 * leaves the mechanism under test at its defaults: labelling, triage and case slots.
 * docs/validation.md gives the figures, the mutations and the minimum detectable effects at the
 * defaults.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { JUSTICE, NEED_STRIDE } from '../../sim/population/agents.ts';
import { seriesColumn } from '../../sim/run/series.ts';
import { Simulation } from '../../sim/run/simulation.ts';
import { scenarioVariant, variant } from './ensemble.ts';

/** Facts 9 and 10 compare counts and means per run: four seeds (see the tolerances). */
const SEEDS = [1, 2, 3, 4];
/** Fact 8 compares per-person outcomes of a cohort paired over three runs: two seeds suffice. */
const LABEL_SEEDS = [1, 2];
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * The caseload variant of facts 9 and 10: entry into the sensitivity phase ten times the
 * default (`a01` 0.0005 -> 0.005) and confused behaviour twenty times as visible
 * (`falseSignalShare` 0.005 -> 0.1). Triage then includes ~30 true and ~20 false positives a
 * run instead of ~6 and ~1, and 4-7 cases run at a time against 10 slots (50 per 100,000):
 * the caseload is close to the slots, so a cut to 15 per 100,000 (3 slots) binds. Triage probabilities, capacity and slots stay at
 * the defaults.
 */
const CASELOAD = {
  phases: { constants: { a01: 0.005 } },
  practice: { signals: { confusion: { falseSignalShare: 0.1 } } },
};
const runs: Record<string, Simulation[]> = {};
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
  for (const name of ['baseline', 'information-sharing', 'capacity-cut'])
    runs[name] = SEEDS.map((seed) => new Simulation({ ...scenarioVariant(name, CASELOAD), seed }).run());
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
      // transparent. Measured on seeds 1-2: opaque - none 0.236 and 0.235, transparent - none
      // 0.046 and 0.047, per person sd ~0.09, so the cohort means of ~230 people vary by
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
    // Measured on seeds 1-2: 101 later entries opaque, 64 transparent, 61 without harm (of 459).
    // Without harm the count is ~61 with a Poisson sd of ~8, so 1.5x (+31) is ~4 sd above it;
    // transparency must remove at least half of the opaque excess.
    expect(entries.opaque).toBeGreaterThan(1.5 * entries.noHarm);
    expect(entries.transparent - entries.noHarm).toBeLessThan(0.5 * (entries.opaque - entries.noHarm));
  });
});

describe('fact 9: information sharing and a standardised assessment (caseload variant)', () => {
  // The triage probabilities move from 0.645 to 0.9 (true) and from 0.204 to 0.075 (false).
  // Paired by seed the same people reach triage with the same draw, so inclusions move in one
  // direction. At the defaults a run has ~4 true and ~2 false inclusions: too few.
  // Measured: true 18, 47, 34, 31 -> 33, 65, 46, 44; false 21, 18, 20, 20 -> 7, 8, 3, 13.
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

describe('fact 10: cutting case capacity (caseload variant)', () => {
  it('lengthens the waiting list', () => {
    // Slots 50 -> 15 per 100,000 (10 -> 3 here). The variant's 4-7 cases fit in 10 slots (mean
    // list 0-0.6) but not in 3 (15.7-25.3). At the defaults ~0.7 cases run at a time and even 3
    // slots hold them: the cut's list is 0-0.09.
    const wait = (name: string) => runs[name].map((sim) => mean(sim, 'waiting_list'));
    SEEDS.forEach((_, r) => expect(wait('capacity-cut')[r]).toBeGreaterThan(wait('baseline')[r] + 5));
    expect(sum(wait('capacity-cut'))).toBeGreaterThan(5 * sum(wait('baseline')) + 20);
  });
});
