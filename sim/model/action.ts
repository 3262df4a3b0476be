/**
 * Action (MODEL.md 4.7): violence willingness grows in the action phase and fades outside it;
 * an agent in the action phase may commit an incident, which becomes a macro trigger (with
 * reciprocal radicalisation) and may end in arrest and detention. Most terrorism arrests come
 * before any attack (for preparation, threats, travel, membership or support: Dutch arrests
 * number tens a year against a handful of attacks a decade, calibration/targets.json), so people
 * in the action phase, and group members in the group phase, also run a weekly hazard of arrest.
 * Detention takes the agent out of the network and out of its group (an arrested leader may
 * break the group up); release exposes them to the triggers that apply on release.
 */
import { agentUniform } from '../random/streams.ts';
import type { Scenario } from '../scenario/schema.ts';
import { queueMacro } from './macro.ts';
import type { TickModule } from './module.ts';
import { recordRoute } from './route.ts';
import type { Transitions } from './transitions.ts';
import type { World } from './world.ts';

export class ActionStage implements TickModule {
  readonly name = 'action';
  private readonly p: Scenario['action'];
  /**
   * The model population samples a larger society: an incident moves the climate in proportion
   * to the incident rate per capita, so results do not depend on the number of agents.
   */
  private readonly strength: number;
  /** Chance that a person released from detention has disengaged (restoring.releaseDisengagement). */
  private readonly disengagement: number;

  constructor(
    w: World,
    private readonly transitions: Transitions,
  ) {
    const s = w.scenario;
    this.p = s.action;
    this.strength = (this.p.incidentStrength * 100_000) / s.agents;
    this.disengagement = s.restoring.releaseDisengagement;
  }

  init(): void {}

  step(w: World): void {
    const p = this.p,
      strength = this.strength;
    const a = w.agents;
    // Iterate backwards: leaving a group may remove the current agent from the active set.
    for (let q = w.active.size - 1; q >= 0; q--) {
      const i = w.active.at(q);
      if (a.detainedUntil[i] >= 0) {
        if (w.week >= a.detainedUntil[i]) {
          a.detainedUntil[i] = -1;
          a.releasedWeek[i] = w.week;
          w.record.releases++;
          recordRoute(w, i, { week: w.week, kind: 'release' });
          // Most people released after a terrorist offence do not return to violence
          // (restoring.releaseDisengagement): they go back to the sensitivity phase.
          if (a.phase[i] === 3 && agentUniform(w.keys.arrest, w.week, i, 1) < this.disengagement)
            this.transitions.move(w, i, 3, 1);
        }
        continue;
      }
      if (a.phase[i] !== 3) {
        if (
          a.phase[i] === 2 &&
          a.group[i] >= 0 &&
          agentUniform(w.keys.preparationArrest, w.week, i, 1) < p.membershipArrestPerWeek
        ) {
          w.record.arrestsMembership++;
          this.arrest(w, i);
          continue;
        }
        a.violence[i] *= 1 - p.violenceDecay;
        // Back in phase 0 with violence faded: nothing left to follow for this agent.
        if (a.phase[i] === 0 && a.violence[i] < 0.01) {
          a.violence[i] = 0;
          w.active.delete(i);
        }
        continue;
      }
      a.violence[i] += p.violenceGrowth * (1 - a.violence[i]);
      if (agentUniform(w.keys.incident, w.week, i, 0) < p.incidentPerWeek * a.violence[i]) {
        w.record.incidents++;
        queueMacro(w.macro, { type: p.incidentType, strength, source: 'incident', ideology: a.leaning[i] }, w.week + 1);
        recordRoute(w, i, { week: w.week, kind: 'incident' });
        if (agentUniform(w.keys.arrest, w.week, i, 0) < p.arrestChance) this.arrest(w, i);
      } else if (agentUniform(w.keys.preparationArrest, w.week, i, 0) < p.preparationArrestPerWeek) {
        w.record.arrestsPreparation++;
        this.arrest(w, i);
      }
    }
  }

  /** Arrest and detention: out of the network and out of the group (a leader's may break up). */
  private arrest(w: World, i: number): void {
    const a = w.agents,
      p = this.p;
    w.record.arrests++;
    a.detainedUntil[i] = w.week + p.detentionWeeks;
    const leads = a.group[i] >= 0 && w.groups.leader[a.group[i]] === i;
    this.transitions.leaveGroup(w, i, leads ? p.leaderArrestBreakup : 0);
    recordRoute(w, i, { week: w.week, kind: 'arrest' });
  }
}
