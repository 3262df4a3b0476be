/**
 * Snapshot and resume: the whole state of a running simulation as bytes, and a simulation
 * rebuilt from them that continues exactly as the saved one would have.
 *
 * What is saved is found by a walk, not by a list: every own property reachable from the world
 * and from the plan's modules (typed arrays as raw bytes, numbers, strings, plain objects and
 * arrays, Maps, Sets and class instances, shared references once). A new per-agent column or a
 * new field of a stage is saved without code here. Not saved, because the build makes them
 * again from the scenario: the scenario itself, the regions' effective parameters, and functions
 * (compiled formulas, bound evaluators). Resuming builds a fresh simulation from the resolved
 * scenario (stored in the snapshot) and writes the saved values into it, in place where the
 * shape is the same (so the evaluators bound to the agents' arrays read the restored values).
 *
 * The tick's random draws are counter-based (purpose key + week + agent), so the week carries
 * the random streams; no stateful generator runs during the tick.
 *
 * Format (all integers little-endian):
 *   8 bytes  "RADSIMSS"
 *   u32      format version (STATE_FORMAT)
 *   u32      byte length L of the header JSON
 *   L bytes  header JSON (UTF-8): radsimVersion, scenarioHash, week, scenario, the state tree
 *            and the table of binary blocks
 *   padding  to a multiple of 8, then the blocks (typed arrays' bytes), each 8-aligned
 */
import { canonicalJSON, hashText } from '../ensemble/hash.ts';
import { fixedShape } from '../fixedShape.ts';
import { allocateAgents } from '../population/agents.ts';
import type { Scenario } from '../scenario/schema.ts';
import { RADSIM_VERSION } from '../version.ts';
import type { Series } from './series.ts';
import { Simulation, type SimulationOptions } from './simulation.ts';

/** The format version of a snapshot; a snapshot of another version is refused. */
export const STATE_FORMAT = 1;

const MAGIC = 'RADSIMSS';

/** The class name of the objects fixedShape makes (sim/fixedShape.ts). */
const FIXED_SHAPE = fixedShape({}).constructor.name;

/** A snapshot that cannot be loaded: another format, a scenario that differs, damaged bytes. */
export class StateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StateError';
  }
}

/**
 * Top-level scenario fields that do not change the model: texts, run length, what is written,
 * and the guided demo's stops (a macro trigger a demo fires is in the saved state's queue).
 */
export const NOT_MODEL = ['name', 'title', 'question', 'description', 'weeks', 'outputs', 'demo'] as const;

/** The scenario without the fields that do not change the model. */
export function modelParameters(s: Scenario): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...s };
  for (const k of NOT_MODEL) delete copy[k];
  // The labels of triggers and programmes are texts too.
  copy.triggers = { ...s.triggers, catalogue: s.triggers.catalogue.map(({ label: _, ...t }) => t) };
  copy.interventions = s.interventions.map(({ label: _, ...v }) => v);
  return copy;
}

/** Hash of a scenario's model-relevant parameters (16 hex digits). */
export function scenarioHash(s: Scenario): string {
  return hashText(canonicalJSON(modelParameters(s)));
}

/** The paths (a.b[2].c) where two values differ, at most `max` of them. */
export function differingPaths(a: unknown, b: unknown, max = 10, path = ''): string[] {
  const out: string[] = [];
  walkDiff(a, b, path, out, max);
  return out;
}

function walkDiff(a: unknown, b: unknown, path: string, out: string[], max: number): void {
  if (out.length >= max) return;
  if (Object.is(a, b)) return;
  const objA = a !== null && typeof a === 'object',
    objB = b !== null && typeof b === 'object';
  if (!objA || !objB || Array.isArray(a) !== Array.isArray(b)) {
    out.push(path || '(the whole value)');
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) {
      out.push(`${path} (length ${a.length} vs ${b.length})`);
      return;
    }
    for (let i = 0; i < a.length; i++) walkDiff(a[i], b[i], `${path}[${i}]`, out, max);
    return;
  }
  const ra = a as Record<string, unknown>,
    rb = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort();
  for (const k of keys) walkDiff(ra[k], rb[k], path ? `${path}.${k}` : k, out, max);
}

/** What a snapshot says about itself, readable without loading it. */
export interface StateHeader {
  format: number;
  radsimVersion: string;
  scenarioHash: string;
  /** The week the simulation had run to when saved. */
  week: number;
  /** The resolved scenario of the saved run. */
  scenario: Scenario;
}

export interface StateDocument extends Omit<StateHeader, 'format'> {
  tree: Encoded;
  series: { columns: string[]; weeks: number; values: Encoded[] };
  blocks: { type: string; offset: number; length: number }[];
}

// ---- encoding: the walk ----

export type Encoded = unknown;

const TYPED = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
} as const;
type TypedName = keyof typeof TYPED;
export type Typed = InstanceType<(typeof TYPED)[TypedName]>;

function typedName(v: unknown): TypedName | null {
  if (!ArrayBuffer.isView(v) || v instanceof DataView) return null;
  const name = v.constructor.name as TypedName;
  if (!Object.hasOwn(TYPED, name)) throw new StateError(`cannot save a ${v.constructor.name}`);
  return name;
}

/** Every object reachable from `root` (the scenario and what is made from it: not saved). */
export function reachable(root: unknown, into: Set<object>): void {
  if (root === null || typeof root !== 'object' || into.has(root)) return;
  into.add(root);
  if (ArrayBuffer.isView(root)) return;
  for (const v of Object.values(root)) reachable(v, into);
}

export class Encoder {
  readonly blocks: Typed[] = [];
  private readonly ids = new Map<object, number>();

  constructor(private readonly excluded: Set<object>) {}

  encode(v: unknown, path: string): Encoded {
    switch (typeof v) {
      case 'number':
        return Number.isFinite(v) && !Object.is(v, -0) ? v : { $num: Object.is(v, -0) ? '-0' : String(v) };
      case 'string':
      case 'boolean':
        return v;
      case 'undefined':
        return { $undef: 1 };
      case 'function':
        return { $fn: 1 };
      case 'object':
        break;
      default:
        throw new StateError(`cannot save a ${typeof v} at ${path}`);
    }
    if (v === null) return null;
    if (this.excluded.has(v)) return { $built: 1 };
    const seen = this.ids.get(v);
    if (seen !== undefined) return { $ref: seen };
    const id = this.ids.size;
    this.ids.set(v, id);
    const typed = typedName(v);
    if (typed) {
      this.blocks.push(v as Typed);
      return { $id: id, $typed: typed, block: this.blocks.length - 1 };
    }
    if (Array.isArray(v)) return { $id: id, $array: v.map((x, i) => this.encode(x, `${path}[${i}]`)) };
    if (v instanceof Map)
      return {
        $id: id,
        $map: [...v].map(([k, x], i) => [this.encode(k, `${path}<key ${i}>`), this.encode(x, `${path}<${String(k)}>`)]),
      };
    if (v instanceof Set) return { $id: id, $set: [...v].map((x, i) => this.encode(x, `${path}<${i}>`)) };
    if (v instanceof ArrayBuffer || v instanceof DataView || v instanceof WeakMap || v instanceof Promise)
      throw new StateError(`cannot save a ${v.constructor.name} at ${path}`);
    const fields: Record<string, Encoded> = {};
    for (const k of Object.keys(v)) fields[k] = this.encode((v as Record<string, unknown>)[k], `${path}.${k}`);
    const proto = Object.getPrototypeOf(v);
    return proto === Object.prototype || proto === null
      ? { $id: id, $object: fields }
      : { $id: id, $object: fields, $class: (v.constructor as { name?: string } | undefined)?.name ?? '?' };
  }
}

/** Whether a saved value is, or holds, an object of a class, a typed array (formulas bind them), a function or a part of the build. */
function holdsBuilt(e: Encoded): boolean {
  if (e === null || typeof e !== 'object') return false;
  const tag = e as Record<string, unknown>;
  if ('$built' in tag || '$fn' in tag || '$class' in tag || '$typed' in tag) return true;
  if ('$array' in tag) return (tag.$array as Encoded[]).some(holdsBuilt);
  if ('$map' in tag) return (tag.$map as [Encoded, Encoded][]).some(([k, x]) => holdsBuilt(k) || holdsBuilt(x));
  if ('$set' in tag) return (tag.$set as Encoded[]).some(holdsBuilt);
  if ('$object' in tag) return Object.values(tag.$object as Record<string, Encoded>).some(holdsBuilt);
  return false;
}

// ---- decoding: the same walk over a freshly built simulation ----

export class Decoder {
  private readonly byId: unknown[] = [];

  constructor(private readonly blocks: Typed[]) {}

  /** Writes the saved value `e` into `holder[key]`, in place where the built value has its shape. */
  restoreInto(holder: Record<string | number, unknown>, key: string | number, e: Encoded, path: string): void {
    if (e === null || typeof e !== 'object') {
      holder[key] = e;
      return;
    }
    const tag = e as Record<string, unknown>;
    if ('$built' in tag || '$fn' in tag) return; // made by the build, as saved
    if ('$num' in tag || '$undef' in tag || '$ref' in tag) {
      holder[key] = this.materialize(e, path);
      return;
    }
    const current = holder[key];
    if (current !== undefined && this.byId[tag.$id as number] === current) return; // made from the snapshot
    if ('$typed' in tag) {
      const saved = this.blocks[tag.block as number];
      if (
        ArrayBuffer.isView(current) &&
        current.constructor === saved.constructor &&
        (current as Typed).length === saved.length
      ) {
        (current as Typed).set(saved as never);
        this.byId[tag.$id as number] = current;
      } else holder[key] = this.materialize(e, path);
      return;
    }
    // Plain data is made anew (every holder of it is in the walk and gets it through $ref);
    // objects of a class, and data that holds one or refers to what the build made, are
    // restored in place, so their methods, functions and scenario references stay.
    if (current === null || typeof current !== 'object' || ArrayBuffer.isView(current) || !holdsBuilt(e)) {
      holder[key] = this.materialize(e, path);
      return;
    }
    this.byId[tag.$id as number] = current;
    if ('$array' in tag) {
      if (!Array.isArray(current)) throw new StateError(`${path}: saved an array, built a ${current.constructor.name}`);
      const items = tag.$array as Encoded[];
      for (let i = 0; i < items.length; i++) this.restoreInto(current as never, i, items[i], `${path}[${i}]`);
      current.length = items.length;
    } else if ('$map' in tag) {
      if (!(current instanceof Map)) throw new StateError(`${path}: saved a Map, built a ${current.constructor.name}`);
      const entries = (tag.$map as [Encoded, Encoded][]).map(([k, x]) => {
        const key = this.materialize(k, `${path}<key>`);
        const box = { v: current.get(key) };
        this.restoreInto(box as never, 'v', x, `${path}<${String(key)}>`);
        return [key, box.v] as const;
      });
      current.clear();
      for (const [k, x] of entries) current.set(k, x);
    } else if ('$set' in tag) {
      throw new StateError(`${path}: a Set that holds objects of a class cannot be restored`);
    } else {
      const fields = tag.$object as Record<string, Encoded>;
      const target = current as Record<string, unknown>;
      for (const k of Object.keys(target))
        if (!Object.hasOwn(fields, k)) throw new StateError(`${path}.${k}: built, but not in the snapshot`);
      for (const k of Object.keys(fields)) this.restoreInto(target, k, fields[k], `${path}.${k}`);
    }
  }

  /** A new value from its saved form (plain objects for saved objects the build did not make). */
  materialize(e: Encoded, path: string): unknown {
    if (e === null || typeof e !== 'object') return e;
    const tag = e as Record<string, unknown>;
    if ('$num' in tag) return tag.$num === '-0' ? -0 : Number(tag.$num);
    if ('$undef' in tag) return undefined;
    if ('$ref' in tag) {
      const id = tag.$ref as number;
      if (!(id in this.byId)) throw new StateError(`${path}: a reference to an object not restored`);
      return this.byId[id];
    }
    if ('$built' in tag || '$fn' in tag)
      throw new StateError(`${path}: a new object that refers to the scenario or a function cannot be restored`);
    const id = tag.$id as number;
    if ('$typed' in tag) {
      const copy = this.blocks[tag.block as number].slice();
      this.byId[id] = copy;
      return copy;
    }
    if ('$array' in tag) {
      const arr: unknown[] = [];
      this.byId[id] = arr;
      (tag.$array as Encoded[]).forEach((x, i) => arr.push(this.materialize(x, `${path}[${i}]`)));
      return arr;
    }
    if ('$map' in tag) {
      const m = new Map();
      this.byId[id] = m;
      for (const [k, x] of tag.$map as [Encoded, Encoded][])
        m.set(this.materialize(k, `${path}<key>`), this.materialize(x, `${path}<value>`));
      return m;
    }
    if ('$set' in tag) {
      const s = new Set();
      this.byId[id] = s;
      for (const x of tag.$set as Encoded[]) s.add(this.materialize(x, `${path}<item>`));
      return s;
    }
    const o: Record<string, unknown> = {};
    const fields = tag.$object as Record<string, Encoded>;
    if (tag.$class === undefined) this.byId[id] = o;
    for (const k of Object.keys(fields)) o[k] = this.materialize(fields[k], `${path}.${k}`);
    if (tag.$class === undefined) return o;
    // Objects of a class are made by the build; only fixed-shape records can be made from data.
    if (tag.$class !== FIXED_SHAPE)
      throw new StateError(`${path}: an object of class ${String(tag.$class)} cannot be made from a snapshot`);
    const shaped = fixedShape(o);
    this.byId[id] = shaped;
    return shaped;
  }
}

/** The roots of the saved state: the world and the plan's modules, in plan order. */
export function stateRoots(sim: Simulation): Record<string, unknown> {
  return { world: sim.world, modules: sim.stages.map((st) => st.module) };
}

export function notSaved(sim: Simulation): Set<object> {
  const built = new Set<object>();
  reachable(sim.scenario, built);
  reachable(sim.world.regions, built);
  return built;
}

// ---- bytes ----

const ALIGN = 8;
const align = (x: number) => Math.ceil(x / ALIGN) * ALIGN;

/** The whole state of `sim` as bytes (see the format above). */
export function saveState(sim: Simulation): Uint8Array {
  sim.start(); // a simulation saved before its first week saves its modules' initial state
  const enc = new Encoder(notSaved(sim));
  const tree = enc.encode(stateRoots(sim), '');
  const series = saveSeries(sim.series, enc);
  let offset = 0;
  const blocks = enc.blocks.map((b) => {
    const entry = { type: b.constructor.name, offset, length: b.length };
    offset = align(offset + b.byteLength);
    return entry;
  });
  const doc: StateDocument = {
    radsimVersion: RADSIM_VERSION,
    scenarioHash: scenarioHash(sim.scenario),
    week: sim.week,
    scenario: sim.scenario,
    tree,
    series,
    blocks,
  };
  const json = new TextEncoder().encode(JSON.stringify(doc));
  const start = align(16 + json.length);
  const bytes = new Uint8Array(start + offset);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < MAGIC.length; i++) bytes[i] = MAGIC.charCodeAt(i);
  view.setUint32(8, STATE_FORMAT, true);
  view.setUint32(12, json.length, true);
  bytes.set(json, 16);
  enc.blocks.forEach((b, i) => {
    bytes.set(new Uint8Array(b.buffer, b.byteOffset, b.byteLength), start + blocks[i].offset);
  });
  return bytes;
}

function saveSeries(series: Series, enc: Encoder): StateDocument['series'] {
  return {
    columns: [...series.columns],
    weeks: series.weeks,
    values: series.values.map((col, c) => enc.encode(col.subarray(0, series.weeks), `series.${series.columns[c]}`)),
  };
}

export function readDocument(bytes: Uint8Array): { doc: StateDocument; start: number } {
  const text = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length < 16 || text(0, 8) !== MAGIC)
    throw new StateError('not a radsim state file (its first bytes are not "RADSIMSS")');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = view.getUint32(8, true);
  if (format !== STATE_FORMAT)
    throw new StateError(
      `the state file has format version ${format}; this radsim reads version ${STATE_FORMAT} (rerun the scenario with this radsim to save a state it reads)`,
    );
  const length = view.getUint32(12, true);
  if (16 + length > bytes.length) throw new StateError('the state file is cut short (its header is incomplete)');
  const doc = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + length))) as StateDocument;
  return { doc, start: align(16 + length) };
}

/** The header of a snapshot (format version, radsim version, scenario hash, week, scenario). */
export function readStateHeader(bytes: Uint8Array): StateHeader {
  const { doc } = readDocument(bytes);
  return {
    format: STATE_FORMAT,
    radsimVersion: doc.radsimVersion,
    scenarioHash: doc.scenarioHash,
    week: doc.week,
    scenario: doc.scenario,
  };
}

export interface LoadOptions {
  /**
   * The scenario to continue with (validated); refused if its model-relevant parameters differ
   * from the saved run's. Default: the saved scenario.
   */
  scenario?: Scenario;
  /** The total run length after resuming (weeks from week 0); default: the scenario's weeks. */
  weeks?: number;
}

/**
 * A simulation that continues the saved one: at the saved week, with the series rows and the
 * routes so far, so running it on gives the same outputs, byte for byte, as the uninterrupted
 * run of the same length.
 */
export function loadState(bytes: Uint8Array, options: LoadOptions = {}): Simulation {
  const { doc, start } = readDocument(bytes);
  const saved = doc.scenario;
  if (options.scenario && scenarioHash(options.scenario) !== doc.scenarioHash) {
    const paths = differingPaths(modelParameters(saved), modelParameters(options.scenario));
    throw new StateError(
      `the scenario differs from the one of the saved run in ${paths.length ? paths.join(', ') : 'its model parameters'}; a state continues only the scenario it was saved from (outputs, texts and weeks may differ)`,
    );
  }
  if (scenarioHash(saved) !== doc.scenarioHash)
    throw new StateError('the state file is damaged (its scenario does not match its scenario hash)');
  const base = options.scenario ?? saved;
  const weeks = options.weeks ?? base.weeks;
  if (!Number.isInteger(weeks) || weeks < doc.week)
    throw new StateError(`the run length (${weeks} weeks) is shorter than the saved run (week ${doc.week})`);
  const scenario: Scenario = { ...base, weeks };

  const blocks = readBlocks(bytes, doc, start);
  const dec = new Decoder(blocks);
  const prebuilt = prebuiltFrom(doc, dec, scenario.agents);
  const sim = new Simulation(scenario, { prebuilt });
  sim.start();
  const roots = stateRoots(sim);
  const tree = doc.tree as { $object: Record<string, Encoded> };
  for (const k of Object.keys(roots)) dec.restoreInto(roots, k, tree.$object[k], k);
  restoreSeries(sim.series, doc.series, blocks);
  return sim;
}

/** The typed arrays of a snapshot, viewed in place where the bytes are aligned, copied otherwise. */
export function readBlocks(bytes: Uint8Array, doc: StateDocument, start: number): Typed[] {
  const aligned = (bytes.byteOffset + start) % ALIGN === 0 ? bytes : bytes.slice();
  return doc.blocks.map((b) => {
    const Type = TYPED[b.type as TypedName];
    if (!Type) throw new StateError(`the state file holds an unknown array type ${b.type}`);
    const at = aligned.byteOffset + start + b.offset;
    if (at + b.length * Type.BYTES_PER_ELEMENT > aligned.byteOffset + aligned.byteLength)
      throw new StateError('the state file is cut short (an array runs past its end)');
    return new Type(aligned.buffer as ArrayBuffer, at, b.length) as Typed;
  });
}

/**
 * The population and network of a snapshot, for a simulation built on them: they are not built
 * anew (the slow part of a build): the agents are allocated empty and filled by the walk, the
 * layout and the network (fixed-shape records of typed arrays) are made from the snapshot; the
 * rest is built from the scenario and then overwritten by the walk.
 */
export function prebuiltFrom(
  doc: StateDocument,
  dec: Decoder,
  agents: number,
): NonNullable<SimulationOptions['prebuilt']> {
  const tree = doc.tree as { $object: Record<string, Encoded> };
  const world = (tree.$object.world as { $object: Record<string, Encoded> }).$object;
  return {
    agents: allocateAgents(agents),
    layout: dec.materialize(world.layout, 'world.layout'),
    network: dec.materialize(world.network, 'world.network'),
  } as NonNullable<SimulationOptions['prebuilt']>;
}

export function restoreSeries(series: Series, saved: StateDocument['series'], blocks: Typed[]): void {
  if (saved.columns.join(',') !== series.columns.join(','))
    throw new StateError(
      `the series columns differ from the saved run's: ${differingPaths(saved.columns, series.columns).join(', ')}`,
    );
  saved.values.forEach((e, c) => {
    series.values[c].set(blocks[(e as { block: number }).block]);
  });
  series.weeks = saved.weeks;
}
