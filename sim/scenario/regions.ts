/**
 * The parameters each region runs with: the scenario's population and practice blocks with the
 * region's overrides applied. Worked out once per validated scenario (validateScenario does it,
 * so an override that makes a bad block is a scenario error naming the region and the field),
 * and read by the build and the model from here: nothing else merges region overrides.
 */
import { ScenarioError, type ScenarioIssue, fromZod, scenarioIssue } from './errors.ts';
import { deepMerge } from './merge.ts';
import { type Practice, practiceSchema } from './practiceSchema.ts';
import type { RegionSpec, Scenario } from './schema.ts';

type Population = Scenario['population'];

export interface RegionParams {
  /** The region as the scenario gives it (name, share, urban, neighbourhood size, trigger rate). */
  readonly spec: RegionSpec;
  /** The population parts a region may override, with the override applied. */
  readonly population: Pick<Population, 'ageBands' | 'education' | 'ideologyLeaning'>;
  /** The practice pipeline of the region: the scenario's practice with the region's override merged. */
  readonly practice: Practice;
}

/** Per scenario object: a validated scenario is not changed afterwards, so its regions are resolved once. */
const resolved = new WeakMap<Scenario, readonly RegionParams[]>();

/**
 * The effective parameters of every region of `s`, in the order of `s.regions`. Throws a
 * ScenarioError (file `name`) if a merged practice block fails the practice schema.
 */
export function regionParams(s: Scenario, name = s.name): readonly RegionParams[] {
  const known = resolved.get(s);
  if (known) return known;
  const issues: ScenarioIssue[] = [];
  const out = s.regions.map((spec, r): RegionParams => {
    const merged = spec.practice ? deepMerge(s.practice, spec.practice) : s.practice;
    const checked = practiceSchema.safeParse(merged);
    if (!checked.success)
      for (const issue of fromZod(checked.error, merged))
        issues.push(
          scenarioIssue(
            `regions[${r}].practice.${issue.path}`,
            'regionPractice',
            { region: spec.name, inner: { kind: issue.kind, params: issue.params } },
            issue.value,
          ),
        );
    const p = s.population,
      own = spec.population;
    return {
      spec,
      population: {
        ageBands: own?.ageBands ?? p.ageBands,
        education: own?.education ?? p.education,
        ideologyLeaning: own?.ideologyLeaning ?? p.ideologyLeaning,
      },
      practice: checked.success ? checked.data : s.practice,
    };
  });
  if (issues.length) throw new ScenarioError(name, issues);
  resolved.set(s, out);
  return out;
}
