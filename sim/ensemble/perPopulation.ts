/**
 * Counts per population: an outcome counted in a run of `agents` people over `weeks` weeks, as
 * a number per 100,000 population, per 100,000 per year (totals over the run only) and in people
 * (or events) for a population of `scaleTo`. Each is the run's value times a factor, so means,
 * interval bounds and differences scale by the same factor. Outcomes that are not counts get null.
 */
import { isCount, isTotal } from './outcomes.ts';

export const PER_POPULATION = 100_000;
/** The model's year: 52 weeks, as its per-year rates (triggers, macro events). */
export const WEEKS_PER_YEAR = 52;

export interface PopulationFactors {
  /** Multiplies a run's value into a number per 100,000 population; null for a non-count. */
  per100k: number | null;
  /** ... per 100,000 per year; null unless a count that is a total over the run. */
  per100kYear: number | null;
  /** ... into a number for a population of scaleTo; null without scaleTo or for a non-count. */
  scaled: number | null;
}

export function populationFactors(
  outcome: string,
  agents: number,
  weeks: number,
  scaleTo: number | undefined,
): PopulationFactors {
  if (!isCount(outcome) || !(agents > 0)) return { per100k: null, per100kYear: null, scaled: null };
  const per100k = PER_POPULATION / agents;
  return {
    per100k,
    per100kYear: isTotal(outcome) && weeks > 0 ? per100k / (weeks / WEEKS_PER_YEAR) : null,
    scaled: scaleTo === undefined ? null : scaleTo / agents,
  };
}

/** x times the factor, or null without one. */
export function scaled(x: number | null, factor: number | null): number | null {
  return factor === null || x === null ? null : x * factor;
}
