/**
 * Route events (sim/run/routes.ts) are recorded through here, for traced agents only.
 */
import type { RouteEvent } from '../run/routes.ts';
import type { World } from './world.ts';

/**
 * Whether agent i's route is recorded. A loop over many agents asks this before it builds an
 * event, so that the event object is made only for the traced few (the tick allocates nothing
 * for everyone else).
 */
export function isTraced(w: World, i: number): boolean {
  return w.record.traced[i] !== 0;
}

/** Records an event of agent i's route if agent i is traced. */
export function recordRoute(w: World, i: number, e: RouteEvent): void {
  if (w.record.traced[i] !== 0) w.record.routes.add(i, e);
}
