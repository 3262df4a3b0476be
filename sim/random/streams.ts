/**
 * Seeded randomness, one stream per purpose.
 *
 * Two kinds of draw, both derived from the scenario seed through seedrandom:
 *
 * - `Stream`: a sequential generator (seedrandom's xor4096) for work done once, in order,
 *   such as building the population and the network.
 * - `agentUniform(key, tick, agent, k)`: a counter-based draw for the tick loop. It is a pure
 *   function of (purpose key, tick, agent, k), so the draw an agent gets for a purpose in a week
 *   does not depend on how many draws other agents made before it. That is what makes two
 *   scenarios comparable on common random numbers: a change that touches some agents leaves the
 *   draws of all others as they were, and draws happen only where an event can happen.
 *
 * Purpose keys come from seedrandom(`${seed}/${purpose}`), so every stream is named, and a new
 * purpose never shifts an existing one.
 */
import seedrandom from 'seedrandom';

export type Rand = () => number;

/**
 * A 32-bit key for a named purpose, derived from the scenario seed. Signed: every int32 is a
 * small integer to V8, while half of all uint32 are not, so an object of keys made for another
 * seed got another field representation, and the tick's code that read it was thrown away (the
 * keys only enter XORs, where both forms are the same bits).
 */
export function purposeKey(seed: number, purpose: string): number {
  return seedrandom(`${seed}/${purpose}`).int32();
}

/** A sequential stream for build-time work: uniform in [0, 1). */
export function stream(seed: number, purpose: string): Stream {
  return new Stream(seedrandom.xor4096(`${seed}/${purpose}`));
}

/**
 * A sequential stream made of the counter-based draws of one agent in one tick: free to start
 * (a seedrandom stream spends thousands of steps on its seed), for the now-and-then work of the
 * tick loop that needs many draws, such as a newcomer's traits. Uniforms are 32-bit, strictly
 * inside (0, 1), so the logarithms of the normal and gamma draws stay finite.
 */
export function agentStream(tk: number, agent: number): Stream {
  let k = 0;
  return new Stream(() => (agentBits(tk, agent, k++) + 0.5) / 4294967296);
}

export class Stream {
  private spareNormal = NaN;
  constructor(readonly uniform: Rand) {}

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Standard normal (Marsaglia polar method, caching the second value). */
  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const v = this.spareNormal;
      this.spareNormal = NaN;
      return v;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * m;
    return u * m;
  }

  /** Gamma(shape, 1) by Marsaglia and Tsang (2000). */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * this.uniform() ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number, v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** Beta with the given mean and standard deviation (method of moments). */
  betaMeanSd(mean: number, sd: number): number {
    const [a, b] = betaShape(mean, sd);
    return this.beta(a, b);
  }

  /** Beta with shapes a and b (`betaShape` gives them from a mean and a standard deviation). */
  beta(a: number, b: number): number {
    const x = this.gamma(a);
    const y = this.gamma(b);
    return x / (x + y);
  }

  /** Index drawn from unnormalised weights. */
  pick(weights: ArrayLike<number>): number {
    let total = 0;
    for (let i = 0; i < weights.length; i++) total += weights[i];
    let r = this.uniform() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** Poisson(lambda); inversion is fine for the small means used here. */
  poisson(lambda: number): number {
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const l = Math.exp(-lambda);
    let k = 0;
    let p = this.uniform();
    while (p > l) {
      k++;
      p *= this.uniform();
    }
    return k;
  }

  /** In-place Fisher-Yates shuffle. */
  shuffle<T extends { length: number; [i: number]: number }>(a: T): T {
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.uniform() * (i + 1));
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }
}

/** Beta shape parameters from mean and sd; the sd is capped so that both shapes stay positive. */
export function betaShape(mean: number, sd: number): [number, number] {
  const m = Math.min(Math.max(mean, 1e-6), 1 - 1e-6);
  const maxVar = m * (1 - m);
  const v = Math.min(sd * sd, maxVar * 0.99);
  const k = maxVar / v - 1;
  return [m * k, (1 - m) * k];
}

/** murmur3's 32-bit finaliser: full avalanche of one word. */
function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Counter-based uniform in [0, 1) for (key, tick, agent, k): each counter is folded in with its
 * own odd multiplier and a full avalanche round, 24 bits of mantissa out. Cheap (about 10 ns),
 * allocation-free, and independent across agents, weeks and purposes.
 */
export function agentUniform(key: number, tick: number, agent: number, k: number): number {
  return (agentBits(tickKey(key, tick), agent, k) >>> 8) / 16777216;
}

/** The part of a draw that depends only on the purpose and the week: compute once per tick. */
export function tickKey(key: number, tick: number): number {
  return fmix32(key ^ Math.imul(tick + 1, 0x9e3779b1));
}

/** 32 random bits for (tick key, agent, k). `agentUniform` is the top 24 of them. */
export function agentBits(tk: number, agent: number, k: number): number {
  const h = fmix32(tk ^ Math.imul(agent + 1, 0x85ebca77));
  return fmix32(h ^ Math.imul(k + 1, 0xc2b2ae3d));
}

/** Uniform in [0, 1) from a tick key: same value as agentUniform(key, tick, agent, k). */
export function tickUniform(tk: number, agent: number, k: number): number {
  return (agentBits(tk, agent, k) >>> 8) / 16777216;
}
