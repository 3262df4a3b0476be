/**
 * The scenario schema: every parameter of the model, with its unit and range.
 *
 * No defaults live here: `scenarios/baseline.json` is the one documented default, and other
 * scenarios `extend` it. Objects are strict, so a misspelt key is an error rather than a
 * silently ignored parameter. Descriptions travel with the schema (zod `.meta`) so the
 * editor and the docs can show them.
 */
import { z } from 'zod';
import {
  AGE_BANDS,
  EDUCATION,
  EXTREMIST_IDEOLOGIES,
  LAYERS,
  NEEDS,
  PATHOLOGIES,
  PROTECTIVE,
  TRIGGER_LEVELS,
} from '../domain.ts';
import { compileFormula, FormulaError } from '../formula/compile.ts';
import { FORMULA_VARIABLE_NAMES } from '../formula/variables.ts';
import { customIssue } from './errors.ts';
import { issueText, type IssueParams } from './messages.ts';
import { bilingualTextSchema, localTextSchema } from './texts.ts';
import {
  interventionMechanicsSchema,
  interventionSchema,
  practiceSchema,
  regionPracticeSchema,
} from './practiceSchema.ts';

const num = (description: string, unit = '') => z.number().meta({ description, unit });
const unit01 = (description: string) => z.number().min(0).max(1).meta({ description, unit: '0..1' });
const nonNeg = (description: string, unit = '') => z.number().min(0).meta({ description, unit });
const positive = (description: string, unit = '') => z.number().gt(0).meta({ description, unit });
const count = (description: string) => z.number().int().min(0).meta({ description, unit: 'count' });
/** The unit of a standard deviation: the same scale as the mean it goes with. */
const SD = 'sd (scale of the mean)';

/** A record with exactly the given keys, each of the same schema. */
function keyed<K extends string, S extends z.ZodType>(keys: readonly K[], value: S) {
  return z.strictObject(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, S>);
}
/** Shares over named categories that must add up to 1. */
function shares<K extends string>(keys: readonly K[], what: string, of: IssueParams['sharesSum']['of']) {
  return keyed(keys, unit01(`share of ${what}`)).refine(
    (o) => Math.abs(Object.values(o as Record<string, number>).reduce((a, b) => a + b, 0) - 1) < 1e-6,
    { message: issueText('sharesSum', { of }), params: { kind: 'sharesSum', of } },
  );
}
const meanSd = (what: string) =>
  z.strictObject({ mean: unit01(`mean ${what}`), sd: nonNeg(`standard deviation of ${what}`, SD) });

const ageBandShare = z.strictObject({
  from: z.number().int().min(0).max(120).meta({ description: 'lowest age in the band', unit: 'years' }),
  to: z.number().int().min(1).max(121).meta({ description: 'first age past the band', unit: 'years' }),
  share: unit01('share of the population in this band'),
});
const ageBands = z
  .array(ageBandShare)
  .min(1)
  .superRefine((bands, ctx) => {
    const total = bands.reduce((a, b) => a + b.share, 0);
    if (Math.abs(total - 1) > 1e-6) ctx.addIssue(customIssue('sharesSum', { of: 'ageBands', total }));
    bands.forEach((b, i) => {
      if (b.to <= b.from) ctx.addIssue(customIssue('bandOrder', { from: b.from }, [i, 'to']));
      if (b.from < 12) ctx.addIssue(customIssue('populationStart', { age: 12 }, [i, 'from']));
    });
  });

const ideologyShares = shares(EXTREMIST_IDEOLOGIES, 'ideological leanings', 'ideologyLeaning');
const educationShares = shares(EDUCATION, 'education levels', 'education');

const pathologySpec = z.strictObject({
  prevalence: unit01('share of the population with this condition'),
  maleRatio: positive('prevalence in men divided by prevalence in women', 'ratio'),
  severity: meanSd('severity among those who have it'),
});

const needsPopulation = z.strictObject({
  baseline: keyed(NEEDS, meanSd('baseline unmet need')),
  adolescentIdentityExtra: unit01('added to the identity-need mean below age 18'),
  youngMaleSensationExtra: unit01('added to the sensation-need mean of men aged 15-29'),
});

export const populationSchema = z.strictObject({
  ageBands,
  maleShare: unit01('share of men'),
  education: educationShares,
  householdSize: z
    .array(nonNeg('relative weight of this household size (1, 2, 3, ... people)', 'weight'))
    .min(1)
    .max(10)
    .meta({ description: 'weights of household sizes 1, 2, 3, ...', unit: 'weights' }),
  ideologyLeaning: ideologyShares,
  pathology: keyed(PATHOLOGIES, pathologySpec),
  protective: keyed(PROTECTIVE, meanSd('protective factor')),
  needs: needsPopulation,
  attitude: meanSd('initial attitude strength toward the leaning ideology'),
  uncertainty: z.strictObject({
    mean: positive('mean opinion uncertainty (relative agreement)', 'opinion units'),
    sd: nonNeg('sd of uncertainty', SD),
  }),
  online: z.strictObject({
    mean: unit01('mean online exposure'),
    sd: nonNeg('sd of online exposure', SD),
    youthExtra: unit01('added below age 25'),
  }),
  contact: keyed(
    ['care', 'social', 'security'] as const,
    unit01('mean weekly contact intensity with professionals of this domain'),
  ),
  initialSensitivityShare: unit01('share starting in phase 1 (sensitivity)'),
});

const regionPopulationOverride = z.strictObject({
  ageBands: ageBands.optional(),
  education: educationShares.optional(),
  ideologyLeaning: ideologyShares.optional(),
});

export const regionSchema = z.strictObject({
  name: z.string().min(1).meta({ description: 'region name' }),
  share: unit01('share of the agents living here'),
  urban: z.boolean().meta({ description: 'a big city (true) or a rural region (false)' }),
  neighbourhoodSize: z.number().int().min(20).meta({ description: 'agents per neighbourhood', unit: 'agents' }),
  triggerRate: positive('multiplier on micro and meso trigger rates in this area', 'ratio'),
  population: regionPopulationOverride.optional(),
  practice: regionPracticeSchema.optional(),
});

export const networkSchema = z.strictObject({
  peer: z.strictObject({
    meanDegree: nonNeg('mean peer ties (school or work)', 'ties'),
    schoolSize: z.number().int().min(2).meta({ description: 'pupils per school (ages 12-17)', unit: 'agents' }),
    workplaceSize: z.number().int().min(2).meta({ description: 'people per workplace or college', unit: 'agents' }),
    activeShare: unit01('share of adults below 67 in work or study'),
  }),
  neighbourhood: z.strictObject({ meanDegree: nonNeg('mean neighbourhood ties', 'ties') }),
  online: z.strictObject({
    meanDegree: nonNeg('mean online ties of an agent with average exposure', 'ties'),
    crossRegionShare: unit01(
      'chance that the partner of an online tie is drawn from the whole population rather than the own region (so the share crossing regions is lower)',
    ),
  }),
  weights: keyed(LAYERS, nonNeg('relative chance that a weekly contact uses a tie of this layer', 'relative weight')),
});

const macroType = z.strictObject({
  grievance: nonNeg('rise of the grievance climate per unit strength', 'field units per unit strength'),
  threat: nonNeg('rise of perceived threat per unit strength', 'field units per unit strength'),
  salience: keyed(
    EXTREMIST_IDEOLOGIES,
    nonNeg('rise of this ideology\u2019s salience per unit strength', 'field units per unit strength'),
  ),
});

export const macroSchema = z.strictObject({
  halfLifeWeeks: z.strictObject({
    grievance: positive('half-life of the grievance climate', 'weeks'),
    threat: positive('half-life of perceived threat', 'weeks'),
    salience: positive('half-life of ideology salience', 'weeks'),
  }),
  types: z
    .record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/), macroType)
    .meta({ description: 'named kinds of macro event' }),
  schedule: z.array(
    z.strictObject({
      week: z
        .number()
        .int()
        .min(1)
        .meta({ description: 'week the event happens (1 = the first week run)', unit: 'week' }),
      type: z.string().meta({ description: 'a key of macro.types' }),
      strength: nonNeg('strength of the event: multiplies the rises of its type', 'strength'),
    }),
  ),
  stochastic: z.array(
    z.strictObject({
      type: z.string().meta({ description: 'a key of macro.types' }),
      perYear: nonNeg('expected events per year', '1/year'),
      strength: nonNeg('strength of each event: multiplies the rises of its type', 'strength'),
    }),
  ),
  opponents: keyed(EXTREMIST_IDEOLOGIES, z.enum(['none', ...EXTREMIST_IDEOLOGIES])).meta({
    description: 'whose salience an incident of this ideology raises (reciprocal radicalisation)',
  }),
  reciprocalShare: unit01('share of an incident\u2019s salience rise that goes to the opposing ideology'),
  impact: z.strictObject({
    justicePerGrievance: nonNeg(
      'rise of the justice need per unit rise of grievance, before susceptibility',
      'per field unit',
    ),
    identityPerThreat: nonNeg('rise of the identity need per unit rise of threat', 'per field unit'),
    attitudePerSalience: nonNeg('rise of attitude per unit rise of own-leaning salience', 'per field unit'),
  }),
});

const triggerEffects = z.strictObject({
  needs: keyed(NEEDS, num('change of this unmet need per unit impact', 'change per unit impact')).partial(),
  protective: keyed(
    PROTECTIVE,
    num('change of this protective factor per unit impact', 'change per unit impact'),
  ).partial(),
  attitude: num('change of attitude strength per unit impact', 'change per unit impact'),
  groupIdentification: num('change of group identification per unit impact', 'change per unit impact'),
});

/** Who a trigger can reach; the trigger stage sums rates by these classes, in this order. */
export const triggerAppliesTo = z.enum([
  'everyone',
  'radicalising',
  'groupMembers',
  'groupTies',
  'online',
  'released',
  'labelled',
]);

const triggerSpec = z.strictObject({
  id: z
    .string()
    .regex(/^[a-zA-Z][a-zA-Z0-9_]*$/)
    .meta({ description: 'identifier' }),
  label: localTextSchema('what happens'),
  level: z.enum(['micro', 'meso']).meta({ description: 'micro (personal life) or meso (the social surroundings)' }),
  direction: z
    .enum(['radicalising', 'deradicalising'])
    .meta({ description: 'whether the event pushes toward or away from radicalisation' }),
  perYear: nonNeg(
    'base rate per person per year; for appliesTo "released", the weekly rate in the week after release (1 gives a 63% chance)',
    '1/year',
  ),
  strength: positive('impact before susceptibility', 'impact'),
  appliesTo: triggerAppliesTo.meta({
    description:
      'who can meet it: everyone; people in phase 1-3; group members; rate scaled by ties to group members; rate scaled by online exposure; people just released from detention; people labelled by the practice pipeline (rate scaled by how much of the stigma the process lets land)',
  }),
  byAge: z
    .array(nonNeg('rate multiplier', 'ratio'))
    .length(AGE_BANDS.length)
    .meta({ description: `rate multipliers for the age bands ${AGE_BANDS.map((b) => b.name).join(', ')}` }),
  male: nonNeg('rate multiplier for men', 'ratio'),
  byEducation: keyed(EDUCATION, nonNeg('rate multiplier', 'ratio')),
  effects: triggerEffects,
});

export const triggersSchema = z.strictObject({
  recentHalfLifeWeeks: positive('half-life of the recent-trigger load that hazards read', 'weeks'),
  catalogue: z.array(triggerSpec).min(1),
});

export const susceptibilitySchema = z.strictObject({
  byMotive: keyed(
    TRIGGER_LEVELS,
    keyed(NEEDS, nonNeg('multiplier of a trigger of this level for people with this dominant motive', 'multiplier')),
  ),
  byAge: z
    .array(nonNeg('impact multiplier for this age band', 'multiplier'))
    .length(AGE_BANDS.length)
    .meta({ description: 'impact multipliers by age band' }),
  male: nonNeg('impact multiplier for men', 'ratio'),
  byEducation: keyed(EDUCATION, nonNeg('impact multiplier', 'multiplier')),
  pathology: keyed(
    PATHOLOGIES,
    nonNeg('added to the impact multiplier per unit severity', 'multiplier added per unit severity'),
  ),
  protectiveDamping: unit01('share of impact absorbed at full protection'),
});

export const influenceSchema = z.strictObject({
  contactsPerWeek: nonNeg('influence meetings per agent per week', '1/week'),
  mu: unit01('convergence rate of relative agreement'),
  followerConformity: nonNeg('multiplier of mu for group followers meeting members', 'ratio'),
  leaderConformity: nonNeg('multiplier of mu for group leaders meeting members', 'ratio'),
  mainstreamThreshold: unit01('attitude below which a contact of another leaning counts as mainstream'),
  sources: z.strictObject({
    reach: keyed(
      EXTREMIST_IDEOLOGIES,
      unit01('weekly chance that a fully online person of this leaning meets this ideology\u2019s high-reach sources'),
    ),
    amplification: nonNeg('algorithmic amplification multiplier on reach (moderation lowers it)', 'ratio'),
    attitude: unit01('attitude of the sources'),
    uncertainty: positive('uncertainty of the sources (confident extremists are low)', 'opinion units'),
  }),
  groupIdentificationGrowth: unit01('weekly growth of group identification toward 1 among members'),
});

export const needsSchema = z.strictObject({
  relaxRate: unit01('weekly share of the gap to baseline that closes'),
  groupMeets: keyed(NEEDS, unit01('share of this need met by full identification with a group')),
});

export const restoringSchema = z.strictObject({
  attitudeHalfLifeWeeks: nonNeg(
    'half-life of the gap between a person\u2019s attitude (and its uncertainty) and their own set point (the values drawn for them); 0 switches the pull off',
    'weeks',
  ),
  protectiveHalfLifeWeeks: nonNeg(
    'half-life of the gap between each protective factor and the person\u2019s own set point; 0 switches the pull off',
    'weeks',
  ),
  releaseDisengagement: unit01(
    'chance that a person released from detention has disengaged from violence: they leave the action phase for the sensitivity phase',
  ),
});

export const groupsSchema = z.strictObject({
  maxSize: z.number().int().min(2).meta({ description: 'largest group size', unit: 'agents' }),
  onlineJoinShare: unit01(
    'chance, at online exposure 0.5 and in proportion to exposure, that a new member without a tie to a group joins the largest online group of the leaning rather than founding one',
  ),
  leaderScore: z.strictObject({
    narcissism: nonNeg('weight of narcissistic traits in the leadership score', 'weight'),
    sensation: nonNeg('weight of the sensation need', 'weight'),
    attitude: nonNeg('weight of attitude strength', 'weight'),
  }),
  successionChance: unit01('chance that a group survives the loss of its leader by choosing a new one'),
  takeoverMargin: nonNeg(
    'a newcomer takes the lead when their leadership score exceeds the leader\u2019s by this factor',
    'ratio',
  ),
  breakupAttitudeLoss: unit01('share of attitude strength members lose when their group breaks up'),
});

const hazardKey = z.string().regex(/^[0-3]->[0-3]$/, 'a hazard key looks like "0->1" (from phase -> to phase, 0..3)');

export const phasesSchema = z.strictObject({
  constants: z
    .record(
      z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/),
      z.number().meta({
        description:
          'a constant of the hazard formulas: per week when it scales a hazard, dimensionless otherwise (an amplification, a share)',
        unit: 'per week (scales) or dimensionless',
      }),
    )
    .meta({ description: 'named constants the hazard formulas may use' }),
  hazards: z
    .record(hazardKey, z.string())
    .meta({ description: 'weekly hazard of each transition, a formula over agent variables' }),
});

export const actionSchema = z.strictObject({
  incidentPerWeek: unit01('weekly incident probability at full violence willingness'),
  violenceGrowth: unit01('weekly growth of violence willingness toward 1 in the action phase'),
  violenceDecay: unit01('weekly decay of violence willingness outside the action phase'),
  incidentStrength: nonNeg(
    'macro strength of an incident rate of one per 100,000 people, so the climate depends on the rate, not the model size',
    'macro strength',
  ),
  incidentType: z.string().meta({ description: 'the macro type an incident fires (a key of macro.types)' }),
  arrestChance: unit01('chance that the perpetrator is arrested'),
  preparationArrestPerWeek: unit01(
    'weekly chance that a person in the action phase is arrested before any incident: for preparing an attack, for threats or for travelling to fight',
  ),
  membershipArrestPerWeek: unit01(
    'weekly chance that a group member in the group phase is arrested for membership of, or support to, a terrorist organisation',
  ),
  detentionWeeks: z
    .number()
    .int()
    .min(0)
    .max(5200)
    .meta({ description: 'weeks of detention after arrest (at most 5,200, the longest run)', unit: 'count' }),
  leaderArrestBreakup: unit01('chance that a group breaks up when its leader is arrested, before succession'),
});

export const ablationSchema = z.strictObject({
  pathology: z.boolean().meta({ description: 'pathology moderates trigger impact and hazards' }),
  needs: z.boolean().meta({ description: 'unmet needs exist and drive hazards' }),
  microTriggers: z.boolean().meta({ description: 'micro triggers of the catalogue can occur' }),
  mesoTriggers: z.boolean().meta({ description: 'meso triggers of the catalogue can occur' }),
  macroTriggers: z.boolean().meta({ description: 'macro events take effect' }),
  socialInfluence: z.boolean().meta({ description: 'agents influence each other (and the online sources reach them)' }),
  groups: z.boolean().meta({ description: 'groups form, recruit and meet needs' }),
});

/** The names of the model switches (the keys of `ablation`), in schema order. */
export const ABLATION_SWITCHES = Object.keys(ablationSchema.shape) as readonly (keyof typeof ablationSchema.shape)[];

export const outputsSchema = z.strictObject({
  routes: z.strictObject({
    ids: z
      .array(z.number().int().min(0).meta({ description: 'id of an agent whose route is recorded', unit: 'agent id' }))
      .meta({ description: 'agent ids whose route is recorded' }),
    sample: count('number of agents, drawn at random, whose route is recorded'),
  }),
});

// -- Title and description in English and Dutch (what the web app's pickers show) --
export { bilingualTextSchema } from './texts.ts';
const scenarioTitleSchema = bilingualTextSchema.optional().meta({ description: 'title, a few words' });
const scenarioDescriptionSchema = bilingualTextSchema
  .optional()
  .meta({ description: 'what the scenario changes and why, in one line' });
// -- end of title and description --

// -- Guided demo: the stops a presenter makes in Explore (not a model parameter) --
/** Whom a demo stop selects (SimulationHost.pickPerson). */
export const DEMO_SELECTIONS = ['highestPhase', 'mostTriggers'] as const;
export type DemoSelection = (typeof DEMO_SELECTIONS)[number];
const demoStepSchema = z.strictObject({
  week: z.number().int().min(0).max(5200).meta({ description: 'week at which the run pauses', unit: 'week' }),
  caption: bilingualTextSchema.meta({ description: 'what to point out at this stop' }),
  fire: z.string().optional().meta({ description: 'a macro type fired at this stop (a key of macro.types)' }),
  select: z.enum(DEMO_SELECTIONS).optional().meta({
    description:
      'a person selected at this stop: highestPhase (in the highest phase), mostTriggers (the highest recent trigger load)',
  }),
});
const demoSchema = z
  .array(demoStepSchema)
  .optional()
  .meta({ description: 'guided demo: stops with captions for presenting the scenario in Explore' });
// -- end of guided demo --

export const scenarioSchema = z
  .strictObject({
    name: z.string().min(1).meta({ description: 'short name' }),
    title: scenarioTitleSchema,
    question: localTextSchema('the one-sentence question this scenario asks', true),
    description: scenarioDescriptionSchema,
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .meta({ description: 'random seed', unit: 'integer' }),
    agents: z.number().int().min(10).max(50_000_000).meta({ description: 'population size', unit: 'agents' }),
    weeks: z.number().int().min(1).max(5200).meta({
      description: 'run length after the burn-in: series, outcomes and scheduled weeks count from its end',
      unit: 'weeks',
    }),
    burnInWeeks: z.number().int().min(0).max(5200).meta({
      description:
        'weeks run before week 0 so the population reaches its steady state (spin-up); nothing is recorded or scheduled in them',
      unit: 'weeks',
    }),
    regions: z.array(regionSchema).min(1).max(255),
    population: populationSchema,
    network: networkSchema,
    macro: macroSchema,
    triggers: triggersSchema,
    susceptibility: susceptibilitySchema,
    influence: influenceSchema,
    needs: needsSchema,
    restoring: restoringSchema,
    groups: groupsSchema,
    phases: phasesSchema,
    action: actionSchema,
    practice: practiceSchema,
    interventionMechanics: interventionMechanicsSchema,
    interventions: z.array(interventionSchema),
    ablation: ablationSchema,
    outputs: outputsSchema,
    demo: demoSchema,
  })
  .superRefine((s, ctx) => {
    if (s.burnInWeeks + s.weeks > 5200)
      ctx.addIssue(customIssue('burnInTotal', { max: 5200, total: s.burnInWeeks + s.weeks }, ['burnInWeeks']));
    const total = s.regions.reduce((a, r) => a + r.share, 0);
    if (Math.abs(total - 1) > 1e-6) ctx.addIssue(customIssue('sharesSum', { of: 'regions', total }, ['regions']));
    const names = new Set<string>();
    s.regions.forEach((r, i) => {
      if (names.has(r.name))
        ctx.addIssue(customIssue('unique', { what: 'regionNames', value: r.name }, ['regions', i, 'name']));
      names.add(r.name);
    });
    const types = Object.keys(s.macro.types);
    const checkType = (t: string, path: (string | number)[]) => {
      if (!Object.hasOwn(s.macro.types, t)) ctx.addIssue(customIssue('unknownMacroType', { type: t, types }, path));
    };
    s.macro.schedule.forEach((e, i) => checkType(e.type, ['macro', 'schedule', i, 'type']));
    s.macro.stochastic.forEach((e, i) => checkType(e.type, ['macro', 'stochastic', i, 'type']));
    checkType(s.action.incidentType, ['action', 'incidentType']);
    s.demo?.forEach((d, i) => d.fire !== undefined && checkType(d.fire, ['demo', i, 'fire']));
    const ids = new Set<string>();
    s.triggers.catalogue.forEach((t, i) => {
      if (ids.has(t.id))
        ctx.addIssue(customIssue('unique', { what: 'triggerIds', value: t.id }, ['triggers', 'catalogue', i, 'id']));
      ids.add(t.id);
    });
    for (const name of Object.keys(s.phases.constants)) {
      if (FORMULA_VARIABLE_NAMES.includes(name))
        ctx.addIssue(customIssue('constantHidesVariable', { name }, ['phases', 'constants', name]));
    }
    for (const [key, formula] of Object.entries(s.phases.hazards)) {
      const [from, to] = key.split('->');
      if (from === to) ctx.addIssue(customIssue('hazardSelf', {}, ['phases', 'hazards', key]));
      try {
        compileFormula(formula, FORMULA_VARIABLE_NAMES, s.phases.constants);
      } catch (err) {
        if (!(err instanceof FormulaError)) throw err;
        ctx.addIssue(customIssue('formula', { detail: err.message }, ['phases', 'hazards', key]));
      }
    }
    const regionNames = s.regions.map((r) => r.name);
    const interventionIds = new Set<string>();
    s.interventions.forEach((v, i) => {
      const at = (...p: (string | number)[]) => ['interventions', i, ...p];
      if (interventionIds.has(v.id))
        ctx.addIssue(customIssue('unique', { what: 'interventionIds', value: v.id }, at('id')));
      interventionIds.add(v.id);
      if (v.ageTo <= v.ageFrom)
        ctx.addIssue(customIssue('greaterThanField', { field: 'ageFrom', value: v.ageFrom }, at('ageTo')));
      if (v.endWeek < v.startWeek)
        ctx.addIssue(customIssue('notBeforeField', { field: 'startWeek', value: v.startWeek }, at('endWeek')));
      v.regions.forEach((r, k) => {
        if (!regionNames.includes(r))
          ctx.addIssue(customIssue('unknownRegion', { name: r, regions: regionNames }, at('regions', k)));
      });
      if (v.reach === 'indicated' && v.phases.length === 0)
        ctx.addIssue(customIssue('indicatedPhases', {}, at('phases')));
    });
    if (s.interventions.length > 255)
      ctx.addIssue(customIssue('tooManyInterventions', { max: 255 }, ['interventions']));
    const r = s.interventionMechanics.response;
    if (r.fullEffectWeeks < r.minEffectiveWeeks)
      ctx.addIssue(
        customIssue('atLeastField', { field: 'minEffectiveWeeks', value: r.minEffectiveWeeks }, [
          'interventionMechanics',
          'response',
          'fullEffectWeeks',
        ]),
      );
    for (const id of s.outputs.routes.ids) {
      if (id >= s.agents)
        ctx.addIssue(customIssue('agentOutside', { id, max: s.agents - 1 }, ['outputs', 'routes', 'ids']));
    }
  });

export type Scenario = z.infer<typeof scenarioSchema>;
export type TriggerSpec = z.infer<typeof triggerSpec>;
export type RegionSpec = z.infer<typeof regionSchema>;
