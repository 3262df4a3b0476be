/**
 * Plans: replicate seeds, job ids and order, shard partitions, plan hashes, --vary paths and
 * sweep designs. No simulation runs here.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonicalJSON, hashText, hashValue } from '../../sim/ensemble/hash.ts';
import { getPath, parsePath, PathError, setPath } from '../../sim/ensemble/paths.ts';
import {
  createComparePlan,
  createSweepPlan,
  jobScenario,
  PlanError,
  planHash,
  planJobs,
  planTasks,
  pointData,
  type Plan,
} from '../../sim/ensemble/plan.ts';
import { parseShard, shardJobs } from '../../sim/ensemble/shard.ts';
import {
  availableOutcomes,
  computeOutcomes,
  DEFAULT_OUTCOMES,
  OUTCOMES,
  outcomeProblems,
} from '../../sim/ensemble/outcomes.ts';
import { replicateSeed, replicateSeeds } from '../../sim/ensemble/seeds.ts';
import { seriesColumns } from '../../sim/run/series.ts';
import { loadScenarioFile } from '../../sim/scenario/file.ts';

const BASELINE = fileURLToPath(new URL('../../scenarios/baseline.json', import.meta.url));
const NO_TRIGGERS = fileURLToPath(new URL('./fixtures/no-triggers.json', import.meta.url));
const base = loadScenarioFile(BASELINE, { agents: 500, weeks: 20 });
const noTriggers = loadScenarioFile(NO_TRIGGERS, { agents: 500, weeks: 20 });
const compare = (replicates = 4, extra = {}) =>
  createComparePlan(
    [
      { file: 'a/baseline.json', scenario: base },
      { file: 'b/no-triggers.json', scenario: noTriggers },
    ],
    { radsimVersion: 'test', replicates, ...extra },
  );

function planError(f: () => unknown): PlanError {
  try {
    f();
  } catch (err) {
    if (err instanceof PlanError) return err;
    throw err;
  }
  throw new Error('expected a PlanError');
}

describe('replicate seeds', () => {
  it('are the first 32 bits of seedrandom("<base>/replicate/<r>"), pinned', () => {
    // Pinned: changing the derivation changes every published ensemble, so it must be deliberate.
    expect(replicateSeeds(1, 4)).toEqual([1880584755, 955817434, 1199178111, 4175446750]);
    expect(replicateSeed(42, 0)).toBe(replicateSeed(42, 0));
    expect(replicateSeed(42, 0)).not.toBe(replicateSeed(43, 0));
  });

  it('are valid scenario seeds and distinct over many replicates', () => {
    const seeds = replicateSeeds(7, 1000);
    expect(new Set(seeds).size).toBe(1000);
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
  });

  it('reject bad input', () => {
    expect(() => replicateSeed(-1, 0)).toThrow(/base seed/);
    expect(() => replicateSeed(1, 1.5)).toThrow(/replicate/);
  });
});

describe('canonical JSON and hashes', () => {
  it('ignore key order and give 16 hex digits', () => {
    expect(canonicalJSON({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe('{"a":[1,{"c":3,"d":2}],"b":1}');
    expect(hashValue({ b: 1, a: 2 })).toBe(hashValue({ a: 2, b: 1 }));
    expect(hashText('radsim')).toMatch(/^[0-9a-f]{16}$/);
    expect(hashText('radsim')).not.toBe(hashText('radsin'));
  });
});

describe('comparison plans', () => {
  it('are deterministic and list jobs replicate-major with stable ids and shared seeds', () => {
    const a = compare();
    const b = compare();
    expect(a.hash).toBe(b.hash);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const jobs = planJobs(a);
    expect(jobs.map((j) => j.id)).toEqual([
      's00-r000',
      's01-r000',
      's00-r001',
      's01-r001',
      's00-r002',
      's01-r002',
      's00-r003',
      's01-r003',
    ]);
    expect(jobs.map((j) => j.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // Replicate r of every scenario gets the same seed: common random numbers.
    for (const j of jobs) expect(j.seed).toBe(replicateSeed(base.seed, j.replicate));
    expect(jobScenario(a, jobs[3]).seed).toBe(jobs[3].seed);
    expect(jobScenario(a, jobs[3]).ablation.microTriggers).toBe(false);
    expect(a.scenarios.map((s) => s.label)).toEqual(['baseline', 'no-triggers']);
  });

  it('hash everything that changes results, and not the file names', () => {
    const a = compare();
    expect(compare(5).hash).not.toBe(a.hash);
    expect(compare(4, { baseSeed: 9 }).hash).not.toBe(a.hash);
    expect(compare(4, { outcomes: ['ever_action'] }).hash).not.toBe(a.hash);
    const renamed = createComparePlan(
      [
        { file: 'elsewhere/x.json', scenario: base },
        { file: 'y.json', scenario: noTriggers },
      ],
      { radsimVersion: 'test', replicates: 4 },
    );
    expect(renamed.hash).toBe(a.hash);
    expect(planHash(JSON.parse(JSON.stringify(a)) as Plan)).toBe(a.hash);
  });

  it('refuse what cannot be compared, naming the problem', () => {
    expect(planError(() => compare(1)).message).toMatch(/at least 2 replicates/);
    expect(
      planError(() => createComparePlan([{ file: 'a.json', scenario: base }], { radsimVersion: 't', replicates: 3 }))
        .message,
    ).toMatch(/at least one scenario to compare/);
    expect(planError(() => compare(3, { outcomes: ['nonsense'] })).message).toMatch(
      /unknown outcome "nonsense"; known outcomes: ever_sensitive/,
    );
    expect(planError(() => compare(3, { series: ['no_such_column'] })).message).toMatch(
      /no series column\(s\) no_such_column/,
    );
    const longer = { ...noTriggers, weeks: 30 };
    expect(
      planError(() =>
        createComparePlan(
          [
            { file: 'a.json', scenario: base },
            { file: 'b.json', scenario: longer },
          ],
          { radsimVersion: 't', replicates: 3 },
        ),
      ).message,
    ).toMatch(/different numbers of weeks/);
  });

  it('make repeated scenario names unique with the file name', () => {
    const p = createComparePlan(
      [
        { file: 'x/one.json', scenario: base },
        { file: 'y/two.json', scenario: base },
      ],
      { radsimVersion: 't', replicates: 2 },
    );
    expect(p.scenarios.map((s) => s.label)).toEqual(['baseline (one.json)', 'baseline (two.json)']);
  });
});

describe('shards', () => {
  it('parse k/n with k counted from 0', () => {
    expect(parseShard('2/3')).toEqual({ k: 2, n: 3 });
    expect(() => parseShard('3/3')).toThrow(/k counts from 0/);
    expect(() => parseShard('1-3')).toThrow(/k\/n/);
    expect(() => parseShard('0/0')).toThrow(/at least 1/);
  });

  it('partition the jobs: every job in exactly one shard, for any n', () => {
    const jobs = planJobs(compare(7));
    for (const n of [1, 2, 3, 5, 14, 20]) {
      const seen = new Map<string, number>();
      for (let k = 0; k < n; k++) for (const j of shardJobs(jobs, { k, n })) seen.set(j.id, (seen.get(j.id) ?? 0) + 1);
      expect(seen.size).toBe(jobs.length);
      expect([...seen.values()].every((c) => c === 1)).toBe(true);
    }
    // Deterministic: the same shard twice is the same list.
    expect(shardJobs(jobs, { k: 1, n: 3 }).map((j) => j.id)).toEqual(shardJobs(jobs, { k: 1, n: 3 }).map((j) => j.id));
    expect(shardJobs(jobs, null)).toHaveLength(jobs.length);
  });
});

describe('scenario paths', () => {
  it('parse dots, indices and quoted keys', () => {
    expect(parsePath('influence.mu')).toEqual(['influence', 'mu']);
    expect(parsePath('regions[0].share')).toEqual(['regions', 0, 'share']);
    expect(parsePath('phases.hazards["0->1"]')).toEqual(['phases', 'hazards', '0->1']);
    expect(() => parsePath('a..b')).toThrow(PathError);
    expect(() => parsePath('a[x]')).toThrow(/neither an index nor a quoted key/);
  });

  it('read and set existing values only, naming what exists', () => {
    expect(getPath(base, 'influence.mu')).toBe(base.influence.mu);
    expect(getPath(base, 'regions[1].name')).toBe('region');
    expect(() => getPath(base, 'influence.muu')).toThrow(/influence has no field "muu"; its fields are .*"mu"/);
    expect(() => getPath(base, 'regions[5].share')).toThrow(/regions has 2 item\(s\), so \[5\] does not exist/);
    const changed = setPath(base, 'regions[0].share', 0.5);
    expect(changed.regions[0].share).toBe(0.5);
    expect(base.regions[0].share).toBe(0.6); // the original is untouched
  });
});

describe('sweep plans', () => {
  const sweep = (vary: string[], extra: { samples?: number; replicates?: number } = {}) =>
    createSweepPlan(
      { file: 'baseline.json', scenario: base },
      { radsimVersion: 'test', replicates: extra.replicates ?? 2, vary, samples: extra.samples },
    );

  it('build a full grid, first --vary slowest, with lists, lo:hi:n and true/false', () => {
    const p = sweep(['influence.mu=0.05,0.2', 'phases.constants.a01=0.001:0.003:3', 'ablation.groups=true,false']);
    expect(p.design).toBe('grid');
    expect(p.points).toHaveLength(12);
    expect(p.points.slice(0, 3)).toEqual([
      [0.05, 0.001, true],
      [0.05, 0.001, false],
      [0.05, 0.002, true],
    ]);
    expect(p.points[11]).toEqual([0.2, 0.003, false]);
    const jobs = planJobs(p);
    expect(jobs).toHaveLength(24);
    expect(jobs[13].id).toBe('p01-r001');
    const s = pointData(p, 11);
    expect([s.influence.mu, s.phases.constants.a01, s.ablation.groups]).toEqual([0.2, 0.003, false]);
    expect(jobScenario(p, jobs[13]).seed).toBe(replicateSeed(base.seed, 1));
  });

  it('build a reproducible Latin hypercube: one point per stratum and parameter', () => {
    const p = sweep(['influence.mu=0.05:0.25', 'action.arrestChance=0.2:0.8', 'ablation.groups=true,false'], {
      samples: 10,
    });
    const q = sweep(['influence.mu=0.05:0.25', 'action.arrestChance=0.2:0.8', 'ablation.groups=true,false'], {
      samples: 10,
    });
    expect(p.design).toBe('latin-hypercube');
    expect(q.points).toEqual(p.points);
    expect(q.hash).toBe(p.hash);
    const strata = (j: number, lo: number, hi: number) =>
      p.points.map((pt) => Math.min(9, Math.floor(((pt[j] as number) - lo) / ((hi - lo) / 10)))).sort((a, b) => a - b);
    expect(strata(0, 0.05, 0.25)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(strata(1, 0.2, 0.8)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(p.points.filter((pt) => pt[2] === true)).toHaveLength(5);
  });

  it('name an unknown path and what exists there', () => {
    const e = planError(() => sweep(['influence.muu=0.1,0.2']));
    expect(e.message).toMatch(/--vary influence\.muu: unknown path: influence has no field "muu"/);
  });

  it('refuse paths that are not numbers or true/false, and malformed values', () => {
    expect(planError(() => sweep(['influence.sources=1,2'])).message).toMatch(
      /is an object .* vary a number or true\/false inside it/,
    );
    expect(planError(() => sweep(['seed=1,2'])).message).toMatch(/the seed is not a parameter/);
    expect(planError(() => sweep(['influence.mu=0.1:0.2'])).message).toMatch(/lo:hi:n/);
    expect(planError(() => sweep(['influence.mu=0.1:0.2:3'], { samples: 5 })).message).toMatch(
      /give the range as lo:hi/,
    );
    expect(planError(() => sweep(['influence.mu=a,b'])).message).toMatch(/"a" is not a number/);
    expect(planError(() => sweep(['ablation.groups=1,0'])).message).toMatch(/true\/false/);
    expect(planError(() => sweep(['influence.mu=0.1', 'influence.mu=0.2'])).message).toMatch(/given twice/);
  });

  it('validate every point before anything runs, naming the invalid points', () => {
    const e = planError(() => sweep(['regions[0].share=0.6,0.9', 'influence.mu=-1,0.1']));
    expect(e.message).toMatch(/3 of 4 sweep point\(s\) are invalid/);
    expect(e.message).toMatch(/sweep point p00 \(regions\[0\]\.share=0\.6, influence\.mu=-1\)/);
    expect(e.message).toMatch(/sweep point p02 \(regions\[0\]\.share=0\.9, influence\.mu=-1\)/);
    expect(e.message).toMatch(/region shares must add up to 1/);
    expect(e.message).not.toMatch(/sweep point p01 /);
  });
});

describe('outcomes', () => {
  it('every outcome can be computed from the series the model records (contract with sim/run/series.ts)', () => {
    const cols = seriesColumns(base);
    expect(outcomeProblems(DEFAULT_OUTCOMES, cols)).toEqual([]);
    expect(availableOutcomes(cols)).toEqual([...DEFAULT_OUTCOMES]);
    expect(outcomeProblems(['false_positives'], ['week'])).toEqual([
      'outcome "false_positives" needs the series column(s) included_false, which this model does not record',
    ]);
    expect(availableOutcomes(['ever_phase_1', 'phase_1'])).toEqual(['ever_sensitive', 'final_phase_1']);
  });

  it('compute totals over all weeks and end values from a series', () => {
    const series = {
      columns: ['ever_phase_1', 'incidents', 'phase_3', 'hours_practice', 'hours_interventions'],
      values: [
        [1, 2, 5, 5],
        [0, 1, 0, 2],
        [0, 0, 1, 3],
        [1, 1, 1, 1],
        [0, 0.5, 0, 0],
      ],
      weeks: 4,
    };
    expect(computeOutcomes(['ever_sensitive', 'incidents', 'final_phase_3', 'cost_hours'], series)).toEqual({
      ever_sensitive: 5,
      incidents: 3,
      final_phase_3: 3,
      cost_hours: 4.5,
    });
    for (const d of Object.values(OUTCOMES)) {
      expect(d.label.en.length).toBeGreaterThan(0);
      expect(d.label.nl.length).toBeGreaterThan(0);
    }
  });
});

describe('branched plans', () => {
  const denser = { ...base, network: { ...base.network, peer: { ...base.network.peer, meanDegree: 9 } } };
  const pair = (b: typeof base, branchAt?: number | null) =>
    createComparePlan(
      [
        { file: 'a/baseline.json', scenario: base },
        { file: 'b/other.json', scenario: b },
      ],
      { radsimVersion: 'test', replicates: 4, branchAt },
    );
  const sweepOf = (vary: string[], branchAt?: number | null) =>
    createSweepPlan(
      { file: 'baseline.json', scenario: base },
      { radsimVersion: 'test', replicates: 2, vary, branchAt },
    );

  it('branch at the end of the burn-in by default, at a week asked for, or not at all; the branch is in the hash', () => {
    expect(base.burnInWeeks).toBeGreaterThan(0);
    expect(pair(noTriggers).branchAt).toBe(0);
    expect(pair(noTriggers, 5).branchAt).toBe(5);
    expect(pair(noTriggers, null).branchAt).toBeUndefined();
    expect(new Set([pair(noTriggers), pair(noTriggers, 5), pair(noTriggers, null)].map((p) => p.hash)).size).toBe(3);
    // Week 0 without a burn-in is the start: the same as no branch.
    const noBurn = { ...base, burnInWeeks: 0 };
    const p = createComparePlan(
      [
        { file: 'a.json', scenario: noBurn },
        { file: 'b.json', scenario: { ...noTriggers, burnInWeeks: 0 } },
      ],
      { radsimVersion: 'test', replicates: 2, branchAt: 0 },
    );
    expect(p.branchAt).toBeUndefined();
    expect(planError(() => pair(noTriggers, 20)).message).toContain('--branch-at must be a whole week from 0');
  });

  it('run a replicate as one task, and a comparison refuses a build-only field naming it and both values', () => {
    const p = pair(noTriggers);
    const tasks = planTasks(p, planJobs(p));
    expect(tasks.map((t) => [t.id, t.jobs.map((j) => j.id)])).toEqual(
      [0, 1, 2, 3].map((r) => [`r00${r}`, [`s00-r00${r}`, `s01-r00${r}`]]),
    );
    expect(planTasks(pair(noTriggers, null), planJobs(p)).length).toBe(8);
    expect(planError(() => pair(denser)).message).toContain(
      `b/other.json cannot continue the shared history of a/baseline.json: network.peer.meanDegree is ${base.network.peer.meanDegree} in a/baseline.json and 9 in b/other.json`,
    );
    expect(pair(denser, null).branchAt).toBeUndefined();
  });

  it('a sweep branches over dynamic parameters; over a build-only one it runs unbranched by default and refuses an explicit branch', () => {
    expect(sweepOf(['influence.mu=0.05,0.2']).branchAt).toBe(0);
    expect(sweepOf(['network.peer.meanDegree=4,8']).branchAt).toBeUndefined();
    expect(planError(() => sweepOf(['network.peer.meanDegree=4,8'], 0)).message).toContain(
      '--vary network.peer.meanDegree: fixed when the shared history is built',
    );
  });
});
