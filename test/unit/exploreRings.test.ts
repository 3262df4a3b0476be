/** The rings around people who moved up after a fired trigger last RING_SECONDS of play, whatever the speed. */
import { describe, expect, it } from 'vitest';
import type { AgentSample } from '../../sim/api/types.ts';
import { RING_SECONDS, risenSince, type Wave } from '../../web/exploreMacros.ts';

const sample = (phase: number[]) => ({ phase: Uint8Array.from(phase) }) as unknown as AgentSample;

describe('risenSince', () => {
  const wave: Wave = { week: 10, type: 'war', counts: [0, 0, 0, 0], phase: Uint8Array.from([0, 1, 2, 0]), played: 0 };
  it('rings the people in a higher phase than at the trigger', () => {
    expect([...risenSince(wave, sample([1, 1, 3, 0]))]).toEqual([0, 2]);
  });
  it('keeps them ringed for RING_SECONDS of play, then not, however many weeks passed', () => {
    expect(risenSince({ ...wave, played: RING_SECONDS - 0.1 }, sample([1, 1, 3, 0])).size).toBe(2);
    expect(risenSince({ ...wave, played: RING_SECONDS + 0.1 }, sample([1, 1, 3, 0])).size).toBe(0);
  });
});
