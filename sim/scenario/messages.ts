/**
 * The messages of scenario problems, keyed by kind, in English and Dutch. A problem
 * (errors.ts, ScenarioIssue) carries its kind and parameters (bounds, allowed values, names);
 * the text is made here, so the web app can show it in the page's language while the command
 * line writes English. Field paths stay as they are in both languages (they are the scenario's
 * own names).
 */

export type IssueLang = 'en' | 'nl';

/** The parameters of each kind of problem. */
export interface IssueParams {
  // --- types and values (the schema's checks) ---
  missing: { expected: string };
  wrongType: { expected: string };
  notNumber: Record<string, never>;
  notFinite: { value: string };
  wholeNumber: Record<string, never>;
  multipleOf: { divisor: number };
  min: { bound: number; inclusive: boolean };
  max: { bound: number; inclusive: boolean };
  minItems: { count: number; inclusive: boolean };
  maxItems: { count: number; inclusive: boolean };
  exactItems: { count: number };
  minLength: { count: number };
  maxLength: { count: number };
  oneOf: { values: string[] };
  identifier: Record<string, never>;
  pattern: { pattern: string };
  hazardKey: Record<string, never>;
  /** A key of a record that breaks the rule of its keys (`rule`: the kind of the key's own problem). */
  badKey: { rule: 'identifier' | 'hazardKey' | 'other' };
  unknownFields: { keys: string[] };
  /** A text that is neither a string nor { en, nl } (the question, a label). */
  localText: Record<string, never>;
  // --- rules across fields (schema.ts superRefine) ---
  sharesSum: { of: 'ideologyLeaning' | 'education' | 'ageBands' | 'regions'; total?: number };
  bandOrder: { from: number };
  populationStart: { age: number };
  burnInTotal: { max: number; total: number };
  unique: { what: 'regionNames' | 'triggerIds' | 'interventionIds'; value: string };
  unknownMacroType: { type: string; types: string[] };
  constantHidesVariable: { name: string };
  hazardSelf: Record<string, never>;
  formula: { detail: string };
  greaterThanField: { field: string; value: number };
  notBeforeField: { field: string; value: number };
  atLeastField: { field: string; value: number };
  unknownRegion: { name: string; regions: string[] };
  indicatedPhases: Record<string, never>;
  tooManyInterventions: { max: number };
  agentOutside: { id: number; max: number };
  /** A region's merged practice block breaks a rule (`inner` is that problem). */
  regionPractice: { region: string; inner: { kind: IssueKind; params: unknown } };
  // --- the text and the file ---
  tooLarge: { size: number; max: number; unit: 'characters' | 'bytes' };
  notJson: Record<string, never>;
  jsonSyntax: { expected: JsonExpected; line: number; column: number; cutOff: boolean };
  tooDeep: { depth: number; line?: number; column?: number };
  numberTooLarge: { number: string };
  duplicateKey: Record<string, never>;
  protoKey: Record<string, never>;
  notObject: Record<string, never>;
  notRegularFile: Record<string, never>;
  unreadable: { code: string };
  notUtf8: Record<string, never>;
  // --- extends ---
  extendsJson: Record<string, never>;
  extendsPath: Record<string, never>;
  extendsCircular: { chain: string[] };
  extendsTooLong: { max: number; chain: string[] };
  extendsUnknown: { name: string; library: string[] };
  manyMissing: { count: number };
  /** Anything else the schema library reports, in its own (English) words. */
  other: { text: string };
}

export type IssueKind = keyof IssueParams;

/** What a JSON syntax error expected at its place. */
export type JsonExpected =
  | 'string'
  | 'number'
  | 'value'
  | 'key'
  | 'completeKey'
  | 'colon'
  | 'end'
  | 'commaOrBracket'
  | 'commaOrBrace';

type Catalogue = { [K in IssueKind]: Record<IssueLang, (p: IssueParams[K]) => string> };

const quoted = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');
const nlNum = (x: number) => String(x).replace('.', ',');
const cmp = (lower: boolean, inclusive: boolean) => (lower ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<');

/** JSON type names as zod writes them, in Dutch. */
const TYPE_NL: Record<string, string> = {
  number: 'een getal',
  int: 'een geheel getal',
  string: 'een tekst',
  boolean: 'true of false',
  object: 'een object ({ ... })',
  array: 'een lijst ([ ... ])',
  record: 'een object ({ ... })',
};
const typeNl = (t: string) => TYPE_NL[t] ?? t;

const SHARES: Record<IssueParams['sharesSum']['of'], Record<IssueLang, string>> = {
  ideologyLeaning: { en: 'the shares of ideological leanings', nl: 'de aandelen van de ideologische voorkeuren' },
  education: { en: 'the shares of education levels', nl: 'de aandelen van de opleidingsniveaus' },
  ageBands: { en: 'the age band shares', nl: 'de aandelen van de leeftijdsgroepen' },
  regions: { en: 'the region shares', nl: 'de aandelen van de regio’s' },
};

const UNIQUE: Record<IssueParams['unique']['what'], Record<IssueLang, string>> = {
  regionNames: { en: 'region names', nl: 'regionamen' },
  triggerIds: { en: 'trigger ids', nl: 'trigger-id’s' },
  interventionIds: { en: 'intervention ids', nl: 'interventie-id’s' },
};

const JSON_EXPECTED: Record<JsonExpected, Record<IssueLang, string>> = {
  string: {
    en: 'a complete string (closing quote, valid escapes, no line breaks)',
    nl: 'een volledige tekst (sluitend aanhalingsteken, geldige escapes, geen regeleinden)',
  },
  number: { en: 'a number', nl: 'een getal' },
  value: {
    en: 'a value (object, array, string, number, true, false or null)',
    nl: 'een waarde (object, lijst, tekst, getal, true, false of null)',
  },
  key: { en: 'a field name in double quotes', nl: 'een veldnaam tussen dubbele aanhalingstekens' },
  completeKey: { en: 'a complete field name', nl: 'een volledige veldnaam' },
  colon: { en: '":" after the field name', nl: '":" na de veldnaam' },
  end: { en: 'the end of the text (after the top-level value)', nl: 'het einde van de tekst (na de bovenste waarde)' },
  commaOrBracket: { en: '"," or "]"', nl: '"," of "]"' },
  commaOrBrace: { en: '"," or "}"', nl: '"," of "}"' },
};

const IDENTIFIER = {
  en: 'must be a name of letters, digits and _ that starts with a letter',
  nl: 'moet een naam zijn van letters, cijfers en _ die met een letter begint',
};
const HAZARD_KEY = {
  en: 'a hazard key looks like "0->1" (from phase -> to phase, 0..3)',
  nl: 'een sleutel van een overgangskans ziet eruit als "0->1" (van fase -> naar fase, 0..3)',
};

export const ISSUE_MESSAGES: Catalogue = {
  missing: {
    en: (p) => `is missing; expected ${p.expected}`,
    nl: (p) => `ontbreekt; verwacht: ${typeNl(p.expected)}`,
  },
  wrongType: { en: (p) => `expected ${p.expected}`, nl: (p) => `moet ${typeNl(p.expected)} zijn` },
  notNumber: { en: () => 'must be a number', nl: () => 'moet een getal zijn' },
  notFinite: {
    en: (p) => `must be a finite number, not ${p.value}`,
    nl: (p) => `moet een eindig getal zijn, niet ${p.value}`,
  },
  wholeNumber: { en: () => 'must be a whole number', nl: () => 'moet een geheel getal zijn' },
  multipleOf: {
    en: (p) => `must be a multiple of ${p.divisor}`,
    nl: (p) => `moet een veelvoud van ${nlNum(p.divisor)} zijn`,
  },
  min: {
    en: (p) => `must be ${cmp(true, p.inclusive)} ${p.bound}`,
    nl: (p) => `moet ${cmp(true, p.inclusive)} ${nlNum(p.bound)} zijn`,
  },
  max: {
    en: (p) => `must be ${cmp(false, p.inclusive)} ${p.bound}`,
    nl: (p) => `moet ${cmp(false, p.inclusive)} ${nlNum(p.bound)} zijn`,
  },
  minItems: {
    en: (p) => `must be ${cmp(true, p.inclusive)} ${p.count} items`,
    nl: (p) => `moet ${p.inclusive ? 'minstens' : 'meer dan'} ${p.count} elementen hebben`,
  },
  maxItems: {
    en: (p) => `must be ${cmp(false, p.inclusive)} ${p.count} items`,
    nl: (p) => `mag ${p.inclusive ? 'hoogstens' : 'minder dan'} ${p.count} elementen hebben`,
  },
  exactItems: {
    en: (p) => `must have exactly ${p.count} items`,
    nl: (p) => `moet precies ${p.count} elementen hebben`,
  },
  minLength: {
    en: (p) => (p.count === 1 ? 'must not be empty' : `must have at least ${p.count} characters`),
    nl: (p) => (p.count === 1 ? 'mag niet leeg zijn' : `moet minstens ${p.count} tekens hebben`),
  },
  maxLength: {
    en: (p) => `must have at most ${p.count} characters`,
    nl: (p) => `mag hoogstens ${p.count} tekens hebben`,
  },
  oneOf: {
    en: (p) => `must be one of ${p.values.join(', ')}`,
    nl: (p) => `moet een van deze zijn: ${p.values.join(', ')}`,
  },
  identifier: { en: () => IDENTIFIER.en, nl: () => IDENTIFIER.nl },
  pattern: {
    en: (p) => `must match the pattern ${p.pattern}`,
    nl: (p) => `moet passen bij het patroon ${p.pattern}`,
  },
  hazardKey: { en: () => HAZARD_KEY.en, nl: () => HAZARD_KEY.nl },
  badKey: {
    en: (p) =>
      `invalid key: ${p.rule === 'hazardKey' ? HAZARD_KEY.en : p.rule === 'identifier' ? IDENTIFIER.en.replace(/^must be/, 'a key must be') : 'the key is not allowed here'}`,
    nl: (p) =>
      `ongeldige sleutel: ${p.rule === 'hazardKey' ? HAZARD_KEY.nl : p.rule === 'identifier' ? IDENTIFIER.nl.replace(/^moet/, 'een sleutel moet') : 'deze sleutel is hier niet toegestaan'}`,
  },
  unknownFields: {
    en: (p) =>
      `unknown field(s) ${quoted(p.keys)}; check the spelling (allowed fields are listed in docs/scenario-format.md)`,
    nl: (p) =>
      `${p.keys.length === 1 ? 'onbekend veld' : 'onbekende velden'} ${quoted(p.keys)}; controleer de spelling (de toegestane velden staan in docs/scenario-format.md)`,
  },
  localText: {
    en: () => 'must be a text, or the English and the Dutch text as { "en": "...", "nl": "..." }',
    nl: () => 'moet een tekst zijn, of de Engelse en de Nederlandse tekst als { "en": "...", "nl": "..." }',
  },
  sharesSum: {
    en: (p) => `${SHARES[p.of].en} must add up to 1${p.total === undefined ? '' : ` (they add up to ${p.total})`}`,
    nl: (p) =>
      `${SHARES[p.of].nl} moeten samen 1 zijn${p.total === undefined ? '' : ` (ze zijn samen ${nlNum(p.total)})`}`,
  },
  bandOrder: {
    en: (p) => `"to" must be greater than "from" (${p.from})`,
    nl: (p) => `"to" moet groter zijn dan "from" (${p.from})`,
  },
  populationStart: {
    en: (p) => `the model population starts at age ${p.age}`,
    nl: (p) => `de modelpopulatie begint bij ${p.age} jaar`,
  },
  burnInTotal: {
    en: (p) => `burnInWeeks + weeks must not exceed ${p.max} (they add up to ${p.total})`,
    nl: (p) => `burnInWeeks + weeks mag niet meer zijn dan ${p.max} (ze zijn samen ${p.total})`,
  },
  unique: {
    en: (p) => `${UNIQUE[p.what].en} must be unique ("${p.value}" repeats)`,
    nl: (p) => `${UNIQUE[p.what].nl} moeten uniek zijn ("${p.value}" komt vaker voor)`,
  },
  unknownMacroType: {
    en: (p) => `unknown macro type "${p.type}"; defined types: ${p.types.join(', ')}`,
    nl: (p) => `onbekend type macrogebeurtenis "${p.type}"; gedefinieerde types: ${p.types.join(', ')}`,
  },
  constantHidesVariable: {
    en: (p) =>
      `"${p.name}" is an agent variable; a constant of that name would hide it in every formula, choose another name`,
    nl: (p) =>
      `"${p.name}" is een variabele van een persoon; een constante met die naam zou die in elke formule verbergen, kies een andere naam`,
  },
  hazardSelf: {
    en: () => 'a hazard must lead to another phase',
    nl: () => 'een overgangskans moet naar een andere fase leiden',
  },
  formula: {
    en: (p) => p.detail,
    // The formula compiler explains in English; the Dutch page says what failed around it.
    nl: (p) => `de formule is ongeldig (in het Engels: ${p.detail})`,
  },
  greaterThanField: {
    en: (p) => `must be greater than ${p.field} (${p.value})`,
    nl: (p) => `moet groter zijn dan ${p.field} (${nlNum(p.value)})`,
  },
  notBeforeField: {
    en: (p) => `must not be before ${p.field} (${p.value})`,
    nl: (p) => `mag niet voor ${p.field} liggen (${p.value})`,
  },
  atLeastField: {
    en: (p) => `must be at least ${p.field} (${p.value})`,
    nl: (p) => `moet minstens ${p.field} zijn (${nlNum(p.value)})`,
  },
  unknownRegion: {
    en: (p) => `unknown region "${p.name}"; regions: ${p.regions.join(', ')}`,
    nl: (p) => `onbekende regio "${p.name}"; regio’s: ${p.regions.join(', ')}`,
  },
  indicatedPhases: {
    en: () => 'an indicated intervention names the phases it reaches',
    nl: () => 'een geïndiceerde interventie noemt de fasen die ze bereikt',
  },
  tooManyInterventions: {
    en: (p) => `at most ${p.max} interventions`,
    nl: (p) => `hoogstens ${p.max} interventies`,
  },
  agentOutside: {
    en: (p) => `agent id ${p.id} is outside the population (0..${p.max})`,
    nl: (p) => `persoonsnummer ${p.id} valt buiten de populatie (0..${p.max})`,
  },
  regionPractice: {
    en: (p) =>
      `${issueText(p.inner.kind, p.inner.params, 'en')} (region "${p.region}": the scenario's practice with the region's override)`,
    nl: (p) =>
      `${issueText(p.inner.kind, p.inner.params, 'nl')} (regio "${p.region}": de praktijk van het scenario met de aanpassing van de regio)`,
  },
  tooLarge: {
    en: (p) =>
      `is too large: ${p.size.toLocaleString('en')} ${p.unit}, at most ${p.max.toLocaleString('en')} are allowed`,
    nl: (p) =>
      `is te groot: ${p.size.toLocaleString('nl')} ${p.unit === 'bytes' ? 'bytes' : 'tekens'}, hoogstens ${p.max.toLocaleString('nl')} zijn toegestaan`,
  },
  notJson: { en: () => 'is not valid JSON', nl: () => 'is geen geldige JSON' },
  jsonSyntax: {
    en: (p) =>
      p.cutOff
        ? `is not valid JSON: the text ends where ${JSON_EXPECTED[p.expected].en} should follow (line ${p.line}, column ${p.column}); was it cut off?`
        : `is not valid JSON: ${JSON_EXPECTED[p.expected].en} expected at line ${p.line}, column ${p.column}`,
    nl: (p) =>
      p.cutOff
        ? `is geen geldige JSON: de tekst houdt op waar ${JSON_EXPECTED[p.expected].nl} moet volgen (regel ${p.line}, kolom ${p.column}); is hij afgebroken?`
        : `is geen geldige JSON: ${JSON_EXPECTED[p.expected].nl} verwacht op regel ${p.line}, kolom ${p.column}`,
  },
  tooDeep: {
    en: (p) =>
      `nests objects and arrays more than ${p.depth} levels deep${p.line === undefined ? '' : ` (line ${p.line}, column ${p.column})`}, which is the most allowed`,
    nl: (p) =>
      `nest objecten en lijsten meer dan ${p.depth} niveaus diep${p.line === undefined ? '' : ` (regel ${p.line}, kolom ${p.column})`}, en dat is het maximum`,
  },
  numberTooLarge: {
    en: (p) => `the number ${p.number} is too large (the largest is about 1.8e308)`,
    nl: (p) => `het getal ${p.number} is te groot (het grootste is ongeveer 1,8e308)`,
  },
  duplicateKey: {
    en: () => 'is given twice in the same object; JSON keeps only the last, remove one',
    nl: () => 'staat twee keer in hetzelfde object; JSON houdt alleen de laatste, verwijder er een',
  },
  protoKey: {
    en: () => 'the key "__proto__" is not allowed (in JavaScript it names an object\u2019s prototype, not a field)',
    nl: () =>
      'de sleutel "__proto__" is niet toegestaan (in JavaScript is dat het prototype van een object, geen veld)',
  },
  notObject: {
    en: () => 'a scenario is a JSON object ({ ... })',
    nl: () => 'een scenario is een JSON-object ({ ... })',
  },
  notRegularFile: {
    en: () => 'is not a regular file (a scenario is a .json file, not a directory, device or pipe)',
    nl: () => 'is geen gewoon bestand (een scenario is een .json-bestand, geen map, apparaat of pipe)',
  },
  unreadable: { en: (p) => `cannot be read: ${p.code}`, nl: (p) => `kan niet worden gelezen: ${p.code}` },
  notUtf8: { en: () => 'is not UTF-8 text', nl: () => 'is geen UTF-8-tekst' },
  extendsJson: {
    en: () => 'must name a scenario file ending in .json',
    nl: () => 'moet een scenariobestand noemen dat op .json eindigt',
  },
  extendsPath: {
    en: () => 'must be the path of another scenario file',
    nl: () => 'moet het pad van een ander scenariobestand zijn',
  },
  extendsCircular: {
    en: (p) => `circular extends: ${p.chain.join(' -> ')}`,
    nl: (p) => `extends verwijst in een kring: ${p.chain.join(' -> ')}`,
  },
  extendsTooLong: {
    en: (p) =>
      `the chain of extends is longer than ${p.max} files (${p.chain.join(' -> ')} -> ...), which is the most allowed`,
    nl: (p) => `de keten van extends is langer dan ${p.max} bestanden (${p.chain.join(' -> ')} -> ...), het maximum`,
  },
  extendsUnknown: {
    en: (p) => `no scenario "${p.name}" in the library; the library has ${p.library.join(', ')}`,
    nl: (p) => `geen scenario "${p.name}" in de bibliotheek; de bibliotheek heeft ${p.library.join(', ')}`,
  },
  manyMissing: {
    en: (p) =>
      `${p.count} fields are missing; a scenario usually starts with "extends": "baseline.json" and overrides only what differs`,
    nl: (p) =>
      `${p.count} velden ontbreken; een scenario begint meestal met "extends": "baseline.json" en wijzigt alleen wat anders is`,
  },
  other: { en: (p) => p.text, nl: (p) => p.text },
};

/** The text of a problem of kind `kind` in `lang`. */
export function issueText<K extends IssueKind>(kind: K, params: IssueParams[K], lang?: IssueLang): string;
export function issueText(kind: IssueKind, params: unknown, lang?: IssueLang): string;
export function issueText(kind: IssueKind, params: unknown, lang?: IssueLang): string {
  lang ??= 'en';
  const entry = ISSUE_MESSAGES[kind] as Record<IssueLang, (p: unknown) => string> | undefined;
  if (!entry) return String((params as { text?: unknown })?.text ?? kind);
  return entry[lang](params);
}

/** "(found ...)" after a message. */
export function foundText(preview: string, lang: IssueLang = 'en'): string {
  return lang === 'nl' ? ` (gevonden: ${preview})` : ` (found ${preview})`;
}
