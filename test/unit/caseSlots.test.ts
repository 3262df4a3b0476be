/** Case slots of a region from `practice.cases.slotsPer100k` (sim/model/practice.ts `caseSlots`). */
import { describe, expect, it } from 'vitest';
import { caseSlots } from '../../sim/model/practice.ts';

describe('case slots per region', () => {
  it('are the capacity per 100,000 times the people, rounded', () => {
    expect(caseSlots(10, 60_000)).toBe(6);
    expect(caseSlots(10, 40_000)).toBe(4);
    expect(caseSlots(3.33, 60_000)).toBe(2);
    expect(caseSlots(3.33, 40_000)).toBe(1);
  });

  it('are at least one in a region with any capacity, however small the region', () => {
    expect(caseSlots(10, 3_000)).toBe(1);
    expect(caseSlots(0.001, 100)).toBe(1);
  });

  it('are none when the capacity is zero', () => {
    expect(caseSlots(0, 1_000_000)).toBe(0);
  });
});
