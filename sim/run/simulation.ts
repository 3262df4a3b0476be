/**
 * A simulation: builds the world from a validated scenario and runs the tick, an ordered plan
 * of named stages in the order of MODEL.md section 4, timing each stage.
 *
 *   macro triggers -> recruitment ties -> micro/meso triggers (with susceptibility)
 *   -> social influence -> needs -> ageing -> phase transitions -> action -> practice
 *   -> interventions -> record the week
 *
 */
import { demographicCell } from '../domain.ts';
import { createActionStage } from '../model/action.ts';
import { createGroups, createGroupTiesStage } from '../model/groups.ts';
import { createLifecourseStage } from '../model/lifecourse.ts';
import { createMacroState, macroStage, queueMacro } from '../model/macro.ts';
import { createNeedsStage } from '../model/needs.ts';
import { compileHazards, createPhaseStage } from '../model/phases.ts';
import { createInfluenceStage, type InfluenceListener } from '../model/socialInfluence.ts';
import { createInterventions, type InterventionOps } from '../model/interventions.ts';
import { createPracticeStage } from '../model/practice.ts';
import { SparseSet } from '../model/sparseSet.ts';
import { createTickRecord, resetTickRecord } from '../model/tickRecord.ts';
import { createTransitions } from '../model/transitions.ts';
import { createTriggerStage } from '../model/triggers.ts';
import { PURPOSES, type Purpose, type World } from '../model/world.ts';
import { buildNetwork } from '../network/build.ts';
import { NEED_BASELINE, NEED_STRIDE } from '../population/agents.ts';
import { buildPopulation } from '../population/build.ts';
import { purposeKey, stream } from '../random/streams.ts';
import type { Scenario } from '../scenario/schema.ts';
import { runSummary } from '../output/runSummary.ts';
import { RouteLog } from './routes.ts';
import { createSeries, recordWeek, type Series } from './series.ts';
import { fixedShape } from '../fixedShape.ts';

export interface Stage {
  readonly name: string;
  readonly run: (w: World) => void;
  /** Total milliseconds spent in this stage. */
  ms: number;
}

export interface SimulationOptions {
  /** Observes every influence step between members of the same group (for analysis). */
  onGroupInfluence?: InfluenceListener;
  /** Injected clock for stage timing; defaults to performance.now where it exists. */
  now?: () => number;
}

export class Simulation {
  readonly world: World;
  readonly series: Series;
  readonly stages: Stage[];
  readonly interventions: InterventionOps;
  readonly buildMs: number;
  private readonly now: () => number;

  constructor(
    readonly scenario: Scenario,
    options: SimulationOptions = {},
  ) {
    this.now = options.now ?? (() => globalThis.performance?.now() ?? 0);
    const t0 = this.now();
    this.world = createWorld(scenario);
    this.series = createSeries(scenario);
    const plan = createPlan(this.world, options);
    this.interventions = plan.interventions;
    this.stages = plan.stages.map(([name, run]) => ({ name, run, ms: 0 }));
    recordWeek(this.series, this.world);
    this.world.record.routes.captureStart(this.world.agents);
    this.buildMs = this.now() - t0;
  }

  get week(): number {
    return this.world.week;
  }

  get done(): boolean {
    return this.world.week >= this.scenario.weeks;
  }

  /** Runs one week. */
  step(): void {
    if (this.done) return;
    const w = this.world;
    w.week++;
    resetTickRecord(w.record);
    for (const stage of this.stages) {
      const t = this.now();
      stage.run(w);
      stage.ms += this.now() - t;
    }
    recordWeek(this.series, w);
  }

  /** Runs to the end, calling `onWeek` after each week (for progress). */
  run(onWeek?: (week: number) => void): this {
    while (!this.done) {
      this.step();
      onWeek?.(this.world.week);
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
    const added = this.world.record.routes.trace(ids, this.world.week, this.world.agents);
    for (const id of added) this.world.record.traced[id] = 1;
    return added;
  }

  /** Final counts and totals for summary.json. */
  summary(): Record<string, unknown> {
    return runSummary(this.scenario, this.series, this.world);
  }
}

function createWorld(s: Scenario): World {
  const { agents, layout } = buildPopulation(s);
  const network = buildNetwork(s, agents, layout);
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
  const world: World = fixedShape({
    scenario: s,
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
    renewListeners: [],
    practiceStocks: { triageQueue: 0, waitingList: 0, cases: 0, participants: 0 },
    week: 0,
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

function createPlan(
  w: World,
  options: SimulationOptions,
): { stages: [string, (w: World) => void][]; interventions: InterventionOps } {
  const s = w.scenario;
  const routes = w.record.routes;
  const traced = w.record.traced;
  const transitions = createTransitions(s, (world, i, group, event) => {
    if (traced[i]) routes.add(i, { week: world.week, kind: 'group', event, group });
  });
  const hazards = compileHazards(w);
  const interventions = createInterventions(s);
  const stages: [string, (w: World) => void][] = [
    ['macro', macroStage],
    ['groupTies', createGroupTiesStage()],
    [
      'triggers',
      createTriggerStage(s, (world, i, t, impact) => {
        if (traced[i])
          routes.add(i, {
            week: world.week,
            kind: 'trigger',
            id: t.id,
            level: t.level,
            direction: t.direction,
            impact: Math.round(impact * 1000) / 1000,
          });
      }),
    ],
    ['influence', createInfluenceStage(s, options.onGroupInfluence)],
    ['needs', createNeedsStage(s)],
    ['lifecourse', createLifecourseStage(s)],
    ['phases', createPhaseStage(hazards, transitions.move)],
    [
      'action',
      createActionStage(s, {
        leaveGroup: transitions.leaveGroup,
        onIncident: (world, i) => traced[i] && routes.add(i, { week: world.week, kind: 'incident' }),
        onArrest: (world, i) => traced[i] && routes.add(i, { week: world.week, kind: 'arrest' }),
        onRelease: (world, i) => traced[i] && routes.add(i, { week: world.week, kind: 'release' }),
      }),
    ],
    ['practice', createPracticeStage(s, interventions)],
    ['interventions', interventions.stage],
  ];
  return { stages, interventions };
}
