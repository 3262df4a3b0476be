/**
 * The simulation API (sim/api/host.ts): the same calls give the same results in the calling
 * thread and in a worker thread through comlink, and the same results as the Simulation class.
 */
import { fileURLToPath } from 'node:url';
import { proxy } from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancelledError, SimulationHost } from '../../sim/api/host.ts';
import { computeOutcomes } from '../../sim/ensemble/outcomes.ts';
import { Simulation } from '../../sim/run/simulation.ts';
import { loadScenarioFile } from '../../sim/scenario/file.ts';
import { ScenarioError } from '../../sim/scenario/errors.ts';
import { InThreadRunner, spawnSimulationWorker, WorkerPool } from '../../cli/pool.ts';

const BASELINE = fileURLToPath(new URL('../../scenarios/baseline.json', import.meta.url));
const scenario = loadScenarioFile(BASELINE, { agents: 1500, weeks: 40, seed: 7 });
const traced = { ...scenario, outputs: { routes: { ids: [], sample: 5 } } };

/** The reference: the Simulation class directly, with a macro trigger fired after week 5. */
function direct() {
  // The host runs the burn-in on start; the reference does too before its weeks count.
  const sim = new Simulation(traced).finishBurnIn();
  for (let i = 0; i < 5; i++) sim.step();
  sim.fireMacro('war', 2);
  return sim.run();
}

describe('SimulationHost in the calling thread', () => {
  const ref = direct();

  it('start, step, fireMacro, runToEnd, series, routes and summary match the Simulation class', async () => {
    const host = new SimulationHost();
    const info = host.start(traced);
    expect(info).toMatchObject({ agents: 1500, weeks: 40, seed: 7 });
    expect(info.columns).toEqual(ref.series.columns);
    expect(info.macroTypes).toContain('war');
    expect(host.step(5)).toEqual({ week: 5, weeks: 40, done: false, cancelled: false });
    host.fireMacro('war', 2);
    const weeks: number[] = [];
    const end = await host.runToEnd((w) => weeks.push(w), 10);
    expect(end).toEqual({ week: 40, weeks: 40, done: true, cancelled: false });
    expect(weeks).toEqual([10, 20, 30, 40]);
    const s = host.series(['phase_1', 'incidents']);
    expect(s.weeks).toBe(41);
    expect(Array.from(s.values[0])).toEqual(
      Array.from(ref.series.values[ref.series.columns.indexOf('phase_1')].slice(0, 41)),
    );
    expect(host.routes()).toEqual(ref.world.record.routes.toJSON(ref.world.agents, ['city', 'region']));
    expect(host.routes()).toHaveLength(5);
    const summary = host.summary();
    expect(
      (summary.macroEvents as { source: string; type: string }[]).some((e) => e.source === 'fired' && e.type === 'war'),
    ).toBe(true);
    expect(Object.keys(summary).some((k) => /seconds/i.test(k))).toBe(false);
  });

  it('explains wrong calls', () => {
    const host = new SimulationHost();
    expect(() => host.step()).toThrow(/call start\(scenario\) first/);
    expect(() => host.start({ ...scenario, agents: -3 })).toThrow(ScenarioError);
    host.start(scenario);
    expect(() => host.fireMacro('alienInvasion')).toThrow(/unknown macro type "alienInvasion"/);
    expect(() => host.series(['nope'])).toThrow(/no series column "nope"/);
  });

  it('cancel stops runToEnd at a week boundary; continuing gives the same run', async () => {
    const host = new SimulationHost();
    host.start(scenario);
    const stopped = await host.runToEnd((w) => {
      if (w === 12) host.cancel();
    });
    expect(stopped).toMatchObject({ week: 12, done: false, cancelled: true });
    expect((await host.runToEnd()).done).toBe(true);
    const plain = new Simulation(scenario).run();
    expect(Array.from(host.series(['ever_phase_1']).values[0])).toEqual(
      Array.from(plain.series.values[plain.series.columns.indexOf('ever_phase_1')]),
    );
  });

  it('runJob returns the outcomes and series of a plain run, and throws CancelledError when cancelled', async () => {
    const host = new SimulationHost();
    const job = { id: 'j1', scenario, outcomes: ['ever_sensitive', 'incidents', 'cost_hours'], series: ['phase_3'] };
    const progress: number[] = [];
    const r = await host.runJob(job, (w) => progress.push(w));
    const plain = new Simulation(scenario).run();
    expect(r.outcomes).toEqual(computeOutcomes(job.outcomes, plain.series));
    expect(r.outcomes.ever_sensitive).toBe(plain.world.everSensitive);
    expect(Array.from(r.series.values[0])).toEqual(
      Array.from(plain.series.values[plain.series.columns.indexOf('phase_3')]),
    );
    expect(progress.at(-1)).toBe(40);
    const p = host.runJob({ ...job, id: 'j2' }, (w) => {
      if (w >= 2) host.cancel();
    });
    await expect(p).rejects.toThrow(CancelledError);
    await expect(host.runJob({ ...job, outcomes: ['nope'] })).rejects.toThrow(/unknown outcome "nope"/);
  });
});

describe('SimulationHost in a worker thread through comlink', () => {
  let w: ReturnType<typeof spawnSimulationWorker>;
  beforeAll(() => {
    w = spawnSimulationWorker();
  });
  afterAll(async () => {
    await w.terminate();
  });

  it('gives the same results as in the calling thread, with callbacks and transferred series', async () => {
    const ref = direct();
    const api = w.api;
    const info = await api.start(traced);
    expect(info.columns).toEqual(ref.series.columns);
    expect(await api.step(5)).toMatchObject({ week: 5 });
    await api.fireMacro('war', 2);
    const weeks: number[] = [];
    const end = await api.runToEnd(
      proxy((week: number) => void weeks.push(week)),
      8,
    );
    expect(end).toMatchObject({ week: 40, done: true });
    expect(weeks.at(-1)).toBe(40);
    const s = await api.series();
    expect(s.values[0]).toBeInstanceOf(Float64Array);
    expect(s.columns).toEqual(ref.series.columns);
    for (let c = 0; c < s.columns.length; c++)
      expect(Array.from(s.values[c])).toEqual(Array.from(ref.series.values[c]));
    expect(await api.routes()).toEqual(ref.world.record.routes.toJSON(ref.world.agents, ['city', 'region']));
    const here = new SimulationHost();
    here.start(traced);
    here.step(5);
    here.fireMacro('war', 2);
    await here.runToEnd();
    expect(await api.summary()).toEqual(here.summary());
  });

  it('cancels a running runToEnd from the calling thread', async () => {
    const api = w.api;
    await api.start({ ...scenario, weeks: 4900 }); // at most 5,200 with the burn-in
    const running = api.runToEnd();
    await new Promise((r) => setTimeout(r, 300));
    await api.cancel();
    const state = await running;
    expect(state.cancelled).toBe(true);
    expect(state.week).toBeGreaterThan(0);
    expect(state.week).toBeLessThan(4900);
  });

  it('runs ensemble jobs with the same results as the calling thread', async () => {
    const job = {
      id: 'j',
      scenario: { ...scenario, seed: 99 },
      outcomes: ['ever_sensitive', 'final_phase_1', 'false_positives'],
      series: ['phase_1', 'grievance'],
    };
    const here = await new SimulationHost().runJob(job);
    const there = await w.api.runJob(job);
    expect(there.outcomes).toEqual(here.outcomes);
    expect(there.series.values.map((v) => Array.from(v))).toEqual(here.series.values.map((v) => Array.from(v)));
    expect(there.summary).toEqual(here.summary);
  });
});

describe('job runners', () => {
  it('report a failing job by id and keep the results of the others, in a worker pool and in the calling thread', async () => {
    const good = { id: 'good', scenario: { ...scenario, weeks: 5 }, outcomes: ['ever_sensitive'], series: [] };
    const bad = { id: 'bad', scenario: { ...scenario, agents: 3 }, outcomes: ['ever_sensitive'], series: [] };
    for (const runner of [new WorkerPool(1), new InThreadRunner()]) {
      const done: string[] = [];
      const outcome = await runner.run([good, bad, good], { onDone: (job) => void done.push(job.id) });
      await runner.close();
      expect(done).toEqual(['good']);
      expect(outcome.error?.job).toBe('bad');
      expect(outcome.error?.error.message).toMatch(/job bad: invalid scenario[\s\S]*agents: must be >= 10/);
    }
  });
});
