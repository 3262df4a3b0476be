/** A value kept in [0, 1] (NaN passes through, as it would unclamped). */
export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
