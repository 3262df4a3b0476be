/**
 * Statistics for replicate ensembles, paired (common-random-numbers) scenario comparison and
 * global sensitivity analysis. Pure TypeScript with no Node or DOM APIs (runs in a Web Worker);
 * randomness only through injected `rand: () => number`.
 */

export {
  type NumArray,
  type SeriesBands,
  DEFAULT_BAND_PROBS,
  bandKey,
  mean,
  median,
  quantile,
  quantileSorted,
  sd,
  seriesBands,
  variance,
} from './summary.ts';
export { gammaCdf, gammaQuantile, lbeta, lgamma, normalCdf, normalQuantile, tCdf, tQuantile } from './tdist.ts';
export {
  type MeanCI,
  type PairedDifference,
  type WelchInterval,
  meanCI,
  nonNegativeMeanCI,
  pairedDifference,
  pairedRatioInterval,
  welchInterval,
} from './compare.ts';
export { largestChangeNotRuledOut, MDE_POWER, minimumDetectableEffect } from './power.ts';
export { pearson, prcc, rank, spearman } from './prcc.ts';
export { type Range, gridValues, latinHypercube } from './sampling.ts';
