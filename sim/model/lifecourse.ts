/**
 * Life course: everyone ages a week per tick, and the age-dependent parts of a person follow:
 * the adolescent flag and demographic cell; the extra identity need of adolescents fades at 18,
 * the extra sensation need of young men comes at 15 and fades at 30, the extra online exposure
 * of the young fades at 25 (each the amount the scenario adds at those ages).
 *
 * Generational turnover keeps the age structure stable over long runs: a person past the oldest
 * age of the scenario leaves, and a newcomer of the youngest age takes their place in the
 * household and network, with all traits drawn afresh. (People in a radicalisation phase, in a
 * group or detained stay until they are not.)
 */
import { demographicCell } from '../domain.ts';
import { drawTraits } from '../population/build.ts';
import { stream } from '../random/streams.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { World } from './world.ts';

export function createLifecourseStage(s: Scenario) {
  const p = s.population;
  const idExtra = p.needs.adolescentIdentityExtra, sensExtra = p.needs.youngMaleSensationExtra, onlineExtra = p.online.youthExtra;
  const bandsOf = (r: number) => s.regions[r].population?.ageBands ?? p.ageBands;
  const oldest = Float32Array.from(s.regions, (_, r) => Math.max(...bandsOf(r).map((b) => b.to)));
  const youngest = Float32Array.from(s.regions, (_, r) => Math.min(...bandsOf(r).map((b) => b.from)));

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
    a.labelWeek[i] = -1;
    for (const col of Object.values(a.dose)) col[i] = 0;
    w.flags.eduLow[i] = a.education[i] === 0 ? 1 : 0;
    w.flags.eduHigh[i] = a.education[i] === 2 ? 1 : 0;
    w.renewed++;
  }

  return function lifecourseStage(w: World): void {
    const a = w.agents;
    const age = a.age, male = a.male, edu = a.education, region = a.region;
    const adolescent = w.flags.adolescent, cell = w.flags.cell;
    const identity = a.needBaseline.identity, sensation = a.needBaseline.sensation, online = a.online;
    const step = 1 / 52;
    for (let i = 0; i < a.n; i++) {
      const before = age[i];
      let x = (age[i] = before + step);
      if (before < 30 && x >= 15) {
        if (before < 18 && x >= 18) identity[i] = Math.max(0.01, identity[i] - idExtra);
        if (male[i] && before < 15) sensation[i] = Math.min(1, sensation[i] + sensExtra);
        if (male[i] && before < 30 && x >= 30) sensation[i] = Math.max(0.01, sensation[i] - sensExtra);
        if (before < 25 && x >= 25) online[i] = Math.max(0, online[i] - onlineExtra);
      }
      if (x >= oldest[region[i]] && a.phase[i] === 0 && a.group[i] < 0 && a.detainedUntil[i] < 0) {
        renew(w, i);
        x = age[i];
      }
      adolescent[i] = x < 18 ? 1 : 0;
      cell[i] = demographicCell(x, male[i], edu[i]);
    }
  };
}
