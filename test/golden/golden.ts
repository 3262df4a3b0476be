/**
 * Golden outputs: a few library scenarios run at a small size with fixed seeds, their weekly
 * series, outcomes and (for one case) routes kept as files in test/golden/data/. `npm test`
 * reruns them and reports, per case, which columns and outcomes moved and by how much;
 * `npm run golden:update` writes them anew and prints the same report. They catch any change
 * of the model's outputs, intended or not: an intended one is re-blessed with its reason in
 * the commit message.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeOutcomes, DEFAULT_OUTCOMES } from '../../sim/ensemble/outcomes.ts';
import { seriesToCSV } from '../../sim/run/series.ts';
import { Simulation } from '../../sim/run/simulation.ts';
import { loadScenarioFile } from '../../sim/scenario/file.ts';

export const GOLDEN_DIR = fileURLToPath(new URL('./data/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface GoldenCase {
  /** Library scenario (file name in scenarios/ without .json). */
  readonly scenario: string;
  readonly seed: number;
  readonly agents: number;
  readonly weeks: number;
  /** Agents traced at random, whose routes are kept too (0: no routes). */
  readonly routes: number;
}

/** Small enough to run in seconds, large enough that every stage acts (checked in the test). */
const SIZE = { agents: 5_000, weeks: 260 };

/** The baseline, a practice scenario and an intervention scenario, each with two seeds. */
export const GOLDEN_CASES: readonly GoldenCase[] = [
  { scenario: 'baseline', seed: 1, ...SIZE, routes: 20 },
  { scenario: 'baseline', seed: 2, ...SIZE, routes: 0 },
  { scenario: 'information-sharing', seed: 1, ...SIZE, routes: 0 },
  { scenario: 'information-sharing', seed: 2, ...SIZE, routes: 0 },
  { scenario: 'holistic-support', seed: 1, ...SIZE, routes: 0 },
  { scenario: 'holistic-support', seed: 2, ...SIZE, routes: 0 },
];

export const caseName = (c: GoldenCase) => `${c.scenario}-seed${c.seed}`;

export interface GoldenOutput {
  /** series.csv as the CLI writes it. */
  readonly series: string;
  /** Every ensemble outcome and the run summary's final counts, as pretty JSON. */
  readonly outcomes: string;
  /** routes.json as the CLI writes it, or undefined. */
  readonly routes?: string;
}

export function runCase(c: GoldenCase): GoldenOutput {
  const file = join(ROOT, 'scenarios', `${c.scenario}.json`);
  const overrides = { seed: c.seed, agents: c.agents, weeks: c.weeks };
  const scenario = loadScenarioFile(file, overrides);
  if (c.routes > 0) (scenario.outputs.routes as { sample: number }).sample = c.routes;
  const sim = new Simulation(scenario).run();
  const summary = sim.summary();
  const outcomes = {
    outcomes: computeOutcomes(DEFAULT_OUTCOMES, sim.series),
    summary: {
      finalPhaseCounts: summary.finalPhaseCounts,
      everSensitive: summary.everSensitive,
      everAction: summary.everAction,
      groupsAtEnd: summary.groupsAtEnd,
      renewed: summary.renewed,
      transitions: summary.transitions,
      finalRadicalisingByIdeology: summary.finalRadicalisingByIdeology,
      macroEvents: summary.macroEvents,
    },
  };
  const w = sim.world;
  return {
    series: seriesToCSV(sim.series),
    outcomes: `${JSON.stringify(outcomes, null, 2)}\n`,
    routes:
      c.routes > 0
        ? `${JSON.stringify(
            w.record.routes.toJSON(
              w.agents,
              scenario.regions.map((r) => r.name),
            ),
            null,
            2,
          )}\n`
        : undefined,
  };
}

const files = (c: GoldenCase) => ({
  series: join(GOLDEN_DIR, `${caseName(c)}.series.csv`),
  outcomes: join(GOLDEN_DIR, `${caseName(c)}.outcomes.json`),
  routes: join(GOLDEN_DIR, `${caseName(c)}.routes.json`),
});

export function readGolden(c: GoldenCase): GoldenOutput | undefined {
  const f = files(c);
  if (!existsSync(f.series) || !existsSync(f.outcomes)) return undefined;
  return {
    series: readFileSync(f.series, 'utf8'),
    outcomes: readFileSync(f.outcomes, 'utf8'),
    routes: existsSync(f.routes) ? readFileSync(f.routes, 'utf8') : undefined,
  };
}

export function writeGolden(c: GoldenCase, out: GoldenOutput): void {
  mkdirSync(GOLDEN_DIR, { recursive: true });
  const f = files(c);
  writeFileSync(f.series, out.series);
  writeFileSync(f.outcomes, out.outcomes);
  if (out.routes !== undefined) writeFileSync(f.routes, out.routes);
}

/** Parses series.csv into its header and columns. */
function parseSeries(csv: string): Map<string, number[]> {
  const lines = csv.trimEnd().split('\n');
  const header = lines[0].split(',');
  const cols = new Map<string, number[]>(header.map((h) => [h, []]));
  for (const line of lines.slice(1)) line.split(',').forEach((x, k) => cols.get(header[k])?.push(Number(x)));
  return cols;
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toPrecision(6));
const rel = (a: number, b: number) =>
  a === 0 ? (b === 0 ? '' : ' (from 0)') : ` (${b >= a ? '+' : ''}${(((b - a) / Math.abs(a)) * 100).toFixed(1)}%)`;

/** Lines describing how `now` differs from `kept` in the series: one per changed column. */
function seriesChanges(kept: string, now: string): string[] {
  if (kept === now) return [];
  const a = parseSeries(kept),
    b = parseSeries(now);
  const out: string[] = [];
  for (const name of a.keys()) if (!b.has(name)) out.push(`column ${name} is gone`);
  for (const name of b.keys()) if (!a.has(name)) out.push(`column ${name} is new`);
  for (const [name, x] of a) {
    const y = b.get(name);
    if (!y) continue;
    if (x.length !== y.length) {
      out.push(`${name}: ${x.length} rows, now ${y.length}`);
      continue;
    }
    let first = -1,
      maxAbs = 0,
      sumA = 0,
      sumB = 0;
    for (let k = 0; k < x.length; k++) {
      sumA += x[k];
      sumB += y[k];
      const d = Math.abs(y[k] - x[k]);
      if (d > 0 && first < 0) first = k;
      if (d > maxAbs) maxAbs = d;
    }
    if (first >= 0)
      out.push(
        `${name}: first differs at week ${a.get('week')?.[first] ?? first}, largest |change| ${fmt(maxAbs)}, sum ${fmt(sumA)} -> ${fmt(sumB)}${rel(sumA, sumB)}`,
      );
  }
  return out;
}

/** Leaf paths of a JSON value with their values, for a readable diff of outcomes. */
function leaves(v: unknown, path = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) leaves(x, path ? `${path}.${k}` : k, out);
  } else out.set(path, v);
  return out;
}

function jsonChanges(kept: string, now: string, what: string): string[] {
  if (kept === now) return [];
  const a = leaves(JSON.parse(kept)),
    b = leaves(JSON.parse(now));
  const out: string[] = [];
  for (const [k, x] of a) {
    const y = b.get(k);
    if (!b.has(k)) out.push(`${what} ${k} is gone (was ${JSON.stringify(x)})`);
    else if (x !== y)
      out.push(
        typeof x === 'number' && typeof y === 'number'
          ? `${what} ${k}: ${fmt(x)} -> ${fmt(y)}${rel(x, y)}`
          : `${what} ${k}: ${JSON.stringify(x)} -> ${JSON.stringify(y)}`,
      );
  }
  for (const k of b.keys()) if (!a.has(k)) out.push(`${what} ${k} is new (${JSON.stringify(b.get(k))})`);
  return out.length ? out : [`${what}: same values, different text`];
}

/** The report for one case: empty when nothing moved. At most `limit` lines per part. */
export function compareGolden(c: GoldenCase, kept: GoldenOutput | undefined, now: GoldenOutput, limit = 25): string[] {
  const head = `${c.scenario} (seed ${c.seed}, ${c.agents} agents x ${c.weeks} weeks)`;
  if (!kept) return [`${head}: no golden output kept yet (run npm run golden:update)`];
  const cut = (lines: string[]) =>
    lines.length > limit ? [...lines.slice(0, limit), `... and ${lines.length - limit} more`] : lines;
  const lines = [
    ...cut(jsonChanges(kept.outcomes, now.outcomes, 'outcome')),
    ...cut(seriesChanges(kept.series, now.series).map((l) => `series ${l}`)),
  ];
  if (c.routes > 0) {
    if (kept.routes === undefined) lines.push('routes: none kept yet');
    else if (kept.routes !== now.routes) lines.push(...cut(jsonChanges(kept.routes, now.routes!, 'routes')));
  }
  return lines.length ? [`${head}:`, ...lines.map((l) => `  ${l}`)] : [];
}
