/**
 * Phase transitions (MODEL.md 4.6): competing weekly hazards between any two phases, each a
 * compiled scenario formula. One draw decides whether the agent moves this week
 * (chance 1 - exp(-sum of hazards)), a second picks where, in proportion to the hazards.
 * Negative or non-finite hazards count as 0, and a finite one above MAX_HAZARD (1e300) as
 * MAX_HAZARD, so that their sum stays finite (bindFormulaSet in sim/formula/compile.ts).
 */
import { bindFormulaSet, compileFormula, type CompiledFormula } from '../formula/compile.ts';
import { tickKey, tickUniform } from '../random/streams.ts';
import { bindVariable, FORMULA_VARIABLE_NAMES } from './variables.ts';
import type { TickModule } from './module.ts';
import type { Transitions } from './transitions.ts';
import type { World } from './world.ts';

export interface Hazard {
  readonly from: number;
  readonly to: number;
  readonly source: string;
  readonly rate: (i: number) => number;
}

/** The hazards out of one phase, evaluated together: `all(i, out)` writes each to out[k] and their sum to out[list.length]. */
export interface HazardSet {
  readonly list: readonly Hazard[];
  readonly all: (i: number, out: Float64Array) => void;
}

export function compileHazards(w: World): HazardSet[] {
  const s = w.scenario;
  const resolve = (name: string) => bindVariable(w, name);
  const byFrom: { hazard: Hazard; formula: CompiledFormula }[][] = [[], [], [], []];
  for (const [key, source] of Object.entries(s.phases.hazards)) {
    const [from, to] = key.split('->').map(Number);
    const formula = compileFormula(source, FORMULA_VARIABLE_NAMES, s.phases.constants);
    byFrom[from].push({ hazard: { from, to, source, rate: formula.bind(resolve) }, formula });
  }
  return byFrom.map((entries) => {
    entries.sort((x, y) => x.hazard.to - y.hazard.to);
    return {
      list: entries.map((e) => e.hazard),
      all: bindFormulaSet(
        entries.map((e) => e.formula),
        resolve,
      ),
    };
  });
}

export class PhaseStage implements TickModule {
  readonly name = 'phases';
  private readonly hazards: HazardSet[];
  /** Each hazard out of a phase, and their sum after the last one. */
  private readonly h: Float64Array;

  constructor(
    w: World,
    private readonly transitions: Transitions,
  ) {
    const hazards = (this.hazards = compileHazards(w));
    this.h = new Float64Array(Math.max(...hazards.map((set) => set.list.length)) + 1);
  }

  init(): void {}

  step(w: World): void {
    const hazards = this.hazards,
      h = this.h,
      transitions = this.transitions;
    const a = w.agents;
    const tk = tickKey(w.keys.phase, w.week);
    const detained = a.detainedUntil,
      phase = a.phase,
      weeks = a.weeksInPhase;
    // Most people are in phase 0: a call site of its own for their hazards, which V8 can inline
    // (the site shared by all phases reaches four evaluators and cannot).
    const all0 = hazards[0].all;
    for (let i = 0; i < a.n; i++) {
      if (detained[i] >= 0) continue;
      const from = phase[i];
      const set = hazards[from],
        list = set.list;
      if (from === 0) all0(i, h);
      else set.all(i, h);
      const total = h[list.length];
      weeks[i]++;
      if (total <= 0) continue;
      // 1 - exp(-total) <= total, so a draw at or above total needs no exp to say "no event".
      const u = tickUniform(tk, i, 0);
      if (u >= total || u >= 1 - Math.exp(-total)) continue;
      let r = tickUniform(tk, i, 1) * total;
      let chosen = 0;
      for (let k = 0; k < list.length; k++) {
        if (h[k] <= 0) continue;
        chosen = k;
        r -= h[k];
        if (r < 0) break;
      }
      transitions.move(w, i, from, list[chosen].to);
    }
  }
}
