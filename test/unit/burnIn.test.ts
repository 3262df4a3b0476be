/**
 * The burn-in and the restoring forces: weeks a user reads or schedules count from the end of
 * the burn-in; every library scenario runs its interventions after it; attitude (with its
 * uncertainty) and protective factors relax toward the set points with the scenario's half-lives;
 * a release can end the action phase.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROTECTIVE } from '../../sim/domain.ts';
import { RestoringStage } from '../../sim/model/restoring.ts';
import {
  SET_POINT_SCALE,
  SET_POINT_STRIDE,
  UNCERTAINTY_SET_POINT,
  UNCERTAINTY_SET_POINT_SCALE,
} from '../../sim/population/agents.ts';
import { Simulation } from '../../sim/run/simulation.ts';
import { loadScenarioFile } from '../../sim/scenario/file.ts';
import { validateScenario } from '../../sim/scenario/resolve.ts';
import { base, type Data } from './scenarioData.ts';

const DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const small = (over: Record<string, unknown> = {}) =>
  validateScenario({ ...structuredClone(base), agents: 2_000, weeks: 30, burnInWeeks: 40, ...over }, 'test');

describe('the burn-in', () => {
  it('runs before the observed weeks, which alone are recorded and count from its end', () => {
    const sim = new Simulation(small());
    expect(sim.week).toBe(-40);
    expect(sim.series.weeks).toBe(0);
    sim.finishBurnIn();
    expect(sim.week).toBe(0);
    expect(sim.series.weeks).toBe(1);
    sim.run();
    expect(sim.world.week).toBe(70);
    expect(sim.series.weeks).toBe(31);
    const week = sim.series.values[sim.series.columns.indexOf('week')];
    expect(Array.from(week)).toEqual(Array.from({ length: 31 }, (_, k) => k));
  });

  it('counts scheduled macro events, the macro log and routes from its end', () => {
    const data: Data = structuredClone(base);
    data.macro.schedule = [{ week: 5, type: 'war', strength: 1 }];
    const sim = new Simulation(
      validateScenario(
        { ...data, agents: 2_000, weeks: 30, burnInWeeks: 40, outputs: { routes: { ids: [], sample: 50 } } },
        'test',
      ),
    ).run();
    const log = sim.world.macro.log;
    expect(log.filter((e) => e.source === 'schedule').map((e) => e.week)).toEqual([5]);
    for (const e of log) expect(e.week).toBeGreaterThan(0);
    const routes = sim.world.record.routes.toJSON(sim.world.agents);
    expect(routes.length).toBe(50);
    for (const r of routes) for (const e of r.events) expect(e.week).toBeGreaterThanOrEqual(1);
    expect(routes.some((r) => r.events.length > 0)).toBe(true);
  });

  it('is deterministic: the same scenario gives the same observed run', () => {
    const a = new Simulation(small()).run(),
      b = new Simulation(small()).run();
    expect(a.summary()).toEqual(b.summary());
  });

  it('is rejected when burn-in and run together exceed 5,200 weeks', () => {
    expect(() => small({ weeks: 5000, burnInWeeks: 300 })).toThrow(/burnInWeeks \+ weeks must not exceed 5200/);
  });

  it('is in the baseline, and every library scenario starts its interventions after it', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const s = loadScenarioFile(`${DIR}${f}`);
      expect(s.burnInWeeks, f).toBeGreaterThan(0);
      // Programme weeks count from the end of the burn-in and start at 1 at the earliest.
      for (const p of s.interventions) expect(p.startWeek, `${f}: ${p.id}`).toBeGreaterThanOrEqual(1);
    }
  });

  it('starts no programme before its start week (counted after the burn-in)', () => {
    const s = loadScenarioFile(`${DIR}school-resilience.json`, { agents: 3_000, weeks: 20 });
    const late = { ...s, interventions: s.interventions.map((p) => ({ ...p, startWeek: 10 })) };
    const sim = new Simulation(late).run();
    const starts = sim.series.values[sim.series.columns.indexOf('intervention_starts')];
    expect(Array.from(starts.slice(0, 10)).every((x) => x === 0)).toBe(true);
    expect(starts.slice(10).reduce((x, y) => x + y, 0)).toBeGreaterThan(0);
  });
});

describe('the restoring forces', () => {
  it('halve the gap to the set points in the half-life (uncertainty with attitude)', () => {
    const s = small({
      restoring: { attitudeHalfLifeWeeks: 10, protectiveHalfLifeWeeks: 20, releaseDisengagement: 0.9 },
    });
    const sim = new Simulation(s);
    const w = sim.world,
      a = w.agents;
    const i = 7,
      o = SET_POINT_STRIDE * i;
    const spA = a.setPoints[o] / SET_POINT_SCALE,
      spR = a.setPoints[o + 1] / SET_POINT_SCALE;
    const spU = a.setPoints[o + UNCERTAINTY_SET_POINT] / UNCERTAINTY_SET_POINT_SCALE;
    expect(Math.abs(spA - a.attitude[i])).toBeLessThanOrEqual(0.5 / SET_POINT_SCALE + 1e-6);
    expect(Math.abs(spU - a.uncertainty[i])).toBeLessThanOrEqual(0.5 / UNCERTAINTY_SET_POINT_SCALE + 1e-6);
    a.attitude[i] = spA + 0.4;
    a.uncertainty[i] = spU - 0.2; // relative agreement with confident people lowers it
    a.protective.resilience[i] = spR - 0.3;
    // One slice a week (SLICES weeks' worth each time): the agent's slice comes once in SLICES weeks.
    const stage = new RestoringStage(w, sim.interventions);
    for (let k = 0; k < 20; k++) {
      w.week++;
      stage.step(w);
    }
    expect(a.attitude[i] - spA).toBeCloseTo(0.1, 5); // two half-lives
    expect(spU - a.uncertainty[i]).toBeCloseTo(0.05, 5); // the attitude's half-life
    for (let k = 0; k < 20; k++) {
      w.week++;
      stage.step(w);
    }
    expect(spR - a.protective.resilience[i]).toBeCloseTo(0.075, 5); // two half-lives
    // protection follows its four factors
    const mean = PROTECTIVE.slice(0, 4).reduce((t, k) => t + a.protective[k][i], 0) / 4;
    expect(a.protection[i]).toBeCloseTo(mean, 5);
  });

  it('end the action phase on release with the disengagement chance', () => {
    const run = (chance: number) => {
      const s = small({
        restoring: { attitudeHalfLifeWeeks: 52, protectiveHalfLifeWeeks: 104, releaseDisengagement: chance },
      });
      const sim = new Simulation(s).finishBurnIn();
      const w = sim.world,
        a = w.agents;
      const ids = [3, 4, 5, 6, 8];
      for (const i of ids) {
        if (a.group[i] >= 0) continue;
        a.phase[i] = 3;
        a.detainedUntil[i] = w.week + 1;
        w.active.add(i);
      }
      sim.step();
      return ids.filter((i) => a.group[i] < 0).map((i) => a.phase[i]);
    };
    expect(run(1).every((p) => p === 1)).toBe(true);
    expect(run(0).every((p) => p === 3)).toBe(true);
  });
});
