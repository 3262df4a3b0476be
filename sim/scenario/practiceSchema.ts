/**
 * Schema of the practice pipeline (MODEL.md 4.8; seed 004_3f123f64741c8191.txt) and of
 * interventions (MODEL.md 5; seed 003_b01ffb2916f57b10.txt). Kept apart from the rest of the
 * scenario schema because regions override practice, and interventions are a list of their own.
 */
import { z } from 'zod';
import { EXTREMIST_IDEOLOGIES, PRACTICE_DOMAINS, WORKING_ELEMENTS } from '../domain.ts';
import { localTextSchema } from './texts.ts';

const unit01 = (description: string) => z.number().min(0).max(1).meta({ description, unit: '0..1' });
const nonNeg = (description: string, unit = '') => z.number().min(0).meta({ description, unit });
/** How far one unit of effect level of a working element moves a part of the person's state. */
const effect = (what: string) => nonNeg(`${what} per unit effect level`, 'per unit effect level');
const weeks = (description: string) => z.number().int().min(0).meta({ description, unit: 'weeks' });
function keyed<K extends string, S extends z.ZodType>(keys: readonly K[], value: S) {
  return z.strictObject(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, S>);
}

export const practiceSchema = z.strictObject({
  signals: z.strictObject({
    rate: keyed(
      PRACTICE_DOMAINS,
      unit01('weekly chance that a professional of this domain notices a signal, at full contact and full visibility'),
    ),
    visibilityByPhase: z.array(unit01('visibility')).length(4).meta({
      description: 'how visible radicalisation is in phases 0..3 (phase 0 is 0: only confused behaviour shows)',
    }),
    confusion: z.strictObject({
      adhd: nonNeg('weight of ADHD severity in confused behaviour', 'weight per unit severity'),
      autism: nonNeg('weight of autism severity in confused behaviour', 'weight per unit severity'),
      psychosis: nonNeg('weight of psychosis severity in confused behaviour', 'weight per unit severity'),
      falseSignalShare: unit01('visibility of fully confused behaviour, relative to radicalisation (false signals)'),
    }),
    recognition: keyed(
      EXTREMIST_IDEOLOGIES,
      unit01('how well professionals recognise this ideology (1 = as well as the best)'),
    ),
    recognitionFemale: unit01('how well radicalisation of women is recognised relative to men'),
    training: unit01('training of professionals: raises the signal rate by up to trainingGain'),
    trainingGain: nonNeg('signal rate multiplier gained at full training, minus one', 'ratio'),
    biasTraining: unit01(
      'training against recognition bias: closes this share of the gap in recognition by ideology and sex',
    ),
    cooldownWeeks: weeks('weeks after a signal before the same person can be signalled again'),
  }),
  triage: z.strictObject({
    capacityPer100k: nonNeg('signals the triage team can weigh per week per 100,000 people', '1/week'),
    informationSharing: unit01('information sharing between care, social and security domains'),
    riskAssessment: unit01('use of a standardised risk assessment (objective criteria)'),
    sensitivity: z.strictObject({
      base: unit01('chance that a radicalising person is included without sharing or assessment'),
      sharingGain: unit01('added at full information sharing'),
      assessmentGain: unit01('added with a standardised assessment'),
    }),
    falsePositive: z.strictObject({
      base: unit01('chance that a non-radicalising person is included without sharing or assessment'),
      sharingReduction: unit01('share of false inclusions avoided at full information sharing'),
      assessmentReduction: unit01('share of false inclusions avoided with a standardised assessment'),
    }),
    hoursPerSignal: nonNeg('professional hours to weigh one signal', 'hours'),
  }),
  cases: z.strictObject({
    slotsPer100k: nonNeg('concurrent PGA cases per 100,000 people', 'cases'),
    caseWeeks: weeks('length of a case plan'),
    followUpWeeks: weeks('follow-up after the case plan: a new signal in this time goes straight back into the PGA'),
    tailored: unit01('1 = case plans tailored to phase, needs and pathology; 0 = one size fits all'),
    plan: keyed(WORKING_ELEMENTS, unit01('weekly intensity of this working element in a one-size-fits-all case plan')),
    hoursPerWeek: nonNeg('professional hours per case per week', 'hours'),
  }),
  labelling: z.strictObject({
    transparency: unit01('transparency of the process toward the person and their community'),
    justiceRise: unit01('rise of the justice-need baseline on being labelled, at zero transparency'),
    trustLoss: unit01('loss of institutional trust on being labelled, at zero transparency'),
    transparencyProtection: unit01('share of that harm avoided at full transparency'),
  }),
});

/** A region may override any part of the practice block. */
export const regionPracticeSchema = z.strictObject({
  signals: practiceSchema.shape.signals.partial().optional(),
  triage: practiceSchema.shape.triage.partial().optional(),
  cases: practiceSchema.shape.cases.partial().optional(),
  labelling: practiceSchema.shape.labelling.partial().optional(),
});

export const interventionSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-zA-Z][a-zA-Z0-9_]*$/)
    .meta({ description: 'identifier' }),
  label: localTextSchema('what it is'),
  reach: z.enum(['universal', 'targeted', 'indicated']).meta({
    description:
      'universal: everyone eligible by age and region; targeted: PGA cases (their case plan); indicated: people in the given phases',
  }),
  ageFrom: z.number().min(0).meta({ description: 'youngest age reached', unit: 'years' }),
  ageTo: z.number().min(0).meta({ description: 'first age no longer reached', unit: 'years' }),
  regions: z.array(z.string()).meta({ description: 'region names reached (empty = all)' }),
  phases: z
    .array(
      z
        .number()
        .int()
        .min(0)
        .max(3)
        .meta({ description: 'a phase reached by an indicated programme', unit: 'phase (0..3)' }),
    )
    .meta({ description: 'for indicated reach: the phases reached' }),
  startWeek: z.number().int().min(1).meta({ description: 'first week the programme runs', unit: 'week' }),
  endWeek: z.number().int().min(1).meta({ description: 'last week new participants start', unit: 'week' }),
  durationWeeks: z.number().int().min(1).meta({ description: 'weeks a participant takes part', unit: 'weeks' }),
  coverage: unit01('share of eligible people offered the programme'),
  capacityPer100k: nonNeg('concurrent participants per 100,000 people (0 = unlimited)', 'participants'),
  intensity: keyed(WORKING_ELEMENTS, unit01('weekly intensity of this working element')),
  delivery: z.strictObject({
    familyInvolvement: unit01('system approach: share of the effect that also reaches household members'),
    communityMessengers: unit01('people from the community deliver or introduce it (trust, uptake)'),
    transparency: unit01('transparency toward participants and community'),
    culturalResponsiveness: unit01('cultural responsiveness'),
    traumaSensitivity: unit01('trauma and context sensitivity'),
  }),
  costHoursPerWeek: nonNeg('professional hours per participant per week', 'hours'),
});

export const interventionMechanicsSchema = z.strictObject({
  uptake: z.strictObject({
    base: unit01('chance of accepting an offer at average trust, no stigma, no delivery qualities'),
    trust: nonNeg('added per unit of institutional trust above 0.5', 'chance added'),
    messengers: nonNeg('added at full community messengers', 'chance added'),
    cultural: nonNeg('added at full cultural responsiveness', 'chance added'),
    transparency: nonNeg('added at full transparency', 'chance added'),
    stigma: unit01('lost by a labelled person (less with transparency)'),
  }),
  dropoutPerWeek: z.strictObject({
    base: unit01('weekly drop-out chance at average trust'),
    distrust: nonNeg('added per unit of trust below 0.5', 'weekly chance added'),
    resistance: nonNeg('added per unit of resistance', 'weekly chance added'),
    transparencyReduction: unit01('share of drop-out avoided at full transparency'),
  }),
  response: z.strictObject({
    rate: unit01('weekly share of the gap between the current effect and the intensity that closes while taking part'),
    minEffectiveWeeks: weeks('participation below this leaves no lasting change'),
    fullEffectWeeks: weeks('participation from this long keeps all of the effect'),
    decayHalfLifeWeeks: nonNeg('half-life of the effect not kept, after the end', 'weeks'),
  }),
  resistance: z.strictObject({
    byPhase: z
      .array(unit01('resistance'))
      .length(4)
      .meta({ description: 'resistance to ideological change in phases 0..3' }),
    groupIdentification: unit01('added per unit of group identification'),
  }),
  holisticSynergy: nonNeg(
    'extra effect per additional factor group addressed (needs, pathology and resilience, ideology and behaviour)',
    'share of extra effect',
  ),
  traumaSensitivityGain: nonNeg(
    'extra effect for people with trauma at full trauma sensitivity',
    'share of extra effect',
  ),
  effects: z.strictObject({
    cognitive: z.strictObject({
      criticalThinking: effect('critical thinking raised'),
      attitude: effect('attitude lowered (resisted)'),
    }),
    psychosocial: z.strictObject({
      resilience: effect('resilience raised'),
      emotionRegulation: effect('emotion regulation raised'),
    }),
    socialEducational: z.strictObject({
      socialBonds: effect('social bonds raised'),
      meaning: effect('meaning need lowered'),
      identity: effect('identity need lowered'),
    }),
    behavioural: z.strictObject({
      violence: effect('violence willingness lowered (resisted)'),
      groupIdentification: effect('group identification lowered (resisted)'),
      attitude: effect('attitude lowered (resisted)'),
    }),
    societal: z.strictObject({
      civicCompetence: effect('civic competence raised'),
      institutionalTrust: effect('institutional trust raised'),
      justice: effect('justice need lowered'),
    }),
    pathologyTreatment: z.strictObject({
      severity: effect('share of pathology severity treated (ADHD, psychosis, depression, trauma)'),
    }),
  }),
});

export type Practice = z.infer<typeof practiceSchema>;
export type Intervention = z.infer<typeof interventionSchema>;
export type InterventionMechanics = z.infer<typeof interventionMechanicsSchema>;
