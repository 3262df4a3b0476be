/**
 * summary.json's counts and totals (docs/architecture.md, section 5): final counts and totals
 * over the run, read from the weekly series by column name, and the world's running counts.
 */
import { EXTREMIST_IDEOLOGIES, IDEOLOGIES, PHASES } from '../domain.ts';
import type { World } from '../model/world.ts';
import { type Series, seriesColumn } from '../run/series.ts';
import type { Scenario } from '../scenario/schema.ts';
import { RADICAL_PHASES } from './weekTally.ts';

/** Final counts and totals of a run for summary.json. */
export function runSummary(scenario: Scenario, series: Series, world: World): Record<string, unknown> {
  const last = series.weeks - 1;
  const final = (name: string) => seriesColumn(series, name)[last];
  const total = (name: string) => seriesColumn(series, name).reduce((a, b) => a + b, 0);
  const transitions: Record<string, number> = {};
  for (const a of PHASES)
    for (const b of PHASES) if (a !== b) transitions[`${a}->${b}`] = total(`transition_${a}_${b}`);
  return {
    agents: scenario.agents,
    weeks: scenario.weeks,
    finalPhaseCounts: PHASES.map((p) => final(`phase_${p}`)),
    everSensitive: world.everSensitive,
    everAction: world.everAction,
    incidents: total('incidents'),
    arrests: total('arrests'),
    groupsFormed: total('groups_formed'),
    groupsAtEnd: world.groups.alive,
    renewed: world.renewed,
    transitions,
    finalRadicalisingByIdeology: Object.fromEntries(
      EXTREMIST_IDEOLOGIES.map((k) => [k, RADICAL_PHASES.reduce((a, p) => a + final(`ideology_${k}_phase_${p}`), 0)]),
    ),
    macroEvents: world.macro.log.map((e) => ({
      ...e,
      ideology: e.ideology === undefined ? undefined : IDEOLOGIES[e.ideology],
    })),
  };
}
