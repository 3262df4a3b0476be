/**
 * The live-view calls of the simulation API (sim/api/host.ts): trace(ids) from a later week,
 * egoNetwork against the CSR, agentSample, phaseNetwork, pickPerson, and the macro log of state(); in the calling thread
 * and through comlink in a worker thread.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulationHost } from '../../sim/api/host.ts';
import type { Route, RouteEvent } from '../../sim/run/routes.ts';
import { Simulation } from '../../sim/run/simulation.ts';
import { loadScenarioFile } from '../../sim/scenario/file.ts';
import { spawnSimulationWorker } from '../../cli/pool.ts';

const BASELINE = fileURLToPath(new URL('../../scenarios/baseline.json', import.meta.url));
const loaded = loadScenarioFile(BASELINE, { agents: 3000, weeks: 90, seed: 11 });
// Entries into the sensitivity phase 20 times the baseline's, so that 300 traced people of 3,000
// change phase in 50 weeks (at the baseline's realistic prevalence almost none would).
const scenario = {
  ...loaded,
  phases: { ...loaded.phases, constants: { ...loaded.phases.constants, a01: 20 * loaded.phases.constants.a01 } },
};
const K = 40; // the week at which tracing starts
const IDS = Array.from({ length: 300 }, (_, k) => k * 10);

/** The reference: the same run with IDS traced from the start, a trigger fired after week 20. */
function tracedFromStart(): Simulation {
  // The host runs the burn-in on start; so does the reference, before its weeks are counted.
  const sim = new Simulation({ ...scenario, outputs: { routes: { ids: IDS, sample: 0 } } }).finishBurnIn();
  for (let w = 0; w < 20; w++) sim.step();
  sim.fireMacro('attackAbroad', 1);
  return sim.run();
}

function phaseAt(r: Route, week: number): number {
  let p = r.start.phase;
  for (const e of r.events) if (e.kind === 'phase' && e.week <= week) p = e.to;
  return p;
}

describe('trace(ids) from a later week', () => {
  const ref = tracedFromStart();
  const refRoutes = ref.world.record.routes.toJSON(ref.world.agents, ['city', 'region']);

  it('records the same events from that week on as tracing from the start, and does not change the run', async () => {
    const host = new SimulationHost();
    host.start(scenario);
    host.step(20);
    host.fireMacro('attackAbroad', 1);
    host.step(K - 20);
    expect(host.routes()).toEqual([]);
    expect(host.trace(IDS)).toEqual(IDS);
    expect(host.trace([IDS[0]])).toEqual([]); // already traced
    await host.runToEnd();
    const routes = host.routes();
    expect(routes.map((r) => r.id)).toEqual(IDS);
    let events = 0,
      phases = 0;
    for (const [k, r] of routes.entries()) {
      const want = refRoutes[k];
      expect(r.since).toBe(K);
      expect(want.since).toBe(0);
      expect(r.events).toEqual(want.events.filter((e: RouteEvent) => e.week > K));
      expect(r.profile).toEqual(want.profile);
      expect(r.start.phase).toBe(phaseAt(want, K));
      events += r.events.length;
      phases += r.events.filter((e) => e.kind === 'phase').length;
    }
    expect(events).toBeGreaterThan(0); // the comparison is not vacuous
    expect(phases).toBeGreaterThan(0);
    // The run itself is the same as without tracing.
    const s = host.series(['phase_1', 'phase_2', 'phase_3', 'macro_events']);
    for (const [c, col] of s.columns.entries()) {
      expect(Array.from(s.values[c])).toEqual(
        Array.from(ref.series.values[ref.series.columns.indexOf(col)].slice(0, s.weeks)),
      );
    }
    // routes(ids) filters.
    expect(host.routes([IDS[3], 1])).toEqual([routes[3]]);
  });

  it('rejects ids outside the population', () => {
    const host = new SimulationHost();
    host.start({ ...scenario, weeks: 2 });
    expect(() => host.trace([3000])).toThrow(/no agent 3000/);
    expect(() => host.trace([-1])).toThrow(/no agent/);
  });
});

describe('egoNetwork, agentSample and the macro log', () => {
  const sim = new Simulation(scenario).finishBurnIn();
  for (let w = 0; w < 30; w++) sim.step();
  const host = new SimulationHost();
  host.start(scenario);
  host.step(30);
  const net = sim.world.network;

  it('egoNetwork gives the CSR row of the person, with layers and current phases', () => {
    for (const id of [0, 1, 17, 1499, 2999]) {
      const ego = host.egoNetwork(id);
      const lo = net.offsets[id],
        hi = net.offsets[id + 1];
      expect(Array.from(ego.ids)).toEqual(Array.from(net.targets.slice(lo, hi)));
      expect(Array.from(ego.layer)).toEqual(Array.from(net.layer.slice(lo, hi)));
      expect(Array.from(ego.phases)).toEqual(Array.from(ego.ids, (j) => sim.world.agents.phase[j]));
      expect(ego.phase).toBe(sim.world.agents.phase[id]);
      expect(ego.layers).toEqual(['household', 'peer', 'neighbourhood', 'online']);
      expect(ego.week).toBe(30);
      expect(ego.second).toBeUndefined();
    }
    expect(() => host.egoNetwork(3000)).toThrow(/no agent/);
  });

  it('egoNetwork gives the second degree up to a cap', () => {
    const id = 17;
    const first = new Set(net.targets.slice(net.offsets[id], net.offsets[id + 1]));
    const all = new Set<number>();
    for (const j of first) for (let e = net.offsets[j]; e < net.offsets[j + 1]; e++) all.add(net.targets[e]);
    all.delete(id);
    for (const j of first) all.delete(j);
    const full = host.egoNetwork(id, { secondDegree: 100000 }).second!;
    expect(full.total).toBe(all.size);
    expect(new Set(full.ids)).toEqual(all);
    const ego = host.egoNetwork(id, { secondDegree: 5 });
    expect(ego.second!.ids.length).toBe(Math.min(5, all.size));
    expect(ego.second!.total).toBe(all.size);
    // Each second-degree person is tied to the neighbour named by `via`, in the layer given.
    for (let k = 0; k < full.ids.length; k++) {
      const via = host.egoNetwork(id).ids[full.via[k]];
      const row = Array.from(net.targets.slice(net.offsets[via], net.offsets[via + 1]));
      const e = row.indexOf(full.ids[k]);
      expect(e).toBeGreaterThanOrEqual(0);
      expect(full.layer[k]).toBe(net.layer[net.offsets[via] + e]);
    }
    const active = host.egoNetwork(id, { secondDegree: 100000, secondMinPhase: 1 }).second!;
    expect(active.total).toBe([...all].filter((x) => sim.world.agents.phase[x] >= 1).length);
  });

  it('agentSample takes every k-th agent with its phase, region and group', () => {
    const s = host.agentSample(1000)!;
    expect(s.stride).toBe(3);
    expect(s.n).toBe(3000);
    expect(s.ids.length).toBe(1000);
    expect(Array.from(s.ids.slice(0, 4))).toEqual([0, 3, 6, 9]);
    expect(Array.from(s.phase)).toEqual(Array.from(s.ids, (i) => sim.world.agents.phase[i]));
    expect(Array.from(s.region)).toEqual(Array.from(s.ids, (i) => sim.world.agents.region[i]));
    expect(Array.from(s.group)).toEqual(Array.from(s.ids, (i) => sim.world.agents.group[i]));
    expect(s.regions).toEqual(['city', 'region']);
    expect(new SimulationHost().agentSample(10)).toBeNull();
  });

  it('pickPerson finds the person a demo stop selects, over the whole population', () => {
    const a = sim.world.agents; // the same run as the host's (same scenario and seed)
    const top = Math.max(...a.phase);
    expect(top).toBeGreaterThan(0); // entries into a phase are 20 times the baseline's here
    const inPhase = host.pickPerson('highestPhase')!;
    expect(a.phase[inPhase]).toBe(top);
    for (let i = 0; i < a.n; i++)
      if (a.phase[i] === top) expect(a.recentTrigger[i]).toBeLessThanOrEqual(a.recentTrigger[inPhase]);
    const hit = host.pickPerson('mostTriggers')!;
    expect(a.recentTrigger[hit]).toBe(Math.max(...a.recentTrigger));
    expect(a.recentTrigger[hit]).toBeGreaterThan(0);
    expect(() => host.pickPerson('oldest' as 'highestPhase')).toThrow(/unknown selection "oldest".*highestPhase/);
  });

  it('phaseNetwork gives the people in a phase, their contacts and the ties among them, within the caps', () => {
    const a = sim.world.agents;
    const inPhase = Array.from(a.phase).filter((p) => p > 0).length;
    const cap = Math.max(1, Math.floor(inPhase / 2));
    const g = host.phaseNetwork(cap, 50);
    expect(g.totalInPhase).toBe(inPhase);
    expect(g.inPhase).toBe(Math.min(cap, inPhase));
    expect(g.ids.length - g.inPhase).toBe(Math.min(50, g.totalContacts));
    for (let k = 0; k < g.ids.length; k++) {
      expect(g.phase[k] > 0).toBe(k < g.inPhase);
      expect(g.phase[k]).toBe(a.phase[g.ids[k]]);
    }
    const tied = (i: number, j: number) => {
      for (let e = net.offsets[i]; e < net.offsets[i + 1]; e++) if (net.targets[e] === j) return true;
      return false;
    };
    expect(g.ties.length).toBeGreaterThan(0);
    for (let t = 0; t < g.ties.length; t += 2) {
      expect(tied(g.ids[g.ties[t]], g.ids[g.ties[t + 1]])).toBe(true);
      expect(Math.min(g.ties[t], g.ties[t + 1])).toBeLessThan(g.inPhase); // every tie touches a person in a phase
    }
    // Every drawn contact is tied to someone drawn in a phase.
    const touched = new Set<number>();
    for (let t = 0; t < g.ties.length; t++) touched.add(g.ties[t]);
    for (let k = g.inPhase; k < g.ids.length; k++) expect(touched.has(k)).toBe(true);
  });

  it('state() lists fired, scheduled and model macro events, pending then done', () => {
    const h = new SimulationHost();
    expect(h.state().macroLog).toEqual([]);
    h.start({
      ...scenario,
      weeks: 30,
      macro: { ...scenario.macro, schedule: [{ week: 12, type: 'war', strength: 0.5 }] },
    });
    h.step(4);
    h.fireMacro('polarisingEvent', 2);
    let log = h.state().macroLog;
    expect(log).toContainEqual({ week: 5, type: 'polarisingEvent', strength: 2, source: 'fired', status: 'pending' });
    expect(log).toContainEqual({ week: 12, type: 'war', strength: 0.5, source: 'schedule', status: 'pending' });
    expect(h.step(1)).toEqual({ week: 5, weeks: 30, done: false, cancelled: false }); // step stays lean
    log = h.state().macroLog;
    expect(log).toContainEqual({ week: 5, type: 'polarisingEvent', strength: 2, source: 'fired', status: 'done' });
    h.step(10);
    log = h.state().macroLog;
    expect(log).toContainEqual({ week: 12, type: 'war', strength: 0.5, source: 'schedule', status: 'done' });
    expect(log.every((e) => e.status === 'done')).toBe(true);
    const fromSummary = h.summary().macroEvents as { week: number; type: string; source: string }[];
    expect(log.map((e) => `${e.week}/${e.type}/${e.source}`)).toEqual(
      fromSummary.map((e) => `${e.week}/${e.type}/${e.source}`),
    );
  });

  it('series(columns, from) gives only the rows from that week on', () => {
    const all = host.series(['phase_1']);
    const tail = host.series(['phase_1'], 25);
    expect(tail.weeks).toBe(31);
    expect(Array.from(tail.values[0])).toEqual(Array.from(all.values[0].slice(25)));
  });
});

describe('the live-view calls in a worker thread through comlink', () => {
  let w: ReturnType<typeof spawnSimulationWorker>;
  beforeAll(() => {
    w = spawnSimulationWorker();
  });
  afterAll(async () => {
    await w.terminate();
  });

  it('gives typed arrays and the same routes as in the calling thread', async () => {
    const api = w.api;
    await api.start({ ...scenario, weeks: 50 });
    await api.step(K);
    expect(await api.trace([5, 50, 500])).toEqual([5, 50, 500]);
    await api.step(10);
    const sample = (await api.agentSample(500))!;
    expect(sample.phase).toBeInstanceOf(Uint8Array);
    expect(sample.ids.length).toBe(500);
    const ego = await api.egoNetwork(50, { secondDegree: 20 });
    expect(ego.ids).toBeInstanceOf(Int32Array);
    expect(ego.second!.ids.length).toBeLessThanOrEqual(20);
    const here = new SimulationHost();
    here.start({ ...scenario, weeks: 50 });
    here.step(K);
    here.trace([5, 50, 500]);
    here.step(10);
    expect(await api.routes()).toEqual(here.routes());
    expect(Array.from(ego.ids)).toEqual(Array.from(here.egoNetwork(50).ids));
    expect((await api.state()).macroLog).toEqual(here.state().macroLog);
  });
});
