/**
 * The scenario's human-readable texts (title, question, description, trigger and programme
 * labels, demo captions): in English and Dutch, so the web app can show them in the page's
 * language. The question and the labels may also be a plain string (older and user scenarios):
 * that is English, shown in both languages. The command line writes English.
 */
import { z } from 'zod';

/** A text in English (en) and Dutch (nl). */
export const bilingualTextSchema = z.strictObject({
  en: z.string().min(1),
  nl: z.string().min(1),
});

/** The schemas of texts that may be a plain string or { en, nl } (fields.ts and errors.ts know them by this). */
export const LOCAL_TEXT_SCHEMAS = new WeakSet<z.ZodType>();

/**
 * A text that is a plain string (English, the fallback in every language) or { en, nl }.
 * `nonEmpty`: a plain string must not be empty either.
 */
export function localTextSchema(description: string, nonEmpty = false) {
  const s = z.union([nonEmpty ? z.string().min(1) : z.string(), bilingualTextSchema]).meta({ description });
  LOCAL_TEXT_SCHEMAS.add(s);
  return s;
}

/** A plain string (English) or a text in English and Dutch. */
export type LocalText = string | { en: string; nl: string };

/** The text in `lang`; a plain string is English and stands for every language. */
export function localText(text: LocalText, lang: 'en' | 'nl' = 'en'): string {
  return typeof text === 'string' ? text : text[lang];
}

/**
 * A text of scenario data that may not be valid (the web app reads the library and edits before
 * validation) in `lang`, with the language it is in; null when it is not a text.
 */
export function textIn(x: unknown, lang: 'en' | 'nl'): { text: string; lang: 'en' | 'nl' } | null {
  if (typeof x === 'string') return { text: x, lang: 'en' };
  const t = x !== null && typeof x === 'object' ? (x as Record<string, unknown>)[lang] : undefined;
  return typeof t === 'string' ? { text: t, lang } : null;
}

/** Whether the text has a Dutch form of its own. */
export function hasDutch(text: LocalText): boolean {
  return typeof text !== 'string';
}
