/**
 * The programmes of a run: the scenario's interventions, then one PGA case plan per region (its
 * intensities, length and tailoring from the region's practice), with what each programme
 * needs to be offered: its synergy, the regions it reaches and its capacity.
 */
import { WORKING_ELEMENTS } from '../domain.ts';
import type { Intervention } from '../scenario/practiceSchema.ts';
import type { RegionParams } from '../scenario/regions.ts';
import type { Scenario } from '../scenario/schema.ts';

const E = WORKING_ELEMENTS.length;
/** The factor groups of MODEL.md 1 that working elements address. */
const FACTOR_GROUP = [2, 1, 0, 2, 0, 1]; // needs 0, pathology and resilience 1, ideology and behaviour 2

export interface Programme {
  readonly spec: Intervention;
  readonly intensity: Float32Array;
  readonly synergy: number;
  /** Case plans: the region they belong to, and whether they are tailored per person. */
  readonly caseRegion: number;
  readonly tailored: number;
}

export function programmeSynergy(intensity: ArrayLike<number>, synergy: number): number {
  const groups = new Set<number>();
  for (let e = 0; e < E; e++) if (intensity[e] > 0) groups.add(FACTOR_GROUP[e]);
  return 1 + synergy * Math.max(0, groups.size - 1);
}

export interface ProgrammeTable {
  /** The scenario's interventions, then the case plans of the regions in order. */
  readonly list: Programme[];
  /** Index of the first case plan (the case plan of region r is at firstCasePlan + r). */
  readonly firstCasePlan: number;
  /** reachesRegion[k][r] = 1 if programme k reaches region r. */
  readonly reachesRegion: Uint8Array[];
  /** Participants programme k can take at once (Infinity: no limit). */
  readonly capacity: number[];
}

export function buildProgrammes(s: Scenario, regions: readonly RegionParams[]): ProgrammeTable {
  const m = s.interventionMechanics;
  const programmes: Programme[] = s.interventions.map((spec) => {
    const intensity = Float32Array.from(WORKING_ELEMENTS, (e) => spec.intensity[e]);
    return { spec, intensity, synergy: programmeSynergy(intensity, m.holisticSynergy), caseRegion: -1, tailored: 0 };
  });
  const firstCasePlan = programmes.length;
  regions.forEach((region, r) => programmes.push(casePlan(s, region, r)));
  const regionIndex = new Map(s.regions.map((r, k) => [r.name, k]));
  const reachesRegion = programmes.map((p) => {
    const mask = new Uint8Array(s.regions.length);
    if (p.spec.regions.length === 0) mask.fill(1);
    for (const name of p.spec.regions) mask[regionIndex.get(name)!] = 1;
    return mask;
  });
  const capacity = programmes.map((p) =>
    p.spec.capacityPer100k > 0 ? Math.max(1, Math.round((p.spec.capacityPer100k * s.agents) / 100_000)) : Infinity,
  );
  return { list: programmes, firstCasePlan, reachesRegion, capacity };
}

/** The PGA case plan of region r, as a targeted programme. */
function casePlan(s: Scenario, region: RegionParams, r: number): Programme {
  const { cases, labelling } = region.practice;
  const name = region.spec.name;
  const intensity = Float32Array.from(WORKING_ELEMENTS, (e) => cases.plan[e]);
  return {
    spec: {
      id: `casePlan_${name}`,
      label: `PGA case plan (${name})`,
      reach: 'targeted',
      ageFrom: 0,
      ageTo: 200,
      regions: [name],
      phases: [],
      startWeek: 1,
      endWeek: s.weeks,
      durationWeeks: Math.max(1, cases.caseWeeks),
      coverage: 1,
      capacityPer100k: 0,
      intensity: cases.plan,
      delivery: {
        familyInvolvement: 0,
        communityMessengers: 0,
        transparency: labelling.transparency,
        culturalResponsiveness: 0,
        traumaSensitivity: 0,
      },
      costHoursPerWeek: 0, // case hours are counted by the practice stage
    },
    intensity,
    synergy: programmeSynergy(intensity, s.interventionMechanics.holisticSynergy),
    caseRegion: r,
    tailored: cases.tailored,
  };
}
