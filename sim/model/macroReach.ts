/**
 * The agent-level reach of macro triggers (MODEL.md 4.2): in the week after a macro event, the
 * rise of grievance, threat and the salience of each ideology reaches every free person, scaled
 * by their susceptibility to a radicalising macro trigger. Grievance raises the unmet need for
 * justice, threat the need for identity, the salience of the own leaning the attitude, and all
 * three the recent-trigger load. The load's weekly decay is done in the same pass.
 *
 * One loop over everyone with every column and parameter taken once, not the per-person
 * susceptibility function: at 1M agents a macro week cost ~45 ns per person on top of the
 * trigger scan through that function (which reloads each column from the agent object per call)
 * and ~23 ns in this loop. It must give the same numbers, operation for operation, as
 * susceptibility.ts (radicalising, level macro) and the per-person update it replaced;
 * test/unit/macroReach.test.ts compares the two.
 */
import { NEEDS } from '../domain.ts';
import { dominantNeed, NEED_STRIDE, IDENTITY, JUSTICE } from '../population/agents.ts';
import type { Scenario } from '../scenario/schema.ts';
import { susceptibilityParts } from './susceptibility.ts';
import { clamp01 } from './unitInterval.ts';
import type { World } from './world.ts';

const MACRO = 2; // trigger level
const MOTIVES = NEEDS.length; // the tables' columns per demographic cell

export function createMacroReach(s: Scenario) {
  const { tables, weights, damping, needsOn } = susceptibilityParts(s);
  const table = tables[MACRO];
  const [w0, w1, w2, w3, w4, w5] = weights;
  const { justicePerGrievance, identityPerThreat, attitudePerSalience } = s.macro.impact;

  /** Decays everyone's recent-trigger load by `decay` and applies this week's macro rise. */
  return function macroReachAll(w: World, decay: number): void {
    const a = w.agents,
      n = a.n;
    const recent = a.recentTrigger,
      detained = a.detainedUntil,
      leaning = a.leaning,
      cellOf = w.flags.cell;
    const needs = a.needs,
      attitude = a.attitude,
      needMean = a.needMean,
      motive = a.motive,
      protection = a.protection;
    const p = a.pathology;
    const adhd = p.adhd,
      autism = p.autism,
      psychosis = p.psychosis,
      narcissism = p.narcissism,
      depression = p.depression,
      trauma = p.trauma;
    const rise = w.macro.rise,
      grievance = rise.grievance,
      threat = rise.threat,
      salience = rise.salience;
    for (let i = 0, o = 0; i < n; i++, o += NEED_STRIDE) {
      recent[i] *= decay;
      if (detained[i] >= 0) continue;
      const own = salience[leaning[i]];
      if (grievance === 0 && threat === 0 && own === 0) continue;
      // Susceptibility: table by cell and dominant motive x pathology moderator x protection.
      const x =
        table[cellOf[i] * MOTIVES + (needsOn ? dominantNeed(needs, o) : motive[i])] *
        (1 +
          w0 * adhd[i] +
          w1 * autism[i] +
          w2 * psychosis[i] +
          w3 * narcissism[i] +
          w4 * depression[i] +
          w5 * trauma[i]) *
        (1 - damping * protection[i]);
      if (needsOn) {
        needs[o + JUSTICE] = clamp01(needs[o + JUSTICE] + x * grievance * justicePerGrievance);
        needs[o + IDENTITY] = clamp01(needs[o + IDENTITY] + x * threat * identityPerThreat);
      }
      const att = attitude[i];
      attitude[i] = clamp01(att + x * own * attitudePerSalience * (1 - att));
      recent[i] += x * (grievance + threat + own);
      if (needsOn) {
        // As refreshNeeds: the mean and the dominant motive after the change.
        needMean[i] = (needs[o] + needs[o + 1] + needs[o + 2] + needs[o + 3]) * 0.25;
        motive[i] = dominantNeed(needs, o);
      }
    }
  };
}
