/**
 * Branching: one shared history, continued by several scenarios from the same state.
 *
 * A comparison runs the reference scenario to the branch week, saves its state
 * (sim/run/snapshot.ts) and continues every scenario from it with its own parameters, so the
 * scenarios differ only in what happens after the branch. The tick's random draws are
 * counter-based (purpose key from the seed, week, agent), so every continuation meets the same
 * draws too: common random numbers hold after the branch as before it.
 *
 * The scenario's fields fall in three parts (one list each, here and in snapshot.ts):
 * - NOT_MODEL (snapshot.ts): texts, run length, demo stops: free.
 * - BUILD_ONLY (here): what makes the population, the network and what is recorded from the
 *   start, fixed once the history has run: must be equal, or the branch is refused naming the
 *   field and both values.
 * - the rest, the dynamic parameters: may differ; they take effect from the branch week.
 *
 * Continuing with other parameters: a simulation is built from the scenario on the saved
 * population and network, and the saved state is written into it. The world (agents, groups,
 * macro state, records, the week) is state and restored whole. The stages' own fields mix state
 * (queues, cases, who was offered what) with values the build derives from the parameters
 * (rates, capacities, the programme list). They are told apart by a three-way comparison of
 * the stages built fresh for the reference and for the scenario, and the saved stages: a field
 * the parameters do not change is restored; a field they change that the history left as built
 * keeps the scenario's value; a field both changed is a conflict, refused by name. The
 * programmes are the one case handled by meaning: their per-programme state is matched by
 * programme id, since a scenario that adds programmes shifts the index of the case plans.
 */
import { canonicalJSON } from '../ensemble/hash.ts';
import { allocateAgents } from '../population/agents.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Interventions } from '../model/interventions.ts';
import {
  Decoder,
  type Encoded,
  Encoder,
  notSaved,
  prebuiltFrom,
  reachable,
  readBlocks,
  readDocument,
  restoreSeries,
  saveState,
  StateError,
  stateRoots,
  type Typed,
} from './snapshot.ts';
import { Simulation } from './simulation.ts';

/**
 * Fields used only to build the population, the network and what is recorded from the start:
 * they cannot change after the branch point. Paths as `radsim sweep --vary` writes them; `[]`
 * stands for every element of a list.
 */
export const BUILD_ONLY = [
  'seed',
  'agents',
  'burnInWeeks',
  'regions[].name',
  'regions[].share',
  'regions[].neighbourhoodSize',
  'regions[].population',
  'population',
  'network',
  'ablation.needs',
  'outputs',
] as const;

/** A build-only field that differs between two scenarios. */
export interface BuildDifference {
  path: string;
  reference: unknown;
  scenario: unknown;
}

/** The build-only fields where `s` differs from `reference` (empty: the two can share a history). */
export function buildDifferences(reference: Scenario, s: Scenario): BuildDifference[] {
  const out: BuildDifference[] = [];
  const regionsA = reference.regions,
    regionsB = s.regions;
  if (regionsA.length !== regionsB.length)
    out.push({ path: 'regions (their number)', reference: regionsA.length, scenario: regionsB.length });
  for (const path of BUILD_ONLY) {
    const [head, tail] = path.split('[].');
    if (tail === undefined) {
      diff(valueAt(reference, head), valueAt(s, head), head, out);
      continue;
    }
    const n = Math.min(regionsA.length, regionsB.length);
    for (let r = 0; r < n; r++)
      diff(valueAt(regionsA[r], tail), valueAt(regionsB[r], tail), `${head}[${r}].${tail}`, out);
  }
  return out;
}

function valueAt(o: unknown, path: string): unknown {
  let cur = o;
  for (const k of path.split('.')) cur = cur === null || typeof cur !== 'object' ? undefined : (cur as never)[k];
  return cur;
}

/** The first leaves where a and b differ, with both values. */
function diff(a: unknown, b: unknown, path: string, out: BuildDifference[]): void {
  if (canonicalJSON(a ?? null) === canonicalJSON(b ?? null)) return;
  const objA = a !== null && typeof a === 'object',
    objB = b !== null && typeof b === 'object';
  if (objA && objB && Array.isArray(a) === Array.isArray(b) && (!Array.isArray(a) || a.length === (b as []).length)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b as object)])].sort();
    for (const k of keys)
      diff((a as never)[k], (b as never)[k], Array.isArray(a) ? `${path}[${k}]` : `${path}.${k}`, out);
    return;
  }
  out.push({ path, reference: a, scenario: b });
}

/** The differences in words: "network.peer.meanDegree is 8 in baseline.json and 10 in x.json". */
export function formatBuildDifferences(
  diffs: readonly BuildDifference[],
  referenceName = 'the reference',
  scenarioName = 'the scenario',
  max = 5,
): string {
  const show = (v: unknown) => (v === undefined ? '(absent)' : JSON.stringify(v));
  const lines = diffs
    .slice(0, max)
    .map((d) => `${d.path} is ${show(d.reference)} in ${referenceName} and ${show(d.scenario)} in ${scenarioName}`);
  if (diffs.length > max) lines.push(`... and ${diffs.length - max} more`);
  return lines.join('; ');
}

/** Thrown when a scenario cannot continue a shared history. */
export class BranchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BranchError';
  }
}

/**
 * The shared history: the reference scenario run to `week` (counted from the end of the
 * burn-in; 0 = its end) and saved. `onWeek` hears every week run (negative in the burn-in).
 */
export function sharedHistory(reference: Scenario, week: number, onWeek?: (week: number) => void): Uint8Array {
  const sim = new Simulation(reference);
  while (sim.week < week) {
    sim.step();
    onWeek?.(sim.week);
  }
  return saveState(sim);
}

/**
 * A simulation of `scenario` that continues the shared history saved in `bytes` from its week,
 * with the scenario's own parameters. Refused (BranchError) where a build-only field differs
 * from the history's, or where the history changed state that the scenario's parameters shape
 * differently (named by its path).
 */
export function branchFrom(bytes: Uint8Array, scenario: Scenario): Simulation {
  const { doc, start } = readDocument(bytes);
  const reference = doc.scenario;
  const diffs = buildDifferences(reference, scenario);
  if (diffs.length)
    throw new BranchError(
      `scenario "${scenario.name}" cannot continue the history of "${reference.name}": ${formatBuildDifferences(diffs, `"${reference.name}"`, `"${scenario.name}"`)} (these fields are fixed once the history has run; make them equal, or compare without a branch)`,
    );
  if (scenario.weeks < doc.week)
    throw new BranchError(`the run length (${scenario.weeks} weeks) is shorter than the branch week (${doc.week})`);
  const blocks = readBlocks(bytes, doc, start);
  const dec = new Decoder(blocks);
  const sim = new Simulation(scenario, { prebuilt: prebuiltFrom(doc, dec, scenario.agents) });
  sim.start();
  // The stages as the reference's build makes them, on a population of the same size: the base
  // of the three-way comparison (the population's values do not matter: both builds see the same).
  const fresh = new Simulation(reference, {
    prebuilt: { agents: allocateAgents(reference.agents), layout: sim.world.layout, network: sim.world.network },
  });
  fresh.start();
  const base = encodeStages(fresh),
    theirs = encodeStages(sim);

  const tree = (doc.tree as { $object: Record<string, Encoded> }).$object;
  const roots = stateRoots(sim) as { world: unknown; modules: unknown[] };
  dec.restoreInto(roots as never, 'world', tree.world, 'world');
  const saved = resolveStages((tree.modules as { $array: Encoded[] }).$array, doc.tree);
  const conflicts: string[] = [];
  const merge = new Merge(dec, blocks, base, theirs, conflicts, new Set(sim.stages.map((st) => st.module)));
  sim.stages.forEach((st, m) => {
    if (fresh.stages[m]?.name !== st.name) throw new StateError(`the stages differ at ${m}: ${st.name}`);
    const skip = st.module === sim.interventions ? PROGRAMME_STATE : [];
    merge.fields(
      st.module as never,
      fields(saved[m]),
      fields(base.tree[m]),
      fields(theirs.tree[m]),
      `${st.name}`,
      skip,
    );
  });
  const at = sim.stages.findIndex((st) => st.module === sim.interventions);
  carryProgrammes(sim, fresh.interventions, dec, fields(saved[at]), conflicts);
  if (conflicts.length)
    throw new BranchError(
      `scenario "${scenario.name}" cannot continue the history of "${reference.name}": the history changed state that its parameters shape differently (${conflicts.slice(0, 5).join(', ')}); compare without a branch, or branch earlier`,
    );
  restoreSeries(sim.series, doc.series, blocks);
  return sim;
}

/** The interventions' fields indexed by programme (restored by programme id, not by the merge). */
const PROGRAMME_STATE = ['participants', 'offered', 'took'];

function fields(e: Encoded): Record<string, Encoded> {
  const o = (e as { $object?: Record<string, Encoded> } | undefined)?.$object;
  if (!o) throw new StateError('a stage of the snapshot is not an object');
  return o;
}

interface EncodedStages {
  tree: Encoded[];
  blocks: Typed[];
}

/** The stages of a freshly started simulation, encoded (world objects and the build not followed). */
function encodeStages(sim: Simulation): EncodedStages {
  const excluded = notSaved(sim);
  // The world is restored whole: a stage's reference into it is not followed.
  reachable(sim.world, excluded);
  const enc = new Encoder(excluded);
  const encoded = enc.encode(
    sim.stages.map((st) => st.module),
    'stages',
  );
  // Copies: the merge writes the saved values into the live arrays.
  return {
    tree: resolveStages((encoded as { $array: Encoded[] }).$array, encoded),
    blocks: enc.blocks.map((b) => b.slice()),
  };
}

/**
 * The stages of an encoded list, a stage met first inside another (the practice stage holds
 * the interventions) looked up by its id.
 */
function resolveStages(list: Encoded[], root: Encoded): Encoded[] {
  let byId: Map<number, Encoded> | null = null;
  return list.map((e) => {
    const ref = (e as { $ref?: number }).$ref;
    if (ref === undefined) return e;
    if (!byId) {
      byId = new Map();
      indexIds(root, byId);
    }
    const found = byId.get(ref);
    if (found === undefined) throw new StateError(`a stage refers to an object ${ref} the snapshot does not hold`);
    return found;
  });
}

function indexIds(e: Encoded, into: Map<number, Encoded>): void {
  if (e === null || typeof e !== 'object') return;
  if (Array.isArray(e)) {
    for (const x of e) indexIds(x, into);
    return;
  }
  const tag = e as Record<string, unknown>;
  if (typeof tag.$id === 'number') into.set(tag.$id, e);
  for (const k of ['$array', '$map', '$set', '$object'] as const) {
    const v = tag[k];
    if (v === undefined) continue;
    if (k === '$object') for (const x of Object.values(v as object)) indexIds(x, into);
    else indexIds(v, into);
  }
}

/** The three-way merge of the saved stages into the scenario's (see the module comment). */
class Merge {
  constructor(
    private readonly dec: Decoder,
    private readonly savedBlocks: Typed[],
    private readonly base: EncodedStages,
    private readonly theirs: EncodedStages,
    private readonly conflicts: string[],
    private readonly stages: Set<object>,
  ) {}

  fields(
    target: Record<string, unknown>,
    saved: Record<string, Encoded>,
    base: Record<string, Encoded>,
    theirs: Record<string, Encoded>,
    path: string,
    skip: readonly string[] = [],
  ): void {
    for (const k of Object.keys(saved)) {
      if (skip.includes(k)) continue;
      this.value(target, k, saved[k], base[k], theirs[k], `${path}.${k}`);
    }
  }

  private value(
    holder: Record<string | number, unknown>,
    key: string | number,
    saved: Encoded,
    base: Encoded,
    theirs: Encoded,
    path: string,
  ): void {
    const B = this.base.blocks,
      T = this.theirs.blocks,
      S = this.savedBlocks;
    // Another stage (the practice stage holds the interventions) is merged as a stage of its own.
    // (or a list of stages, such as the life course's list of those that hear of a renewal).
    const current0 = holder[key];
    if (this.stages.has(current0 as object)) return;
    if (Array.isArray(current0) && current0.length > 0 && current0.every((x) => this.stages.has(x))) return;
    // A second reference to an object of the stages: merged where it was met first.
    if (isTagged(saved as never, '$ref') && !isTagged(base as never, '$built')) return;
    if (same(base, B, theirs, T)) {
      this.dec.restoreInto(holder, key, saved, path); // the parameters do not shape it
      return;
    }
    if (same(saved, S, base, B)) return; // shaped by the parameters, left as built by the history
    const s = saved as Record<string, unknown>,
      b = base as Record<string, unknown>,
      t = theirs as Record<string, unknown>;
    const current = holder[key] as Record<string | number, unknown>;
    if (isTagged(s, '$object') && isTagged(b, '$object') && isTagged(t, '$object') && current !== null) {
      const [fs, fb, ft] = [s.$object, b.$object, t.$object] as Record<string, Encoded>[];
      const keys = Object.keys(fs).join();
      if (keys === Object.keys(fb).join() && keys === Object.keys(ft).join()) {
        this.fields(current as Record<string, unknown>, fs, fb, ft, path);
        return;
      }
    }
    if (isTagged(s, '$array') && isTagged(b, '$array') && isTagged(t, '$array') && Array.isArray(current)) {
      const [as, ab, at] = [s.$array, b.$array, t.$array] as Encoded[][];
      if (as.length === ab.length && as.length === at.length && as.length === current.length) {
        for (let i = 0; i < as.length; i++) this.value(current, i, as[i], ab[i], at[i], `${path}[${i}]`);
        return;
      }
    }
    this.conflicts.push(path);
  }
}

function isTagged(e: Record<string, unknown>, tag: string): boolean {
  return e !== null && typeof e === 'object' && tag in e;
}

/** Whether two encoded values (each with its own blocks) hold the same data. */
function same(a: Encoded, A: Typed[], b: Encoded, B: Typed[]): boolean {
  if (a === null || typeof a !== 'object' || b === null || typeof b !== 'object') return Object.is(a, b);
  const x = a as Record<string, unknown>,
    y = b as Record<string, unknown>;
  if ('$typed' in x || '$typed' in y) {
    if (x.$typed !== y.$typed) return false;
    const p = A[x.block as number],
      q = B[y.block as number];
    if (p.length !== q.length) return false;
    const u = new Uint8Array(p.buffer, p.byteOffset, p.byteLength),
      v = new Uint8Array(q.buffer, q.byteOffset, q.byteLength);
    for (let i = 0; i < u.length; i++) if (u[i] !== v[i]) return false;
    return true;
  }
  const kx = Object.keys(x).filter((k) => k !== '$id'),
    ky = Object.keys(y).filter((k) => k !== '$id');
  if (kx.join() !== ky.join()) return false;
  for (const k of kx) {
    const vx = x[k],
      vy = y[k];
    if (Array.isArray(vx) && Array.isArray(vy)) {
      if (vx.length !== vy.length) return false;
      for (let i = 0; i < vx.length; i++) if (!same(vx[i], A, vy[i], B)) return false;
    } else if (vx !== null && typeof vx === 'object') {
      if (!same(vx, A, vy, B)) return false;
    } else if (!Object.is(vx, vy)) return false;
  }
  return true;
}

/**
 * The per-programme state of the history (who was offered and who took part in what, and how
 * many take part now) moved to the scenario's programme list by programme id, and the agents'
 * current programme renumbered the same way. A programme of the scenario that the history did
 * not have starts unoffered; a programme of the history that the scenario lacks and that
 * someone took part in is a conflict.
 */
function carryProgrammes(
  sim: Simulation,
  historyInterventions: Interventions,
  dec: Decoder,
  saved: Record<string, Encoded>,
  conflicts: string[],
): void {
  const from = historyInterventions.programmes.map((p) => p.spec.id);
  const to = sim.interventions.programmes.map((p) => p.spec.id);
  const target = sim.interventions as unknown as Record<string, unknown>;
  for (const k of PROGRAMME_STATE)
    if (!(k in target) || !(k in saved))
      throw new StateError(
        `the interventions stage has no field "${k}" (sim/run/branch.ts names its per-programme state)`,
      );
  const participants = dec.materialize(saved.participants, 'interventions.participants') as Int32Array;
  const offered = dec.materialize(saved.offered, 'interventions.offered') as Uint8Array[];
  const took = dec.materialize(saved.took, 'interventions.took') as Uint8Array[];
  const newParticipants = target.participants as Int32Array,
    newOffered = target.offered as Uint8Array[],
    newTook = target.took as Uint8Array[];
  const map = new Int32Array(from.length).fill(-1);
  from.forEach((id, k) => {
    const j = to.indexOf(id);
    map[k] = j;
    if (j < 0) {
      if (participants[k] > 0 || took[k].some((x) => x !== 0)) conflicts.push(`programme "${id}" (run in the history)`);
      return;
    }
    newParticipants[j] = participants[k];
    newOffered[j].set(offered[k]);
    newTook[j].set(took[k]);
  });
  const enrolled = sim.world.agents.enrolled;
  for (let i = 0; i < enrolled.length; i++) if (enrolled[i] >= 0) enrolled[i] = map[enrolled[i]];
}
