/**
 * Shared helpers of the benchmarks: machine description, child processes, robust statistics,
 * a log-log least-squares fit and a plain-text table printer. Node only.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const ROOT = dirname(BENCH_DIR);
export const BASELINE = resolve(ROOT, 'scenarios/baseline.json');

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryBytes: number;
  freeMemoryBytes: number;
  node: string;
  v8: string;
  platform: string;
  date: string;
  loadAverage: number[];
  numpy?: string;
  python?: string;
}

export function machineInfo(withPython = false): MachineInfo {
  const c = cpus();
  const info: MachineInfo = {
    cpu: c[0]?.model ?? 'unknown',
    cores: c.length,
    memoryBytes: totalmem(),
    freeMemoryBytes: freemem(),
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    loadAverage: loadavg().map((x) => round(x, 2)),
  };
  if (withPython) {
    const r = spawnSync('python3', ['-c', 'import sys, numpy; print(sys.version.split()[0], numpy.__version__)'], {
      encoding: 'utf8',
    });
    if (r.status === 0) [info.python, info.numpy] = r.stdout.trim().split(' ');
  }
  return info;
}

/**
 * Runs a child process and returns the JSON object printed on its last stdout line that starts
 * with '{'. The child's stderr is passed through (progress lines). Rejects on a non-zero exit.
 */
export function runJsonChild<T>(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd ?? ROOT,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0) {
        reject(new Error(`${cmd} ${args.join(' ')} exited with ${code ?? signal}\n${out.slice(-2000)}`));
        return;
      }
      const line = out
        .trim()
        .split('\n')
        .reverse()
        .find((l) => l.startsWith('{'));
      if (!line) {
        reject(new Error(`${cmd} ${args.join(' ')} printed no JSON line\n${out.slice(-2000)}`));
        return;
      }
      resolvePromise(JSON.parse(line) as T);
    });
  });
}

/** A TypeScript child through tsx, with the GC exposed so it can measure memory after a collection. */
export function runTsChild<T>(script: string, args: string[], nodeFlags: string[] = []): Promise<T> {
  return runJsonChild<T>(process.execPath, [
    '--expose-gc',
    ...nodeFlags,
    '--import',
    'tsx',
    resolve(BENCH_DIR, script),
    ...args,
  ]);
}

/** Parses `--key value` and `--flag` arguments. */
export function parseArgs(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (!a.startsWith('--')) continue;
    const key = a.slice(2);
    const next = argv[k + 1];
    if (next !== undefined && !next.startsWith('--')) {
      out[key] = next;
      k++;
    } else out[key] = true;
  }
  return out;
}

export function median(xs: ArrayLike<number>): number {
  const s = Float64Array.from(xs).sort();
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function mean(xs: ArrayLike<number>): number {
  let t = 0;
  for (let k = 0; k < xs.length; k++) t += xs[k];
  return t / xs.length;
}

export function quantile(xs: ArrayLike<number>, q: number): number {
  const s = Float64Array.from(xs).sort();
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos),
    hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export function round(x: number, digits = 3): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * Least squares on log-log: y = a * x^b. Returns a, b, R^2 and the standard error of b
 * (NaN with two points).
 */
export function powerFit(x: number[], y: number[]): { a: number; b: number; r2: number; seB: number } {
  const lx = x.map(Math.log),
    ly = y.map(Math.log);
  const n = lx.length;
  const mx = mean(lx),
    my = mean(ly);
  let sxx = 0,
    sxy = 0,
    syy = 0;
  for (let k = 0; k < n; k++) {
    sxx += (lx[k] - mx) ** 2;
    sxy += (lx[k] - mx) * (ly[k] - my);
    syy += (ly[k] - my) ** 2;
  }
  const b = sxy / sxx;
  const a = Math.exp(my - b * mx);
  let sse = 0;
  for (let k = 0; k < n; k++) sse += (ly[k] - (Math.log(a) + b * lx[k])) ** 2;
  const r2 = syy > 0 ? 1 - sse / syy : 1;
  const seB = n > 2 ? Math.sqrt(sse / (n - 2) / sxx) : NaN;
  return { a, b, r2, seB };
}

/** A plain-text table with right-aligned numbers. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : c)))];
  const widths = headers.map((_, k) => Math.max(...cells.map((r) => String(r[k] ?? '').length)));
  const line = (r: (string | number)[]) =>
    r.map((c, k) => (k === 0 ? String(c).padEnd(widths[k]) : String(c).padStart(widths[k]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Numbers for humans: thousands separators, 3 significant digits below 100. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return x.toLocaleString('en-US');
  const a = Math.abs(x);
  if (a >= 100) return Math.round(x).toLocaleString('en-US');
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  if (a === 0) return '0';
  return x.toPrecision(3);
}

export function mib(bytes: number): number {
  return bytes / 1048576;
}

/** Sum of the byteLength of every typed array reachable through own enumerable properties. */
export function typedBytes(obj: unknown, seen = new Set<unknown>()): number {
  if (obj === null || typeof obj !== 'object' || seen.has(obj)) return 0;
  seen.add(obj);
  if (ArrayBuffer.isView(obj)) return obj.byteLength;
  let total = 0;
  for (const v of Object.values(obj)) total += typedBytes(v, seen);
  return total;
}
