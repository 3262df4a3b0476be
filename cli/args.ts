/** Option parsing shared by the commands: strict parseArgs, whole-number options, usage errors. */
import { parseArgs } from 'node:util';

/** A mistake in how a command was called (exit code 2, with the command's help). */
export class UsageError extends Error {}

/** parseArgs with the strictness we want everywhere. */
export function parse<T extends NonNullable<Parameters<typeof parseArgs>[0]>['options']>(args: string[], options: T) {
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}

/** A non-negative integer option, or a usage error naming it. */
export function intOption(name: string, value: string | undefined, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`--${name} must be a whole number >= ${min}, got "${value}"`);
  return n;
}
