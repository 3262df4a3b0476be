/** Playback speeds of Explore, in simulated weeks per second on screen (the slider's stops). */
export const SPEEDS = [0.5, 1, 2, 3, 4, 5, 6, 8, 10, 13, 16, 20, 25, 30, 40, 50];
export const DEFAULT_SPEED = 5;
/** The slider position of a speed (the nearest stop). */
export function speedIndex(weeksPerSecond: number): number {
  let best = 0;
  SPEEDS.forEach((s, i) => {
    if (Math.abs(s - weeksPerSecond) < Math.abs(SPEEDS[best] - weeksPerSecond)) best = i;
  });
  return best;
}
