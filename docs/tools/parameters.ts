/**
 * Writes docs/parameters.md, the reference of every scenario parameter: path, unit, allowed range,
 * the default of scenarios/baseline.json, description and source. Every fact comes from where it
 * lives in the code, so the page cannot drift from it: description, unit and range from the
 * schema's `.meta` and checks (sim/scenario/schema.ts, practiceSchema.ts, walked by
 * sim/scenario/fields.ts), sources from sim/scenario/sources.ts, defaults from the baseline.
 *
 *   npm run docs:parameters            (rewrites docs/parameters.md)
 *
 * test/unit/parameters.test.ts fails when the page is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatPath } from '../../sim/scenario/errors.ts';
import { type Field, rangeText, type Segment, schemaFields, schemaLists } from '../../sim/scenario/fields.ts';
import { interventionSchema } from '../../sim/scenario/practiceSchema.ts';
import { sourceOf } from '../../sim/scenario/sources.ts';

const ROOT = resolve(import.meta.dirname, '../..');
export const PARAMETERS_FILE = resolve(ROOT, 'docs/parameters.md');
export const REFRESH_COMMAND = 'npm run docs:parameters';

/** The titles of the scenario sections, in the order of docs/model.md section 8. */
const SECTION_TITLES: Record<string, string> = {
  run: 'Run',
  regions: 'Regions',
  population: 'Population',
  network: 'Network',
  macro: 'Macro triggers',
  triggers: 'Micro and meso triggers',
  susceptibility: 'Susceptibility',
  influence: 'Social influence',
  needs: 'Needs',
  restoring: 'Restoring forces',
  groups: 'Groups',
  phases: 'Phases',
  action: 'Action',
  practice: 'Practice',
  interventionMechanics: 'Intervention mechanics',
  interventions: 'Interventions',
  ablation: 'Ablation switches',
  outputs: 'Outputs',
};

export function readBaseline(): Record<string, unknown> {
  return JSON.parse(readFileSync(resolve(ROOT, 'scenarios/baseline.json'), 'utf8'));
}

/** A table cell: no line breaks, pipes escaped. */
function cell(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

function valueText(v: unknown): string {
  if (typeof v === 'string') return `\`${v}\``;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return String(v);
  if (v === undefined) return '(not set)';
  return JSON.stringify(v);
}

/** A row of the page: one field, or a list of numbers (e.g. `byAge`) gathered into one row. */
interface Row {
  path: string;
  field: Field;
  values: unknown[];
}

/** Gathers the elements of lists of numbers into one row; other fields stay one row each. */
function rows(fields: readonly Field[], defaultOf: (f: Field) => unknown): Row[] {
  const out: Row[] = [];
  for (const f of fields) {
    const last = f.segs[f.segs.length - 1];
    const path = typeof last === 'number' ? formatPath(f.segs.slice(0, -1)) : f.path;
    const prev = out[out.length - 1];
    if (typeof last === 'number' && prev?.path === path) prev.values.push(defaultOf(f));
    else out.push({ path, field: f, values: [defaultOf(f)] });
  }
  return out;
}

function rowDefault(r: Row): string {
  return r.values.length === 1 && r.path === r.field.path ? valueText(r.values[0]) : r.values.map(valueText).join(', ');
}

/** A source cell, "as above" when it repeats the row before (long sources cover whole sections). */
function sourceCells(rs: readonly Row[]): string[] {
  return rs.map((r, i) => (i > 0 && r.field.source === rs[i - 1].field.source ? 'as above' : (r.field.source ?? '')));
}

function rangeOf(f: Field): string {
  const r = rangeText(f);
  return f.kind === 'boolean' ? 'true | false' : r;
}

function paramTable(rs: readonly Row[], relativeTo: string | null): string[] {
  const sources = sourceCells(rs);
  const lines = [
    '| parameter | default | unit | range | description | source |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  rs.forEach((r, i) => {
    const name = relativeTo === null ? r.path : r.path.slice(relativeTo.length).replace(/^\./, '');
    lines.push(
      `| \`${cell(name)}\` | ${cell(rowDefault(r))} | ${cell(r.field.unit)} | ${cell(rangeOf(r.field))} | ${cell(r.field.description)} | ${cell(sources[i])} |`,
    );
  });
  return lines;
}

/** The fields of one list element, described once (unit, range, description, source). */
function fieldTable(rs: readonly Row[], prefix: string): string[] {
  const sources = sourceCells(rs);
  const lines = ['| field | unit | range | description | source |', '| --- | --- | --- | --- | --- |'];
  rs.forEach((r, i) => {
    const name = r.path.slice(prefix.length).replace(/^\./, '');
    lines.push(
      `| \`${cell(name)}\` | ${cell(r.field.unit)} | ${cell(rangeOf(r.field))} | ${cell(r.field.description)} | ${cell(sources[i])} |`,
    );
  });
  return lines;
}

/** One row per list element: every field's baseline value, "field: value; ...". */
function valuesTable(list: string, elements: Row[][]): string[] {
  const lines = [`| ${list} | baseline values |`, '| ---: | --- |'];
  elements.forEach((rs, i) => {
    const prefix = `${list}[${i}]`;
    const parts = rs
      .filter((r) => r.values.some((v) => v !== undefined))
      .map((r) => `${r.path.slice(prefix.length).replace(/^\./, '')}: ${rowDefault(r)}`);
    lines.push(`| ${i} | ${cell(parts.join('; '))} |`);
  });
  return lines;
}

/** The list of objects a field belongs to (outermost), and its index there, or null. */
function listOf(f: Field, lists: ReadonlySet<string>): { list: string; index: number; depth: number } | null {
  for (let i = 0; i < f.segs.length; i++) {
    const s: Segment = f.segs[i];
    if (typeof s === 'number' && lists.has(formatPath(f.segs.slice(0, i))))
      return { list: formatPath(f.segs.slice(0, i)), index: s, depth: i };
  }
  return null;
}

function sectionBody(fields: readonly Field[], lists: ReadonlySet<string>, defaultOf: (f: Field) => unknown): string[] {
  const out: string[] = [];
  const plain = fields.filter((f) => listOf(f, lists) === null);
  if (plain.length > 0) out.push(...paramTable(rows(plain, defaultOf), null), '');
  const byList = new Map<string, Field[][]>();
  for (const f of fields) {
    const at = listOf(f, lists);
    if (at === null) continue;
    let elements = byList.get(at.list);
    if (!elements) byList.set(at.list, (elements = []));
    (elements[at.index] ??= []).push(f);
  }
  for (const [list, elements] of byList) {
    const elementRows = elements.map((fs) => rows(fs, defaultOf));
    // Describe each field of the list once, by the first element that has it.
    const seen = new Map<string, Row>();
    elementRows.forEach((rs, i) => {
      for (const r of rs) {
        const key = r.path.slice(`${list}[${i}]`.length);
        if (!seen.has(key)) seen.set(key, { ...r, path: `${list}[]${key}` });
      }
    });
    out.push(`Each element of \`${list}\`:`, '', ...fieldTable([...seen.values()], `${list}[]`), '');
    out.push(...valuesTable(list, elementRows), '');
  }
  return out;
}

/** The fields of a programme, walked on a library programme (the baseline has none). */
export function interventionFields(): Field[] {
  const file = resolve(ROOT, 'scenarios/holistic-support.json');
  const example = (JSON.parse(readFileSync(file, 'utf8')) as { interventions: Record<string, unknown>[] })
    .interventions[0];
  // Lists that may be empty still need one element for the walk to find their field.
  const walked = { ...example, regions: ['city'], phases: [1] };
  return schemaFields(walked, interventionSchema).map((f) => {
    const segs = ['interventions', 0, ...f.segs];
    const path = formatPath(segs);
    return { ...f, segs, path, section: 'interventions', source: sourceOf(path) };
  });
}

export function parametersMarkdown(baseline: Record<string, unknown> = readBaseline()): string {
  const fields = schemaFields(baseline);
  const lists = new Set(schemaLists(baseline).map((l) => l.path));
  const defaultOf = (f: Field) => {
    let cur: unknown = baseline;
    for (const s of f.segs) cur = (cur as Record<PropertyKey, unknown> | undefined)?.[s];
    return cur;
  };
  const out: string[] = [
    '# Parameters',
    '',
    `<!-- Generated by \`${REFRESH_COMMAND}\` (docs/tools/parameters.ts). Do not edit: change the schema, sim/scenario/sources.ts or scenarios/baseline.json and run the command. -->`,
    '',
    'Every parameter of a scenario, with its unit, allowed range, the default of',
    '`scenarios/baseline.json` (the one documented default; other scenarios `extend` it), what it',
    'means and where it comes from. Descriptions, units and ranges are those of the schema',
    '(`sim/scenario/schema.ts`, `sim/scenario/practiceSchema.ts`), sources those of',
    '`sim/scenario/sources.ts`; the Research view of the web app shows the same next to every field.',
    'How the parameters act is in `docs/model.md` (sections 7 and 8); the file format in',
    '`docs/scenario-format.md`.',
    '',
    '"Source" says where the **mechanism** or the **value** comes from: a seed file (the Dutch',
    'source documents, by file name), a section of the domain brief MODEL.md, a paper, or',
    '"assumption". Unless it says otherwise, a seed or MODEL.md supports only that the mechanism',
    'exists, and the number is an assumption. Of the baseline only the entry constants of the phase',
    'hazards, the arrest hazard before incidents and the visibility of the group phase are calibrated',
    'to public Dutch figures (`docs/calibration.md`); their sources say so.',
    '',
    'Paths are written as scenario errors and `radsim sweep --vary` name them: `regions[0].share`,',
    '`phases.constants.a01`. Lists of numbers (such as `byAge`, one value per age band) are one row.',
    '',
  ];
  const sections = Object.keys(SECTION_TITLES);
  for (const section of sections) {
    const inSection = section === 'interventions' ? interventionFields() : fields.filter((f) => f.section === section);
    out.push(`## ${SECTION_TITLES[section]}${section === 'run' ? '' : ` (\`${section}\`)`}`, '');
    if (section === 'regions')
      out.push(
        'A region may also override `population.ageBands`, `population.education` and',
        '`population.ideologyLeaning` (`regions[].population`) and any field of `practice`',
        '(`regions[].practice`), with the units and ranges of those sections. The baseline does not.',
        '',
      );
    if (section === 'interventions') {
      out.push(
        'The baseline has no programmes (`"interventions": []`); the library scenarios each add one',
        '(docs/scenarios.md). The fields of a programme:',
        '',
        ...fieldTable(
          rows(inSection, () => undefined),
          'interventions[0]',
        ),
        '',
      );
      continue;
    }
    out.push(...sectionBody(inSection, lists, defaultOf));
  }
  const missing = fields.filter((f) => !sections.includes(f.section)).map((f) => f.path);
  if (missing.length > 0) throw new Error(`fields of no section: ${missing.join(', ')}`);
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(PARAMETERS_FILE, parametersMarkdown());
  process.stdout.write(`wrote ${PARAMETERS_FILE}\n`);
}
