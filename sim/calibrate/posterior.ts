/**
 * Summaries of a weighted population of particles: weighted quantiles (median and a central
 * interval), mean, standard deviation and the weighted correlations between parameters.
 */

/**
 * The weighted p-quantile: the smallest value whose cumulative weight (values ascending) reaches
 * p of the total, the inverse of the weighted empirical distribution function.
 */
export function weightedQuantile(values: readonly number[], weights: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const total = weights.reduce((a, b) => a + b, 0);
  let cum = 0;
  for (const i of order) {
    cum += weights[i];
    if (cum >= p * total * (1 - 1e-12)) return values[i];
  }
  return values[order[order.length - 1]];
}

export function weightedMean(values: readonly number[], weights: readonly number[]): number {
  let s = 0;
  let w = 0;
  for (let i = 0; i < values.length; i++) {
    s += weights[i] * values[i];
    w += weights[i];
  }
  return s / w;
}

export function weightedSd(values: readonly number[], weights: readonly number[]): number {
  const m = weightedMean(values, weights);
  let s = 0;
  let w = 0;
  for (let i = 0; i < values.length; i++) {
    s += weights[i] * (values[i] - m) ** 2;
    w += weights[i];
  }
  return Math.sqrt(s / w);
}

/** Weighted Pearson correlation; NaN when either varies not at all. */
export function weightedCorrelation(x: readonly number[], y: readonly number[], weights: readonly number[]): number {
  const mx = weightedMean(x, weights);
  const my = weightedMean(y, weights);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += weights[i] * dx * dy;
    sxx += weights[i] * dx * dx;
    syy += weights[i] * dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}

export interface MarginalSummary {
  median: number;
  lo: number;
  hi: number;
  mean: number;
  sd: number;
}

/** Median, central `level` interval, mean and sd of one column of a weighted population. */
export function marginalSummary(values: readonly number[], weights: readonly number[], level = 0.95): MarginalSummary {
  const a = (1 - level) / 2;
  return {
    median: weightedQuantile(values, weights, 0.5),
    lo: weightedQuantile(values, weights, a),
    hi: weightedQuantile(values, weights, 1 - a),
    mean: weightedMean(values, weights),
    sd: weightedSd(values, weights),
  };
}
