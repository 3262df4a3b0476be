/**
 * The shared input and the shared yardstick of the peer comparison.
 *
 * Input: a random graph G(N, M) with M = 5N undirected edges drawn uniformly (self-loops dropped,
 * parallel edges merged; mean degree just under 10), stored in CSR form with radsim's own
 * `EdgeList.toCSR`, and N initial opinions uniform on [0, 1). Every implementation reads the
 * same file, so they run on the same network from the same opinions.
 *
 * File layout (little endian): u32 magic, u32 n, u32 nnz, u32 pad, u32 offsets[n + 1],
 * u32 targets[nnz], padding to 8 bytes, f64 x0[n]. NumPy reads it with np.frombuffer.
 *
 * Yardstick: every implementation writes its final opinions (f64[n]) to a file, and this module
 * computes the same statistics for all of them (`opinionStats`).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EdgeList } from '../../sim/network/csr.ts';
import { clusters } from '../../sim/influence/standalone.ts';

export const PEERS_DIR = dirname(fileURLToPath(import.meta.url));
export const CACHE_DIR = resolve(PEERS_DIR, '.cache');
const MAGIC = 0x52445347; // "RDSG"

/** sfc32 (Chris Doty-Humphrey's small fast counter), uniform in [0, 1): a fast seeded generator. */
export function sfc32(seed: number): () => number {
  let a = 0x9e3779b9,
    b = 0x243f6a88,
    c = 0xb7e15162,
    d = seed | 0;
  const next = () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let k = 0; k < 16; k++) next();
  return next;
}

export interface Graph {
  n: number;
  offsets: Uint32Array;
  targets: Uint32Array;
  x0: Float64Array;
}

export function graphPath(n: number, seed: number): string {
  return resolve(CACHE_DIR, `graph-${n}-${seed}.bin`);
}

export function makeGraph(n: number, seed: number): Graph {
  const rand = sfc32(seed);
  const edges = new EdgeList();
  for (let e = 0; e < 5 * n; e++) edges.add(Math.floor(rand() * n), Math.floor(rand() * n), 0);
  const net = edges.toCSR(n);
  const x0 = new Float64Array(n);
  for (let i = 0; i < n; i++) x0[i] = rand();
  return { n, offsets: net.offsets, targets: net.targets, x0 };
}

/** Writes the graph file if it is not there yet; returns its path. */
export function ensureGraphFile(n: number, seed: number): string {
  const path = graphPath(n, seed);
  if (existsSync(path)) return path;
  mkdirSync(CACHE_DIR, { recursive: true });
  const g = makeGraph(n, seed);
  const nnz = g.targets.length;
  const intBytes = 16 + 4 * (n + 1) + 4 * nnz;
  const x0At = Math.ceil(intBytes / 8) * 8;
  const buf = new ArrayBuffer(x0At + 8 * n);
  const u32 = new Uint32Array(buf, 0, intBytes / 4);
  u32.set([MAGIC, n, nnz, 0]);
  u32.set(g.offsets, 4);
  u32.set(g.targets, 4 + n + 1);
  new Float64Array(buf, x0At, n).set(g.x0);
  writeFileSync(path, new Uint8Array(buf));
  return path;
}

export function readGraph(path: string): Graph {
  const file = readFileSync(path);
  const buf = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength);
  const head = new Uint32Array(buf, 0, 4);
  if (head[0] !== MAGIC) throw new Error(`${path} is not a graph file`);
  const n = head[1],
    nnz = head[2];
  const offsets = new Uint32Array(buf, 16, n + 1);
  const targets = new Uint32Array(buf, 16 + 4 * (n + 1), nnz);
  const x0At = Math.ceil((16 + 4 * (n + 1) + 4 * nnz) / 8) * 8;
  const x0 = new Float64Array(buf, x0At, n);
  return { n, offsets, targets, x0 };
}

export function writeOpinions(path: string, x: ArrayLike<number>): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, new Uint8Array(Float64Array.from(x).buffer));
}

export function readOpinions(path: string): Float64Array {
  const file = readFileSync(path);
  return new Float64Array(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength));
}

export interface OpinionStats {
  /** Clusters (opinions sorted, a new cluster where consecutive opinions differ by > 1e-3) holding >= 1% of the agents. */
  majorClusters: number;
  /** Means of those clusters, in increasing order. */
  clusterMeans: number[];
  /** Share of the agents in the major clusters. */
  inMajorClusters: number;
  /** Share of the ties (CSR entries) whose two ends differ by < 1e-3: how far local consensus has come. */
  tiesInAgreement: number;
  /** Mean |x_i - x_j| over the ties. */
  meanTieDistance: number;
  mean: number;
  sd: number;
}

export function opinionStats(x: Float64Array, g: Graph): OpinionStats {
  const n = x.length;
  const major = clusters(x, 1e-3).filter((c) => c.size >= Math.ceil(0.01 * n));
  let agree = 0,
    dist = 0;
  for (let i = 0; i < n; i++) {
    for (let e = g.offsets[i]; e < g.offsets[i + 1]; e++) {
      const d = Math.abs(x[i] - x[g.targets[e]]);
      dist += d;
      if (d < 1e-3) agree++;
    }
  }
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i];
  m /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (x[i] - m) ** 2;
  const nnz = g.targets.length;
  return {
    majorClusters: major.length,
    clusterMeans: major.map((c) => Math.round(c.mean * 1000) / 1000),
    inMajorClusters: major.reduce((a, c) => a + c.size, 0) / n,
    tiesInAgreement: agree / nnz,
    meanTieDistance: dist / nnz,
    mean: m,
    sd: Math.sqrt(v / n),
  };
}

/** What every implementation's child process prints (one JSON line). */
export interface PeerRun {
  impl: string;
  variant?: string;
  n: number;
  steps: number;
  interactions: number;
  buildMs: number;
  runMs: number;
  /** CPU time of the run (user + system), ms. */
  runCpuMs?: number;
  /** Wall time of each step. */
  stepMs: number[];
  peakRssBytes: number;
  rssAfterBuildBytes?: number;
  out: string;
  notes?: string;
}

/** CPU milliseconds (user + system) since `from` (a process.cpuUsage() value). */
export function cpuMsSince(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

/** Peak RSS of this process, in bytes. */
export function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}
