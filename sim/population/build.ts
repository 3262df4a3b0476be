/**
 * Builds the synthetic population: agents spread over regions and neighbourhoods, grouped in
 * households, with every trait drawn from the distributions of the scenario.
 *
 * Agents are numbered region by region, neighbourhood by neighbourhood and household by
 * household, so that most social ties connect agents close together in memory.
 */
import { EDUCATION, EXTREMIST_IDEOLOGIES, NEEDS, PATHOLOGIES, PRACTICE_DOMAINS, PROTECTIVE } from '../domain.ts';
import { betaShape, stream, type Stream } from '../random/streams.ts';
import { regionParams } from '../scenario/regions.ts';
import type { Scenario } from '../scenario/schema.ts';
import {
  allocateAgents,
  currentMotive,
  NEED_BASELINE,
  NEED_STRIDE,
  refreshDerived,
  SET_POINT_SCALE,
  SET_POINT_STRIDE,
  UNCERTAINTY_SET_POINT,
  UNCERTAINTY_SET_POINT_SCALE,
  setAge,
  type Agents,
} from './agents.ts';
import { fixedShape } from '../fixedShape.ts';

export interface RegionLayout {
  /** First agent index of each region, plus n at the end. */
  readonly regionStart: Int32Array;
  /** First agent index of each neighbourhood, plus n at the end. */
  readonly neighbourhoodStart: Int32Array;
  readonly households: number;
}

export interface Population {
  readonly agents: Agents;
  readonly layout: RegionLayout;
}

/** Splits n into parts proportional to shares, by largest remainder (deterministic). */
export function apportion(n: number, shares: readonly number[]): number[] {
  const total = shares.reduce((a, b) => a + b, 0);
  const raw = shares.map((s) => (n * s) / total);
  const parts = raw.map(Math.floor);
  let left = n - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k][1]]++;
  return parts;
}

export function buildPopulation(s: Scenario): Population {
  const n = s.agents;
  const a = allocateAgents(n);
  const rs = {
    age: stream(s.seed, 'population/age'),
    household: stream(s.seed, 'population/household'),
    demography: stream(s.seed, 'population/demography'),
    pathology: stream(s.seed, 'population/pathology'),
    protective: stream(s.seed, 'population/protective'),
    needs: stream(s.seed, 'population/needs'),
    radical: stream(s.seed, 'population/radical'),
    exposure: stream(s.seed, 'population/exposure'),
  };
  const drawTraits = createTraitDrawer(s);
  const regions = regionParams(s);
  const sizes = apportion(
    n,
    s.regions.map((r) => r.share),
  );
  const regionStart = new Int32Array(s.regions.length + 1);
  const nbStarts: number[] = [];
  let next = 0;
  let household = 0;
  let nb = 0;
  s.regions.forEach((region, r) => {
    regionStart[r] = next;
    const size = sizes[r];
    const nbCount = Math.max(1, Math.round(size / region.neighbourhoodSize));
    for (const nbSize of apportion(size, new Array(nbCount).fill(1))) {
      if (nbSize === 0) continue;
      nbStarts.push(next);
      const ages = drawAges(regions[r].population.ageBands, nbSize, rs.age);
      const order = formHouseholds(ages, s.population.householdSize, rs.household);
      for (const h of order) {
        for (const k of h) {
          const i = next++;
          setAge(a, i, ages[k]);
          a.region[i] = r;
          a.neighbourhood[i] = nb;
          a.household[i] = household;
          drawTraits(a, i, r, rs, true);
        }
        household++;
      }
      nb++;
    }
  });
  regionStart[s.regions.length] = n;
  nbStarts.push(n);
  return {
    agents: a,
    layout: fixedShape({ regionStart, neighbourhoodStart: Int32Array.from(nbStarts), households: household }),
  };
}

function drawAges(bands: Scenario['population']['ageBands'], count: number, rs: Stream): Float32Array {
  const weights = bands.map((b) => b.share);
  const ages = new Float32Array(count);
  for (let k = 0; k < count; k++) {
    const b = bands[rs.pick(weights)];
    ages[k] = b.from + rs.uniform() * (b.to - b.from);
  }
  return ages;
}

/**
 * Groups the members of a neighbourhood into households: sizes from the scenario's weights,
 * minors living with one or two adults of parenting age (25-59), other adults alone or in pairs.
 * Returns lists of member positions, in the order they will be numbered.
 */
function formHouseholds(ages: Float32Array, sizeWeights: readonly number[], rs: Stream): number[][] {
  const minors: number[] = [],
    parents: number[] = [],
    others: number[] = [];
  ages.forEach((age, k) => (age < 18 ? minors : age >= 25 && age < 60 ? parents : others).push(k));
  rs.shuffle(minors);
  rs.shuffle(parents);
  rs.shuffle(others);
  const households: number[][] = [];
  const families: number[][] = [];
  const takeAdult = () => (others.length && (rs.uniform() < 0.5 || !parents.length) ? others.pop() : parents.pop());
  while (parents.length + others.length > 0) {
    const size = 1 + rs.pick(sizeWeights);
    if (size >= 3 && minors.length && parents.length) {
      const h = [parents.pop()!];
      if (rs.uniform() < 0.75 && parents.length) h.push(parents.pop()!);
      while (h.length < size && minors.length) h.push(minors.pop()!);
      households.push(h);
      families.push(h);
    } else {
      const h = [takeAdult()!];
      if (size >= 2 && parents.length + others.length > 0) h.push(takeAdult()!);
      households.push(h);
    }
  }
  // Minors left over join existing families (or, with no family at all, live together).
  const homes = families.length ? families : households.length ? households : [[]];
  if (!households.length) households.push(homes[0]);
  for (let k = 0; minors.length; k++) homes[k % homes.length].push(minors.pop()!);
  return households;
}

/** The trait streams: one per purpose. */
export type TraitStreams = Record<'demography' | 'pathology' | 'protective' | 'needs' | 'radical' | 'exposure', Stream>;

/** Draws every trait of agent i of region r at its current age; `initial` allows a start in phase 1. */
export type TraitDrawer = (a: Agents, i: number, r: number, rs: TraitStreams, initial: boolean) => void;

/**
 * The trait drawer of a scenario. Everything that depends only on the scenario is worked out
 * once here: the weights of education and leaning by region, the prevalences by sex, the beta
 * shapes of every trait (and of both variants where a need or the online exposure depends on
 * age and sex), the columns to write. Per person only the draws are left, in the same order per
 * stream as ever (the same numbers come out; a million people are drawn in about 3 s, against
 * 5 when each of them looked all this up by name and worked it out again).
 */
export function createTraitDrawer(s: Scenario): TraitDrawer {
  const p = s.population;
  const regions = regionParams(s);
  const education = regions.map((region) => EDUCATION.map((e) => region.population.education[e]));
  const leaning = regions.map((region) => EXTREMIST_IDEOLOGIES.map((k) => region.population.ideologyLeaning[k]));
  const pathology = PATHOLOGIES.map((d) => {
    const spec = p.pathology[d];
    // Split the prevalence by sex so that the population prevalence stays as given.
    const scale = spec.prevalence / (p.maleShare * spec.maleRatio + (1 - p.maleShare));
    return {
      name: d,
      prevalence: [Math.min(1, scale), Math.min(1, scale * spec.maleRatio)],
      severity: betaShape(spec.severity.mean, spec.severity.sd),
    };
  });
  const protective = PROTECTIVE.map((f) => ({ name: f, shape: betaShape(p.protective[f].mean, p.protective[f].sd) }));
  // Need k's shapes: [0] as a rule, [1] with the extra of adolescents (identity) or of young men (sensation).
  const needs = NEEDS.map((need) => {
    const { mean, sd } = p.needs.baseline[need];
    const extra =
      need === 'identity'
        ? p.needs.adolescentIdentityExtra
        : need === 'sensation'
          ? p.needs.youngMaleSensationExtra
          : 0;
    return [betaShape(Math.min(0.95, mean), sd), betaShape(Math.min(0.95, mean + extra), sd)];
  });
  const IDENTITY_NEED = NEEDS.indexOf('identity'),
    SENSATION_NEED = NEEDS.indexOf('sensation');
  const attitude = betaShape(p.attitude.mean, p.attitude.sd);
  const online = [
    betaShape(Math.min(0.95, p.online.mean), p.online.sd),
    betaShape(Math.min(0.95, p.online.mean + p.online.youthExtra), p.online.sd),
  ];
  const contact = PRACTICE_DOMAINS.map((d) => ({ name: d, shape: betaShape(p.contact[d], p.contact[d] * 0.5) }));

  // The columns written by name, looked up once per agents object (the same one, build after build).
  let columnsOf: Agents | undefined;
  let pathologyColumns: Float32Array[] = [],
    protectiveColumns: Float32Array[] = [],
    contactColumns: Float32Array[] = [];

  return (a, i, r, rs, initial) => {
    if (a !== columnsOf) {
      pathologyColumns = pathology.map((d) => a.pathology[d.name]);
      protectiveColumns = protective.map((f) => a.protective[f.name]);
      contactColumns = contact.map((d) => a.contact[d.name]);
      columnsOf = a;
    }
    const age = a.age[i];
    const male = rs.demography.uniform() < p.maleShare ? 1 : 0;
    a.male[i] = male;
    a.education[i] = rs.demography.pick(education[r]);

    let none = 1;
    for (let k = 0; k < pathology.length; k++) {
      const d = pathology[k];
      const sev =
        rs.pathology.uniform() < d.prevalence[male]
          ? Math.max(0.01, rs.pathology.beta(d.severity[0], d.severity[1]))
          : 0;
      pathologyColumns[k][i] = sev;
      none *= 1 - sev;
    }
    a.pathologyAny[i] = 1 - none;

    for (let k = 0; k < protective.length; k++)
      protectiveColumns[k][i] = rs.protective.beta(protective[k].shape[0], protective[k].shape[1]);

    for (let k = 0; k < needs.length; k++) {
      const extra = (k === IDENTITY_NEED && age < 18) || (k === SENSATION_NEED && male === 1 && age >= 15 && age < 30);
      const [sa, sb] = needs[k][extra ? 1 : 0];
      const v = rs.needs.beta(sa, sb);
      a.needs[NEED_STRIDE * i + NEED_BASELINE + k] = v;
      a.needs[NEED_STRIDE * i + k] = v;
    }

    a.leaning[i] = 1 + rs.radical.pick(leaning[r]);
    a.attitude[i] = rs.radical.beta(attitude[0], attitude[1]);
    a.uncertainty[i] = Math.min(2, Math.max(0.02, p.uncertainty.mean + p.uncertainty.sd * rs.radical.normal()));
    if (initial && rs.radical.uniform() < p.initialSensitivityShare) {
      a.phase[i] = 1;
      a.maxPhase[i] = 1;
      a.firstSensitiveWeek[i] = 0;
    }

    const o = online[age < 25 ? 1 : 0];
    a.online[i] = rs.exposure.beta(o[0], o[1]);
    for (let k = 0; k < contact.length; k++)
      contactColumns[k][i] = rs.exposure.beta(contact[k].shape[0], contact[k].shape[1]);

    // The traits just drawn are the person's set points (no extra draws: the population is the same).
    const sp = SET_POINT_STRIDE * i;
    a.setPoints[sp] = Math.round(a.attitude[i] * SET_POINT_SCALE);
    for (let k = 0; k < protective.length; k++)
      a.setPoints[sp + 1 + k] = Math.round(protectiveColumns[k][i] * SET_POINT_SCALE);
    a.setPoints[sp + UNCERTAINTY_SET_POINT] = Math.round(a.uncertainty[i] * UNCERTAINTY_SET_POINT_SCALE);

    refreshDerived(a, i);
    if (a.phase[i] === 1) a.entryMotive[i] = currentMotive(a, i, s.ablation.needs); // the needs equal their baselines here
  };
}
