/**
 * The agent variables a hazard formula may read, each with its meaning and unit. Names only: the
 * scenario layer checks formulas against them, and sim/model/variables.ts binds each name to the
 * running world. Order matters (it is the order formulas are compiled against), so append.
 */
export interface FormulaVariableSpec {
  readonly description: string;
  readonly unit: string;
}

export const FORMULA_VARIABLES = {
  identity: { description: 'unmet need for a positive social identity', unit: '0..1' },
  justice: { description: 'unmet need for justice (grievance)', unit: '0..1' },
  meaning: { description: 'unmet need for meaning', unit: '0..1' },
  sensation: { description: 'unmet need for adventure and sensation', unit: '0..1' },
  needs: { description: 'mean of the four unmet needs', unit: '0..1' },
  adhd: { description: 'ADHD severity (impulsivity)', unit: 'severity 0..1' },
  autism: { description: 'autism spectrum severity (rigid fixation)', unit: 'severity 0..1' },
  psychosis: { description: 'psychotic disorder severity (paranoid grievance)', unit: 'severity 0..1' },
  narcissism: { description: 'narcissistic traits (ego need, leadership)', unit: 'severity 0..1' },
  depression: { description: 'depression or anxiety severity (lower resilience)', unit: 'severity 0..1' },
  trauma: { description: 'trauma severity (amplified reaction to triggers)', unit: 'severity 0..1' },
  pathology: { description: 'combined pathology severity, 1 - prod(1 - severity)', unit: '0..1' },
  resilience: { description: 'resilience', unit: '0..1' },
  criticalThinking: { description: 'critical thinking and tolerance of ambiguity', unit: '0..1' },
  emotionRegulation: { description: 'emotion regulation', unit: '0..1' },
  socialBonds: { description: 'bonds with family, school or work', unit: '0..1' },
  institutionalTrust: { description: 'trust in institutions', unit: '0..1' },
  civicCompetence: { description: 'civic and political competence', unit: '0..1' },
  protection: {
    description: 'mean of resilience, critical thinking, emotion regulation and social bonds',
    unit: '0..1',
  },
  attitude: { description: 'strength of adherence to the leaning ideology', unit: '0..1' },
  uncertainty: { description: 'opinion uncertainty (relative agreement)', unit: '>0' },
  groupIdentification: { description: 'identification with the own group', unit: '0..1' },
  violence: { description: 'willingness to use violence', unit: '0..1' },
  trigger: { description: 'recent radicalising trigger load (decays with a half-life)', unit: 'impact' },
  groupTies: { description: 'ties to members of groups of the own leaning', unit: 'ties' },
  inGroup: { description: '1 if member of a group', unit: '0/1' },
  leader: { description: '1 if leader of a group', unit: '0/1' },
  age: { description: 'age in completed years', unit: 'years' },
  adolescent: { description: '1 if younger than 18', unit: '0/1' },
  male: { description: '1 for men', unit: '0/1' },
  eduLow: { description: '1 for low education', unit: '0/1' },
  eduHigh: { description: '1 for high education', unit: '0/1' },
  weeks: { description: 'weeks in the current phase', unit: 'weeks' },
  online: { description: 'online exposure', unit: '0..1' },
  labelled: { description: '1 if labelled by the practice pipeline', unit: '0/1' },
  inCase: { description: '1 while a PGA case plan runs (2 on the waiting list reads as 0)', unit: '0/1' },
  grievance: { description: 'society-level grievance climate', unit: 'field' },
  threat: { description: 'society-level perceived threat', unit: 'field' },
  salience: { description: 'salience of the own leaning ideology', unit: 'field' },
  // One 0/1 variable per leaning, so a hazard can differ by ideology (the movements differ in
  // size by one to two orders of magnitude: calibration/targets.json).
  jihadist: { description: '1 if the person leans toward jihadism', unit: '0/1' },
  rightWing: { description: '1 if the person leans toward right-wing extremism', unit: '0/1' },
  leftWing: { description: '1 if the person leans toward left-wing extremism', unit: '0/1' },
  antiInstitutional: { description: '1 if the person leans toward anti-institutional extremism', unit: '0/1' },
} as const satisfies Record<string, FormulaVariableSpec>;

export type FormulaVariable = keyof typeof FORMULA_VARIABLES;

export const FORMULA_VARIABLE_NAMES: readonly string[] = Object.keys(FORMULA_VARIABLES);
