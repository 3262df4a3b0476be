/**
 * Ensemble throughput through the project's own worker pool (cli/pool.ts, the SimulationHost API
 * of sim/api over comlink), when it is there. Imported by path at run time, so the benchmark
 * neither type-checks against nor breaks with a pool that is still changing; bench/ensemble.ts
 * (a small harness of its own) is the fallback.
 *
 * Each pass creates a pool of 1 or 2 workers, runs one tiny job per worker first (so every
 * worker has loaded the core), then times the real jobs: `workMs` from handing out the first job
 * to the last result, `wallMs` including the pool's creation and the warm-up.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveScenarioFile } from '../sim/scenario/file.ts';
import { withOverrides } from '../sim/scenario/resolve.ts';
import type { EnsemblePass } from './ensemble.ts';
import { ROOT } from './lib/util.ts';

const POOL = resolve(ROOT, 'cli/pool.ts');
const OUTCOMES = resolve(ROOT, 'sim/ensemble/outcomes.ts');

export function poolAvailable(): boolean {
  return existsSync(POOL);
}

interface Job {
  id: string;
  scenario: unknown;
  outcomes: string[];
  series: string[];
  progressEvery?: number;
}

export async function poolPass(opts: {
  workers: number;
  replicates: number;
  agents: number;
  weeks: number;
  scenario: string;
}): Promise<EnsemblePass> {
  const mod = await import(pathToFileURL(POOL).href);
  const outcomes: string[] = existsSync(OUTCOMES)
    ? [...((await import(pathToFileURL(OUTCOMES).href)).DEFAULT_OUTCOMES ?? [])].slice(0, 1)
    : [];
  const t0 = performance.now();
  const runner = mod.createRunner(opts.workers);
  try {
    const data = resolveScenarioFile(opts.scenario);
    const job = (id: string, seed: number, agents: number, weeks: number): Job => ({
      id,
      scenario: withOverrides(structuredClone(data), { seed, agents, weeks }),
      outcomes,
      series: ['phase_1'],
      progressEvery: weeks,
    });
    const check = (o: { error?: { job: string; error: Error } }) => {
      if (o.error) throw new Error(`pool job ${o.error.job} failed: ${o.error.error.message}`);
    };
    check(
      await runner.run(
        Array.from({ length: opts.workers }, (_, k) => job(`warm-${k}`, 1000 + k, 200, 1)),
        { onDone() {} },
      ),
    );
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    const runs: EnsemblePass['runs'] = [];
    const jobs = Array.from({ length: opts.replicates }, (_, k) =>
      job(`seed-${k + 1}`, k + 1, opts.agents, opts.weeks),
    );
    check(
      await runner.run(jobs, {
        onDone(j: Job, result: { summary: Record<string, unknown> }, seconds: number) {
          const s = result.summary;
          runs.push({
            type: 'done',
            seed: Number(j.id.slice(5)),
            buildMs: NaN,
            runMs: seconds * 1000,
            summary: {
              finalPhaseCounts: s.finalPhaseCounts,
              everSensitive: s.everSensitive,
              transitions: s.transitions,
            },
          });
        },
      }),
    );
    const t2 = performance.now();
    const cd = process.cpuUsage(c1);
    runs.sort((a, b) => a.seed - b.seed);
    return {
      workers: opts.workers,
      wallMs: t2 - t0,
      workMs: t2 - t1,
      startupMs: t1 - t0,
      workCpuMs: (cd.user + cd.system) / 1000,
      runs,
    };
  } finally {
    await runner.close();
  }
}
