/**
 * Macro triggers (MODEL.md 4.1): society-level fields, grievance climate, perceived threat and
 * the salience of each ideology, raised by scheduled, stochastic, fired and incident events,
 * decaying with a half-life. A fresh rise reaches every agent as a macro trigger; the level of
 * each field is also a variable the hazard formulas read.
 */
import { EXTREMIST_IDEOLOGIES, IDEOLOGIES } from '../domain.ts';
import { agentUniform } from '../random/streams.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { TickModule } from './module.ts';
import type { MacroEvent, MacroState, World } from './world.ts';
import { fixedShape } from '../fixedShape.ts';

export type { MacroEvent, MacroState } from './world.ts';

export function createMacroState(): MacroState {
  return fixedShape({
    grievance: new Float64Array(1),
    threat: new Float64Array(1),
    salience: new Float64Array(IDEOLOGIES.length),
    rise: { grievance: 0, threat: 0, salience: new Float64Array(IDEOLOGIES.length) },
    queue: [],
    log: [],
  });
}

/** Queues an event to take effect at the start of the next tick (the core API's fireMacro). */
export function queueMacro(m: MacroState, e: Omit<MacroEvent, 'week'>, week: number): void {
  m.queue.push({ ...e, week });
}

/** The macro stage: decay of the society fields, then this week's events. */
export class MacroStage implements TickModule {
  readonly name = 'macro';

  init(): void {}

  step(w: World): void {
    macroWeek(w);
  }
}

function macroWeek(w: World): void {
  const s = w.scenario;
  const m = w.macro;
  const decay = (hl: number) => 0.5 ** (1 / hl);
  const g0 = m.grievance[0],
    t0 = m.threat[0];
  m.grievance[0] *= decay(s.macro.halfLifeWeeks.grievance);
  m.threat[0] *= decay(s.macro.halfLifeWeeks.threat);
  const ds = decay(s.macro.halfLifeWeeks.salience);
  m.rise.salience.fill(0);
  for (let k = 1; k < m.salience.length; k++) m.salience[k] *= ds;

  // Scheduled weeks and the log count from the end of the burn-in; the queue holds clock weeks.
  const week = w.week - w.burnIn;
  const events: MacroEvent[] = m.queue.splice(0);
  for (const e of events) e.week = week;
  for (const e of s.macro.schedule)
    if (e.week === week) events.push({ week, type: e.type, strength: e.strength, source: 'schedule' });
  s.macro.stochastic.forEach((e, k) => {
    if (agentUniform(w.keys.macro, w.week, 0, k) < e.perYear / 52)
      events.push({ week, type: e.type, strength: e.strength, source: 'stochastic' });
  });

  for (const e of events) {
    if (!s.ablation.macroTriggers) continue;
    applyMacroEvent(s, m, e);
    if (week > 0) m.log.push(e);
    w.record.triggers[4]++;
  }
  m.rise.grievance = Math.max(0, m.grievance[0] - g0 * decay(s.macro.halfLifeWeeks.grievance));
  m.rise.threat = Math.max(0, m.threat[0] - t0 * decay(s.macro.halfLifeWeeks.threat));
}

function applyMacroEvent(s: Scenario, m: MacroState, e: MacroEvent): void {
  const type = s.macro.types[e.type];
  m.grievance[0] += type.grievance * e.strength;
  m.threat[0] += type.threat * e.strength;
  const raise = (k: number, amount: number) => {
    m.salience[k] += amount;
    m.rise.salience[k] += amount;
  };
  if (e.ideology === undefined || e.ideology === 0) {
    EXTREMIST_IDEOLOGIES.forEach((name, k) => raise(k + 1, type.salience[name] * e.strength));
    return;
  }
  // An incident raises the salience of its own ideology and, by a share, that of the opposing
  // one (reciprocal radicalisation).
  const own = EXTREMIST_IDEOLOGIES[e.ideology - 1];
  const rise = type.salience[own] * e.strength;
  raise(e.ideology, rise);
  const opp = s.macro.opponents[own];
  if (opp !== 'none') raise(IDEOLOGIES.indexOf(opp), rise * s.macro.reciprocalShare);
}
