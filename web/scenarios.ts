/** The scenario library, bundled into the app; `extends` resolved as the CLI does. */
import {
  parseScenarioText,
  resolveExtends,
  type Scenario,
  type ScenarioData,
  ScenarioError,
  scenarioIssue,
  textIn,
  validateScenario,
} from '../sim/index.ts';

const files = import.meta.glob('../scenarios/*.json', { eager: true, import: 'default' }) as Record<
  string,
  ScenarioData
>;

/** Raw scenario data by file name ("baseline.json"). */
export const library: Record<string, ScenarioData> = Object.fromEntries(
  Object.entries(files).map(([path, data]) => [path.slice(path.lastIndexOf('/') + 1), data]),
);

/** Names without ".json", baseline first. */
export const scenarioNames: string[] = Object.keys(library)
  .map((f) => f.replace(/\.json$/, ''))
  .sort((a, b) => (a === 'baseline' ? -1 : b === 'baseline' ? 1 : a.localeCompare(b)));

/** A library scenario by file name; own keys only, so "constructor" or "__proto__" name nothing. */
function libraryFile(file: string): ScenarioData | undefined {
  return Object.hasOwn(library, file) ? library[file] : undefined;
}

function load(ref: string, from: string): { data: ScenarioData; name: string } {
  const file = ref.replace(/^\.\//, '');
  const data = libraryFile(file);
  if (!data)
    throw new ScenarioError(from, [
      scenarioIssue('extends', 'extendsUnknown', { name: ref, library: Object.keys(library).sort() }),
    ]);
  return { data, name: file };
}

/** Resolves `extends` of scenario data against the library. */
export function resolveData(data: ScenarioData, name: string): ScenarioData {
  return resolveExtends(data, name, load);
}

/**
 * The scenario being edited in Research, saved in this browser. It takes part in Explore and
 * Compare under the name EDITED ("edited"); the Research view owns how it is stored.
 */
export const EDITED = 'edited';
export const EDITOR_KEYS = { text: 'radsim.editor.text', base: 'radsim.editor.base' } as const;

/** The saved edit and the library scenario its `extends` is resolved from; null when there is none or it is not scenario JSON. */
export function savedEdit(): { data: ScenarioData; base: string } | null {
  const text = globalThis.localStorage?.getItem(EDITOR_KEYS.text);
  if (!text) return null;
  try {
    const data = parseScenarioText(text, `${EDITED}.json`);
    return { data, base: globalThis.localStorage.getItem(EDITOR_KEYS.base) ?? 'baseline' };
  } catch {
    return null;
  }
}

/** Library names, then EDITED when a saved edit validates. */
export function availableScenarios(): string[] {
  const edit = savedEdit();
  if (!edit) return scenarioNames;
  try {
    validateScenario(resolveData(edit.data, `${EDITED}.json`), EDITED);
    return [...scenarioNames, EDITED];
  } catch {
    return scenarioNames;
  }
}

/** A library scenario (or EDITED), resolved (not validated). */
export function resolvedByName(name: string): ScenarioData {
  if (name === EDITED) {
    const edit = savedEdit();
    if (!edit) throw new Error('no edited scenario is saved in this browser (edit one in Research)');
    return resolveData(edit.data, `${EDITED}.json`);
  }
  const file = `${name}.json`;
  const data = libraryFile(file);
  if (!data) throw new Error(`no scenario "${name}" in the library`);
  return resolveData(data, file);
}

export function validatedByName(name: string, o: { agents?: number; weeks?: number } = {}): Scenario {
  const d = { ...resolvedByName(name) };
  if (o.agents !== undefined) d.agents = o.agents;
  if (o.weeks !== undefined) d.weeks = o.weeks;
  return validateScenario(d, `${name}.json`);
}

/** A scenario text (`title`, `question`, `description`, labels) in `lang`; a plain string is English, shown in every language. */
export const scenarioText = textIn;
function localized(x: unknown, lang: 'en' | 'nl'): string | null {
  return textIn(x, lang)?.text ?? null;
}

/** A scenario's own data, before `extends` (a title is not inherited from the base). */
function ownData(name: string): ScenarioData | null {
  return name === EDITED ? (savedEdit()?.data ?? null) : (library[`${name}.json`] ?? null);
}

/** A scenario's title in `lang` (its name when it has none). */
export function scenarioTitle(name: string, lang: 'en' | 'nl'): string {
  return localized(ownData(name)?.title, lang) ?? name;
}

/** A scenario's one-line description in `lang`, or null. */
export function scenarioDescription(name: string, lang: 'en' | 'nl'): string | null {
  return localized(ownData(name)?.description, lang);
}

/** An <option> text for a scenario: its title, with the name for those who know the files. */
export function scenarioOption(name: string, lang: 'en' | 'nl'): string {
  const title = scenarioTitle(name, lang);
  return title === name ? name : `${title} (${name})`;
}
