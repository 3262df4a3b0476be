/**
 * Helpers for the command-line tests: run `radsim` in this process (capturing its output) or
 * as a separate process (node bin/radsim.js), and compare output folders.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { main } from '../../cli/main.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'radsim.js');
export const BASELINE = join(ROOT, 'scenarios', 'baseline.json');
export const NO_TRIGGERS = join(ROOT, 'test', 'ensemble', 'fixtures', 'no-triggers.json');

export const COMPARE_FILES = [
  'plan.json',
  'runs.csv',
  'outcomes.csv',
  'differences.csv',
  'series_bands.csv',
  'series_differences.csv',
  'summary.md',
];
export const SWEEP_FILES = ['plan.json', 'sweep.csv', 'sweep_points.csv', 'sensitivity.csv', 'summary.md'];

/** `radsim <args>` in this process; stdout and stderr are captured, not shown. */
export async function radsim(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  const e = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
  try {
    const code = await main(args);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** `node bin/radsim.js <args>` as a separate process. */
export function spawnRadsim(args: string[]): {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>;
} {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, out, err })),
  );
  return { child, done };
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'radsim-ensemble-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Files that differ (or are missing) between two output folders. */
export function differingFiles(a: string, b: string, files: readonly string[]): string[] {
  return files.filter((f) => {
    const pa = join(a, f);
    const pb = join(b, f);
    if (!existsSync(pa) || !existsSync(pb)) return true;
    return !readFileSync(pa).equals(readFileSync(pb));
  });
}
