/**
 * The perturbation kernel of ABC-SMC: a multivariate normal with twice the weighted covariance
 * of the previous population (Beaumont et al. 2009), in the internal coordinates of the priors.
 * Small linear algebra on plain arrays; the dimension is the number of free parameters.
 */

export interface Kernel {
  /** Lower Cholesky factor of the covariance, row-major d x d. */
  chol: number[][];
}

/** Weighted mean and covariance (weights sum to 1) of rows of `xs`. */
export function weightedCovariance(xs: readonly number[][], w: readonly number[]): { mean: number[]; cov: number[][] } {
  const d = xs[0].length;
  const mean = new Array<number>(d).fill(0);
  for (let i = 0; i < xs.length; i++) for (let j = 0; j < d; j++) mean[j] += w[i] * xs[i][j];
  const cov = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < xs.length; i++)
    for (let a = 0; a < d; a++) {
      const da = xs[i][a] - mean[a];
      for (let b = 0; b <= a; b++) cov[a][b] += w[i] * da * (xs[i][b] - mean[b]);
    }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) cov[b][a] = cov[a][b];
  return { mean, cov };
}

/**
 * The kernel for a population: covariance 2 * weighted covariance, with a tiny ridge on the
 * diagonal (1e-9 of each prior width squared) so that a population collapsed onto a point or
 * a line still gives a usable (positive definite) kernel.
 */
export function populationKernel(xs: readonly number[][], w: readonly number[], widths: readonly number[]): Kernel {
  const { cov } = weightedCovariance(xs, w);
  const d = widths.length;
  const sigma = cov.map((row, a) => row.map((v, b) => 2 * v + (a === b ? 1e-9 * widths[a] * widths[a] : 0)));
  return { chol: cholesky(sigma, d) };
}

/** Lower-triangular L with L L^T = m. */
export function cholesky(m: readonly number[][], d = m.length): number[][] {
  const L = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < d; i++)
    for (let j = 0; j <= i; j++) {
      let s = m[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      if (i === j) {
        if (!(s > 0)) throw new Error('the kernel covariance is not positive definite');
        L[i][i] = Math.sqrt(s);
      } else L[i][j] = s / L[j][j];
    }
  return L;
}

/** x = centre + L z. */
export function perturb(centre: readonly number[], k: Kernel, z: readonly number[]): number[] {
  const d = centre.length;
  const out = new Array<number>(d);
  for (let i = 0; i < d; i++) {
    let s = centre[i];
    for (let j = 0; j <= i; j++) s += k.chol[i][j] * z[j];
    out[i] = s;
  }
  return out;
}

/**
 * exp(-|L^-1 (x - y)|^2 / 2): the kernel density up to its constant, which is the same for
 * every pair and cancels when the weights are normalised.
 */
export function kernelDensity(k: Kernel, x: readonly number[], y: readonly number[]): number {
  const d = x.length;
  let q = 0;
  const v = new Array<number>(d);
  for (let i = 0; i < d; i++) {
    let s = x[i] - y[i];
    for (let j = 0; j < i; j++) s -= k.chol[i][j] * v[j];
    v[i] = s / k.chol[i][i];
    q += v[i] * v[i];
  }
  return Math.exp(-0.5 * q);
}
