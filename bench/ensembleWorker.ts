/**
 * Body of an ensemble-benchmark worker thread (loaded by ensembleWorker.mjs). Posts `ready` once
 * the simulation modules are loaded, then runs one replicate per `run` message and posts its
 * timings and summary.
 */
import { parentPort } from 'node:worker_threads';
import { Simulation } from '../sim/run/simulation.ts';
import { loadScenarioFile } from '../sim/scenario/file.ts';

export interface RunJob {
  type: 'run';
  scenario: string;
  agents: number;
  weeks: number;
  seed: number;
}

export interface RunDone {
  type: 'done';
  seed: number;
  buildMs: number;
  runMs: number;
  summary: { finalPhaseCounts: unknown; everSensitive: unknown; transitions: unknown };
}

const port = parentPort;
if (!port) throw new Error('ensembleWorker.ts must run in a worker thread');
port.on('message', (job: RunJob | { type: 'exit' }) => {
  if (job.type === 'exit') {
    port.close();
    return;
  }
  const s = loadScenarioFile(job.scenario, { agents: job.agents, weeks: job.weeks, seed: job.seed });
  const sim = new Simulation(s);
  const t = performance.now();
  sim.run();
  const runMs = performance.now() - t;
  const sum = sim.summary();
  const done: RunDone = {
    type: 'done',
    seed: job.seed,
    buildMs: sim.buildMs,
    runMs,
    summary: { finalPhaseCounts: sum.finalPhaseCounts, everSensitive: sum.everSensitive, transitions: sum.transitions },
  };
  port.postMessage(done);
});
port.postMessage({ type: 'ready' });
