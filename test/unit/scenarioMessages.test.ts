/**
 * The catalogue of scenario problems (sim/scenario/messages.ts): every kind has an English and
 * a Dutch text, the schema's problems all carry a kind (so the web app can show them in Dutch),
 * and the English text stays the command line's.
 */
import { describe, expect, it } from 'vitest';
import { checkValue, schemaFields } from '../../sim/scenario/fields.ts';
import { formatIssue, issueMessage, type ScenarioIssue } from '../../sim/scenario/errors.ts';
import { parseScenarioText } from '../../sim/scenario/input.ts';
import { ISSUE_MESSAGES, type IssueKind, type IssueParams, issueText } from '../../sim/scenario/messages.ts';
import { validateScenario } from '../../sim/scenario/resolve.ts';
import { copy, type Data, issuesOf, scenarioErrorOf } from './scenarioData.ts';

/** One set of parameters per kind; the type makes a new kind without an example a compile error. */
const EXAMPLES: { [K in IssueKind]: IssueParams[K] } = {
  missing: { expected: 'number' },
  wrongType: { expected: 'object' },
  notNumber: {},
  notFinite: { value: 'Infinity' },
  wholeNumber: {},
  multipleOf: { divisor: 0.5 },
  min: { bound: 0, inclusive: true },
  max: { bound: 1, inclusive: false },
  minItems: { count: 1, inclusive: true },
  maxItems: { count: 10, inclusive: true },
  exactItems: { count: 4 },
  minLength: { count: 1 },
  maxLength: { count: 80 },
  oneOf: { values: ['"micro"', '"meso"'] },
  identifier: {},
  pattern: { pattern: '/^x$/' },
  hazardKey: {},
  badKey: { rule: 'hazardKey' },
  unknownFields: { keys: ['maleShar'] },
  localText: {},
  sharesSum: { of: 'education', total: 0.9 },
  bandOrder: { from: 18 },
  populationStart: { age: 12 },
  burnInTotal: { max: 5200, total: 6000 },
  unique: { what: 'regionNames', value: 'city' },
  unknownMacroType: { type: 'meteor', types: ['attackAbroad', 'war'] },
  constantHidesVariable: { name: 'attitude' },
  hazardSelf: {},
  formula: { detail: 'unknown name "atittude"' },
  greaterThanField: { field: 'ageFrom', value: 12 },
  notBeforeField: { field: 'startWeek', value: 10 },
  atLeastField: { field: 'minEffectiveWeeks', value: 8 },
  unknownRegion: { name: 'moon', regions: ['city', 'region'] },
  indicatedPhases: {},
  tooManyInterventions: { max: 255 },
  agentOutside: { id: 50, max: 9 },
  regionPractice: { region: 'city', inner: { kind: 'max', params: { bound: 1, inclusive: true } } },
  tooLarge: { size: 1_000_001, max: 1_000_000, unit: 'characters' },
  notJson: {},
  jsonSyntax: { expected: 'commaOrBrace', line: 3, column: 7, cutOff: false },
  tooDeep: { depth: 32 },
  numberTooLarge: { number: '1e999' },
  duplicateKey: {},
  protoKey: {},
  notObject: {},
  notRegularFile: {},
  unreadable: { code: 'ENOENT' },
  notUtf8: {},
  extendsJson: {},
  extendsPath: {},
  extendsCircular: { chain: ['a.json', 'b.json', 'a.json'] },
  extendsTooLong: { max: 16, chain: ['a.json', 'b.json', 'c.json'] },
  extendsUnknown: { name: 'nope.json', library: ['baseline.json'] },
  manyMissing: { count: 12 },
  other: { text: 'Invalid input' },
};

/** Words of English messages that a Dutch text must not have. */
const ENGLISH = /\b(must|expected|the|is missing|unknown|should|allowed|found)\b/;

describe('the catalogue of scenario problems', () => {
  it('has an English and a Dutch text for every kind', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(ISSUE_MESSAGES).sort());
    for (const kind of Object.keys(ISSUE_MESSAGES) as IssueKind[]) {
      const en = issueText(kind, EXAMPLES[kind], 'en');
      const nl = issueText(kind, EXAMPLES[kind], 'nl');
      expect(en, kind).not.toBe('');
      expect(nl, kind).not.toBe('');
      // "other" passes on the schema library's own English words.
      if (kind === 'other') continue;
      expect(nl, kind).not.toBe(en);
      // The formula compiler's explanation stays English, said so in Dutch around it.
      expect(kind === 'formula' ? nl.replace(/\(in het Engels: .*\)$/, '') : nl, kind).not.toMatch(ENGLISH);
    }
  });

  it('puts the parameters into both texts', () => {
    expect(issueText('min', { bound: 0.5, inclusive: true }, 'en')).toBe('must be >= 0.5');
    expect(issueText('min', { bound: 0.5, inclusive: true }, 'nl')).toBe('moet >= 0,5 zijn');
    expect(issueText('oneOf', EXAMPLES.oneOf, 'nl')).toBe('moet een van deze zijn: "micro", "meso"');
    expect(issueText('unknownRegion', EXAMPLES.unknownRegion, 'nl')).toContain('"moon"; regio’s: city, region');
    expect(issueText('regionPractice', EXAMPLES.regionPractice, 'nl')).toMatch(/^moet <= 1 zijn \(regio "city"/);
  });
});

/** Scenarios with one thing wrong each, and the kind of problem each must give. */
const BAD: [string, (d: Data) => void, string, IssueKind][] = [
  ['a share above 1', (d) => (d.population.maleShare = 2), 'population.maleShare', 'max'],
  ['a missing field', (d) => delete d.population.maleShare, 'population.maleShare', 'missing'],
  ['a text for a number', (d) => (d.agents = 'many'), 'agents', 'wrongType'],
  ['a fraction for a count', (d) => (d.agents = 100.5), 'agents', 'wholeNumber'],
  ['a misspelt field', (d) => (d.population.maleShar = 0.5), 'population', 'unknownFields'],
  [
    'a choice outside the list',
    (d) => (d.triggers.catalogue[0].level = 'macro'),
    'triggers.catalogue[0].level',
    'oneOf',
  ],
  [
    'a list of the wrong length',
    (d) => (d.triggers.catalogue[0].byAge = [1, 2]),
    'triggers.catalogue[0].byAge',
    'exactItems',
  ],
  ['an empty name', (d) => (d.name = ''), 'name', 'minLength'],
  ['a number for a text', (d) => (d.question = 42), 'question', 'localText'],
  [
    'a label without its Dutch text',
    (d) => (d.triggers.catalogue[0].label = { en: 'discrimination' }),
    'triggers.catalogue[0].label.nl',
    'missing',
  ],
  [
    'an empty Dutch text',
    (d) => (d.interventions = []) && (d.question = { en: 'Why?', nl: '' }),
    'question.nl',
    'minLength',
  ],
  ['a bad trigger id', (d) => (d.triggers.catalogue[0].id = '1x'), 'triggers.catalogue[0].id', 'identifier'],
  ['a bad hazard key', (d) => (d.phases.hazards['0->9'] = '0.01'), 'phases.hazards["0->9"]', 'badKey'],
  ['shares that do not add up', (d) => (d.population.education.low += 0.1), 'population.education', 'sharesSum'],
  ['an unknown macro type', (d) => (d.action.incidentType = 'nope'), 'action.incidentType', 'unknownMacroType'],
  ['a hazard to its own phase', (d) => (d.phases.hazards['1->1'] = '0.01'), 'phases.hazards["1->1"]', 'hazardSelf'],
  [
    'a formula with an unknown name',
    (d) => (d.phases.hazards['1->0'] = 'atittude'),
    'phases.hazards["1->0"]',
    'formula',
  ],
  ['an infinite number', (d) => (d.action.arrestChance = Number.POSITIVE_INFINITY), 'action.arrestChance', 'notFinite'],
  [
    "a region's practice out of range",
    (d) => (d.regions[0].practice = { triage: { informationSharing: 3 } }),
    'regions[0].practice.triage.informationSharing',
    'max',
  ],
];

describe('problems of a scenario', () => {
  it.each(BAD)('%s has a kind, an English message and a Dutch one', (_, edit, path, kind) => {
    const d = copy();
    edit(d);
    const issues = issuesOf(d);
    const i = issues.find((x) => x.path === path) as ScenarioIssue;
    expect(i, JSON.stringify(issues.map((x) => x.path))).toBeDefined();
    expect(i.kind === 'regionPractice' ? (i.params as { inner: { kind: string } }).inner.kind : i.kind).toBe(kind);
    // The English text (the CLI's) is the catalogue's, and the Dutch one differs.
    expect(i.message).toBe(issueText(i.kind, i.params, 'en'));
    expect(issueMessage(i, 'en')).toBe(i.message);
    const nl = issueMessage(i, 'nl');
    expect(nl).not.toBe(i.message);
    expect(kind === 'formula' ? nl.replace(/\(in het Engels: .*\)$/, '') : nl).not.toMatch(ENGLISH);
    for (const x of issues) expect(x.kind, x.message).not.toBe('other');
  });

  it('a Dutch page shows a Dutch message for a bad field; the error thrown stays English', () => {
    const d = copy();
    d.population.maleShare = 2;
    const err = scenarioErrorOf(() => validateScenario(d, 'x.json'));
    const i = err.issues.find((x) => x.path === 'population.maleShare')!;
    expect(formatIssue(i, 'nl')).toBe('population.maleShare: moet <= 1 zijn (gevonden: 2)');
    expect(formatIssue(i)).toBe('population.maleShare: must be <= 1 (found 2)');
    expect(err.message).toContain('population.maleShare: must be <= 1 (found 2)');
  });

  it('JSON problems and the form check of a number have Dutch texts too', () => {
    const syntax = scenarioErrorOf(() => parseScenarioText('{"a": 1 "b": 2}', 'x.json')).issues[0];
    expect(syntax.kind).toBe('jsonSyntax');
    expect(issueMessage(syntax, 'nl')).toBe('is geen geldige JSON: "," of "}" verwacht op regel 1, kolom 9');
    expect(syntax.message).toBe('is not valid JSON: "," or "}" expected at line 1, column 9');
    const agents = schemaFields(copy()).find((f) => f.path === 'agents')!;
    expect(checkValue(agents, 5, 'nl')).toBe('moet >= 10 zijn');
    expect(checkValue(agents, 5)).toBe('must be >= 10');
    expect(checkValue(agents, 10.5, 'nl')).toBe('moet een geheel getal zijn');
  });
});
