/**
 * The life cycle every stage of the tick shares. A module is built once per simulation from the
 * world (which holds the validated scenario and each region's effective parameters), in the plan
 * of sim/run/simulation.ts; `init` then sets up its state, knowing the world and the whole plan;
 * `step` runs one week; `onRenew`, if a module declares it, hears that agent i has been replaced
 * by a newcomer (the life course's renewal), so the module can forget what it kept about them.
 *
 * Modules are classes, so a worker that runs one simulation after another keeps one set of
 * optimised code for their methods (docs/performance.md, section 6).
 */
import type { World } from './world.ts';

export interface TickModule {
  /** The stage's name in the plan, in the timings and in summary.json's stageSeconds. */
  readonly name: string;
  /** Called once, after every module of the plan is built and before the first week. */
  init(w: World, plan: readonly TickModule[]): void;
  /** One week of this stage. */
  step(w: World): void;
  /** Agent i left and a newcomer took its index (called by the life course during its step). */
  onRenew?(w: World, i: number): void;
}

/** The modules of a plan that declare `onRenew`. */
export function renewalHearers(plan: readonly TickModule[]): TickModule[] {
  return plan.filter((m) => m.onRenew !== undefined);
}
