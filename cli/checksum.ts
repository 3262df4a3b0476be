/**
 * Content checksums of the files radsim reads back (plans, run files): SHA-256 of the canonical
 * JSON of the object without its `checksum` field, stored in that field as "sha256:<hex>". A
 * file edited or damaged after radsim wrote it no longer matches and is refused by name.
 */
import { createHash } from 'node:crypto';
import { canonicalJSON } from '../sim/node.ts';

export const CHECKSUM_PREFIX = 'sha256:';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The checksum of a JSON object, ignoring its own `checksum` field. */
export function contentChecksum(value: object): string {
  const { checksum: _c, ...rest } = value as { checksum?: unknown };
  return CHECKSUM_PREFIX + sha256(canonicalJSON(rest));
}

/** The object with its checksum as the last field. */
export function withChecksum<T extends object>(value: T): T & { checksum: string } {
  const { checksum: _c, ...rest } = value as T & { checksum?: unknown };
  return { ...(rest as T), checksum: contentChecksum(rest) };
}

/** Why a parsed object fails its checksum, or null when it matches. */
export function checksumProblem(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return 'is not a JSON object';
  const stored = (value as { checksum?: unknown }).checksum;
  if (typeof stored !== 'string' || !stored.startsWith(CHECKSUM_PREFIX))
    return 'has no checksum (written by hand or by an older radsim)';
  if (contentChecksum(value) !== stored)
    return 'was changed after radsim wrote it: its content does not match its checksum';
  return null;
}
