/**
 * Snapshot and resume (sim/run/snapshot.ts): running weeks 0 to W gives the same outputs, byte
 * for byte, as running 0 to k, saving, loading and running k to W; the resumed world equals the
 * uninterrupted one field by field; a state of another format or another scenario is refused.
 */
import { fileURLToPath } from 'node:url';
import pkg from '../../package.json' with { type: 'json' };
import { beforeAll, describe, expect, it } from 'vitest';
import { SimulationHost } from '../../sim/api/host.ts';
import { seriesToCSV } from '../../sim/run/series.ts';
import { Simulation } from '../../sim/run/simulation.ts';
import { loadState, readStateHeader, saveState, StateError } from '../../sim/run/snapshot.ts';
import { loadBusy } from './busyPractice.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';

const HOLISTIC = fileURLToPath(new URL('../../scenarios/holistic-support.json', import.meta.url));
const W = 80;

function scenario(): Scenario {
  const s = loadBusy(HOLISTIC, { agents: 4_000, weeks: W, seed: 7 });
  return { ...s, outputs: { ...s.outputs, routes: { ids: [1, 2, 3], sample: 40 } } };
}

/** The outputs a run writes, without the timings. */
function outputs(sim: Simulation) {
  const { stageSeconds: _s, ...summary } = sim.summary() as Record<string, unknown>;
  return {
    csv: seriesToCSV(sim.series),
    summary: JSON.stringify(summary),
    routes: JSON.stringify(sim.world.record.routes.toJSON(sim.world.agents)),
  };
}

/** Runs to week k, saves, loads into a new simulation (the saved one is dropped) and runs on. */
function resumed(s: Scenario, k: number): { sim: Simulation; stocks: Record<string, number> } {
  const first = new Simulation(s);
  while (first.week < k) first.step();
  const stocks = { ...first.world.practiceStocks };
  const bytes = saveState(first);
  const sim = loadState(bytes);
  expect(sim.week).toBe(k);
  return { sim: sim.run(), stocks };
}

/**
 * Every own property of `a` and `b`, recursively, compared; returns the paths that differ.
 * Functions are compared by presence only (they are rebuilt); the stage timings are skipped.
 */
function differences(a: unknown, b: unknown, path: string, out: string[], seen = new Map<object, object>()): void {
  if (out.length > 20) return;
  if (typeof a === 'function' && typeof b === 'function') return;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    if (!Object.is(a, b)) out.push(`${path}: ${String(a)} vs ${String(b)}`);
    return;
  }
  if (seen.get(a) === b) return;
  seen.set(a, b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) {
    out.push(`${path}: ${a.constructor?.name} vs ${b.constructor?.name}`);
    return;
  }
  if (ArrayBuffer.isView(a)) {
    const x = a as unknown as ArrayLike<number>,
      y = b as unknown as ArrayLike<number>;
    if (x.length !== y.length) out.push(`${path}: length ${x.length} vs ${y.length}`);
    else
      for (let i = 0; i < x.length; i++)
        if (!Object.is(x[i], y[i])) {
          out.push(`${path}[${i}]: ${x[i]} vs ${y[i]}`);
          return;
        }
    return;
  }
  if (a instanceof Map && b instanceof Map) {
    const ka = [...a.keys()],
      kb = [...b.keys()];
    differences(ka, kb, `${path}.keys()`, out, seen);
    for (const k of ka) differences(a.get(k), b.get(k), `${path}.get(${String(k)})`, out, seen);
    return;
  }
  if (a instanceof Set && b instanceof Set) {
    differences([...a], [...b], `${path}.values()`, out, seen);
    return;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    if (!Object.hasOwn(a, k) || !Object.hasOwn(b, k)) out.push(`${path}.${k}: only on one side`);
    else differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out, seen);
  }
}

describe('snapshot and resume', () => {
  let s: Scenario;
  let whole: Simulation;
  let expected: ReturnType<typeof outputs>;

  beforeAll(() => {
    s = scenario();
    whole = new Simulation(s).run();
    expected = outputs(whole);
  });

  const ks = [0, 1, 30, 52, 79];
  let coveredOpenCases = false;
  for (const k of ks)
    it(`running 0..${k}, saving, loading and running ${k}..${W} gives the same outputs`, () => {
      const { sim, stocks } = resumed(s, k);
      if (stocks.cases > 0 && stocks.participants > 0) coveredOpenCases = true;
      const got = outputs(sim);
      expect(got.csv).toBe(expected.csv);
      expect(got.summary).toBe(expected.summary);
      expect(got.routes).toBe(expected.routes);
    });

  it('at least one of those weeks had open cases and running interventions', () => {
    expect(coveredOpenCases).toBe(true);
  });

  it('a loaded simulation equals the saved one field by field, and so does it after running on', () => {
    const saved = new Simulation(s);
    while (saved.week < 40) saved.step();
    expect(saved.world.practiceStocks.cases).toBeGreaterThan(0);
    const sim = loadState(saveState(saved));
    const compare = (a: Simulation, b: Simulation) => {
      const out: string[] = [];
      differences(a.world, b.world, 'world', out);
      a.stages.forEach((st, i) => differences(st.module, b.stages[i].module, `stages.${st.name}`, out));
      differences(a.series, b.series, 'series', out);
      return out;
    };
    expect(compare(saved, sim)).toEqual([]);
    expect(compare(whole, sim.run())).toEqual([]);
  });

  it('the header names the format, the radsim version, the scenario hash and the week', () => {
    const sim = new Simulation(s);
    while (sim.week < 5) sim.step(); // through the burn-in, then five weeks
    const h = readStateHeader(saveState(sim));
    expect(h).toMatchObject({ format: 1, radsimVersion: pkg.version, week: 5 });
    expect(h.scenarioHash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('refuses a state of another format version, naming both versions', () => {
    const bytes = saveState(new Simulation(s));
    new DataView(bytes.buffer).setUint32(8, 99, true);
    expect(() => loadState(bytes)).toThrow(StateError);
    expect(() => loadState(bytes)).toThrow(/format version 99; this radsim reads version 1/);
  });

  it('refuses a scenario whose model parameters differ, naming the paths', () => {
    const bytes = saveState(new Simulation(s));
    const other: Scenario = { ...s, seed: 8, groups: { ...s.groups, maxSize: s.groups.maxSize + 1 } };
    expect(() => loadState(bytes, { scenario: other })).toThrow(/differs .* in groups\.maxSize, seed/);
  });

  it('accepts a scenario that differs only in texts, outputs and weeks', () => {
    const bytes = saveState(new Simulation(s));
    const same: Scenario = {
      ...s,
      name: 'other name',
      description: { en: 'another text', nl: 'een andere tekst' },
      question: 'Another question?',
      triggers: {
        ...s.triggers,
        catalogue: s.triggers.catalogue.map((t, i) => (i === 0 ? { ...t, label: 'another label' } : t)),
      },
      weeks: 10,
      outputs: { ...s.outputs, routes: { ids: [], sample: 0 } },
    };
    expect(loadState(bytes, { scenario: same, weeks: 12 }).scenario.weeks).toBe(12);
  });

  it('refuses bytes that are not a state file', () => {
    expect(() => loadState(new TextEncoder().encode('{"not": "a state"}'))).toThrow(/not a radsim state file/);
  });

  it('the worker API keeps a run with saveState and continues it with loadState', async () => {
    const a = new SimulationHost();
    a.start(s);
    a.step(30);
    const bytes = a.saveState();
    const b = new SimulationHost();
    expect(b.loadState(bytes).weeks).toBe(W);
    expect(b.state().week).toBe(30);
    await b.runToEnd();
    const series = b.series();
    expect(series.weeks).toBe(W + 1);
    expect(series.values.map((v) => [...v])).toEqual(whole.series.values.map((v) => [...v.subarray(0, W + 1)]));
    expect(() => b.loadState(bytes, { scenario: { ...s, seed: 1 } })).toThrow(/differs .* in seed/);
  });

  it('a macro trigger fired just before saving takes effect in the loaded run as in the saved one', () => {
    const type = Object.keys(s.macro.types)[0];
    const go = (save: boolean) => {
      let sim = new Simulation(s);
      while (sim.week < 20) sim.step();
      sim.fireMacro(type, 2);
      if (save) sim = loadState(saveState(sim));
      return sim.run();
    };
    const fired = outputs(go(false));
    expect(fired.csv).not.toBe(expected.csv);
    expect(outputs(go(true))).toEqual(fired);
  });
});
