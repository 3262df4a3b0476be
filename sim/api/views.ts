/**
 * What a live view reads from a running simulation, bounded in size whatever the population:
 * a sample of the agents, the person a guided demo points at, the network of the people in a
 * phase, and one person's ties. The host (host.ts) serves them; results go back as
 * transferable typed arrays.
 */
import { transfer } from 'comlink';
import { LAYERS } from '../domain.ts';
import type { Simulation } from '../run/simulation.ts';
import { DEMO_SELECTIONS, type DemoSelection } from '../scenario/schema.ts';
import type { AgentSample, EgoNetwork, EgoOptions, PhaseNetwork } from './types.ts';

/**
 * Every k-th agent, at most `max` (k = ceil(n / max)), with phase, region and group, as
 * transferable typed arrays: what a live view of a large population draws.
 */
export function agentSample(sim: Simulation, max: number): AgentSample {
  const a = sim.world.agents;
  const n = a.n;
  const stride = Math.max(1, Math.ceil(n / Math.max(1, max)));
  const m = Math.ceil(n / stride);
  const ids = new Int32Array(m);
  const phase = new Uint8Array(m);
  const region = new Uint8Array(m);
  const group = new Int32Array(m);
  for (let k = 0, i = 0; i < n; i += stride, k++) {
    ids[k] = i;
    phase[k] = a.phase[i];
    region[k] = a.region[i];
    group[k] = a.group[i];
  }
  const sample: AgentSample = {
    week: sim.week,
    n,
    stride,
    ids,
    phase,
    region,
    group,
    regions: sim.scenario.regions.map((r) => r.name),
  };
  return transfer(sample, [ids.buffer, phase.buffer, region.buffer, group.buffer]);
}

/**
 * The person a guided demo points at, over the whole population: `highestPhase` the person in
 * the highest phase (ties: the higher recent trigger load, then the lower id), `mostTriggers`
 * the person with the highest recent trigger load (ties: the lower id). Null when nobody
 * qualifies (no one in a phase, or no one hit by a trigger).
 */
export function pickPerson(sim: Simulation, by: DemoSelection): number | null {
  if (!DEMO_SELECTIONS.includes(by))
    throw new Error(`unknown selection "${by}": allowed are ${DEMO_SELECTIONS.join(', ')}`);
  const a = sim.world.agents;
  const load = a.recentTrigger;
  let best = -1;
  for (let i = 0; i < a.n; i++) {
    if (by === 'mostTriggers') {
      if (load[i] > 0 && (best < 0 || load[i] > load[best])) best = i;
    } else if (
      a.phase[i] > 0 &&
      (best < 0 || a.phase[i] > a.phase[best] || (a.phase[i] === a.phase[best] && load[i] > load[best]))
    )
      best = i;
  }
  return best < 0 ? null : best;
}

/**
 * The people in a phase (the first `maxInPhase` by id), their direct contacts (the first
 * `maxContacts` found), and the ties among all of them, from the network's CSR: bounded in
 * size whatever the population, for a view of the few people in a phase and who they know.
 */
export function phaseNetwork(sim: Simulation, maxInPhase = 80, maxContacts = 400): PhaseNetwork {
  const net = sim.world.network;
  const a = sim.world.agents;
  const index = new Map<number, number>();
  const ids: number[] = [];
  let totalInPhase = 0;
  for (let i = 0; i < a.n; i++) {
    if (a.phase[i] === 0) continue;
    totalInPhase++;
    if (ids.length < maxInPhase) {
      index.set(i, ids.length);
      ids.push(i);
    }
  }
  const inPhase = ids.length;
  const contacts = new Set<number>();
  for (let k = 0; k < inPhase; k++) {
    const i = ids[k];
    for (let e = net.offsets[i]; e < net.offsets[i + 1]; e++) {
      const j = net.targets[e];
      if (index.has(j) && index.get(j)! < inPhase) continue;
      if (a.phase[j] > 0) continue; // in a phase but over the cap: not drawn as a contact
      contacts.add(j);
      if (!index.has(j) && ids.length < inPhase + maxContacts) {
        index.set(j, ids.length);
        ids.push(j);
      }
    }
  }
  const ties: number[] = [],
    layer: number[] = [];
  for (let k = 0; k < ids.length; k++) {
    const i = ids[k];
    for (let e = net.offsets[i]; e < net.offsets[i + 1]; e++) {
      const m = index.get(net.targets[e]);
      if (m === undefined || m <= k) continue; // each tie once
      if (k >= inPhase && m >= inPhase) continue; // contacts among themselves: not the point
      ties.push(k, m);
      layer.push(net.layer[e]);
    }
  }
  const out: PhaseNetwork = {
    week: sim.week,
    ids: Int32Array.from(ids),
    phase: Uint8Array.from(ids, (i) => a.phase[i]),
    group: Int32Array.from(ids, (i) => a.group[i]),
    inPhase,
    totalInPhase,
    totalContacts: contacts.size,
    ties: Int32Array.from(ties),
    layer: Uint8Array.from(layer),
    layers: [...LAYERS],
  };
  return transfer(out, [out.ids.buffer, out.phase.buffer, out.group.buffer, out.ties.buffer, out.layer.buffer]);
}

/**
 * The ties of person `id` read from the network's CSR (neighbours ascending, with the layer of
 * each tie and the neighbours' current phases), and optionally the second degree up to a cap.
 */
export function egoNetwork(sim: Simulation, id: number, options: EgoOptions = {}): EgoNetwork {
  const net = sim.world.network;
  const a = sim.world.agents;
  if (!Number.isInteger(id) || id < 0 || id >= net.n) throw new Error(`no agent ${id}: ids run from 0 to ${net.n - 1}`);
  const lo = net.offsets[id],
    hi = net.offsets[id + 1];
  const d = hi - lo;
  const ids = new Int32Array(d),
    layer = new Uint8Array(d),
    phases = new Uint8Array(d),
    regions = new Uint8Array(d);
  for (let k = 0; k < d; k++) {
    const j = net.targets[lo + k];
    ids[k] = j;
    layer[k] = net.layer[lo + k];
    phases[k] = a.phase[j];
    regions[k] = a.region[j];
  }
  const ego: EgoNetwork = {
    week: sim.week,
    id,
    phase: a.phase[id],
    region: a.region[id],
    layers: [...LAYERS],
    ids,
    layer,
    phases,
    regions,
  };
  const buffers: ArrayBuffer[] = [ids.buffer, layer.buffer, phases.buffer, regions.buffer];
  const cap = Math.max(0, Math.floor(options.secondDegree ?? 0));
  if (cap > 0) {
    const minPhase = options.secondMinPhase ?? 0;
    const first = new Set<number>(ids);
    const seen = new Set<number>();
    const sIds: number[] = [],
      sVia: number[] = [],
      sLayer: number[] = [];
    let total = 0;
    for (let k = 0; k < d; k++) {
      const j = ids[k];
      for (let e = net.offsets[j]; e < net.offsets[j + 1]; e++) {
        const x = net.targets[e];
        if (x === id || first.has(x) || seen.has(x)) continue;
        seen.add(x);
        if (a.phase[x] < minPhase) continue;
        total++;
        if (sIds.length < cap) {
          sIds.push(x);
          sVia.push(k);
          sLayer.push(net.layer[e]);
        }
      }
    }
    const second = {
      ids: Int32Array.from(sIds),
      via: Int32Array.from(sVia),
      layer: Uint8Array.from(sLayer),
      phases: Uint8Array.from(sIds, (x) => a.phase[x]),
      total,
    };
    ego.second = second;
    buffers.push(second.ids.buffer, second.via.buffer, second.layer.buffer, second.phases.buffer);
  }
  return transfer(ego, buffers);
}
