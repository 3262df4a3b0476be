/**
 * Toy models with known posteriors for the ABC-SMC tests.
 *
 * Poisson rate: n counts y_i ~ Poisson(lambda), statistic the sum S ~ Poisson(n lambda). With a
 * uniform prior and the target interval [k - 0.5, k + 0.5] around the observed sum k, a
 * tolerance of 0 accepts exactly the simulations with S = k, so the ABC posterior is the exact
 * posterior: Gamma(shape k + 1, rate n), truncated to the prior's range.
 *
 * Normal mean: n observations y_i ~ N(mu, 1), statistic the mean, distributed N(mu, 1/n). With a
 * flat prior and the interval [ybar - h, ybar + h], tolerance 0 accepts |mean - ybar| <= h, so
 * the ABC posterior is N(ybar, 1/n) convolved with Uniform(-h, h): mean ybar, variance
 * 1/n + h^2/3 (h -> 0 gives the exact posterior).
 */
import seedrandom from 'seedrandom';

/** Poisson(m) by multiplying uniforms (Knuth), in parts of mean at most 200 (exp(-m) stays well above 0). */
export function poisson(m: number, rand: () => number): number {
  if (m > 200) return poisson(200, rand) + poisson(m - 200, rand);
  const L = Math.exp(-m);
  let k = 0;
  let p = rand();
  while (p > L) {
    k++;
    p *= rand();
  }
  return k;
}

/** The sum of n Poisson(lambda) counts, for a given seed. */
export function poissonSumModel(n: number): (values: readonly number[], seed: number) => number[] {
  return (values, seed) => [poisson(n * values[0], seedrandom.xor4096(`poisson/${seed}`))];
}

export function normalMeanModel(n: number): (values: readonly number[], seed: number) => number[] {
  return (values, seed) => {
    const rand = seedrandom.xor4096(`normal/${seed}`);
    const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    return [values[0] + z / Math.sqrt(n)];
  };
}

/** P(Gamma(k + 1, rate n) <= x) = P(Poisson(n x) >= k + 1). */
export function gammaCdf(k: number, n: number, x: number): number {
  const m = n * x;
  let term = Math.exp(-m);
  let below = term;
  for (let j = 1; j <= k; j++) {
    term *= m / j;
    below += term;
  }
  return 1 - below;
}

/** The p-quantile of Gamma(k + 1, rate n), by bisection. */
export function gammaQuantile(k: number, n: number, p: number): number {
  let lo = 0;
  let hi = (k + 1) / n + (20 * Math.sqrt(k + 1)) / n + 1;
  for (let it = 0; it < 200; it++) {
    const mid = (lo + hi) / 2;
    if (gammaCdf(k, n, mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
