/**
 * Headline results of the scenario library (docs/scenarios.md), read from the output folder(s)
 * of `radsim compare`. It reads the run records (`<dir>/runs/*.json`), which hold each run's
 * weekly series, and computes outcomes that `radsim compare` does not report itself, such as
 * person-weeks in the group or action phase, with paired 95% intervals. Runs are paired by
 * seed, so scenarios of the same comparison (or of comparisons with the same base seed and
 * code) can be compared with each other, not only with the reference.
 *
 *   npx tsx docs/tools/headlines.ts [--dir /tmp/cmp-library]...
 *   npx tsx docs/tools/headlines.ts --age-structure      (runs the baseline, seed 1: docs/model.md 7.8)
 *
 * The comparison must have been run with --series including the columns in SERIES below:
 *
 *   npx radsim compare scenarios/baseline.json scenarios/<name>.json... --replicates 4 \
 *     --agents 20000 --weeks 520 --series <SERIES joined by commas> --out /tmp/cmp-library
 *
 * When several folders hold runs of the same scenario and seed, their series must be identical
 * (same code, same plan); the tool stops with an error otherwise, so that it never pairs runs
 * made by different versions of the model. Prints one Markdown table per scenario against the
 * baseline, and one per pair in PAIRS. A documentation helper, not part of the simulator.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Simulation } from '../../sim/run/simulation.ts';
import { loadScenarioFile } from '../../sim/scenario/file.ts';
import { pairedDifference } from '../../sim/stats/index.ts';

export const SERIES = [
  'phase_1',
  'phase_2',
  'phase_3',
  'ever_phase_1',
  'ever_phase_3',
  'incidents',
  'waiting_list',
  'cases',
  'triage_queue',
  'intervention_participants',
  'intervention_starts',
  'intervention_completions',
  'intervention_dropouts',
  'intervention_declined',
  'hours_practice',
  'hours_interventions',
  'labelled',
  'labelled_never_radicalised',
  'signals_true',
  'signals_false',
  'included_true',
  'included_false',
  'detections',
  'mean_need_justice',
];

type Series = Record<string, number[]>;
interface Run {
  seed: number;
  variant: number;
  series: Series;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const last = (xs: number[]) => xs[xs.length - 1];

/** The outcomes of the headline tables: name, how it is computed from one run's series. */
const OUTCOMES: [string, (s: Series) => number][] = [
  ['people ever in the sensitivity phase (final ever_phase_1)', (s) => last(s.ever_phase_1)],
  ['people ever in the action phase (final ever_phase_3)', (s) => last(s.ever_phase_3)],
  ['person-weeks in the group or action phase (sum of phase_2 + phase_3)', (s) => sum(s.phase_2) + sum(s.phase_3)],
  ['person-weeks in the action phase (sum of phase_3)', (s) => sum(s.phase_3)],
  ['true positives (sum of included_true)', (s) => sum(s.included_true)],
  ['false positives (sum of included_false)', (s) => sum(s.included_false)],
  ['mean waiting list (mean of waiting_list)', (s) => sum(s.waiting_list) / s.waiting_list.length],
  [
    'labelled who never radicalised, at the end (final labelled_never_radicalised)',
    (s) => last(s.labelled_never_radicalised),
  ],
  ['intervention starts (sum of intervention_starts, case plans included)', (s) => sum(s.intervention_starts)],
  ['intervention completions (sum of intervention_completions)', (s) => sum(s.intervention_completions)],
  ['hours of interventions (sum of hours_interventions)', (s) => sum(s.hours_interventions)],
  ['hours of practice: triage and cases (sum of hours_practice)', (s) => sum(s.hours_practice)],
];

/** Extra paired comparisons between library scenarios (other, reference). */
const PAIRS: [string, string][] = [
  ['mental-health-only', 'holistic-support'],
  ['school-resilience-short', 'school-resilience'],
  ['mentoring-family', 'mentoring-individual'],
  ['transparent-process', 'opaque-process'],
  ['attack-abroad-with-prevention', 'attack-abroad'],
];

/** Runs by scenario label and seed, from one or more compare folders. */
function readRuns(dirs: string[]): Map<string, Map<number, Run>> {
  const out = new Map<string, Map<number, Run>>();
  for (const dir of dirs) {
    const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as { scenarios: { label: string }[] };
    for (const f of readdirSync(join(dir, 'runs')).sort()) {
      if (!f.endsWith('.json')) continue;
      const rec = JSON.parse(readFileSync(join(dir, 'runs', f), 'utf8')) as Run;
      for (const c of SERIES)
        if (!rec.series[c])
          throw new Error(
            `${dir}/runs/${f} has no series column "${c}"; run compare with --series ${SERIES.join(',')}`,
          );
      const label = plan.scenarios[rec.variant].label;
      if (!out.has(label)) out.set(label, new Map());
      const seen = out.get(label)!.get(rec.seed);
      if (seen && JSON.stringify(seen.series) !== JSON.stringify(rec.series)) {
        throw new Error(
          `${label}, seed ${rec.seed}: ${dir} holds a different run than an earlier folder (another model version?); do not pair them`,
        );
      }
      out.get(label)!.set(rec.seed, rec);
    }
  }
  return out;
}

const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));

function table(ref: Map<number, Run>, other: Map<number, Run>, refName: string, otherName: string): string {
  const seeds = [...ref.keys()].filter((s) => other.has(s)).sort((a, b) => a - b);
  const lines = [
    `### ${otherName} against ${refName}`,
    '',
    `${seeds.length} paired replicates (seeds ${seeds.join(', ')}).`,
    '',
  ];
  lines.push(`| outcome | ${refName} (mean) | ${otherName} (mean) | difference (95% interval) | reading |`);
  lines.push('| --- | ---: | ---: | --- | --- |');
  for (const [name, f] of OUTCOMES) {
    const a = seeds.map((s) => f(ref.get(s)!.series)),
      b = seeds.map((s) => f(other.get(s)!.series));
    const ma = sum(a) / a.length,
      mb = sum(b) / b.length;
    if (a.every((x, k) => x === b[k])) {
      lines.push(`| ${name} | ${fmt(ma)} | ${fmt(mb)} | 0 (identical in every replicate) | no difference |`);
      continue;
    }
    const d = pairedDifference(a, b);
    const pct = ma !== 0 ? Math.round((100 * d.meanDiff) / ma) : 0;
    const rel = ma !== 0 ? ` (${pct > 0 ? '+' : ''}${pct}%)` : '';
    const reading = d.lo > 0 ? 'higher' : d.hi < 0 ? 'lower' : 'no clear difference (interval covers 0)';
    lines.push(
      `| ${name} | ${fmt(ma)} | ${fmt(mb)} | ${d.meanDiff >= 0 ? '+' : ''}${fmt(d.meanDiff)}${rel} (${fmt(d.lo)} to ${fmt(d.hi)}) | ${reading} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Age structure of the baseline (seed 1) at the start and the end, and the number renewed. */
function ageStructure(): void {
  const sim = new Simulation(loadScenarioFile('scenarios/baseline.json', { seed: 1 }));
  const bands: [number, number][] = [
    [12, 18],
    [18, 25],
    [25, 35],
    [35, 50],
    [50, 65],
    [65, 90],
    [90, Infinity],
  ];
  const shares = () => {
    const a = sim.world.agents,
      c = bands.map(() => 0);
    for (let i = 0; i < a.n; i++) c[bands.findIndex(([f, t]) => a.age[i] >= f && a.age[i] < t)]++;
    return c.map((x) => `${((100 * x) / a.n).toFixed(1)}%`).join(' ');
  };
  console.log(`age bands ${bands.map(([f, t]) => `${f}-${t === Infinity ? '' : t - 1}`).join(' ')}`);
  console.log(`week 0:   ${shares()}`);
  sim.run();
  console.log(`week ${sim.world.week}: ${shares()}; renewed ${sim.world.renewed}`);
}

function main(): void {
  const { values } = parseArgs({
    options: { dir: { type: 'string', multiple: true }, 'age-structure': { type: 'boolean' } },
  });
  if (values['age-structure']) {
    ageStructure();
    return;
  }
  const dirs = values.dir ?? ['/tmp/cmp-library'];
  for (const d of dirs)
    if (!existsSync(join(d, 'plan.json'))) throw new Error(`${d} holds no comparison (no plan.json)`);
  const runs = readRuns(dirs);
  const baseline = runs.get('baseline');
  if (!baseline) throw new Error('no baseline runs in the given folder(s)');
  console.log(`Folders: ${dirs.join(', ')}\n`);
  for (const [label, r] of [...runs].sort(([a], [b]) => a.localeCompare(b))) {
    if (label !== 'baseline') console.log(table(baseline, r, 'baseline', label));
  }
  for (const [other, ref] of PAIRS) {
    if (runs.has(other) && runs.has(ref)) console.log(table(runs.get(ref)!, runs.get(other)!, ref, other));
  }
}

main();
