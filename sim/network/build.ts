/**
 * Builds the four layers of the social network (MODEL.md section 3):
 * - household: everyone in a household knows everyone else;
 * - peer: schools (ages 12-17) and workplaces or colleges (active adults), ties to the nearest
 *   in age within the unit, so peers are alike in age and live in the same area;
 * - neighbourhood: a few random ties within the neighbourhood;
 * - online: a Chung-Lu random graph whose expected degrees follow online exposure, partly
 *   across regions.
 */
import { ageInWeeks, type Agents } from '../population/agents.ts';
import type { RegionLayout } from '../population/build.ts';
import { stream, type Stream } from '../random/streams.ts';
import { WeightedIndex } from '../random/weightedIndex.ts';
import type { Scenario } from '../scenario/schema.ts';
import { EdgeList, type Network } from './csr.ts';

export const HOUSEHOLD = 0,
  PEER = 1,
  NEIGHBOURHOOD = 2,
  ONLINE = 3;

export function buildNetwork(s: Scenario, a: Agents, layout: RegionLayout): Network {
  // Room for the expected ties (households about one per person, the other layers half their
  // mean degree per person) and a tenth more, so the list is not copied as it grows.
  const { peer, neighbourhood, online } = s.network;
  const edges = new EdgeList(1.1 * a.n * (1 + (peer.meanDegree + neighbourhood.meanDegree + online.meanDegree) / 2));
  householdTies(a, edges);
  peerTies(s, a, layout, edges, stream(s.seed, 'network/peer'));
  neighbourhoodTies(s, layout, edges, stream(s.seed, 'network/neighbourhood'));
  onlineTies(s, a, layout, edges, stream(s.seed, 'network/online'));
  return edges.toCSR(a.n);
}

function householdTies(a: Agents, edges: EdgeList): void {
  let start = 0;
  for (let i = 1; i <= a.n; i++) {
    if (i === a.n || a.household[i] !== a.household[start]) {
      for (let x = start; x < i; x++) for (let y = x + 1; y < i; y++) edges.add(x, y, HOUSEHOLD);
      start = i;
    }
  }
}

/** Ties each member of a unit to its nearest members in age order (a ring lattice by age). */
function latticeByAge(members: number[], a: Agents, meanDegree: number, edges: EdgeList, rs: Stream): void {
  if (members.length < 2) return;
  members.sort((x, y) => ageInWeeks(a, x, 0) - ageInWeeks(a, y, 0) || x - y);
  const half = meanDegree / 2;
  const m = members.length;
  for (let k = 0; k < m; k++) {
    // Whole ties plus one more with the fractional chance, so the mean degree is as given.
    const links = Math.floor(half) + (rs.uniform() < half - Math.floor(half) ? 1 : 0);
    // No wrap-around: the oldest of a unit are not tied to the youngest.
    for (let d = 1; d <= links && k + d < m; d++) edges.add(members[k], members[k + d], PEER);
  }
}

function peerTies(s: Scenario, a: Agents, layout: RegionLayout, edges: EdgeList, rs: Stream): void {
  const p = s.network.peer;
  for (let r = 0; r < s.regions.length; r++) {
    const from = layout.regionStart[r],
      to = layout.regionStart[r + 1];
    // Schools take pupils from consecutive neighbourhoods until they are full.
    let school: number[] = [];
    const active: number[] = [];
    for (let i = from; i < to; i++) {
      const age = a.age[i];
      if (age < 18) {
        school.push(i);
        if (school.length >= p.schoolSize) {
          latticeByAge(school, a, p.meanDegree, edges, rs);
          school = [];
        }
      } else if (age < 67 && rs.uniform() < p.activeShare) active.push(i);
    }
    latticeByAge(school, a, p.meanDegree, edges, rs);
    // Workplaces and colleges mix the region's neighbourhoods.
    rs.shuffle(active);
    for (let k = 0; k < active.length; k += p.workplaceSize) {
      latticeByAge(active.slice(k, k + p.workplaceSize), a, p.meanDegree, edges, rs);
    }
  }
}

function neighbourhoodTies(s: Scenario, layout: RegionLayout, edges: EdgeList, rs: Stream): void {
  const half = s.network.neighbourhood.meanDegree / 2;
  const starts = layout.neighbourhoodStart;
  for (let b = 0; b + 1 < starts.length; b++) {
    const from = starts[b],
      size = starts[b + 1] - from;
    if (size < 2) continue;
    for (let i = from; i < from + size; i++) {
      const k = rs.poisson(half);
      for (let t = 0; t < k; t++) edges.add(i, from + rs.int(size), NEIGHBOURHOOD);
    }
  }
}

function onlineTies(s: Scenario, a: Agents, layout: RegionLayout, edges: EdgeList, rs: Stream): void {
  const { meanDegree, crossRegionShare } = s.network.online;
  const n = a.n;
  const cum = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cum[i] = total += a.online[i];
  if (total <= 0 || meanDegree <= 0) return;
  // Chung-Lu: endpoints drawn in proportion to exposure give expected degree ~ exposure.
  const edgesWanted = Math.round((n * meanDegree) / 2);
  const regionOf = a.region;
  const pick = new WeightedIndex(cum);
  for (let e = 0; e < edgesWanted; e++) {
    const u = pick.draw(0, n, rs);
    const r = regionOf[u];
    const v =
      rs.uniform() < crossRegionShare
        ? pick.draw(0, n, rs)
        : pick.draw(layout.regionStart[r], layout.regionStart[r + 1], rs);
    edges.add(u, v, ONLINE);
  }
}
