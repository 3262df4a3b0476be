/**
 * The scenario's texts in two languages (sim/scenario/texts.ts): every library scenario has
 * Dutch for every text the web app shows (title, question, description, trigger and programme
 * labels, demo captions), and a plain string stays a valid text (English, shown in both).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { schemaFields } from '../../sim/scenario/fields.ts';
import { resolveScenarioFile } from '../../sim/scenario/file.ts';
import { validateScenario } from '../../sim/scenario/resolve.ts';
import { hasDutch, localText } from '../../sim/scenario/texts.ts';
import { copy } from './scenarioData.ts';

const DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const LIBRARY = readdirSync(DIR).filter((f) => f.endsWith('.json'));

/** Words of English that a Dutch sentence does not have ("of" and "is" are Dutch too). */
const ENGLISH = /\b(the|and|with|for|people|does|what|how|when|programme)\b/i;

describe('library scenario texts', () => {
  it.each(LIBRARY)('%s has Dutch for every text', (file) => {
    const data = resolveScenarioFile(DIR + file);
    const texts = schemaFields(data).filter((f) => f.text);
    // Every library scenario has at least its title, question and description.
    expect(texts.filter((f) => f.text === 'nl').length).toBeGreaterThanOrEqual(3);
    const plain = texts.filter((f) => f.text === 'plain').map((f) => f.path);
    expect(plain, 'give these texts as { "en": ..., "nl": ... }').toEqual([]);
    const byPath = new Map(texts.map((f) => [f.path, f]));
    for (const en of texts.filter((f) => f.text === 'en')) {
      const nlPath = en.path.replace(/\.en$/, '.nl');
      expect(byPath.has(nlPath), nlPath).toBe(true);
      const enText = String(en.segs.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], data));
      const nlText = String(
        byPath.get(nlPath)!.segs.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], data),
      );
      expect(nlText.trim(), nlPath).not.toBe('');
      expect(nlText, `${nlPath} is the English text`).not.toBe(enText);
      expect(nlText, `${nlPath} reads as English`).not.toMatch(ENGLISH);
    }
  });

  it('covers the question and every trigger and programme label', () => {
    const paths = LIBRARY.flatMap((file) =>
      schemaFields(resolveScenarioFile(DIR + file))
        .filter((f) => f.text === 'nl')
        .map((f) => f.path.replace(/\[\d+\]/g, '[]')),
    );
    for (const p of ['title.nl', 'question.nl', 'description.nl', 'triggers.catalogue[].label.nl'])
      expect(paths).toContain(p);
    expect(paths).toContain('interventions[].label.nl');
  });
});

describe('a text given as one string', () => {
  it('is valid, and is the English text shown in both languages', () => {
    const d = copy();
    d.question = 'What if?';
    d.triggers.catalogue[0].label = 'discrimination at work';
    const s = validateScenario(d, 'mine.json');
    expect(localText(s.question, 'nl')).toBe('What if?');
    expect(localText(s.triggers.catalogue[0].label, 'en')).toBe('discrimination at work');
    expect(hasDutch(s.question)).toBe(false);
    const fields = schemaFields(d).filter((f) => f.path === 'question' || f.path.startsWith('question.'));
    expect(fields.map((f) => [f.path, f.text])).toEqual([['question', 'plain']]);
  });

  it('in two languages gives each language its own text', () => {
    const s = validateScenario(copy(), 'baseline.json');
    expect(hasDutch(s.question)).toBe(true);
    expect(localText(s.question, 'nl')).toMatch(/^Hoe verloopt radicalisering/);
    expect(localText(s.question)).toMatch(/^How does radicalisation/);
  });
});
