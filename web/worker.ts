/**
 * Web Worker of the app: the SimulationHost of sim/api through comlink. The live-view calls
 * (agentSample, egoNetwork, trace, state with the macro log) are part of the host itself.
 */
import { expose } from 'comlink';
import { SimulationHost } from '../sim/index.ts';

export type { AgentSample } from '../sim/index.ts';

export class WebHost extends SimulationHost {}

expose(new WebHost());
