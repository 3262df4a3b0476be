/**
 * Web Worker of the app: the SimulationHost of sim/api, plus a cheap snapshot of agent phases
 * for the Explore canvas (the host API has no such call yet; see web/README.md).
 */
import { expose } from 'comlink';
import { SimulationHost } from '../sim/api/host.ts';
import type { Simulation } from '../sim/run/simulation.ts';

export interface AgentSample {
  ids: Int32Array;
  phase: Uint8Array;
  region: Uint8Array;
  regions: string[];
}

export class WebHost extends SimulationHost {
  /** Every k-th agent (at most `max`), with phase and region. */
  agentSample(max: number): AgentSample | null {
    const sim = (this as unknown as { sim: Simulation | null }).sim;
    if (!sim) return null;
    const a = sim.world.agents;
    const n = a.n;
    const stride = Math.max(1, Math.ceil(n / max));
    const m = Math.ceil(n / stride);
    const ids = new Int32Array(m);
    const phase = new Uint8Array(m);
    const region = new Uint8Array(m);
    for (let k = 0, i = 0; i < n; i += stride, k++) {
      ids[k] = i;
      phase[k] = a.phase[i];
      region[k] = a.region[i];
    }
    return { ids, phase, region, regions: sim.scenario.regions.map((r) => r.name) };
  }
}

expose(new WebHost());
