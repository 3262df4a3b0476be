/**
 * The statistics an ensemble reduces to: per outcome (bands, interval), per difference against
 * the reference, per sweep parameter (PRCC). aggregate.ts computes them; the reports read them.
 */
import type { MeanCI, PairedDifference } from '../stats/index.ts';
import type { PopulationFactors } from './perPopulation.ts';
import type { ComparePlan, SweepPlan } from './plan.ts';
import type { PrecisionStop } from './precision.ts';

/** Per scenario (or point) and outcome. */
export interface OutcomeStats {
  variant: number;
  outcome: string;
  values: number[];
  ci: MeanCI;
  median: number;
  /** Quantiles at the plan's band probabilities. */
  q: number[];
  /** Factors from a run's value to per 100,000, per 100,000 per year and scaled (perPopulation.ts). */
  factors: PopulationFactors;
}

export interface DifferenceStats {
  variant: number;
  outcome: string;
  refMean: number;
  mean: number;
  d: PairedDifference;
  /** The scenario's factors (perPopulation.ts); a difference is per 100,000 of the scenario's population. */
  factors: PopulationFactors;
}

export interface CompareStats {
  plan: ComparePlan;
  outcomes: OutcomeStats[];
  /** Every non-reference scenario against the reference. */
  differences: DifferenceStats[];
  /** How a precision-driven comparison stopped; null for a fixed number of replicates. */
  stop: PrecisionStop | null;
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
