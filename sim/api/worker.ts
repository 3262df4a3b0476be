/**
 * Web Worker entry for the browser: exposes a SimulationHost through comlink.
 *
 *   const api = wrap<SimulationHost>(new Worker(new URL('../sim/api/worker.ts', import.meta.url), { type: 'module' }));
 *   await api.start(scenario);
 *   await api.runToEnd(proxy((week) => render(week)));
 *
 * Node uses cli/worker.ts, the same API over worker_threads.
 */
import { expose } from 'comlink';
import { SimulationHost } from './host.ts';

expose(new SimulationHost());
