/**
 * Every library scenario has a title and a one-line description in English and Dutch (what the
 * web app's pickers show), and the schema refuses a title without one of the languages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveExtends, validateScenario, type ScenarioData } from '../../sim/scenario/resolve.ts';

const dir = resolve(import.meta.dirname, '../../scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as ScenarioData;

describe('scenario titles and descriptions', () => {
  it.each(files)('%s has its own title and description in en and nl', (f) => {
    const own = read(f) as { title?: Record<string, string>; description?: Record<string, string> };
    for (const text of [own.title, own.description]) {
      expect(text).toBeDefined();
      for (const lang of ['en', 'nl']) {
        expect(typeof text?.[lang]).toBe('string');
        expect(text?.[lang].length).toBeGreaterThan(3);
      }
      expect(text?.nl).not.toBe(text?.en);
    }
    // One line: a picker shows it whole.
    expect(own.description?.en.length).toBeLessThan(130);
    expect(own.title?.en.length).toBeLessThan(40);
  });

  it('titles differ between scenarios', () => {
    const titles = files.map((f) => (read(f) as { title: { en: string } }).title.en);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('refuses a title without Dutch, naming the field', () => {
    const data = resolveExtends(read('baseline.json'), 'baseline.json', (ref) => ({ data: read(ref), name: ref }));
    expect(() => validateScenario({ ...data, title: { en: 'Only English' } }, 'x.json')).toThrow(/title\.nl/);
  });

  it('checks a guided demo: a stop that fires an unknown macro type is refused, naming the field', () => {
    const data = resolveExtends(read('attack-abroad.json'), 'attack-abroad.json', (ref) => ({
      data: read(ref),
      name: ref,
    }));
    expect(() => validateScenario(data, 'attack-abroad.json')).not.toThrow();
    const demo = [{ week: 3, caption: { en: 'a', nl: 'b' }, fire: 'nope' }];
    expect(() => validateScenario({ ...data, demo }, 'x.json')).toThrow(/demo\[0\]\.fire.*unknown macro type "nope"/s);
  });

  it('checks a guided demo: a stop selects highestPhase or mostTriggers, nothing else', () => {
    const data = resolveExtends(read('attack-abroad.json'), 'attack-abroad.json', (ref) => ({
      data: read(ref),
      name: ref,
    }));
    const stop = (select: string) => [{ week: 3, caption: { en: 'a', nl: 'b' }, select }];
    expect(() => validateScenario({ ...data, demo: stop('mostTriggers') }, 'x.json')).not.toThrow();
    expect(() => validateScenario({ ...data, demo: stop('highestPhase') }, 'x.json')).not.toThrow();
    expect(() => validateScenario({ ...data, demo: stop('oldest') }, 'x.json')).toThrow(
      /demo\[0\]\.select.*highestPhase.*mostTriggers/s,
    );
  });

  it('a guided demo is not inherited through extends: its captions speak of the scenario that carries it', () => {
    const load = (ref: string) => ({ data: read(ref), name: ref });
    const parent = resolveExtends(read('attack-abroad.json'), 'attack-abroad.json', load);
    expect(Array.isArray(parent.demo)).toBe(true);
    const child = resolveExtends({ extends: 'attack-abroad.json', name: 'child' }, 'child.json', load);
    expect(child.demo).toBeUndefined();
    expect(child.macro).toEqual(parent.macro);
  });
});
