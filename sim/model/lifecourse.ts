/**
 * Life course: age is kept in completed years and goes up on the birthday (one week in 52 for
 * each person), so a week touches only the people whose birthday it is, not everyone. On a
 * birthday the age-dependent parts of a person follow: the adolescent flag and demographic cell;
 * the extra identity need of adolescents fades at 18, the extra sensation need of young men comes
 * at 15 and fades at 30, the extra online exposure of the young fades at 25 (each the amount the
 * scenario adds at those ages).
 *
 * Generational turnover: a person past the oldest age of the scenario leaves, and so do people
 * of the oldest age band at the weekly rate that keeps the youngest band as large as the
 * scenario says; a newcomer of the youngest age takes each leaver's place in the household and
 * network, with all traits drawn afresh. The youngest band (the front end of prevention) stays
 * stable; the bands between drift slowly with the scenario's age profile. People in a phase, in
 * a group, detained, in triage, in a case or in a programme stay until they are not.
 */
import { demographicCell } from '../domain.ts';
import { NEED_BASELINE, IDENTITY, NEED_STRIDE, NOT_LEAVING, SENSATION, WEEKS_PER_YEAR } from '../population/agents.ts';
import { createTraitDrawer, type TraitDrawer } from '../population/build.ts';
import { agentStream, tickKey, tickUniform } from '../random/streams.ts';
import { renewalHearers, type TickModule } from './module.ts';
import { recordRoute } from './route.ts';
import type { World } from './world.ts';

const due = (week: number, weeks: number) => Math.min(NOT_LEAVING, week + weeks);

export class LifecourseStage implements TickModule {
  readonly name = 'lifecourse';
  private readonly idExtra: number;
  private readonly sensExtra: number;
  private readonly onlineExtra: number;
  private readonly needsOn: boolean;
  /** By region: the first age past the oldest band, the youngest age, the start of the oldest band. */
  private readonly oldest: Float32Array;
  private readonly youngest: Float32Array;
  private readonly oldestBandFrom: Float32Array;
  /** By region: the weekly chance of leaving for people in the oldest band. */
  private readonly leaveChance: Float32Array;
  private readonly drawTraits: TraitDrawer;
  /** The modules of the plan that hear renewals. */
  private renewHearers: TickModule[] = [];

  constructor(w: World) {
    const s = w.scenario,
      p = s.population;
    this.idExtra = p.needs.adolescentIdentityExtra;
    this.sensExtra = p.needs.youngMaleSensationExtra;
    this.onlineExtra = p.online.youthExtra;
    this.needsOn = s.ablation.needs;
    const bandsOf = (r: number) => w.regions[r].population.ageBands;
    const oldest = (this.oldest = Float32Array.from(s.regions, (_, r) => Math.max(...bandsOf(r).map((b) => b.to))));
    const youngest = (this.youngest = Float32Array.from(s.regions, (_, r) =>
      Math.min(...bandsOf(r).map((b) => b.from)),
    ));
    // Weekly chance of leaving for people in the oldest band: entries into the youngest band
    // (share / width per year) minus those who leave by passing the oldest age, over the oldest band.
    this.oldestBandFrom = Float32Array.from(s.regions, (_, r) => {
      const bands = bandsOf(r);
      return bands.reduce((x, b) => (b.to === oldest[r] ? b.from : x), 0);
    });
    this.leaveChance = Float32Array.from(s.regions, (_, r) => {
      const bands = bandsOf(r);
      const first = bands.find((b) => b.from === youngest[r])!,
        last = bands.find((b) => b.to === oldest[r])!;
      const entries = first.share / (first.to - first.from),
        agedOut = last.share / (last.to - last.from);
      return last.share > 0 ? Math.max(0, entries - agedOut) / last.share / 52 : 0;
    });
    this.drawTraits = createTraitDrawer(s);
  }

  /**
   * Hears who declares `onRenew`, and draws the leave week of everyone in the oldest band, as of
   * week 1 (the first week this stage runs).
   */
  init(w: World, plan: readonly TickModule[]): void {
    this.renewHearers = renewalHearers(plan);
    const a = w.agents,
      week = w.week + 1,
      tk = tickKey(w.keys.lifecourse, week);
    for (let i = 0; i < a.n; i++) {
      const r = a.region[i],
        x = a.age[i];
      if (x >= this.oldest[r]) a.leaveWeek[i] = week;
      else if (x >= this.oldestBandFrom[r]) a.leaveWeek[i] = due(week, this.weeksToLeave(tickUniform(tk, i, 2), r));
    }
  }

  private renew(w: World, i: number): void {
    const a = w.agents;
    const r = a.region[i];
    a.age[i] = this.youngest[r];
    a.birthday[i] = w.week % WEEKS_PER_YEAR; // born this week: one year older in 52 weeks
    a.leaveWeek[i] = NOT_LEAVING;
    const rs = agentStream(tickKey(w.keys.renewal, w.week), i);
    this.drawTraits(
      a,
      i,
      r,
      { demography: rs, pathology: rs, protective: rs, needs: rs, radical: rs, exposure: rs },
      false,
    );
    if (!this.needsOn) {
      a.needs.fill(0, NEED_STRIDE * i, NEED_STRIDE * i + NEED_BASELINE); // current needs only
      a.needMean[i] = 0;
    }
    a.groupIdentification[i] = 0;
    a.violence[i] = 0;
    a.weeksInPhase[i] = 0;
    a.maxPhase[i] = 0;
    a.firstSensitiveWeek[i] = -1;
    a.entryMotive[i] = 255;
    a.recentTrigger[i] = 0;
    a.releasedWeek[i] = -1;
    a.signalled[i] = a.inTriage[i] = a.inCase[i] = a.labelled[i] = 0;
    a.labelWeek[i] = a.signalWeek[i] = a.caseUntil[i] = a.followUntil[i] = a.detectedWeek[i] = -1;
    a.enrolledWeeks[i] = 0;
    a.dose.release(i);
    recordRoute(w, i, { week: w.week, kind: 'renewed' });
    w.flags.eduLow[i] = a.education[i] === 0 ? 1 : 0;
    w.flags.eduHigh[i] = a.education[i] === 2 ? 1 : 0;
    w.renewed++;
    for (const m of this.renewHearers) m.onRenew!(w, i);
  }

  /**
   * Leaving the oldest band is a weekly chance; instead of a draw for each of them every week
   * (a fifth of the population), the week it happens is drawn once, on entering the band, as the
   * number of weeks to the first success (geometric, this week counting as 0). Someone who cannot
   * leave that week (in a phase, a group, a case...) gets a fresh draw from the next week, which is
   * the same process since the chance has no memory.
   */
  private weeksToLeave(u: number, r: number): number {
    const p = this.leaveChance[r];
    if (!(p > 0)) return NOT_LEAVING;
    return p >= 1 ? 0 : Math.floor(Math.log(1 - u) / Math.log(1 - p));
  }

  step(w: World): void {
    const idExtra = this.idExtra,
      sensExtra = this.sensExtra,
      onlineExtra = this.onlineExtra,
      oldest = this.oldest,
      oldestBandFrom = this.oldestBandFrom;
    const a = w.agents;
    const age = a.age,
      birthday = a.birthday,
      leaveWeek = a.leaveWeek,
      male = a.male,
      edu = a.education,
      region = a.region;
    const adolescent = w.flags.adolescent,
      cell = w.flags.cell;
    const needs = a.needs,
      online = a.online;
    const week = w.week,
      today = week % WEEKS_PER_YEAR;
    const tk = tickKey(w.keys.lifecourse, week);
    for (let i = 0; i < a.n; i++) {
      const isBirthday = birthday[i] === today;
      if (!isBirthday && leaveWeek[i] > week) continue;
      const r = region[i];
      let x = age[i];
      if (isBirthday) {
        const before = x;
        age[i] = x = before + 1;
        if (before < 30 && x >= 15) {
          const id = NEED_STRIDE * i + NEED_BASELINE + IDENTITY,
            se = NEED_STRIDE * i + NEED_BASELINE + SENSATION; // baselines
          if (before < 18 && x >= 18) needs[id] = Math.max(0.01, needs[id] - idExtra);
          if (male[i] && before < 15) needs[se] = Math.min(1, needs[se] + sensExtra);
          if (male[i] && before < 30 && x >= 30) needs[se] = Math.max(0.01, needs[se] - sensExtra);
          if (before < 25 && x >= 25) online[i] = Math.max(0, online[i] - onlineExtra);
        }
        if (x >= oldest[r]) leaveWeek[i] = week;
        else if (before < oldestBandFrom[r] && x >= oldestBandFrom[r])
          leaveWeek[i] = due(week, this.weeksToLeave(tickUniform(tk, i, 0), r));
      }
      let renewed = false;
      if (leaveWeek[i] <= week) {
        if (
          a.phase[i] === 0 &&
          a.group[i] < 0 &&
          a.detainedUntil[i] < 0 &&
          !a.inTriage[i] &&
          !a.inCase[i] &&
          a.enrolled[i] < 0
        ) {
          this.renew(w, i);
          x = age[i];
          renewed = true;
        } else leaveWeek[i] = x >= oldest[r] ? week + 1 : due(week + 1, this.weeksToLeave(tickUniform(tk, i, 1), r));
      }
      // Age bands start at whole years, so the cell changes only on a birthday (or renewal).
      if (isBirthday || renewed) {
        adolescent[i] = x < 18 ? 1 : 0;
        cell[i] = demographicCell(x, male[i], edu[i]);
      }
    }
  }
}
