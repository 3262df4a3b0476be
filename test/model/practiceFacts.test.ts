/**
 * Stylized facts 8, 9 and 10 of MODEL.md section 7: the harm of labelling false positives and
 * what transparency does to it, information sharing and standardised assessment in triage, and
 * cutting case capacity. Runs of 20,000 agents and 520 weeks after the burn-in, replicate r of
 * every scenario on seed r (common random numbers).
 *
 * What is frequent enough at the defaults is tested there: the grievance of labelled false
 * positives, triage outcomes, the waiting list. Later radicalisation of the labelled and entries
 * into the action phase are too rare at the defaults (no later entry among ~25 labelled false
 * positives a run; about one entry into action a run), so they are tested in stated variants
 * that raise the entry hazards and leave the mechanism under test as it is. docs/validation.md
 * gives the figures, the mutations and the minimum detectable effects at the defaults.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { JUSTICE, NEED_STRIDE } from '../../sim/population/agents.ts';
import { Simulation } from '../../sim/run/simulation.ts';
import { variant } from './ensemble.ts';
import { runScenario, type RunOutcomes } from './scenarioRuns.ts';

const SEEDS = [1, 2, 3];
/** Fact 8 compares per-person outcomes of a cohort paired over three runs: two seeds suffice. */
const LABEL_SEEDS = [1, 2];
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

const runs: Record<string, RunOutcomes[]> = {};
type Labelling = Record<'opaque' | 'transparent' | 'noHarm', Simulation[]>;
const atDefaults: Labelling = { opaque: [], transparent: [], noHarm: [] };
const raised: Labelling = { opaque: [], transparent: [], noHarm: [] };

/** No harm: full transparency that avoids all of the stigma (the one-off harm and the trigger). */
const NO_HARM = { practice: { labelling: { transparency: 1, transparencyProtection: 1 } } };
/**
 * The later-radicalisation variant: entry into the sensitivity phase ten times the default
 * (`a01` 0.0006 -> 0.006) and more false positives (confused behaviour signalled more often,
 * triage including more of it), so that the labelled cohort is ~10x larger and ~15% of it enters
 * a phase later. Labelling itself (justiceRise, trustLoss, transparency) is at the defaults.
 */
const RAISED = {
  phases: { constants: { a01: 0.006 } },
  practice: { signals: { confusion: { falseSignalShare: 0.6 } }, triage: { falsePositive: { base: 0.9 } } },
};

beforeAll(() => {
  for (const name of ['baseline', 'information-sharing', 'capacity-cut'])
    runs[name] = SEEDS.map((seed) => runScenario(name, seed));
  atDefaults.opaque = LABEL_SEEDS.map((seed) => runScenario('opaque-process', seed).sim);
  atDefaults.transparent = LABEL_SEEDS.map((seed) => runScenario('transparent-process', seed).sim);
  atDefaults.noHarm = LABEL_SEEDS.map((seed) => new Simulation({ ...variant(NO_HARM), seed }).run());
  const inRaised = (labelling: Record<string, number>) =>
    LABEL_SEEDS.map((seed) =>
      new Simulation({ ...variant({ ...RAISED, practice: { ...RAISED.practice, labelling } }), seed }).run(),
    );
  raised.opaque = inRaised({ transparency: 0 });
  raised.transparent = inRaised({ transparency: 1 });
  raised.noHarm = inRaised(NO_HARM.practice.labelling);
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

describe('fact 8: labelling false positives harms them; transparency lowers the harm', () => {
  it('raises the grievance (justice need) of labelled false positives, less with transparency (defaults)', () => {
    let n = 0;
    LABEL_SEEDS.forEach((_, r) => {
      const ids = cohort(atDefaults.opaque[r]);
      n += ids.length;
      const opaque = justice(atDefaults.opaque[r], ids);
      const transparent = justice(atDefaults.transparent[r], ids);
      const none = justice(atDefaults.noHarm[r], ids);
      // The one-off harm adds justiceRise 0.15 to the justice baseline when opaque, 0.03 when
      // transparent. Measured: opaque - none 0.23-0.24, transparent - none ~0.05, with the
      // cohort means' paired spread well under 0.01. Asked: at least 2/3 of the one-off rise
      // when opaque, and transparency removing at least half of the harm, in every replicate.
      expect(opaque - none).toBeGreaterThan(0.1);
      expect(transparent - none).toBeLessThan(0.5 * (opaque - none));
      expect(transparent).toBeGreaterThan(none);
    });
    expect(n).toBeGreaterThan(40); // ~25 labelled false positives a run at the defaults
  });

  it('raises later radicalisation among them, less with transparency (raised-entry variant)', () => {
    const entries = { opaque: 0, transparent: 0, noHarm: 0 };
    let n = 0;
    LABEL_SEEDS.forEach((_, r) => {
      const ids = cohort(raised.opaque[r]);
      n += ids.length;
      for (const k of ['opaque', 'transparent', 'noHarm'] as const)
        entries[k] += laterEntries(raised[k][r], ids, raised.opaque[r]);
    });
    expect(n).toBeGreaterThan(300);
    // Measured on seeds 1-2: 80 later entries opaque, 43 transparent, 37 without harm (of 456).
    // Without harm the count is ~37 with a Poisson sd of ~6, so 1.5x (+18) is 3 sd above it;
    // transparency must remove at least half of the opaque excess.
    expect(entries.opaque).toBeGreaterThan(1.5 * entries.noHarm);
    expect(entries.transparent - entries.noHarm).toBeLessThan(0.5 * (entries.opaque - entries.noHarm));
  });
});

describe('fact 9: information sharing and a standardised assessment', () => {
  // The triage probabilities move from 0.645 to 0.9 (true) and from 0.204 to 0.075 (false).
  // Paired by seed the same people reach triage with the same draw, so inclusions move in one
  // direction; per replicate ~10 true and ~30 false inclusions at the defaults.
  const tp = (name: string) => runs[name].map((r) => r.total('included_true'));
  const fp = (name: string) => runs[name].map((r) => r.total('included_false'));

  it('raise true positives in triage', () => {
    SEEDS.forEach((_, r) => expect(tp('information-sharing')[r]).toBeGreaterThanOrEqual(tp('baseline')[r]));
    // Expected ratio 1.40; 1.15 leaves room for the ~40 baseline inclusions' noise.
    expect(sum(tp('information-sharing'))).toBeGreaterThan(1.15 * sum(tp('baseline')));
  });

  it('lower false positives in triage', () => {
    SEEDS.forEach((_, r) => expect(fp('information-sharing')[r]).toBeLessThan(fp('baseline')[r]));
    // Expected ratio 0.37 on ~120 baseline inclusions (sd of the ratio ~0.07): below 0.6.
    expect(sum(fp('information-sharing'))).toBeLessThan(0.6 * sum(fp('baseline')));
  });
});

describe('fact 10: cutting case capacity', () => {
  it('lengthens the waiting list (defaults)', () => {
    // Slots 50 -> 15 per 100,000 (10 -> 3 here). At the defaults the cases (~4 a week) fit in
    // 10 slots, so the baseline list is ~0; with 3 slots it holds ~19 on average.
    const wait = (name: string) => runs[name].map((r) => r.mean('waiting_list'));
    SEEDS.forEach((_, r) => expect(wait('capacity-cut')[r]).toBeGreaterThan(wait('baseline')[r] + 5));
    expect(sum(wait('capacity-cut'))).toBeGreaterThan(5 * sum(wait('baseline')) + 20);
  });
});
