/**
 * A simulation worker thread: the SimulationHost API (sim/api/host.ts) exposed through
 * comlink's Node adapter. Started by cli/pool.ts through cli/worker-boot.mjs.
 */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { SimulationHost } from '../sim/node.ts';

if (!parentPort) throw new Error('cli/worker.ts runs as a worker thread (see cli/pool.ts)');
expose(new SimulationHost(), nodeEndpoint(parentPort));
