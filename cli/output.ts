/** Writing result files: atomically (write a temporary file, then rename), so a run that is
 * interrupted never leaves a half-written file that looks finished. */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeAtomic(dir: string, name: string, text: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
  return path;
}

export function writeJSON(dir: string, name: string, value: unknown): string {
  return writeAtomic(dir, name, `${JSON.stringify(value, null, 2)}\n`);
}
