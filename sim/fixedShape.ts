/**
 * The same object, rebuilt property by property on an object of a class of its own.
 *
 * Why: V8 treats the second run of an object literal differently from the first (it builds the
 * literal's template then) and in doing so forgets what it knew about the fields' types, which
 * throws away every optimised function that read them. A worker that runs one simulation after
 * another (an ensemble, a sweep, a comparison) built its agents, network and world from literals
 * anew each time, and so recompiled the tick's hot code with every replicate. Objects built by
 * defining their properties one by one follow one chain of hidden classes however often they
 * are made. Use it where an object the tick reads is made once per simulation (docs/performance.md,
 * section 5).
 */
export function fixedShape<T extends object>(fields: T): T {
  // Not from {}: hidden classes branch from the prototype's root, and the literal handed in here
  // would otherwise share its chain with the result, and with it the forgetting.
  const o = new Shaped();
  // defineProperty, not o[k] = v: V8 turns an object that gets more than a dozen properties by
  // keyed stores into a dictionary, and the agents have forty.
  for (const [k, value] of Object.entries(fields))
    Object.defineProperty(o, k, { value, writable: true, enumerable: true, configurable: true });
  return o as T;
}

/** The root of every fixed-shape object's chain of hidden classes: apart from the literals'. */
class Shaped {}
