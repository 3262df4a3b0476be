/**
 * Where `extends` may point (sim/scenario/file.ts; docs/scenario-format.md section 3): a regular
 * file ending in .json of at most SCENARIO_LIMITS.size bytes, in a chain of at most
 * SCENARIO_LIMITS.extendsChain files. Anything else is a ScenarioError naming the file, quickly,
 * that never shows the content of a file that is not a scenario. In the web app, names are
 * looked up in the library's own keys only.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioError } from '../../sim/scenario/errors.ts';
import { loadScenarioFile, resolveScenarioFile } from '../../sim/scenario/file.ts';
import { SCENARIO_LIMITS } from '../../sim/scenario/input.ts';
import { resolveExtends } from '../../sim/scenario/resolve.ts';
import { resolveData } from '../../web/scenarios.ts';
import { base, scenarioErrorOf } from './scenarioData.ts';

let dir: string;
const write = (name: string, data: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof data === 'string' ? data : JSON.stringify(data));
  return p;
};
const child = (name: string, ref: string) => write(name, { extends: ref, name });

function timedError(path: string): { error: ScenarioError; ms: number } {
  const t0 = performance.now();
  const error = scenarioErrorOf(() => loadScenarioFile(path));
  return { error, ms: performance.now() - t0 };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'radsim-extends-'));
  write('base.json', base);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('extends follows only regular .json files of bounded size', () => {
  it('a path without .json is refused before anything is read (/etc/passwd, /dev/zero)', () => {
    for (const ref of ['/etc/passwd', '/dev/zero', '.', 'base']) {
      const { error, ms } = timedError(child('c.json', ref));
      expect(error.issues[0]).toMatchObject({
        path: 'extends',
        message: 'must name a scenario file ending in .json',
        value: ref,
      });
      expect(ms).toBeLessThan(1000);
    }
  });

  it('a device, a directory or a pipe named *.json is refused without reading it', () => {
    symlinkSync('/dev/zero', join(dir, 'zero.json'));
    mkdirSync(join(dir, 'folder.json'));
    let pipe: string | null = join(dir, 'pipe.json');
    try {
      execFileSync('mkfifo', [pipe]);
    } catch {
      pipe = null; // no mkfifo here: the device and the directory still test the same check
    }
    for (const target of ['zero.json', 'folder.json', ...(pipe ? ['pipe.json'] : [])]) {
      const { error, ms } = timedError(child('c.json', target));
      expect(error.file).toBe(join(dir, target));
      expect(error.issues[0].message).toMatch(/^is not a regular file/);
      expect(ms).toBeLessThan(1000);
    }
  });

  it('a file over the size limit is refused by its size', () => {
    write('huge.json', `{"description": "${'x'.repeat(SCENARIO_LIMITS.size)}"}`);
    const { error } = timedError(child('c.json', 'huge.json'));
    expect(error.issues[0].message).toBe('is too large: 1,000,019 bytes, at most 1,000,000 are allowed');
  });

  it('a .json file that is not JSON is reported by line and column, without its content', () => {
    write('passwd.json', 'root:x:0:0:root:/root:/bin/bash\n');
    const { error } = timedError(child('c.json', 'passwd.json'));
    expect(error.file).toBe(join(dir, 'passwd.json'));
    expect(error.message).not.toMatch(/root/);
    expect(error.issues[0].message).toMatch(/^is not valid JSON: .* at line 1, column 1$/);
  });

  it('text that is not UTF-8 is reported as such', () => {
    writeFileSync(join(dir, 'latin1.json'), Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]));
    expect(timedError(child('c.json', 'latin1.json')).error.issues[0].message).toBe('is not UTF-8 text');
  });

  it('a symbolic link to a scenario file is followed', () => {
    symlinkSync(join(dir, 'base.json'), join(dir, 'link.json'));
    expect(loadScenarioFile(child('c.json', 'link.json')).name).toBe('c.json');
  });
});

describe('the chain of extends is bounded', () => {
  const chain = (n: number, prefix: string) => {
    for (let k = 0; k < n; k++)
      write(`${prefix}${k}.json`, { extends: k === n - 1 ? 'base.json' : `${prefix}${k + 1}.json` });
    return join(dir, `${prefix}0.json`);
  };

  it('31 files and the base (32) resolve', () => {
    expect(resolveScenarioFile(chain(SCENARIO_LIMITS.extendsChain - 1, 'ok')).name).toBe(
      (base as { name: string }).name,
    );
  });

  it('one more is refused', () => {
    expect(timedError(chain(SCENARIO_LIMITS.extendsChain, 'over')).error.issues[0].message).toMatch(
      /^the chain of extends is longer than 32 files/,
    );
  });

  it('a chain of 5,000 is refused after reading 32 of them (files in memory: writing 5,000 takes seconds)', () => {
    let loads = 0;
    const load = (ref: string) => {
      loads++;
      const k = Number(ref.slice(1, -5));
      return { data: k === 4999 ? {} : { extends: `c${k + 1}.json` }, name: ref };
    };
    const t0 = performance.now();
    const error = scenarioErrorOf(() => resolveExtends({ extends: 'c1.json' }, 'c0.json', load));
    expect(performance.now() - t0).toBeLessThan(500);
    expect(error.issues[0].message).toMatch(
      /^the chain of extends is longer than 32 files \(c0.json -> c1.json -> c2.json -> \.\.\.\)/,
    );
    expect(loads).toBe(SCENARIO_LIMITS.extendsChain);
  });
});

describe('in the web app, extends names a library scenario by its own key', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    '"extends": "%s" names an unknown scenario',
    (ref) => {
      const error = scenarioErrorOf(() => resolveData({ extends: ref, name: 'x' }, 'shared.json'));
      expect(error.issues[0].path).toBe('extends');
      expect(error.issues[0].message).toMatch(new RegExp(`^no scenario "${ref}" in the library; the library has `));
    },
  );

  it('a library name still resolves', () => {
    expect(resolveData({ extends: 'baseline.json', name: 'x' }, 'shared.json').name).toBe('x');
  });
});
