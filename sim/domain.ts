/**
 * The named categories of the model (MODEL.md section 2). Order matters: it is the index used in
 * the typed arrays and in the output columns, so append, never reorder.
 */
export const NEEDS = ['identity', 'justice', 'meaning', 'sensation'] as const;
export type Need = (typeof NEEDS)[number];

export const PATHOLOGIES = ['adhd', 'autism', 'psychosis', 'narcissism', 'depression', 'trauma'] as const;
export type Pathology = (typeof PATHOLOGIES)[number];

export const PROTECTIVE = [
  'resilience',
  'criticalThinking',
  'emotionRegulation',
  'socialBonds',
  'institutionalTrust',
  'civicCompetence',
] as const;
export type Protective = (typeof PROTECTIVE)[number];

/** Index 0 is "none": the agent holds no extremist ideology. */
export const IDEOLOGIES = ['none', 'jihadist', 'rightWing', 'leftWing', 'antiInstitutional'] as const;
export type Ideology = (typeof IDEOLOGIES)[number];
export const EXTREMIST_IDEOLOGIES = IDEOLOGIES.slice(1) as readonly Exclude<Ideology, 'none'>[];

export const TRIGGER_LEVELS = ['micro', 'meso', 'macro'] as const;
export type TriggerLevel = (typeof TRIGGER_LEVELS)[number];

export const EDUCATION = ['low', 'mid', 'high'] as const;
export type Education = (typeof EDUCATION)[number];

export const PRACTICE_DOMAINS = ['care', 'social', 'security'] as const;

export const WORKING_ELEMENTS = [
  'cognitive',
  'psychosocial',
  'socialEducational',
  'behavioural',
  'societal',
  'pathologyTreatment',
] as const;

export const LAYERS = ['household', 'peer', 'neighbourhood', 'online'] as const;
export type Layer = (typeof LAYERS)[number];

/** Phases: 0 not radicalising, 1 sensitivity, 2 group, 3 action. */
export const PHASES = [0, 1, 2, 3] as const;
export const PHASE_NAMES = ['none', 'sensitivity', 'group', 'action'] as const;

/** Age bands used for output breakdowns (lower bounds, years). */
export const AGE_BANDS = [
  { name: '12-17', from: 12, to: 18 },
  { name: '18-24', from: 18, to: 25 },
  { name: '25-34', from: 25, to: 35 },
  { name: '35-49', from: 35, to: 50 },
  { name: '50+', from: 50, to: 200 },
] as const;

export function ageBandOf(age: number): number {
  for (let b = 0; b < AGE_BANDS.length; b++) if (age < AGE_BANDS[b].to) return b;
  return AGE_BANDS.length - 1;
}

/** Number of demographic cells: age band x sex x education. */
export const DEMOGRAPHIC_CELLS = AGE_BANDS.length * 2 * EDUCATION.length;

/** The demographic cell of an agent, the row of per-cell rate and susceptibility tables. */
export function demographicCell(age: number, male: number, education: number): number {
  return (ageBandOf(age) * 2 + male) * EDUCATION.length + education;
}
