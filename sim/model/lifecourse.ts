/**
 * Life course: age is kept in completed years and goes up on the birthday (one week in 52 for
 * each person), so a week touches only the people whose birthday it is, not everyone. On a
 * birthday the age-dependent parts of a person follow: the adolescent flag and demographic cell;
 * the extra identity need of adolescents fades at 18, the extra sensation need of young men comes
 * at 15 and fades at 30, the extra online exposure of the young fades at 25 (each the amount the
 * scenario adds at those ages).
 *
 * Generational turnover keeps the scenario's age profile at rest. The profile is a step function:
 * band k holds d_k = share_k / width_k of the population per year of age. With everyone ageing
 * one year a year, a density that is flat within each band is the steady state of a process with
 * no exits or entries inside the bands, and at each boundary between bands the jump the profile
 * makes: where the density falls (d_k > d_k+1), a share 1 - d_k+1 / d_k of the people reaching
 * the boundary leave (death, emigration); where it rises, newcomers of that age arrive, d_k+1 - d_k
 * of the population a year (immigration); newcomers of the youngest age arrive at d_first a year,
 * and everyone leaves at the oldest age. The jumps telescope, so exits and entries balance: a
 * leaver's place goes to a newcomer (same household, all traits drawn afresh, peer ties rewired
 * to people of the newcomer's own age: sim/network/rewire.ts) whose
 * age is drawn from the entry ages in proportion to their rates. An empty band sets no rate
 * (people pass into it and stay until the oldest age). Leaving is decided on the birthday that
 * crosses a boundary, so the stage still touches only one person in 52 a week. People in a
 * phase, in a group, detained, in triage, in a case or in a programme stay until they are not.
 */
import { demographicCell } from '../domain.ts';
import { NEED_BASELINE, IDENTITY, NEED_STRIDE, NOT_LEAVING, SENSATION, WEEKS_PER_YEAR } from '../population/agents.ts';
import { createTraitDrawer, type TraitDrawer } from '../population/build.ts';
import { NewcomerTies } from '../network/rewire.ts';
import { agentStream, tickKey, tickUniform } from '../random/streams.ts';
import { renewalHearers, type TickModule } from './module.ts';
import { recordRoute } from './route.ts';
import type { World } from './world.ts';

/** Ages are looked up in tables of this many years (the schema allows `to` up to 121). */
const AGE_SPAN = 122;

type AgeBands = World['regions'][number]['population']['ageBands'];

/**
 * The turnover that keeps a step age profile at rest (see the top of this file): the chance of
 * leaving on reaching each age (the oldest age aside), and the entry ages with their yearly
 * rates as shares of the population.
 */
export function turnoverOf(bands: AgeBands): { leaveAt: Float64Array; entryAges: number[]; entryRates: number[] } {
  const density = new Float64Array(AGE_SPAN).fill(Number.NaN); // NaN: in no band
  for (const b of bands)
    for (let x = b.from; x < b.to; x++) if (Number.isNaN(density[x])) density[x] = b.share / (b.to - b.from);
  const youngest = Math.min(...bands.map((b) => b.from));
  const leaveAt = new Float64Array(AGE_SPAN);
  const entryAges = [youngest],
    entryRates = [density[youngest]];
  for (let x = youngest + 1; x < AGE_SPAN; x++) {
    const before = density[x - 1],
      after = density[x];
    if (!(before > 0 && after > 0) || before === after) continue; // an empty band sets no rate
    if (after < before) leaveAt[x] = 1 - after / before;
    else {
      entryAges.push(x);
      entryRates.push(after - before);
    }
  }
  return { leaveAt, entryAges, entryRates };
}

export class LifecourseStage implements TickModule {
  readonly name = 'lifecourse';
  private readonly idExtra: number;
  private readonly sensExtra: number;
  private readonly onlineExtra: number;
  private readonly needsOn: boolean;
  /** By region: the first age past the oldest band. */
  private readonly oldest: Float32Array;
  /** By region and age (region * AGE_SPAN + age): the chance of leaving on reaching that age. */
  private readonly leaveAt: Float64Array;
  /** By region: the entry ages and the cumulative shares of newcomers of each. */
  private readonly entryAges: number[][];
  private readonly entryCumulative: number[][];
  private readonly drawTraits: TraitDrawer;
  /** Gives newcomers ties to people of their own age, as the build does. */
  readonly ties: NewcomerTies;
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
    this.oldest = Float32Array.from(s.regions, (_, r) => Math.max(...bandsOf(r).map((b) => b.to)));
    this.leaveAt = new Float64Array(s.regions.length * AGE_SPAN);
    this.entryAges = [];
    this.entryCumulative = [];
    s.regions.forEach((_, r) => {
      const t = turnoverOf(bandsOf(r));
      this.leaveAt.set(t.leaveAt, r * AGE_SPAN);
      const total = t.entryRates.reduce((x, y) => x + y, 0);
      let c = 0;
      this.entryAges.push(t.entryAges);
      this.entryCumulative.push(t.entryRates.map((e) => (c += e / total)));
    });
    this.drawTraits = createTraitDrawer(s);
    this.ties = new NewcomerTies(s, w.network, w.agents, w.layout);
  }

  /** Hears who declares `onRenew`; anyone already past the oldest age leaves in week 1. */
  init(w: World, plan: readonly TickModule[]): void {
    this.renewHearers = renewalHearers(plan);
    const a = w.agents,
      week = w.week + 1;
    for (let i = 0; i < a.n; i++) if (a.age[i] >= this.oldest[a.region[i]]) a.leaveWeek[i] = week;
  }

  /** The age of a newcomer of region r, from a uniform draw u. */
  private entryAge(r: number, u: number): number {
    const cum = this.entryCumulative[r],
      ages = this.entryAges[r];
    let k = 0;
    while (k < cum.length - 1 && u >= cum[k]) k++;
    return ages[k];
  }

  private renew(w: World, i: number, u: number): void {
    const a = w.agents;
    const r = a.region[i];
    a.age[i] = this.entryAge(r, u);
    a.birthday[i] = w.week % WEEKS_PER_YEAR; // turned their entry age this week: one year older in 52 weeks
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
    this.ties.renew(i, w.week, tickKey(w.keys.rewiring, w.week));
    recordRoute(w, i, { week: w.week, kind: 'renewed' });
    w.flags.eduLow[i] = a.education[i] === 0 ? 1 : 0;
    w.flags.eduHigh[i] = a.education[i] === 2 ? 1 : 0;
    w.renewed++;
    for (const m of this.renewHearers) m.onRenew!(w, i);
  }

  step(w: World): void {
    const idExtra = this.idExtra,
      sensExtra = this.sensExtra,
      onlineExtra = this.onlineExtra,
      oldest = this.oldest,
      leaveAt = this.leaveAt;
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
        else {
          const p = leaveAt[r * AGE_SPAN + x]; // x < oldest <= 121
          if (p > 0 && tickUniform(tk, i, 0) < p) leaveWeek[i] = week;
        }
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
          this.renew(w, i, tickUniform(tk, i, 1));
          x = age[i];
          renewed = true;
        } else leaveWeek[i] = week + 1; // leaves as soon as they can
      }
      // Age bands start at whole years, so the cell changes only on a birthday (or renewal).
      if (isBirthday || renewed) {
        adolescent[i] = x < 18 ? 1 : 0;
        cell[i] = demographicCell(x, male[i], edu[i]);
      }
    }
  }
}
