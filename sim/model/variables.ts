/**
 * The variables a hazard formula may read, each with its meaning and unit, and how it is bound
 * to the running world. Ablated factor groups read zeros, so a formula needs no change when a
 * researcher switches a factor off.
 */
import type { VariableBinding } from '../formula/compile.ts';
import { IDENTITY, JUSTICE, MEANING, NEED_STRIDE, SENSATION } from '../population/agents.ts';
import type { World } from './world.ts';

interface VariableSpec {
  readonly description: string;
  readonly unit: string;
  readonly bind: (w: World) => VariableBinding;
}

const agent =
  (pick: (w: World) => ArrayLike<number>) =>
  (w: World): VariableBinding => ({ kind: 'agent', values: pick(w) });
const needVar = (k: number, description: string): VariableSpec => ({
  description,
  unit: '0..1',
  bind: (w) =>
    w.scenario.ablation.needs
      ? { kind: 'strided', values: w.agents.needs, stride: NEED_STRIDE, offset: k }
      : { kind: 'agent', values: w.zeros },
});
const pathVar = (
  k: 'adhd' | 'autism' | 'psychosis' | 'narcissism' | 'depression' | 'trauma',
  description: string,
): VariableSpec => ({
  description,
  unit: 'severity 0..1',
  bind: agent((w) => (w.scenario.ablation.pathology ? w.agents.pathology[k] : w.zeros)),
});
const protVar = (
  k: 'resilience' | 'criticalThinking' | 'emotionRegulation' | 'socialBonds' | 'institutionalTrust' | 'civicCompetence',
  description: string,
): VariableSpec => ({ description, unit: '0..1', bind: agent((w) => w.agents.protective[k]) });

export const FORMULA_VARIABLES: Readonly<Record<string, VariableSpec>> = {
  identity: needVar(IDENTITY, 'unmet need for a positive social identity'),
  justice: needVar(JUSTICE, 'unmet need for justice (grievance)'),
  meaning: needVar(MEANING, 'unmet need for meaning'),
  sensation: needVar(SENSATION, 'unmet need for adventure and sensation'),
  needs: {
    description: 'mean of the four unmet needs',
    unit: '0..1',
    bind: agent((w) => (w.scenario.ablation.needs ? w.agents.needMean : w.zeros)),
  },
  adhd: pathVar('adhd', 'ADHD severity (impulsivity)'),
  autism: pathVar('autism', 'autism spectrum severity (rigid fixation)'),
  psychosis: pathVar('psychosis', 'psychotic disorder severity (paranoid grievance)'),
  narcissism: pathVar('narcissism', 'narcissistic traits (ego need, leadership)'),
  depression: pathVar('depression', 'depression or anxiety severity (lower resilience)'),
  trauma: pathVar('trauma', 'trauma severity (amplified reaction to triggers)'),
  pathology: {
    description: 'combined pathology severity, 1 - prod(1 - severity)',
    unit: '0..1',
    bind: agent((w) => (w.scenario.ablation.pathology ? w.agents.pathologyAny : w.zeros)),
  },
  resilience: protVar('resilience', 'resilience'),
  criticalThinking: protVar('criticalThinking', 'critical thinking and tolerance of ambiguity'),
  emotionRegulation: protVar('emotionRegulation', 'emotion regulation'),
  socialBonds: protVar('socialBonds', 'bonds with family, school or work'),
  institutionalTrust: protVar('institutionalTrust', 'trust in institutions'),
  civicCompetence: protVar('civicCompetence', 'civic and political competence'),
  protection: {
    description: 'mean of resilience, critical thinking, emotion regulation and social bonds',
    unit: '0..1',
    bind: agent((w) => w.agents.protection),
  },
  attitude: {
    description: 'strength of adherence to the leaning ideology',
    unit: '0..1',
    bind: agent((w) => w.agents.attitude),
  },
  uncertainty: {
    description: 'opinion uncertainty (relative agreement)',
    unit: '>0',
    bind: agent((w) => w.agents.uncertainty),
  },
  groupIdentification: {
    description: 'identification with the own group',
    unit: '0..1',
    bind: agent((w) => w.agents.groupIdentification),
  },
  violence: { description: 'willingness to use violence', unit: '0..1', bind: agent((w) => w.agents.violence) },
  trigger: {
    description: 'recent radicalising trigger load (decays with a half-life)',
    unit: 'impact',
    bind: agent((w) => w.agents.recentTrigger),
  },
  groupTies: {
    description: 'ties to members of groups of the own leaning',
    unit: 'ties',
    bind: agent((w) => w.agents.groupTies),
  },
  inGroup: { description: '1 if member of a group', unit: '0/1', bind: agent((w) => w.flags.member) },
  leader: { description: '1 if leader of a group', unit: '0/1', bind: agent((w) => w.flags.leader) },
  age: { description: 'age in completed years', unit: 'years', bind: agent((w) => w.agents.age) },
  adolescent: { description: '1 if younger than 18', unit: '0/1', bind: agent((w) => w.flags.adolescent) },
  male: { description: '1 for men', unit: '0/1', bind: agent((w) => w.agents.male) },
  eduLow: { description: '1 for low education', unit: '0/1', bind: agent((w) => w.flags.eduLow) },
  eduHigh: { description: '1 for high education', unit: '0/1', bind: agent((w) => w.flags.eduHigh) },
  weeks: { description: 'weeks in the current phase', unit: 'weeks', bind: agent((w) => w.agents.weeksInPhase) },
  online: { description: 'online exposure', unit: '0..1', bind: agent((w) => w.agents.online) },
  labelled: {
    description: '1 if labelled by the practice pipeline',
    unit: '0/1',
    bind: agent((w) => w.agents.labelled),
  },
  inCase: {
    description: '1 while a PGA case plan runs (2 on the waiting list reads as 0)',
    unit: '0/1',
    bind: agent((w) => w.flags.caseActive),
  },
  grievance: {
    description: 'society-level grievance climate',
    unit: 'field',
    bind: (w) => ({ kind: 'scalar', values: w.macro.grievance }),
  },
  threat: {
    description: 'society-level perceived threat',
    unit: 'field',
    bind: (w) => ({ kind: 'scalar', values: w.macro.threat }),
  },
  salience: {
    description: 'salience of the own leaning ideology',
    unit: 'field',
    bind: (w) => ({ kind: 'keyed', values: w.macro.salience, key: w.agents.leaning }),
  },
};

export const FORMULA_VARIABLE_NAMES: readonly string[] = Object.keys(FORMULA_VARIABLES);

export function bindVariable(w: World, name: string): VariableBinding {
  return FORMULA_VARIABLES[name].bind(w);
}
