/**
 * Restoring forces (MODEL.md 4.5): between triggers, a person's attitude and protective factors
 * relax toward their own set points (the values drawn for them at birth into the model), each
 * gap halving in the scenario's half-life. Triggers, influence and interventions move a person
 * away from the set point for a while; without this pull their net effect accumulated for ever
 * and the population drifted toward the radical end (the baseline never settled). The opinion
 * uncertainty relaxes with the attitude it belongs to (the attitude half-life): relative
 * agreement only ever moves it toward the uncertainty of those who sway a person, and the
 * confident online sources and extremists pulled everyone's down for decades.
 *
 * A programme's effect that is not kept is removed by the programme's own decay (MODEL.md 5), so
 * the pull for a participant is toward the set point plus that part: each part of a programme's
 * gain is removed once, by its decay or (what is kept) by this pull.
 */
import {
  SET_POINT_SCALE,
  SET_POINT_STRIDE,
  UNCERTAINTY_SET_POINT,
  UNCERTAINTY_SET_POINT_SCALE,
} from '../population/agents.ts';
import { InterventionEffects } from './interventionEffects.ts';
import type { Interventions } from './interventions.ts';
import type { TickModule } from './module.ts';
import type { World } from './world.ts';

/** Weekly share of the gap that closes for a half-life in weeks (0 means no relaxation). */
export function weeklyShare(halfLifeWeeks: number): number {
  return halfLifeWeeks > 0 ? 1 - 0.5 ** (1 / halfLifeWeeks) : 0;
}

/**
 * Each week one of SLICES contiguous slices of the agents relaxes by SLICES weeks' worth (the
 * slice is the week mod SLICES): a quarter of the memory traffic of a weekly pass over seven
 * columns, with the same relaxation over every four weeks, and the same work every week. Half-lives
 * of months make a step of four weeks invisible.
 */
export const SLICES = 4;

export class RestoringStage implements TickModule {
  readonly name = 'restoring';
  /** Share of the gap that closes at a visit (SLICES weeks' worth), for attitude and protective factors. */
  private readonly kA: number;
  private readonly kP: number;
  /** The part of a participant's state their programme holds (interventionEffects.ts). */
  private readonly programme: InterventionEffects;

  /** `interventions` knows who has a programme effect (taking part, or not kept and decaying). */
  constructor(
    w: World,
    private readonly interventions: Interventions,
  ) {
    const r = w.scenario.restoring;
    this.programme = new InterventionEffects(w.scenario);
    const share = (halfLife: number) => 1 - (1 - weeklyShare(halfLife)) ** SLICES;
    this.kA = share(r.attitudeHalfLifeWeeks);
    this.kP = share(r.protectiveHalfLifeWeeks);
  }

  init(): void {}

  step(w: World): void {
    const kA = this.kA,
      kP = this.kP;
    if (kA === 0 && kP === 0) return;
    const unit = 1 / SET_POINT_SCALE,
      uUnit = 1 / UNCERTAINTY_SET_POINT_SCALE;
    const a = w.agents,
      n = a.n;
    const slice = w.week % SLICES;
    const lo = Math.floor((n * slice) / SLICES),
      hi = Math.floor((n * (slice + 1)) / SLICES);
    const x = a.attitude,
      u = a.uncertainty,
      sp = a.setPoints,
      protection = a.protection;
    const pr = a.protective;
    const p0 = pr.resilience,
      p1 = pr.criticalThinking,
      p2 = pr.emotionRegulation,
      p3 = pr.socialBonds,
      p4 = pr.institutionalTrust,
      p5 = pr.civicCompetence;
    for (let i = lo, o = SET_POINT_STRIDE * lo; i < hi; i++, o += SET_POINT_STRIDE) {
      x[i] += kA * (sp[o] * unit - x[i]);
      u[i] += kA * (sp[o + UNCERTAINTY_SET_POINT] * uUnit - u[i]);
      p0[i] += kP * (sp[o + 1] * unit - p0[i]);
      p1[i] += kP * (sp[o + 2] * unit - p1[i]);
      p2[i] += kP * (sp[o + 3] * unit - p2[i]);
      p3[i] += kP * (sp[o + 4] * unit - p3[i]);
      p4[i] += kP * (sp[o + 5] * unit - p4[i]);
      p5[i] += kP * (sp[o + 6] * unit - p5[i]);
      // As refreshProtection: the mean of the first four.
      protection[i] = (p0[i] + p1[i] + p2[i] + p3[i]) * 0.25;
    }
    // People with a programme effect (taking part, or not kept and decaying): toward the set point
    // plus what the programme holds. Only they are visited, with no dose-table lookup for everyone.
    const treated = this.interventions.treatedPeople,
      programme = this.programme,
      doseTable = a.dose;
    for (let q = 0; q < treated.size; q++) {
      const i = treated.at(q);
      if (i < lo || i >= hi) continue;
      const o = doseTable.find(i);
      if (o < 0) continue;
      programme.hold(w, i, o, kA, kP);
      protection[i] = (p0[i] + p1[i] + p2[i] + p3[i]) * 0.25;
    }
  }
}
