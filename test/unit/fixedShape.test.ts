/**
 * The objects the tick reads keep one shape from one simulation to the next (sim/fixedShape.ts,
 * docs/performance.md section 6): otherwise a worker running an ensemble throws away and
 * recompiles the tick's hot code with every replicate. Two things went wrong before and are
 * checked here: objects made by object literals (the second literal of a kind made V8 forget
 * the fields' types), and objects that V8 keeps as dictionaries (what property-by-property
 * building with keyed stores gave for the agents' forty fields, 20% slower).
 *
 * The V8 side is asked in a child process started with --allow-natives-syntax and
 * --trace-deopt, which a test runner cannot turn on for itself: three simulations run one after
 * the other in one thread; for each object the tick reads, V8 must report fast properties and
 * the same hidden class in all, and after the first no stage's optimised code may be thrown
 * away for a changed field. (The last is V8's behaviour as of Node 20; a new V8 may need a new look.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixedShape } from '../../sim/fixedShape.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('fixedShape', () => {
  it('gives a new object with the same own properties, values and order, all writable', () => {
    const typed = new Float32Array(3);
    const fields = { n: 3, values: typed, nested: { a: 1 }, label: 'x' };
    const o = fixedShape(fields);
    expect(o).not.toBe(fields);
    expect(o).toEqual(fields);
    expect(Object.keys(o)).toEqual(['n', 'values', 'nested', 'label']);
    expect(o.values).toBe(typed);
    for (const k of Object.keys(o)) {
      const d = Object.getOwnPropertyDescriptor(o, k)!;
      expect(d.writable && d.enumerable && d.configurable).toBe(true);
    }
    o.n = 4;
    expect(o.n).toBe(4);
  });

  it('two simulations in one thread: the objects the tick reads have fast properties and one hidden class', () => {
    const dir = mkdtempSync(join(tmpdir(), 'radsim-shape-'));
    const script = join(dir, 'shape.mts');
    const from = (p: string) => JSON.stringify(new URL(p, `file://${ROOT}`).href);
    writeFileSync(
      script,
      `import { Simulation } from ${from('sim/run/simulation.ts')};
       import { loadScenarioFile } from ${from('sim/scenario/file.ts')};
       const fast = new Function('o', 'return %HasFastProperties(o)');
       const same = new Function('a', 'b', 'return %HaveSameMap(a, b)');
       const parts = (w) => ({ world: w, agents: w.agents, flags: w.flags, network: w.network, record: w.record, groups: w.groups, macro: w.macro, keys: w.keys, layout: w.layout });
       const worlds = [1, 2, 3].map((seed) => {
         console.log('radsim-simulation ' + seed);
         const sim = new Simulation(loadScenarioFile(${from('scenarios/baseline.json')}.slice(7), { seed, agents: 2000, weeks: 26 }));
         while (!sim.done) sim.step();
         return parts(sim.world);
       });
       const report = {};
       for (const k of Object.keys(worlds[0])) report[k] = { fast: fast(worlds[0][k]) && fast(worlds[1][k]), same: same(worlds[0][k], worlds[1][k]) };
       console.log(JSON.stringify(report));`,
    );
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--trace-deopt', '--import', 'tsx', script], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    // The report is the last line of the script, but V8 may still print a trace line after it
    // (code marked for deoptimisation when a collection frees what it referred to).
    let at = lines.length - 1;
    while (at >= 0 && !lines[at].startsWith('{')) at--;
    expect(at, 'the report line').toBeGreaterThanOrEqual(0);
    const report = JSON.parse(lines[at]) as Record<string, { fast: boolean; same: boolean }>;
    for (const [name, v] of Object.entries(report)) {
      expect({ name, ...v }).toEqual({ name, fast: true, same: true });
    }
    // After the first simulation V8 knows every shape: building and running the second and
    // third throws away no stage's optimised code for a changed field (--trace-deopt's "code
    // dependencies"). With the world's objects made by literals, about 20 stage functions were.
    // The stages are modules: V8 names their weekly code by the method, `step`.
    const later = lines.slice(lines.indexOf('radsim-simulation 2'));
    const dropped = later.filter(
      (l) => l.includes('reason: code dependencies') && /SharedFunctionInfo (\w*Stage|step|recordWeek)\b/.test(l),
    );
    expect(dropped).toEqual([]);
  }, 60_000);
});
