/**
 * The scenario a share link carries in d= (web/compareData.ts decodeScenario) is inflated with
 * a cap: reading stops as soon as the output passes SCENARIO_LIMITS.size, so a small link that
 * unpacks to a huge text costs little and says that the link is too large. Its JSON then goes
 * through the same checks as a scenario file. (DecompressionStream exists in Node 20.)
 */
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SCENARIO_LIMITS } from '../../sim/scenario/input.ts';
import { decodeScenario, encodeScenario, inflateCapped } from '../../web/compareData.ts';

const link = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const TOO_LARGE = /^d= is too large: the scenario in this link unpacks to more than 1,000,000 bytes/;

describe('share links are inflated with a cap', () => {
  it('a link that unpacks to 30 MB stops early, quickly, with a message that says so', async () => {
    const bomb = deflateRawSync(Buffer.alloc(30_000_000, 0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(60_000); // about 1,000 to 1
    const t0 = performance.now();
    await expect(decodeScenario(link(bomb))).rejects.toThrow(TOO_LARGE);
    expect(performance.now() - t0).toBeLessThan(2000);
    // Any cap below the full size stops it.
    expect(await inflateCapped(bomb, 5_000_000)).toBeNull();
  });

  it('the cap is exact: a text of the size limit passes the inflation, one byte more does not', async () => {
    const at = deflateRawSync(Buffer.alloc(SCENARIO_LIMITS.size, 0x20));
    expect((await inflateCapped(at, SCENARIO_LIMITS.size))?.length).toBe(SCENARIO_LIMITS.size);
    const over = deflateRawSync(Buffer.alloc(SCENARIO_LIMITS.size + 1, 0x20));
    expect(await inflateCapped(over, SCENARIO_LIMITS.size)).toBeNull();
    await expect(decodeScenario(link(over))).rejects.toThrow(TOO_LARGE);
  });

  it('a d= longer than twice the cap is refused before it is decoded', async () => {
    await expect(decodeScenario('!'.repeat(2 * SCENARIO_LIMITS.size + 1))).rejects.toThrow(TOO_LARGE);
    // Shorter, it is decoded (and '!' is not base64url).
    await expect(decodeScenario('!'.repeat(2 * SCENARIO_LIMITS.size))).rejects.toThrow(/base64url/);
  });

  it('a scenario of varied text near the size limit, whose link is longer than the limit, still decodes', async () => {
    // Printable characters from a xorshift sequence: about 6.5 bits each, so deflate saves little.
    let x = 2463534242;
    const chars = Array.from({ length: 950_000 }, () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return 33 + ((x >>> 0) % 90);
    });
    const noise = Buffer.from(chars).toString('latin1');
    const data = { name: 'x', description: noise };
    const d = await encodeScenario(data);
    expect(d.length).toBeGreaterThan(SCENARIO_LIMITS.size); // longer than the text it carries
    expect(d.length).toBeLessThanOrEqual(2 * SCENARIO_LIMITS.size);
    expect((await decodeScenario(d)).description).toBe(noise);
  });

  it('an ordinary scenario still round-trips', async () => {
    const data = { extends: 'baseline.json', name: 'x', influence: { mu: 0.2 } };
    expect(await decodeScenario(await encodeScenario(data))).toEqual(data);
  });

  it('the JSON inside gets the checks of a scenario file: depth, repeated keys, 1e999', async () => {
    const d = (text: string) => link(deflateRawSync(Buffer.from(text)));
    await expect(decodeScenario(d(`{"a": ${'['.repeat(5000)}${']'.repeat(5000)}}`))).rejects.toThrow(
      /more than 32 levels deep/,
    );
    await expect(decodeScenario(d('{"name": "a", "name": "b"}'))).rejects.toThrow(/name: is given twice/);
    await expect(decodeScenario(d('{"agents": 1e999}'))).rejects.toThrow(/the number 1e999 is too large/);
    await expect(decodeScenario(d('not json'))).rejects.toThrow(/is not valid JSON: .* at line 1, column 1/);
  });
});
