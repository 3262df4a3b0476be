/**
 * The statistics an ensemble reduces to: per outcome (bands, interval), per difference against
 * the reference, per sweep parameter (PRCC). aggregate.ts computes them; the reports read them.
 */
import type { MeanCI, PairedDifference } from '../stats/index.ts';
import type { ComparePlan, SweepPlan } from './plan.ts';

/** Per scenario (or point) and outcome. */
export interface OutcomeStats {
  variant: number;
  outcome: string;
  values: number[];
  ci: MeanCI;
  median: number;
  /** Quantiles at the plan's band probabilities. */
  q: number[];
}

export interface DifferenceStats {
  variant: number;
  outcome: string;
  refMean: number;
  mean: number;
  d: PairedDifference;
}

export interface CompareStats {
  plan: ComparePlan;
  outcomes: OutcomeStats[];
  /** Every non-reference scenario against the reference. */
  differences: DifferenceStats[];
}

export interface SensitivityStats {
  parameter: string;
  outcome: string;
  prcc: number;
  pValue: number;
  runs: number;
}

export interface SweepStats {
  plan: SweepPlan;
  points: OutcomeStats[];
  sensitivity: SensitivityStats[];
}
