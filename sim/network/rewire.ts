/**
 * A newcomer's ties (life-course renewal, sim/model/lifecourse.ts) follow the build's age mixing,
 * without changing the shape of the CSR: every person keeps their number of ties, so the network
 * is rewired in place, with no allocation.
 *
 * Why not keep the leaver's ties: a newcomer of 12 who took over the ties of the person of 85 they
 * replace would have no classmates, and in a few decades the young would lose the age structure
 * the build gives them (their share of ties within their own age band fell from 48% to 10%).
 *
 * The move is one degree-preserving swap (every row keeps its length):
 *
 *     (i, j1), (i, j2), (k, l)   ->   (j1, j2), (i, k), (i, l)
 *
 * Two of the leaver's contacts j1, j2 are tied to each other (contacts of the same person, often of
 * the same age: the tie they lose is replaced by one between them); k is a peer of the newcomer's
 * own age drawn with the build's rule (a pupil of a nearby school under 18, a working adult of the
 * region from 18 to 66) and l one of k's peers, so the newcomer gets two same-age classmates or
 * colleagues and k and l keep their number of ties. The leaver's peer ties are rewired first, then
 * as many online and neighbourhood ties as it takes to give the newcomer the build's number of peer
 * ties for their age (the peer layer's mean degree, for a working adult with the active share's
 * chance; none from 67, when the leaver's ties stay as they are); household ties stay (the newcomer joins the household). A swap that would duplicate a
 * tie or tie someone to themselves is skipped, so a newcomer can end a little short.
 *
 * The person's degree stays that of the slot (the CSR's rows do not grow): a young newcomer in the
 * slot of an old leaver has the leaver's number of ties, only more of them to their own age.
 */
import { ageInWeeks, type Agents } from '../population/agents.ts';
import type { RegionLayout } from '../population/build.ts';
import { tickUniform } from '../random/streams.ts';
import type { Scenario } from '../scenario/schema.ts';
import { NEIGHBOURHOOD, ONLINE, PEER } from './build.ts';
import type { Network } from './csr.ts';

/** Draws of a peer of the right age before a swap is given up. */
const PEER_TRIES = 256;
/** The layers a renewal frees, in order. */
const FREED_LAYERS = [PEER, ONLINE, NEIGHBOURHOOD] as const;
/** Largest number of the leaver's ties a renewal frees (a person's ties beyond it stay). */
const MAX_FREED = 64;

export class NewcomerTies {
  private readonly meanDegree: number;
  private readonly activeShare: number;
  /** Half the width, in agent indices, of the catchment of a school (consecutive neighbourhoods). */
  private readonly schoolReach: number;
  // Scratch (made once): the contacts a renewal frees, and their layers.
  private readonly freed = new Int32Array(MAX_FREED);
  private readonly freedLayer = new Uint8Array(MAX_FREED);
  /** Swaps made, and swaps given up (no suitable peer found): for measurement. */
  swaps = 0;
  missed = 0;

  constructor(
    s: Scenario,
    private readonly net: Network,
    private readonly a: Agents,
    private readonly layout: RegionLayout,
  ) {
    const p = s.network.peer;
    this.meanDegree = p.meanDegree;
    this.activeShare = p.activeShare;
    // A school of `schoolSize` pupils takes them from as many consecutive people as hold that many
    // under 18: the share under 18 is the youngest bands' (at least 1%, so the reach stays finite).
    const young = s.population.ageBands.filter((b) => b.from < 18).reduce((t, b) => t + b.share, 0);
    this.schoolReach = Math.ceil(p.schoolSize / Math.max(0.01, young) / 2);
  }

  /**
   * Rewires the ties of newcomer i (already given their age) in week `week`, with draws from the
   * tick key `tk` (draw counters from 0 up, one purpose).
   */
  renew(i: number, week: number, tk: number): void {
    const net = this.net,
      a = this.a;
    const from = net.offsets[i],
      to = net.offsets[i + 1];
    const age = a.age[i];
    let c = 0; // draw counter
    const school = age < 18;
    const working = !school && age < 67 && tickUniform(tk, i, c++) < this.activeShare;
    const target = school || working ? Math.round(this.meanDegree) : 0;
    // The contacts to free: all peer ties, then online and neighbourhood ties up to the target.
    if (target === 0) return; // no peers at this age: the leaver's ties stay
    let m = 0;
    for (let f = 0; f < FREED_LAYERS.length; f++) {
      const layer = FREED_LAYERS[f]; // an indexed loop: no iterator object per renewal
      for (let e = from; e < to && m < MAX_FREED; e++) {
        if (net.layer[e] !== layer) continue;
        if (layer !== PEER && m >= target) break;
        this.freed[m] = net.targets[e];
        this.freedLayer[m++] = layer;
      }
    }
    for (let p = 0; p + 1 < m; p += 2) {
      const j1 = this.freed[p],
        j2 = this.freed[p + 1];
      if (this.has(j1, j2)) {
        this.missed++;
        continue;
      }
      let done = false;
      for (let t = 0; t < PEER_TRIES && !done; t++) {
        const k = this.drawPeer(i, school, week, tk, c);
        c++;
        if (k < 0 || k === j1 || k === j2 || this.has(i, k)) continue;
        const l = this.peerOf(k, tickUniform(tk, i, c++));
        if (l < 0 || l === i || l === j1 || l === j2 || this.has(i, l)) continue;
        // (i, j1), (i, j2), (k, l) -> (j1, j2), (i, k), (i, l)
        const joined = this.freedLayer[p] === PEER && this.freedLayer[p + 1] === PEER ? PEER : ONLINE;
        this.replace(j1, i, j2, joined);
        this.replace(j2, i, j1, joined);
        this.replace(i, j1, k, PEER);
        this.replace(i, j2, l, PEER);
        this.replace(k, l, i, PEER);
        this.replace(l, k, i, PEER);
        this.swaps++;
        done = true;
      }
      if (!done) this.missed++;
    }
  }

  /**
   * A peer of newcomer i's age by the build's rule (peer ties join the nearest in age at a school
   * or workplace): a pupil within a year of i's age from the school catchment around i, or a
   * working-age adult of the region within three years (a workplace of 40 spread over 48 years of
   * age, ties to the three nearest on each side). -1 if the draw does not fit. Uses draw c.
   */
  private drawPeer(i: number, school: boolean, week: number, tk: number, c: number): number {
    const a = this.a,
      r = a.region[i],
      rs = this.layout.regionStart;
    let lo = rs[r],
      hi = rs[r + 1];
    if (school) {
      lo = Math.max(lo, i - this.schoolReach);
      hi = Math.min(hi, i + this.schoolReach + 1);
    }
    const k = lo + Math.floor(tickUniform(tk, i, c) * (hi - lo));
    if (k === i) return -1;
    const x = a.age[k];
    if (school ? x >= 18 : x < 18 || x >= 67) return -1;
    const gap = Math.abs(ageInWeeks(a, k, week) - ageInWeeks(a, i, week)) / 52;
    return gap <= (school ? 1 : 3) ? k : -1;
  }

  /** One of k's peer ties, picked with the uniform u; -1 if k has none. */
  private peerOf(k: number, u: number): number {
    const net = this.net;
    let count = 0;
    for (let e = net.offsets[k]; e < net.offsets[k + 1]; e++) if (net.layer[e] === PEER) count++;
    if (count === 0) return -1;
    let pick = Math.floor(u * count);
    for (let e = net.offsets[k]; e < net.offsets[k + 1]; e++)
      if (net.layer[e] === PEER && pick-- === 0) return net.targets[e];
    return -1;
  }

  /** Whether x and y are tied (rows are sorted: binary search). */
  private has(x: number, y: number): boolean {
    const t = this.net.targets;
    let lo = this.net.offsets[x],
      hi = this.net.offsets[x + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (t[mid] < y) lo = mid + 1;
      else if (t[mid] > y) hi = mid;
      else return true;
    }
    return false;
  }

  /** In row x, the tie to y becomes a tie to z of the given layer; the row stays sorted. */
  private replace(x: number, y: number, z: number, layer: number): void {
    const t = this.net.targets,
      ly = this.net.layer;
    const from = this.net.offsets[x],
      to = this.net.offsets[x + 1];
    let e = from;
    while (e < to && t[e] !== y) e++;
    if (e === to) throw new Error(`network rewiring: ${x} is not tied to ${y}`);
    // Slide the entry to where z belongs.
    while (e > from && t[e - 1] > z) {
      t[e] = t[e - 1];
      ly[e] = ly[e - 1];
      e--;
    }
    while (e + 1 < to && t[e + 1] < z) {
      t[e] = t[e + 1];
      ly[e] = ly[e + 1];
      e++;
    }
    t[e] = z;
    ly[e] = layer;
  }
}
