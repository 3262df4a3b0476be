/**
 * Life course: everyone ages a week per tick, and the age-dependent parts of a person follow:
 * the adolescent flag and demographic cell; the extra identity need of adolescents fades at 18,
 * the extra sensation need of young men comes at 15 and fades at 30, the extra online exposure
 * of the young fades at 25 (each the amount the scenario adds at those ages).
 *
 * Generational turnover: a person past the oldest age of the scenario leaves, and so do people
 * of the oldest age band at the weekly rate that keeps the youngest band as large as the
 * scenario says; a newcomer of the youngest age takes each leaver's place in the household and
 * network, with all traits drawn afresh. The youngest band (the front end of prevention) stays
 * stable; the bands between drift slowly with the scenario's age profile. People in a phase, in
 * a group, detained, in triage, in a case or in a programme stay until they are not.
 */
import { demographicCell } from '../domain.ts';
import { drawTraits } from '../population/build.ts';
import { stream, tickKey, tickUniform } from '../random/streams.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { World } from './world.ts';

export function createLifecourseStage(s: Scenario) {
  const p = s.population;
  const idExtra = p.needs.adolescentIdentityExtra, sensExtra = p.needs.youngMaleSensationExtra, onlineExtra = p.online.youthExtra;
  const bandsOf = (r: number) => s.regions[r].population?.ageBands ?? p.ageBands;
  const oldest = Float32Array.from(s.regions, (_, r) => Math.max(...bandsOf(r).map((b) => b.to)));
  const youngest = Float32Array.from(s.regions, (_, r) => Math.min(...bandsOf(r).map((b) => b.from)));
  // Weekly chance of leaving for people in the oldest band: entries into the youngest band
  // (share / width per year) minus those who leave by passing the oldest age, over the oldest band.
  const oldestBandFrom = Float32Array.from(s.regions, (_, r) => {
    const bands = bandsOf(r);
    return bands.reduce((x, b) => (b.to === oldest[r] ? b.from : x), 0);
  });
  const leaveChance = Float32Array.from(s.regions, (_, r) => {
    const bands = bandsOf(r);
    const first = bands.find((b) => b.from === youngest[r])!, last = bands.find((b) => b.to === oldest[r])!;
    const entries = first.share / (first.to - first.from), agedOut = last.share / (last.to - last.from);
    return last.share > 0 ? Math.max(0, entries - agedOut) / last.share / 52 : 0;
  });

  function renew(w: World, i: number): void {
    const a = w.agents;
    const r = a.region[i];
    a.age[i] = youngest[r];
    const rs = stream(s.seed, `renewal/${w.week}/${i}`);
    drawTraits(a, i, s, s.regions[r], { demography: rs, pathology: rs, protective: rs, needs: rs, radical: rs, exposure: rs }, false);
    if (!s.ablation.needs) {
      for (const col of Object.values(a.need)) col[i] = 0;
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
    if (w.record.traced[i]) w.record.routes.add(i, { week: w.week, kind: 'renewed' });
    w.flags.eduLow[i] = a.education[i] === 0 ? 1 : 0;
    w.flags.eduHigh[i] = a.education[i] === 2 ? 1 : 0;
    w.renewed++;
    for (const forget of w.renewListeners) forget(i);
  }

  return function lifecourseStage(w: World): void {
    const a = w.agents;
    const age = a.age, male = a.male, edu = a.education, region = a.region;
    const adolescent = w.flags.adolescent, cell = w.flags.cell;
    const identity = a.needBaseline.identity, sensation = a.needBaseline.sensation, online = a.online;
    const step = 1 / 52;
    const tk = tickKey(w.keys.lifecourse, w.week);
    for (let i = 0; i < a.n; i++) {
      const before = age[i];
      age[i] = before + step;
      let x = age[i]; // the stored (32-bit) age, so the checks agree with what others read
      if (before < 30 && x >= 15) {
        if (before < 18 && x >= 18) identity[i] = Math.max(0.01, identity[i] - idExtra);
        if (male[i] && before < 15) sensation[i] = Math.min(1, sensation[i] + sensExtra);
        if (male[i] && before < 30 && x >= 30) sensation[i] = Math.max(0.01, sensation[i] - sensExtra);
        if (before < 25 && x >= 25) online[i] = Math.max(0, online[i] - onlineExtra);
      }
      const r = region[i];
      const leaves = x >= oldest[r] || (x >= oldestBandFrom[r] && tickUniform(tk, i, 0) < leaveChance[r]);
      if (leaves && a.phase[i] === 0 && a.group[i] < 0 && a.detainedUntil[i] < 0 && !a.inTriage[i] && !a.inCase[i] && a.enrolled[i] < 0) {
        renew(w, i);
        x = age[i];
      }
      // Age bands start at whole years, so the cell can only change on a birthday (or renewal).
      if (Math.floor(x) !== Math.floor(before) || leaves) {
        adolescent[i] = x < 18 ? 1 : 0;
        cell[i] = demographicCell(x, male[i], edu[i]);
      }
    }
  };
}
