/**
 * Research: edit a scenario (a form generated from the schema, kept in step with the JSON
 * text, and a hazard-formula field, all validated as you type), run it in Explore or Compare,
 * import and export it, and sweep its parameters.
 *
 * Storage: the JSON text is the edited scenario, saved in localStorage under EDITOR_KEYS.text
 * (with the library scenario it started from under EDITOR_KEYS.base), so Explore and Compare
 * can run it as "edited" (web/scenarios.ts). The hazard-formula field edits
 * `phases.hazards[<key>]` of that text, so the saved scenario is always complete; the formula
 * is also kept under KEY_FORMULA for when the text is not valid JSON.
 */
import './research.css';
import {
  compileFormula,
  formatIssue,
  FormulaError,
  issueMessage,
  issueText,
  FORMULA_VARIABLE_NAMES,
  isPlainObject,
  newListItem,
  parseScenarioText,
  removeOverride,
  SCENARIO_LIMITS,
  type Scenario,
  type ScenarioData,
  ScenarioError,
  type ScenarioIssue,
  type Segment,
  setOverride,
  validateScenario,
  valueAt,
} from '../sim/index.ts';
import { download } from './export.ts';
import { createFieldEditor } from './fieldEditor.ts';
import { getLang, t, tf } from './i18n.ts';
import {
  EDITED,
  EDITOR_KEYS,
  library,
  resolveData,
  resolvedByName,
  scenarioNames,
  scenarioOption,
} from './scenarios.ts';
import { createSweepRunner } from './sweepRunner.ts';
import { h } from './util.ts';

const KEY_TEXT = EDITOR_KEYS.text;
const KEY_BASE = EDITOR_KEYS.base;
const KEY_FORMULA = 'radsim.editor.formula';
const KEY_HAZARD = 'radsim.editor.hazard';

/** The state of the edit: parsed, resolved and validated as far as it goes. */
interface Checked {
  raw: ScenarioData | null;
  resolved: ScenarioData | null;
  scenario: Scenario | null;
  issues: ScenarioIssue[];
  /** A JSON syntax error or another problem that is not a list of issues. */
  error: string | null;
}

/** Parses and validates scenario text against the library; never throws. */
export function checkText(text: string, base: string): Checked {
  let raw: ScenarioData;
  try {
    raw = parseScenarioText(text, `${EDITED}.json`);
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    // A syntax error or a text over the size limit concerns the whole text; the rest name a field.
    const whole = err.issues.filter((i) => i.path === '(file)' || i.path === '(top level)');
    if (whole.length)
      return {
        raw: null,
        resolved: null,
        scenario: null,
        issues: [],
        error: issueMessage(whole[0], getLang()).replace(/^is /, ''),
      };
    return { raw: null, resolved: null, scenario: null, issues: [...err.issues], error: null };
  }
  let resolved: ScenarioData;
  try {
    resolved = resolveData(raw, `${EDITED}.json`);
  } catch (err) {
    if (err instanceof ScenarioError)
      return { raw, resolved: null, scenario: null, issues: [...err.issues], error: null };
    return { raw, resolved: null, scenario: null, issues: [], error: (err as Error).message };
  }
  try {
    return { raw, resolved, scenario: validateScenario(resolved, `${base}.json`), issues: [], error: null };
  } catch (err) {
    if (err instanceof ScenarioError) return { raw, resolved, scenario: null, issues: [...err.issues], error: null };
    return { raw, resolved, scenario: null, issues: [], error: (err as Error).message };
  }
}

const text = (data: unknown) => JSON.stringify(data, null, 2);

export function researchView(root: HTMLElement): () => void {
  const base = localStorage.getItem(KEY_BASE) ?? 'baseline';
  const baseSel = h(
    'select',
    { id: 'editor-base', 'aria-label': t('scenario') },
    ...scenarioNames.map((n) => h('option', { value: n }, scenarioOption(n, getLang()))),
  );
  baseSel.value = scenarioNames.includes(base) ? base : 'baseline';
  let shownBase = baseSel.value;
  const resetBtn = h('button', { type: 'button', id: 'editor-reset' }, t('reset'));
  const area = h('textarea', { id: 'editor', spellcheck: false, 'aria-label': t('editor') });
  const status = h('div', { id: 'editor-status', role: 'status', 'aria-live': 'polite' });
  const hazards = Object.keys((resolvedByName('baseline').phases as { hazards: Record<string, string> }).hazards);
  const hazardSel = h(
    'select',
    { id: 'hazard-key', 'aria-label': 'hazard' },
    ...hazards.map((k) => h('option', { value: k }, k)),
  );
  hazardSel.value = hazards.includes(localStorage.getItem(KEY_HAZARD) ?? '')
    ? localStorage.getItem(KEY_HAZARD)!
    : hazards[0];
  const formulaIn = h('input', {
    id: 'formula',
    type: 'text',
    size: 90,
    spellcheck: false,
    'aria-label': t('formula'),
  });
  const formulaStatus = h('div', { id: 'formula-status', role: 'status', 'aria-live': 'polite' });
  const exploreBtn = h('button', { type: 'button', id: 'explore-edited' }, t('exploreThis'));
  const compareBtn = h('button', { type: 'button', id: 'compare-edited' }, t('compareWithBase'));
  const fileIn = h('input', {
    type: 'file',
    id: 'import-file',
    accept: '.json,application/json',
    'aria-label': t('importScenario'),
  });
  const importBox = h('div', { id: 'import-status', role: 'alert' });
  const exportBtn = h('button', { type: 'button', id: 'export-json' }, t('exportScenario'));
  const exportResolvedBtn = h('button', { type: 'button', id: 'export-resolved' }, t('exportResolved'));

  const formNote = h('div', { id: 'form-note', class: 'muted', role: 'status' });
  let checked: Checked = { raw: null, resolved: null, scenario: null, issues: [], error: null };
  const form = createFieldEditor({
    onSet: (segs, v) => edit((raw, resolved) => setOverride(raw, resolved, segs, v)),
    onReset: resetField,
    canAdd: (l) => listTemplate(l.segs) !== undefined,
    onListAdd: (l) => {
      const template = listTemplate(l.segs);
      if (template === undefined) return;
      edit((raw, resolved) => {
        const items = (valueAt(resolved, l.segs) as unknown[] | undefined) ?? [];
        setOverride(raw, resolved, l.segs, [...structuredClone(items), newListItem(template, items)]);
      });
    },
    onListRemove: (l) =>
      edit((raw, resolved) => {
        const items = (valueAt(resolved, l.segs) as unknown[] | undefined) ?? [];
        setOverride(raw, resolved, l.segs, structuredClone(items.slice(0, -1)));
      }),
  });

  /** The item a list grows by: its last item, or for an empty list the first one any library scenario has. */
  function listTemplate(segs: Segment[]): unknown {
    const own = checked.resolved ? valueAt(checked.resolved, segs) : undefined;
    if (Array.isArray(own) && own.length) return own[own.length - 1];
    const generic = segs.map((s) => (typeof s === 'number' ? 0 : s));
    for (const name of scenarioNames) {
      const v = valueAt(library_(name), generic);
      if (Array.isArray(v) && v.length) return v[0];
    }
    return undefined;
  }
  const sweep = createSweepRunner(() => {
    if (!checked.scenario) throw new Error(t('fixScenarioFirst'));
    return { scenario: checked.scenario, label: EDITED };
  });

  root.replaceChildren(
    h(
      'div',
      { class: 'panel' },
      h('h3', {}, t('editedScenario')),
      h(
        'div',
        { class: 'controls research-actions' },
        h('span', { class: 'group' }, h('label', {}, `${t('startFrom')} `, baseSel), resetBtn),
        h(
          'span',
          { class: 'group' },
          h('label', { class: 'file' }, `${t('importScenario')} `, fileIn),
          exportBtn,
          exportResolvedBtn,
        ),
        h('span', { class: 'group' }, exploreBtn, compareBtn),
      ),
      importBox,
      status,
    ),
    h(
      'div',
      { class: 'panel' },
      h('h3', {}, t('formula')),
      h('div', { class: 'controls' }, hazardSel, formulaIn),
      formulaStatus,
      h('p', { style: 'font-size:0.8rem' }, `${t('formulaVariables')}: ${FORMULA_VARIABLE_NAMES.join(', ')}`),
    ),
    h(
      'div',
      { class: 'research-edit' },
      h('div', { class: 'panel research-form' }, h('h3', {}, t('parameters')), formNote, form.element),
      h('div', { class: 'panel research-json' }, h('h3', {}, t('editor')), area),
    ),
    h(
      'details',
      { class: 'panel', id: 'sweep-panel', open: true },
      h('summary', {}, h('strong', {}, t('sweepTitle'))),
      sweep.element,
    ),
  );

  // Library scenarios do not change while the page is open: resolve each once.
  const resolvedCache = new Map<string, ScenarioData>();
  const library_ = (name: string) =>
    resolvedCache.get(name) ?? resolvedCache.set(name, resolvedByName(name)).get(name)!;
  const baseResolved = () => library_(baseSel.value);

  function constants(): Record<string, number> {
    const c = (checked.resolved?.phases as { constants?: Record<string, number> } | undefined)?.constants;
    return isPlainObject(c)
      ? c
      : (resolvedByName('baseline').phases as { constants: Record<string, number> }).constants;
  }

  function checkFormula(): void {
    localStorage.setItem(KEY_FORMULA, formulaIn.value);
    localStorage.setItem(KEY_HAZARD, hazardSel.value);
    try {
      compileFormula(formulaIn.value, FORMULA_VARIABLE_NAMES, constants());
      formulaStatus.replaceChildren(h('span', { class: 'ok', id: 'formula-ok' }, `✓ ${t('validFormula')}`));
      formulaIn.removeAttribute('aria-invalid');
    } catch (err) {
      formulaStatus.replaceChildren(
        h(
          'div',
          { class: 'error', id: 'formula-error' },
          err instanceof FormulaError
            ? issueText('formula', { detail: err.message }, getLang())
            : (err as Error).message,
        ),
      );
      formulaIn.setAttribute('aria-invalid', 'true');
    }
  }

  /** Validates the text, saves it, and redraws status, form, formula and buttons. */
  function check(): void {
    localStorage.setItem(KEY_TEXT, area.value);
    localStorage.setItem(KEY_BASE, baseSel.value);
    shownBase = baseSel.value;
    checked = checkText(area.value, baseSel.value);
    if (checked.error) status.replaceChildren(h('div', { class: 'error', id: 'editor-error' }, checked.error));
    else if (checked.issues.length)
      status.replaceChildren(
        h(
          'div',
          { class: 'error', id: 'editor-error' },
          h('ul', { class: 'issues' }, ...checked.issues.map((i) => h('li', {}, formatIssue(i, getLang())))),
        ),
      );
    else status.replaceChildren(h('span', { class: 'ok', id: 'editor-ok' }, `✓ ${t('valid')}`));
    if (checked.resolved) {
      form.update({
        resolved: checked.resolved,
        base: baseResolved(),
        defaults: library_('baseline'),
        issues: checked.issues,
      });
      // Hazards the edit adds (e.g. "0->3") can be chosen in the formula field too.
      const hz = valueAt(checked.resolved, ['phases', 'hazards']);
      if (isPlainObject(hz)) {
        for (const k of Object.keys(hz))
          if (!Array.from(hazardSel.options).some((o) => o.value === k)) hazardSel.append(h('option', { value: k }, k));
      }
      const f = valueAt(checked.resolved, ['phases', 'hazards', hazardSel.value]);
      if (document.activeElement !== formulaIn && typeof f === 'string') formulaIn.value = f;
    }
    area.classList.toggle('stale', !checked.raw);
    // While the text is not JSON the form shows the last readable version and takes no input.
    form.element.inert = !checked.raw;
    form.element.classList.toggle('stale', !checked.raw);
    formNote.textContent = checked.raw ? '' : t('formStale');
    const ok = checked.scenario !== null;
    exploreBtn.disabled = !ok;
    compareBtn.disabled = !ok;
    exploreBtn.title = compareBtn.title = ok ? '' : t('fixScenarioFirst');
    sweep.refresh();
    checkFormula();
  }

  /** Applies a change to the parsed edit and writes the text back. */
  function edit(change: (raw: ScenarioData, resolved: ScenarioData) => void): void {
    if (!checked.raw || !checked.resolved) return;
    const raw = structuredClone(checked.raw);
    change(raw, checked.resolved);
    area.value = text(raw);
    check();
  }

  /** Back to the base scenario's value: drop the override if that does it, else set the value. */
  function resetField(segs: Segment[]): void {
    const want = valueAt(baseResolved(), segs);
    edit((raw, resolved) => {
      const trial = structuredClone(raw);
      if (removeOverride(trial, segs)) {
        try {
          if (JSON.stringify(valueAt(resolveData(trial, `${EDITED}.json`), segs)) === JSON.stringify(want)) {
            removeOverride(raw, segs);
            return;
          }
        } catch {
          // fall through: set the value
        }
      }
      if (want !== undefined) setOverride(raw, resolved, segs, structuredClone(want));
    });
  }

  function onFormula(): void {
    const segs: Segment[] = ['phases', 'hazards', hazardSel.value];
    if (!checked.raw || !checked.resolved) {
      checkFormula();
      return;
    }
    const baseFormula = valueAt(baseResolved(), segs);
    const value = formulaIn.value;
    edit((raw, resolved) => {
      setOverride(raw, resolved, segs, value);
      if (value !== baseFormula) return;
      // The base's own formula again: drop the override when the text then resolves to it.
      const trial = structuredClone(raw);
      removeOverride(trial, segs);
      try {
        if (valueAt(resolveData(trial, `${EDITED}.json`), segs) === value) removeOverride(raw, segs);
      } catch {
        // keep the override
      }
    });
  }

  /** Starts over from a library scenario; the edit it replaces can be restored (Undo). */
  function load(name: string, undoable: boolean): void {
    const hz = (resolvedByName(name).phases as { hazards: Record<string, string> }).hazards;
    formulaIn.value = hz[hazardSel.value] ?? '';
    if (undoable && area.value.trim() && area.value !== text(library[`${name}.json`]))
      replaceWith(text(library[`${name}.json`]), name, `${t('startedFrom')} ${name}.`);
    else {
      baseSel.value = name;
      area.value = text(library[`${name}.json`]);
      check();
    }
  }

  // --- import and export ---------------------------------------------------------------------
  let undoText: { text: string; base: string } | null = null;
  /** Replaces the edit, keeping the old text for an Undo button. */
  function replaceWith(newText: string, newBase: string, note: string): void {
    undoText = { text: area.value, base: baseSel.value };
    baseSel.value = newBase;
    area.value = newText;
    check();
    const undo = h('button', { type: 'button', id: 'import-undo' }, t('undo'));
    undo.addEventListener('click', () => {
      if (!undoText) return;
      baseSel.value = undoText.base;
      area.value = undoText.text;
      undoText = null;
      importBox.replaceChildren();
      check();
    });
    importBox.replaceChildren(h('div', { class: 'ok', id: 'import-ok' }, note, ' ', undo));
  }

  async function importFile(file: File): Promise<void> {
    if (file.size > SCENARIO_LIMITS.size) {
      // Not read at all: a scenario is far smaller, and the text would only fill the page.
      importBox.replaceChildren(
        h(
          'div',
          { class: 'error', id: 'import-error' },
          `${file.name}: ${t('invalidScenario')}: too large (${file.size.toLocaleString('en')} bytes, at most ${SCENARIO_LIMITS.size.toLocaleString('en')} are allowed). ${t('importKept')}`,
        ),
      );
      return;
    }
    const content = await file.text();
    const ext = (() => {
      try {
        const d = JSON.parse(content) as unknown;
        return isPlainObject(d) && typeof d.extends === 'string'
          ? d.extends.replace(/^\.\//, '').replace(/\.json$/, '')
          : null;
      } catch {
        return null;
      }
    })();
    const newBase = ext && scenarioNames.includes(ext) ? ext : baseSel.value;
    const c = checkText(content, newBase);
    const pretty = c.raw ? text(c.raw) : content;
    if (!c.error && c.issues.length === 0) {
      replaceWith(pretty, newBase, `${t('imported')} ${file.name}.`);
      return;
    }
    const problems = c.error ? [c.error] : c.issues.map((i) => formatIssue(i, getLang()));
    const loadAnyway = h('button', { type: 'button', id: 'import-anyway' }, t('loadAnyway'));
    loadAnyway.addEventListener('click', () =>
      replaceWith(pretty, newBase, `${t('imported')} ${file.name} (${t('withProblems')}).`),
    );
    const keep = h('button', { type: 'button', id: 'import-keep' }, t('keepCurrent'));
    keep.addEventListener('click', () => importBox.replaceChildren());
    importBox.replaceChildren(
      h(
        'div',
        { class: 'error', id: 'import-error' },
        h('strong', {}, `${file.name}: ${c.error ? t('notJson') : t('invalidScenario')}`),
        h('ul', { class: 'issues' }, ...problems.map((p) => h('li', {}, p))),
        h('p', {}, t('importKept')),
        h('div', { class: 'controls' }, keep, c.raw ? loadAnyway : null),
      ),
    );
  }

  fileIn.addEventListener('change', () => {
    const f = fileIn.files?.[0];
    if (f) void importFile(f).finally(() => (fileIn.value = ''));
  });
  exportBtn.addEventListener('click', () =>
    download(`${fileName()}.json`, area.value.endsWith('\n') ? area.value : `${area.value}\n`, 'application/json'),
  );
  exportResolvedBtn.addEventListener('click', () => {
    if (checked.resolved) download(`${fileName()}-resolved.json`, `${text(checked.resolved)}\n`, 'application/json');
  });
  function fileName(): string {
    const n = typeof checked.raw?.name === 'string' ? checked.raw.name : EDITED;
    return n.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '') || EDITED;
  }

  exploreBtn.addEventListener('click', () => {
    check(); // saved before leaving
    location.hash = `explore?scenario=${EDITED}`;
  });
  compareBtn.addEventListener('click', () => {
    check();
    // An edit with its base's parameters would run for a minute to show no difference at all.
    if (checked.resolved && sameModel(checked.resolved, resolvedByName(baseSel.value))) {
      importBox.replaceChildren(
        h(
          'p',
          { class: 'error', id: 'compare-same' },
          tf('sameAsBase', { base: scenarioOption(baseSel.value, getLang()) }),
        ),
      );
      return;
    }
    location.hash = `compare?s=${baseSel.value},${EDITED}&r=4&a=5000&w=260`;
  });

  area.addEventListener('input', check);
  formulaIn.addEventListener('input', onFormula);
  hazardSel.addEventListener('change', () => {
    const f = checked.resolved ? valueAt(checked.resolved, ['phases', 'hazards', hazardSel.value]) : undefined;
    formulaIn.value =
      typeof f === 'string'
        ? f
        : ((resolvedByName(baseSel.value).phases as { hazards: Record<string, string> }).hazards[hazardSel.value] ??
          '');
    checkFormula();
  });
  baseSel.addEventListener('change', () => {
    const name = baseSel.value;
    baseSel.value = shownBase; // so that Undo restores the base the old text belongs to
    load(name, true);
  });
  resetBtn.addEventListener('click', () => load(baseSel.value, true));

  const saved = localStorage.getItem(KEY_TEXT);
  if (saved !== null) {
    area.value = saved;
    formulaIn.value = localStorage.getItem(KEY_FORMULA) ?? '';
    check();
  } else load(baseSel.value, false);
  return () => sweep.cancel();
}

/** Scenario text that does not change a run. */
const TEXT_KEYS = new Set(['name', 'title', 'question', 'description', 'extends', 'outputs']);

/** Whether two resolved scenarios run the same model (their texts, trigger and programme labels included, aside). */
export function sameModel(a: ScenarioData, b: ScenarioData): boolean {
  const strip = (d: ScenarioData) => Object.fromEntries(Object.entries(d).filter(([k]) => !TEXT_KEYS.has(k)));
  return deepEqual(strip(a), strip(b));
}

/** Deep equality of JSON data, `label` fields aside (the labels of triggers and programmes are texts). */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => k !== 'label');
  const kb = Object.keys(b).filter((k) => k !== 'label');
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
