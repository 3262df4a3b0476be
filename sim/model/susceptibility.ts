/**
 * Susceptibility (MODEL.md 4.3): how hard a trigger hits this person. Impact = strength x a
 * table of trigger level by dominant motive x age, sex and education multipliers x a pathology
 * moderator (radicalising triggers only) x damping by protective factors (radicalising only).
 * Pathology only ever multiplies the impact of a trigger: with no trigger it does nothing.
 */
import { AGE_BANDS, EDUCATION, NEEDS, PATHOLOGIES, TRIGGER_LEVELS } from '../domain.ts';
import { currentMotive, type Agents } from '../population/agents.ts';
import type { Scenario } from '../scenario/schema.ts';

const CELLS = AGE_BANDS.length * 2 * EDUCATION.length * NEEDS.length;

/** Multiplier of a trigger of this level (0 micro, 1 meso, 2 macro) on agent i in demographic cell `cell`. */
export type Susceptibility = (a: Agents, i: number, cell: number, level: number, radicalising: boolean) => number;

/** What susceptibility is made of, for a loop that computes it for everyone (macroReach.ts). */
export interface SusceptibilityParts {
  /** Per level (0 micro, 1 meso, 2 macro), over (demographic cell, motive): index cell * NEEDS.length + motive. */
  readonly tables: readonly Float32Array[];
  /** Weight of each pathology in the moderator, in PATHOLOGIES order (0 with pathology ablated). */
  readonly weights: readonly number[];
  readonly damping: number;
  readonly needsOn: boolean;
}

export function susceptibilityParts(s: Scenario): SusceptibilityParts {
  const t = s.susceptibility;
  // One table per level over (age band, sex, education, motive): all but the per-agent moderators.
  const tables = TRIGGER_LEVELS.map((level) => {
    const table = new Float32Array(CELLS);
    for (let b = 0; b < AGE_BANDS.length; b++)
      for (let m = 0; m < 2; m++)
        for (let e = 0; e < EDUCATION.length; e++)
          for (let k = 0; k < NEEDS.length; k++)
            table[((b * 2 + m) * EDUCATION.length + e) * NEEDS.length + k] =
              t.byMotive[level][NEEDS[k]] * t.byAge[b] * (m ? t.male : 1) * t.byEducation[EDUCATION[e]];
    return table;
  });
  return {
    tables,
    weights: PATHOLOGIES.map((d) => (s.ablation.pathology ? t.pathology[d] : 0)),
    damping: t.protectiveDamping,
    needsOn: s.ablation.needs,
  };
}

export function createSusceptibility(s: Scenario): Susceptibility {
  const { tables, weights, damping, needsOn } = susceptibilityParts(s);
  return (a, i, cell, level, radicalising) => {
    const x = tables[level][cell * NEEDS.length + currentMotive(a, i, needsOn)];
    if (!radicalising) return x;
    const p = a.pathology;
    const moderator =
      1 +
      weights[0] * p.adhd[i] +
      weights[1] * p.autism[i] +
      weights[2] * p.psychosis[i] +
      weights[3] * p.narcissism[i] +
      weights[4] * p.depression[i] +
      weights[5] * p.trauma[i];
    return x * moderator * (1 - damping * a.protection[i]);
  };
}
