/**
 * How each formula variable (sim/formula/variables.ts: names, meanings, units) is bound to the
 * running world. Ablated factor groups read zeros, so a formula needs no change when a
 * researcher switches a factor off.
 */
import { IDEOLOGIES, type Ideology } from '../domain.ts';
import type { VariableBinding } from '../formula/compile.ts';
import type { FormulaVariable } from '../formula/variables.ts';
import { IDENTITY, JUSTICE, MEANING, NEED_STRIDE, SENSATION } from '../population/agents.ts';
import type { World } from './world.ts';

export { FORMULA_VARIABLE_NAMES } from '../formula/variables.ts';

type Bind = (w: World) => VariableBinding;

const agent =
  (pick: (w: World) => ArrayLike<number>): Bind =>
  (w) => ({ kind: 'agent', values: pick(w) });
const needVar =
  (k: number): Bind =>
  (w) =>
    w.scenario.ablation.needs
      ? { kind: 'strided', values: w.agents.needs, stride: NEED_STRIDE, offset: k }
      : { kind: 'agent', values: w.zeros };
const pathVar = (k: 'adhd' | 'autism' | 'psychosis' | 'narcissism' | 'depression' | 'trauma'): Bind =>
  agent((w) => (w.scenario.ablation.pathology ? w.agents.pathology[k] : w.zeros));
const protVar = (
  k: 'resilience' | 'criticalThinking' | 'emotionRegulation' | 'socialBonds' | 'institutionalTrust' | 'civicCompetence',
): Bind => agent((w) => w.agents.protective[k]);

/** 1 for the people whose leaning is `ideology`, 0 for the others: a table by leaning index. */
function leaningIs(ideology: Exclude<Ideology, 'none'>): Bind {
  const table = Float32Array.from(IDEOLOGIES, (k) => (k === ideology ? 1 : 0));
  return (w) => ({ kind: 'keyed', values: table, key: w.agents.leaning, fixed: true });
}

const BINDINGS: Readonly<Record<FormulaVariable, Bind>> = {
  identity: needVar(IDENTITY),
  justice: needVar(JUSTICE),
  meaning: needVar(MEANING),
  sensation: needVar(SENSATION),
  needs: agent((w) => (w.scenario.ablation.needs ? w.agents.needMean : w.zeros)),
  adhd: pathVar('adhd'),
  autism: pathVar('autism'),
  psychosis: pathVar('psychosis'),
  narcissism: pathVar('narcissism'),
  depression: pathVar('depression'),
  trauma: pathVar('trauma'),
  pathology: agent((w) => (w.scenario.ablation.pathology ? w.agents.pathologyAny : w.zeros)),
  resilience: protVar('resilience'),
  criticalThinking: protVar('criticalThinking'),
  emotionRegulation: protVar('emotionRegulation'),
  socialBonds: protVar('socialBonds'),
  institutionalTrust: protVar('institutionalTrust'),
  civicCompetence: protVar('civicCompetence'),
  protection: agent((w) => w.agents.protection),
  attitude: agent((w) => w.agents.attitude),
  uncertainty: agent((w) => w.agents.uncertainty),
  groupIdentification: agent((w) => w.agents.groupIdentification),
  violence: agent((w) => w.agents.violence),
  trigger: agent((w) => w.agents.recentTrigger),
  groupTies: agent((w) => w.agents.groupTies),
  inGroup: agent((w) => w.flags.member),
  leader: agent((w) => w.flags.leader),
  age: agent((w) => w.agents.age),
  adolescent: agent((w) => w.flags.adolescent),
  male: agent((w) => w.agents.male),
  eduLow: agent((w) => w.flags.eduLow),
  eduHigh: agent((w) => w.flags.eduHigh),
  weeks: agent((w) => w.agents.weeksInPhase),
  online: agent((w) => w.agents.online),
  labelled: agent((w) => w.agents.labelled),
  inCase: agent((w) => w.flags.caseActive),
  grievance: (w) => ({ kind: 'scalar', values: w.macro.grievance }),
  threat: (w) => ({ kind: 'scalar', values: w.macro.threat }),
  salience: (w) => ({ kind: 'keyed', values: w.macro.salience, key: w.agents.leaning }),
  jihadist: leaningIs('jihadist'),
  rightWing: leaningIs('rightWing'),
  leftWing: leaningIs('leftWing'),
  antiInstitutional: leaningIs('antiInstitutional'),
};

export function bindVariable(w: World, name: string): VariableBinding {
  return BINDINGS[name as FormulaVariable](w);
}
