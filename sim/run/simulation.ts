/**
 * A simulation: builds the world from a validated scenario and runs the tick, an ordered plan
 * of named stages in the order of MODEL.md section 4, timing each stage. Every stage is a module
 * (sim/model/module.ts): built in createPlan, set up by `init` before the first week, `step`
 * once a week.
 *
 *   macro triggers -> recruitment ties -> micro/meso triggers (with susceptibility)
 *   -> social influence -> needs -> restoring forces -> ageing -> phase transitions -> action
 *   -> practice -> interventions -> record the week
 *
 * A burn-in of `burnInWeeks` runs first, unrecorded: the series, the summary and the routes
 * start at its end (week 0), which is where scheduled weeks count from too.
 */
import { demographicCell } from '../domain.ts';
import { fixedShape } from '../fixedShape.ts';
import { ActionStage } from '../model/action.ts';
import { createGroups, GroupTiesStage } from '../model/groups.ts';
import { Interventions } from '../model/interventions.ts';
import { LifecourseStage } from '../model/lifecourse.ts';
import { createMacroState, MacroStage, queueMacro } from '../model/macro.ts';
import type { TickModule } from '../model/module.ts';
import { NeedsStage } from '../model/needs.ts';
import { PhaseStage } from '../model/phases.ts';
import { PracticeStage } from '../model/practice.ts';
import { InfluenceStage, type InfluenceListener } from '../model/socialInfluence.ts';
import { RestoringStage } from '../model/restoring.ts';
import { SparseSet } from '../model/sparseSet.ts';
import { createTickRecord, resetTickRecord } from '../model/tickRecord.ts';
import { Transitions } from '../model/transitions.ts';
import { TriggerStage } from '../model/triggers.ts';
import { PURPOSES, type Purpose, type World } from '../model/world.ts';
import { buildNetwork } from '../network/build.ts';
import type { Network } from '../network/csr.ts';
import { NEED_BASELINE, NEED_STRIDE } from '../population/agents.ts';
import { buildPopulation, type Population } from '../population/build.ts';
import { purposeKey, stream } from '../random/streams.ts';
import { regionParams } from '../scenario/regions.ts';
import type { Scenario } from '../scenario/schema.ts';
import { runSummary } from '../output/runSummary.ts';
import { RouteLog } from './routes.ts';
import { createSeries, recordWeek, type Series } from './series.ts';

/** A stage of the plan: its module, and the time spent in it. */
export interface Stage {
  readonly name: string;
  readonly module: TickModule;
  /** Total milliseconds spent in this stage. */
  ms: number;
}

export interface SimulationOptions {
  /** Observes every influence step between members of the same group (for analysis). */
  onGroupInfluence?: InfluenceListener;
  /** Injected clock for stage timing; defaults to performance.now where it exists. */
  now?: () => number;
  /**
   * The population and network, already made (a snapshot's, sim/run/snapshot.ts), in place of
   * building them from the scenario: the slow part of the build, and state the snapshot restores.
   */
  prebuilt?: Population & { readonly network: Network };
}

export class Simulation {
  readonly world: World;
  readonly series: Series;
  readonly stages: Stage[];
  readonly interventions: Interventions;
  readonly buildMs: number;
  private readonly now: () => number;
  private started = false;

  constructor(
    readonly scenario: Scenario,
    options: SimulationOptions = {},
  ) {
    this.now = options.now ?? (() => globalThis.performance?.now() ?? 0);
    const t0 = this.now();
    this.world = createWorld(scenario, options.prebuilt);
    this.series = createSeries(scenario);
    const plan = createPlan(this.world, options);
    this.interventions = plan.interventions;
    this.stages = plan.modules.map((module) => ({ name: module.name, module, ms: 0 }));
    if (this.world.burnIn === 0) this.startObserving();
    this.buildMs = this.now() - t0;
  }

  /** Weeks since the end of the burn-in (negative during it). */
  get week(): number {
    return this.world.week - this.world.burnIn;
  }

  get done(): boolean {
    return this.week >= this.scenario.weeks;
  }

  /**
   * Sets up every module's state, in plan order, before the first week (the first `step` does
   * it). Not in the constructor: the per-agent state of the stages is part of a running model,
   * not of the build, in the timings and in the memory figures.
   */
  start(): void {
    if (this.started) return;
    this.started = true;
    const plan = this.stages.map((st) => st.module);
    for (const m of plan) m.init(this.world, plan);
  }

  /** Runs one week (of the burn-in first, then of the observed run). */
  step(): void {
    if (this.done) return;
    if (!this.started) this.start();
    const w = this.world;
    w.week++;
    resetTickRecord(w.record);
    for (const stage of this.stages) {
      const t = this.now();
      stage.module.step(w);
      stage.ms += this.now() - t;
    }
    if (w.week === w.burnIn) this.startObserving();
    else if (w.week > w.burnIn) recordWeek(this.series, w);
  }

  /**
   * Week 0 of the observed run: after a burn-in the run starts afresh from the state it left,
   * as a run without one starts from the built population: who is in a phase counts as having
   * entered it at week 0, and earlier history (first entries, highest phase) is forgotten.
   */
  private startObserving(): void {
    const w = this.world,
      a = w.agents;
    if (w.burnIn > 0) {
      w.everSensitive = w.everAction = w.renewed = 0;
      w.macro.log.length = 0;
      for (let i = 0; i < a.n; i++) {
        const p = a.phase[i];
        a.maxPhase[i] = p;
        a.firstSensitiveWeek[i] = p > 0 ? w.week : -1;
        if (p > 0) w.everSensitive++;
        if (p === 3) w.everAction++;
      }
    }
    recordWeek(this.series, w);
    w.record.routes.captureStart(a);
  }

  /** Runs the rest of the burn-in, so that week 0 is recorded. */
  finishBurnIn(): this {
    while (this.week < 0) this.step();
    return this;
  }

  /** Runs to the end, calling `onWeek` after each week (for progress; negative during the burn-in). */
  run(onWeek?: (week: number) => void): this {
    while (!this.done) {
      this.step();
      onWeek?.(this.week);
    }
    return this;
  }

  /** Fires a macro trigger live; it takes effect at the start of the next week. */
  fireMacro(type: string, strength = 1): void {
    if (!Object.hasOwn(this.scenario.macro.types, type)) {
      throw new Error(
        `unknown macro type "${type}"; defined types: ${Object.keys(this.scenario.macro.types).join(', ')}`,
      );
    }
    if (!(strength >= 0)) throw new Error(`macro strength must be a number >= 0, got ${strength}`);
    queueMacro(this.world.macro, { type, strength, source: 'fired' }, this.world.week + 1);
  }

  /**
   * Starts recording the routes of `ids` from the current week on (no replay): their events of
   * the following weeks, with their state now as the route's start (`Route.since`, `Route.start`).
   * The model does not read the traced flags, so tracing never changes a run.
   */
  trace(ids: readonly number[]): number[] {
    const n = this.world.agents.n;
    for (const id of ids)
      if (!Number.isInteger(id) || id < 0 || id >= n) throw new Error(`no agent ${id}: ids run from 0 to ${n - 1}`);
    const added = this.world.record.routes.trace(ids, this.week, this.world.agents);
    for (const id of added) this.world.record.traced[id] = 1;
    return added;
  }

  /** Final counts and totals for summary.json. */
  summary(): Record<string, unknown> {
    return runSummary(this.scenario, this.series, this.world);
  }
}

function createWorld(s: Scenario, prebuilt?: SimulationOptions['prebuilt']): World {
  const { agents, layout } = prebuilt ?? buildPopulation(s);
  const network = prebuilt?.network ?? buildNetwork(s, agents, layout);
  const n = agents.n;
  // The flags that follow from age and education, in a plain loop (TypedArray.from with a
  // mapping function took about 0.2 s per array at 1M agents).
  const adolescent = new Uint8Array(n),
    eduLow = new Uint8Array(n),
    eduHigh = new Uint8Array(n),
    cell = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const age = agents.age[i],
      edu = agents.education[i];
    adolescent[i] = age < 18 ? 1 : 0;
    eduLow[i] = edu === 0 ? 1 : 0;
    eduHigh[i] = edu === 2 ? 1 : 0;
    cell[i] = demographicCell(age, agents.male[i], edu);
  }
  const keys = fixedShape(
    Object.fromEntries(PURPOSES.map((p) => [p, purposeKey(s.seed, `tick/${p}`)])) as Record<Purpose, number>,
  );
  const routes = new RouteLog([...s.outputs.routes.ids, ...sampleIds(s)]);
  routes.burnIn = s.burnInWeeks;
  const world: World = fixedShape({
    scenario: s,
    regions: regionParams(s),
    agents,
    layout,
    network,
    flags: fixedShape({
      member: new Uint8Array(n),
      leader: new Uint8Array(n),
      adolescent,
      eduLow,
      eduHigh,
      cell,
      caseActive: new Uint8Array(n),
    }),
    groups: createGroups(),
    macro: createMacroState(),
    keys,
    zeros: new Float32Array(n),
    record: createTickRecord(n, routes),
    active: new SparseSet(n),
    everSensitive: 0,
    everAction: 0,
    renewed: 0,
    practiceStocks: { triageQueue: 0, waitingList: 0, cases: 0, participants: 0 },
    week: 0,
    burnIn: s.burnInWeeks,
  });
  for (let i = 0; i < n; i++) {
    if (agents.phase[i] > 0) {
      world.active.add(i);
      world.everSensitive++;
    }
  }
  if (!s.ablation.needs) {
    // No unmet needs: current needs and their mean read zero; the dominant motive keeps the one
    // of the personal baseline, which the susceptibility table still uses.
    for (let i = 0; i < agents.n; i++) agents.needs.fill(0, NEED_STRIDE * i, NEED_STRIDE * i + NEED_BASELINE);
    agents.needMean.fill(0);
  }
  return world;
}

/** Agents whose route is recorded at random, from their own stream. */
function sampleIds(s: Scenario): number[] {
  const k = Math.min(s.outputs.routes.sample, s.agents);
  if (k === 0) return [];
  const rs = stream(s.seed, 'outputs/routes');
  const chosen = new Set<number>();
  while (chosen.size < k) chosen.add(rs.int(s.agents));
  return [...chosen];
}

/**
 * The plan: every stage of the tick, built from the world (the scenario and the regions' effective
 * parameters) in the order they step (MODEL.md section 4).
 */
function createPlan(w: World, options: SimulationOptions): { modules: TickModule[]; interventions: Interventions } {
  const transitions = new Transitions(w.scenario);
  const interventions = new Interventions(w);
  const modules: TickModule[] = [
    new MacroStage(),
    new GroupTiesStage(),
    new TriggerStage(w),
    new InfluenceStage(w, options.onGroupInfluence),
    new NeedsStage(w),
    new RestoringStage(w, interventions),
    new LifecourseStage(w),
    new PhaseStage(w, transitions),
    new ActionStage(w, transitions),
    new PracticeStage(w, interventions),
    interventions,
  ];
  return { modules, interventions };
}
