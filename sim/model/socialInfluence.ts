/**
 * Social influence (MODEL.md 4.4): each week every free agent meets a few contacts over the
 * network, chosen by layer weight, and may meet the high-reach online sources of their leaning.
 * Attitudes move by relative agreement (Deffuant et al. 2002): confident extremists pull,
 * uncertain moderates are pulled. Contacts of the same leaning, and mainstream contacts of any
 * leaning, influence; a committed radical of another ideology does not. Group followers meeting
 * their own group conform more, leaders less.
 */
import { relativeAgreementToward } from '../influence/relativeAgreement.ts';
import { LAYERS } from '../domain.ts';
import { agentBits, tickKey, tickUniform } from '../random/streams.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { TickModule } from './module.ts';
import type { World } from './world.ts';

/** Agents whose partners are chosen before their meetings are applied. */
const BLOCK = 512;
/** Where the touch loop's reads go: a store the compiler must keep, so it keeps the loads. */
let _sink = 0;

export type InfluenceListener = (w: World, i: number, before: number, after: number, fromGroup: boolean) => void;

export class InfluenceStage implements TickModule {
  readonly name = 'influence';
  private readonly p: Scenario['influence'];
  private readonly on: boolean;
  /** Layer weights by LAYERS, and the largest. */
  private readonly weights: Float32Array;
  private readonly maxWeight: number;
  /** Contacts per week: whole meetings, and the chance of one more. */
  private readonly whole: number;
  private readonly fraction: number;
  /** Reach of the online sources by ideology, amplification applied. */
  private readonly reach: Float32Array;
  /**
   * What a meeting reads from the partner: attitude and uncertainty interleaved (one cache line
   * instead of two; 8 bytes per agent keep the random reads within fewer pages), and the leaning
   * (-1 while detained) in a byte array small enough to stay in cache. Copied at the start of the
   * stage and written through when an agent moves, so every meeting sees the same values as the
   * plain arrays would.
   */
  private partner = new Float32Array(0);
  private partnerLeaning = new Int8Array(0);
  /** The partners chosen for a block of agents. */
  private chosen = new Int32Array(0);

  constructor(
    w: World,
    private readonly onGroupInfluence?: InfluenceListener,
  ) {
    const s = w.scenario;
    const p = (this.p = s.influence);
    this.weights = Float32Array.from(LAYERS, (l) => s.network.weights[l]);
    this.maxWeight = Math.max(...this.weights);
    this.on = s.ablation.socialInfluence && this.maxWeight > 0;
    this.whole = Math.floor(p.contactsPerWeek);
    this.fraction = p.contactsPerWeek - this.whole;
    this.reach = Float32Array.from(
      [
        0,
        p.sources.reach.jihadist,
        p.sources.reach.rightWing,
        p.sources.reach.leftWing,
        p.sources.reach.antiInstitutional,
      ],
      (r) => r * p.sources.amplification,
    );
  }

  init(w: World): void {
    if (!this.on) return;
    const n = w.agents.n;
    this.partner = new Float32Array(2 * n);
    this.partnerLeaning = new Int8Array(n);
    const slots = this.whole + (this.fraction > 0 ? 1 : 0);
    this.chosen = new Int32Array(BLOCK * slots);
  }

  step(w: World): void {
    if (!this.on) return;
    const p = this.p,
      weights = this.weights,
      maxWeight = this.maxWeight,
      whole = this.whole,
      fraction = this.fraction,
      reach = this.reach,
      onGroupInfluence = this.onGroupInfluence;
    const a = w.agents,
      net = w.network,
      g = w.groups;
    const x = a.attitude,
      u = a.uncertainty,
      leaning = a.leaning,
      group = a.group,
      online = a.online;
    const detained = a.detainedUntil,
      offsets = net.offsets,
      targets = net.targets,
      layer = net.layer;
    const tk = tickKey(w.keys.influence, w.week),
      partnerTk = tickKey(w.keys.influencePartner, w.week);
    const threshold = p.mainstreamThreshold;
    const n = a.n;
    const pk = this.partner,
      pl = this.partnerLeaning;
    copyPartnerFields(n, x, u, leaning, detained, pk, pl);
    // Agents in blocks: first every partner of the block is chosen (the choice reads only the
    // network and the draws, never an opinion), then their lines are touched in a tight loop so
    // the cache misses of a block overlap, then the meetings are applied in the usual order,
    // from cache. Same draws, same order, same results as one agent at a time.
    const slots = whole + (fraction > 0 ? 1 : 0);
    const js = this.chosen;
    for (let lo = 0; lo < n; lo += BLOCK) {
      const hi = Math.min(n, lo + BLOCK);
      for (let i = lo, q = 0; i < hi; i++, q += slots) {
        const from = offsets[i],
          deg = offsets[i + 1] - from;
        const meetings =
          detained[i] >= 0 || deg === 0 ? 0 : whole + (fraction > 0 && tickUniform(tk, i, 0) < fraction ? 1 : 0);
        for (let m = 0; m < slots; m++) {
          let j = -1;
          if (m < meetings) {
            // A tie by layer weight: uniform tie, accepted with chance weight / max weight (4 tries).
            // One 32-bit draw per try: the high 16 bits pick the tie, the low 16 bits accept it.
            for (let t = 0; t < 4; t++) {
              const bits = agentBits(partnerTk, i, m * 4 + t);
              const e = from + (((bits >>> 16) * deg) >>> 16);
              if ((bits & 0xffff) * maxWeight < weights[layer[e]] * 65536) {
                j = targets[e];
                break;
              }
            }
          }
          js[q + m] = j;
        }
      }
      // Touch every partner's lines in a loop that does nothing else, so their misses overlap.
      let touch = 0;
      for (let q = 0, end = (hi - lo) * slots; q < end; q++) {
        const j = js[q];
        if (j >= 0) touch += pk[2 * j] + pl[j];
      }
      _sink = touch;
      for (let i = lo, q = 0; i < hi; i++, q += slots) {
        if (detained[i] >= 0) continue;
        const li = leaning[i],
          gi = group[i];
        let moved = false;
        for (let m = 0; m < slots; m++) {
          const j = js[q + m];
          if (j < 0) continue;
          const o = 2 * j,
            lj = pl[j];
          if (lj < 0) continue; // detained
          const xj = pk[o];
          if (lj !== li && xj >= threshold) continue;
          let mu = p.mu;
          const sameGroup = gi >= 0 && gi === group[j];
          if (sameGroup) mu *= g.leader[gi] === i ? p.leaderConformity : p.followerConformity;
          if (mu > 1) mu = 1;
          const before = x[i];
          if (relativeAgreementToward(x, u, i, xj, pk[o + 1], mu)) moved = true;
          if (sameGroup && onGroupInfluence) onGroupInfluence(w, i, before, x[i], true);
        }
        // High-reach online sources of the own leaning.
        const r = reach[li] * online[i];
        if (
          r > 0 &&
          tickUniform(tk, i, 1) < r &&
          relativeAgreementToward(x, u, i, p.sources.attitude, p.sources.uncertainty, p.mu)
        )
          moved = true;
        if (moved) {
          pk[2 * i] = x[i];
          pk[2 * i + 1] = u[i];
        }
      }
    }
  }
}

/**
 * The partner fields at the start of the week. A function of its own, not a loop at the top of
 * the stage: V8 compiles a hot first loop on its own (on-stack replacement) before the rest of
 * the stage has run, and that code, kept for later calls, left the stage at its next line in the
 * interpreter again whenever a new simulation started the stage unoptimised.
 */
function copyPartnerFields(
  n: number,
  x: Float32Array,
  u: Float32Array,
  leaning: Uint8Array,
  detained: Int16Array,
  pk: Float32Array,
  pl: Int8Array,
): void {
  for (let i = 0, o = 0; i < n; i++, o += 2) {
    pk[o] = x[i];
    pk[o + 1] = u[i];
    pl[i] = detained[i] >= 0 ? -1 : leaning[i];
  }
}
