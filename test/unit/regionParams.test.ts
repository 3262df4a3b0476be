/**
 * Each region's effective parameters (sim/scenario/regions.ts): the scenario's population and
 * practice blocks with the region's overrides, worked out once per scenario and checked, so the
 * model reads one typed object per region and never merges.
 */
import { describe, expect, it } from 'vitest';
import { regionParams } from '../../sim/scenario/regions.ts';
import { validateScenario } from '../../sim/scenario/resolve.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import { Simulation } from '../../sim/run/simulation.ts';
import { copy, scenarioErrorOf } from './scenarioData.ts';

describe('region parameters', () => {
  const d = copy();
  d.agents = 500;
  d.weeks = 2;
  d.regions[1].practice = { triage: { capacityPer100k: 3 }, labelling: { transparency: 0.9 } };
  d.regions[1].population = { education: { low: 0.5, mid: 0.3, high: 0.2 } };
  const s = validateScenario(d, 'test.json');

  it('merges a region override into the scenario block and falls back to it elsewhere', () => {
    const [city, region] = regionParams(s);
    expect(city.practice).toEqual(s.practice);
    expect(city.population.education).toEqual(s.population.education);
    expect(region.practice.triage.capacityPer100k).toBe(3);
    expect(region.practice.triage.sensitivity).toEqual(s.practice.triage.sensitivity); // not overridden
    expect(region.practice.labelling.transparency).toBe(0.9);
    expect(region.practice.labelling.trustLoss).toBe(s.practice.labelling.trustLoss);
    expect(region.population.education).toEqual({ low: 0.5, mid: 0.3, high: 0.2 });
    expect(region.population.ageBands).toBe(s.population.ageBands);
    expect(region.spec).toBe(s.regions[1]);
  });

  it('is worked out once per scenario: the world reads the same objects', () => {
    expect(regionParams(s)).toBe(regionParams(s));
    expect(new Simulation(s).world.regions).toBe(regionParams(s));
  });

  it('names the region and the field when a merged practice block is bad', () => {
    // Past the schema (a scenario edited in code after validation): the merge is checked again.
    const bad = structuredClone(s) as Scenario;
    (bad.regions[1] as { practice: unknown }).practice = { triage: { capacityPer100k: -1 } };
    const err = scenarioErrorOf(() => regionParams(bad, 'edited.json'));
    expect(err.file).toBe('edited.json');
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0].path).toBe('regions[1].practice.triage.capacityPer100k');
    expect(err.issues[0].message).toContain('>= 0');
    expect(err.issues[0].message).toContain('region "region"');
    expect(err.issues[0].value).toBe(-1);
  });
});
