/**
 * Micro and meso triggers (MODEL.md 4.2) and the agent-level reach of macro triggers.
 *
 * Each week an agent meets at most one micro or meso trigger: the rates of every trigger that
 * can reach the agent are added, one draw decides whether something happens, and a second picks
 * what, in proportion to the rates. Rates depend on age band, sex, education, the area and,
 * for some triggers, on the agent's situation (in a group, ties to group members, online
 * exposure, just released). The recent-trigger load that hazards read decays with a half-life.
 */
import { AGE_BANDS, DEMOGRAPHIC_CELLS as CELLS, EDUCATION, NEEDS, PROTECTIVE } from '../domain.ts';
import { NEED_STRIDE, refreshNeeds, refreshProtection } from '../population/agents.ts';
import { tickKey, tickUniform } from '../random/streams.ts';
import { type Scenario, type TriggerSpec, triggerAppliesTo } from '../scenario/schema.ts';
import { createMacroReach } from './macroReach.ts';
import type { TickModule } from './module.ts';
import { isTraced, recordRoute } from './route.ts';
import { createSusceptibility } from './susceptibility.ts';
import { clamp01 } from './unitInterval.ts';
import type { RouteEvent } from '../run/routes.ts';
import type { World } from './world.ts';

/** The situation classes of triggers, in the schema's order (the stage's loop follows it). */
const APPLIES = triggerAppliesTo.options;
const GROUP_MEMBERS = APPLIES.indexOf('groupMembers');

interface CompiledTrigger {
  readonly spec: TriggerSpec;
  readonly index: number;
  readonly level: number; // 0 micro, 1 meso
  readonly radicalising: boolean;
  readonly applies: number; // index into APPLIES
  /** Weekly rate by (age band, sex, education) cell, before the area and situation factors. */
  readonly rate: Float32Array;
  readonly needs: Float32Array; // effect per unit impact, by NEEDS
  readonly protective: Float32Array; // by PROTECTIVE
}

export function compileTriggers(s: Scenario): CompiledTrigger[] {
  const out: CompiledTrigger[] = [];
  s.triggers.catalogue.forEach((spec, index) => {
    const level = spec.level === 'micro' ? 0 : 1;
    if ((level === 0 && !s.ablation.microTriggers) || (level === 1 && !s.ablation.mesoTriggers)) return;
    if (spec.appliesTo === 'groupMembers' && !s.ablation.groups) return;
    if (spec.appliesTo === 'groupTies' && !s.ablation.groups) return;
    const rate = new Float32Array(CELLS);
    for (let b = 0; b < AGE_BANDS.length; b++)
      for (let m = 0; m < 2; m++)
        for (let e = 0; e < EDUCATION.length; e++)
          rate[(b * 2 + m) * EDUCATION.length + e] =
            (spec.perYear / 52) * spec.byAge[b] * (m ? spec.male : 1) * spec.byEducation[EDUCATION[e]];
    out.push({
      spec,
      index,
      level,
      radicalising: spec.direction === 'radicalising',
      applies: APPLIES.indexOf(spec.appliesTo),
      rate,
      needs: Float32Array.from(NEEDS, (k) => spec.effects.needs[k] ?? 0),
      protective: Float32Array.from(PROTECTIVE, (k) => spec.effects.protective[k] ?? 0),
    });
  });
  return out;
}

export class TriggerStage implements TickModule {
  readonly name = 'triggers';
  private readonly s: Scenario;
  private readonly triggers: CompiledTrigger[];
  private readonly susceptibility: ReturnType<typeof createSusceptibility>;
  private readonly decay: number;
  private readonly areaRate: Float32Array;
  private readonly needsOn: boolean;
  private readonly macroReachAll: ReturnType<typeof createMacroReach>;
  /** By region: the share of the labelling harm that lands (labelled people meet triggers in proportion). */
  private readonly stigma: Float32Array;
  /** The class rates in one array, class-major: rates[c * CELLS + cell]. */
  private readonly rates: Float32Array;
  /** The situation factor of each class for the current agent: 0 when it cannot reach them. */
  private readonly factor = new Float64Array(APPLIES.length);
  /** The protective columns in PROTECTIVE order, taken at the start of each week. */
  private protCols: Float32Array[] = [];

  constructor(w: World) {
    const s = (this.s = w.scenario);
    const triggers = (this.triggers = compileTriggers(s));
    this.susceptibility = createSusceptibility(s);
    this.decay = 0.5 ** (1 / s.triggers.recentHalfLifeWeeks);
    this.areaRate = Float32Array.from(s.regions, (r) => r.triggerRate);
    this.needsOn = s.ablation.needs;
    this.macroReachAll = createMacroReach(s);
    // Rates summed per situation class, so the weekly total costs seven terms, not one per trigger.
    this.stigma = Float32Array.from(w.regions, (r) => {
      const l = r.practice.labelling;
      return 1 - l.transparency * l.transparencyProtection;
    });
    const classRate = APPLIES.map((_, c) => {
      const sum = new Float32Array(CELLS);
      for (const t of triggers) if (t.applies === c) for (let x = 0; x < CELLS; x++) sum[x] += t.rate[x];
      return sum;
    });
    const rates = (this.rates = new Float32Array(APPLIES.length * CELLS));
    classRate.forEach((r, c) => rates.set(r, c * CELLS));
  }

  init(): void {}

  private apply(w: World, i: number, t: CompiledTrigger): void {
    const a = w.agents,
      s = this.s,
      protCols = this.protCols;
    let x = t.spec.strength * this.susceptibility(a, i, w.flags.cell[i], t.level, t.radicalising);
    // Pressure from within the group: followers are more sensitive to it than leaders (003).
    if (t.applies === GROUP_MEMBERS && t.radicalising)
      x *= w.flags.leader[i] ? s.influence.leaderConformity : s.influence.followerConformity;
    const e = t.spec.effects;
    if (this.needsOn) {
      const n = a.needs,
        o = NEED_STRIDE * i;
      for (let j = 0; j < 4; j++) n[o + j] = clamp01(n[o + j] + x * t.needs[j]);
    }
    for (let j = 0; j < protCols.length; j++) protCols[j][i] = clamp01(protCols[j][i] + x * t.protective[j]);
    const att = a.attitude[i];
    a.attitude[i] = clamp01(att + x * e.attitude * (e.attitude > 0 ? 1 - att : att));
    if (w.flags.member[i]) a.groupIdentification[i] = clamp01(a.groupIdentification[i] + x * e.groupIdentification);
    a.recentTrigger[i] = t.radicalising ? a.recentTrigger[i] + x : Math.max(0, a.recentTrigger[i] - x);
    // With needs switched off the dominant motive stays the one of the personal baseline.
    if (this.needsOn) refreshNeeds(a, i);
    refreshProtection(a, i);
    w.record.triggers[t.level * 2 + (t.radicalising ? 0 : 1)]++;
    // Asked first, so the event is built only for traced agents.
    if (isTraced(w, i)) recordRoute(w, i, triggerEvent(w.week, t.spec, x));
  }

  step(w: World): void {
    const a = w.agents;
    const triggers = this.triggers,
      rates = this.rates,
      factor = this.factor,
      areaRate = this.areaRate,
      stigma = this.stigma,
      decay = this.decay;
    this.protCols = PROTECTIVE.map((k) => a.protective[k]);
    const rise = w.macro.rise;
    const macroFresh = rise.grievance > 0 || rise.threat > 0 || rise.salience.some((v) => v > 0);
    const tk = tickKey(w.keys.trigger, w.week),
      pickTk = tickKey(w.keys.triggerPick, w.week);
    const recent = a.recentTrigger,
      detained = a.detainedUntil,
      phase = a.phase,
      online = a.online;
    const groupTies = a.groupTies,
      released = a.releasedWeek,
      region = a.region;
    const member = w.flags.member,
      cellOf = w.flags.cell,
      labelled = a.labelled;
    const justReleased = w.week - 1;
    const C = CELLS;
    // In the week after a macro event, everyone's decay and macro reach first, in a loop of their
    // own (each touches only the agent itself, so the order is the same for every agent): inside
    // the trigger loop, the susceptibility call was not inlined and boxed a number per agent.
    if (macroFresh) this.macroReachAll(w, decay);
    for (let i = 0; i < a.n; i++) {
      if (!macroFresh) recent[i] *= decay;
      if (detained[i] >= 0) continue;
      const cell = cellOf[i];
      // Situation factors, in the order of APPLIES: everyone, radicalising, group members,
      // ties to group members, online, the week after release (perYear read as a weekly
      // rate), labelled (scaled by the share of stigma that lands in the region). Summed in
      // the same order as the pick below walks them; most agents have only the first and online.
      const f1 = phase[i] > 0 ? 1 : 0,
        f2 = member[i],
        f3 = groupTies[i],
        f4 = online[i];
      const f5 = released[i] === justReleased ? 52 : 0,
        f6 = labelled[i] ? stigma[region[i]] : 0;
      let total = rates[cell];
      if (f1 > 0) total += rates[C + cell];
      if (f2 > 0) total += rates[2 * C + cell] * f2;
      if (f3 > 0) total += rates[3 * C + cell] * f3;
      if (f4 > 0) total += rates[4 * C + cell] * f4;
      if (f5 > 0) total += rates[5 * C + cell] * f5;
      if (f6 > 0) total += rates[6 * C + cell] * f6;
      total *= areaRate[region[i]];
      if (total <= 0) continue;
      // Competing events: the chance that at least one happens this week.
      // 1 - exp(-total) <= total, so a draw at or above total needs no exp to say "no event".
      const u = tickUniform(tk, i, 0);
      if (u >= total || u >= 1 - Math.exp(-total)) continue;
      factor[0] = 1;
      factor[1] = f1;
      factor[2] = f2;
      factor[3] = f3;
      factor[4] = f4;
      factor[5] = f5;
      factor[6] = f6;
      // Which one: in proportion to the rates (the area factor is common to all, so it drops out).
      let r = tickUniform(pickTk, i, 0) * (total / areaRate[region[i]]);
      let chosen = -1;
      for (let k = 0; k < triggers.length; k++) {
        const rk = triggers[k].rate[cell] * factor[triggers[k].applies];
        if (rk <= 0) continue;
        chosen = k;
        r -= rk;
        if (r < 0) break;
      }
      if (chosen >= 0) this.apply(w, i, triggers[chosen]);
    }
  }
}

function triggerEvent(week: number, t: TriggerSpec, impact: number): RouteEvent {
  return {
    week,
    kind: 'trigger',
    id: t.id,
    level: t.level,
    direction: t.direction,
    impact: Math.round(impact * 1000) / 1000,
  };
}
