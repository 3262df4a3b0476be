/** Option parsing shared by the commands: strict parseArgs, whole-number options, usage errors. */
import { parseArgs } from 'node:util';

/** A mistake in how a command was called (exit code 2, with the command's help). */
export class UsageError extends Error {}

/** parseArgs with the strictness we want everywhere. */
export function parse<T extends NonNullable<Parameters<typeof parseArgs>[0]>['options']>(args: string[], options: T) {
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}

/** The largest seed (seeds are 32-bit). */
export const MAX_SEED = 2 ** 32 - 1;

/**
 * A whole-number option written in plain decimal digits, or a usage error naming it. Number()
 * alone would read "" as 0, "1e3" as 1000 and "0x10" as 16: a typo would run something else
 * than was meant, so only digits are accepted.
 */
export function intOption(
  name: string,
  value: string | undefined,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (value === undefined) return undefined;
  const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
  const n = /^[0-9]+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError(
      `--${name} must be a whole number ${range} in plain decimal digits (such as 42), got "${value}"`,
    );
  return n;
}
