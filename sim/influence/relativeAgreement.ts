/**
 * Pairwise opinion-influence kernels: bounded confidence and relative agreement.
 *
 * These are the kernels the full model's social-influence stage calls for every interacting pair,
 * and the same kernels the standalone runners in `./standalone.ts` use to reproduce the published
 * models (see docs/validation.md). They are pure functions over typed arrays: they read and write
 * only the slots `i` and `j`, allocate nothing and draw no random numbers.
 *
 * References
 * - G. Deffuant, D. Neau, F. Amblard, G. Weisbuch (2000). Mixing beliefs among interacting agents.
 *   Advances in Complex Systems 3(1-4), 87-98.
 * - G. Deffuant, F. Amblard, G. Weisbuch, T. Faure (2002). How can extremism prevail? A study based
 *   on the relative agreement interaction model. JASSS 5(4) 1. https://www.jasss.org/5/4/1.html
 */

/** Opinion or uncertainty storage accepted by the kernels. */
export type OpinionArray = Float32Array | Float64Array;

/**
 * Bounded confidence (Deffuant et al. 2000): if |x_i - x_j| < d, both agents move toward each
 * other by the fraction `mu` of their difference (symmetric, computed from the old values).
 * `mu` in (0, 0.5]; with mu = 0.5 the two meet at their mean.
 *
 * @returns true when the pair was close enough to interact.
 */
export function deffuantUpdate(x: OpinionArray, i: number, j: number, d: number, mu: number): boolean {
  const xi = x[i];
  const xj = x[j];
  const diff = xj - xi;
  if (!(Math.abs(diff) < d)) return false;
  x[i] = xi + mu * diff;
  x[j] = xj - mu * diff;
  return true;
}

/**
 * Relative agreement (Deffuant et al. 2002, eqs. 1-3), ONE directed influence of j on i.
 *
 * Agent k holds the segment [x_k - u_k, x_k + u_k]. With the overlap
 *   h = min(x_i + u_i, x_j + u_j) - max(x_i - u_i, x_j - u_j),
 * j influences i only if h > u_j; the relative agreement is ra = h / u_j - 1 (in (0, 1]) and
 *   x_i += mu * ra * (x_j - x_i),   u_i += mu * ra * (u_j - u_i).
 * A more confident j (small u_j) thus pulls harder; an agent far less confident than i cannot
 * move it at all (h <= 2 u_i < u_j).
 *
 * This directed form mutates i in place. The symmetric model of the paper applies the rule in
 * BOTH directions, each computed from the PRE-interaction values of the pair: calling this
 * function twice, (i <- j) then (j <- i), would let j see i's already-updated opinion, which is a
 * different model. Use `relativeAgreementPair` for the symmetric meeting.
 *
 * i is left unchanged when h <= u_j.
 */
export function relativeAgreementUpdate(x: OpinionArray, u: OpinionArray, i: number, j: number, mu: number): void {
  relativeAgreementToward(x, u, i, x[j], u[j], mu);
}

/**
 * Directed relative-agreement influence on agent i of a source given by value: opinion `xj`,
 * uncertainty `uj` (another agent's current values, or a source that is not an agent, such as a
 * media outlet). Same rule as `relativeAgreementUpdate`. A source with uj <= 0 has no defined
 * relative agreement (division by u_j) and exerts no influence.
 *
 * @returns true if i was influenced (h > uj).
 */
export function relativeAgreementToward(
  x: OpinionArray,
  u: OpinionArray,
  i: number,
  xj: number,
  uj: number,
  mu: number,
): boolean {
  const xi = x[i];
  const ui = u[i];
  const h = Math.min(xi + ui, xj + uj) - Math.max(xi - ui, xj - uj);
  if (!(uj > 0 && h > uj)) return false;
  const k = mu * (h / uj - 1);
  x[i] = xi + k * (xj - xi);
  u[i] = ui + k * (uj - ui);
  return true;
}

/**
 * One symmetric relative-agreement meeting of i and j (Deffuant et al. 2002): j influences i and
 * i influences j, both updates computed from the values the pair held before the meeting.
 * The overlap h is symmetric in (i, j), so it is computed once; the two conditions differ
 * (h > u_j for j -> i, h > u_i for i -> j).
 *
 * @returns a bit mask: 1 if i moved, 2 if j moved (0 if neither).
 */
export function relativeAgreementPair(x: OpinionArray, u: OpinionArray, i: number, j: number, mu: number): number {
  const xi = x[i];
  const ui = u[i];
  const xj = x[j];
  const uj = u[j];
  const h = Math.min(xi + ui, xj + uj) - Math.max(xi - ui, xj - uj);
  let moved = 0;
  if (uj > 0 && h > uj) {
    const k = mu * (h / uj - 1);
    x[i] = xi + k * (xj - xi);
    u[i] = ui + k * (uj - ui);
    moved |= 1;
  }
  if (ui > 0 && h > ui) {
    const k = mu * (h / ui - 1);
    x[j] = xj + k * (xi - xj);
    u[j] = uj + k * (ui - uj);
    moved |= 2;
  }
  return moved;
}
