/**
 * The scenario form of Research, generated from the schema (sim/scenario/fields.ts): one
 * collapsible section per top-level key, one row per parameter with its description, unit,
 * allowed range, default (the baseline value), source and the schema's error for that field
 * inline. Values that differ from the base scenario are marked and have a reset button.
 * The form does not own the scenario: it reports edits (onSet, onReset) and is redrawn from
 * the resolved scenario with update().
 */
import {
  checkValue,
  type Field,
  issueMessage,
  type ListInfo,
  rangeText,
  type ScenarioIssue,
  schemaFields,
  schemaLists,
  type Segment,
  valueAt,
} from '../sim/index.ts';
import { DESCRIPTION_NL, SOURCE_NL, UNIT_NL } from './fieldTextNl.ts';
import { getLang, t } from './i18n.ts';
import { h } from './util.ts';

export interface FormState {
  /** The resolved edited scenario (what the fields show). */
  resolved: unknown;
  /** The resolved base scenario (changes are marked against it). */
  base: unknown;
  /** The resolved baseline (the documented defaults). */
  defaults: unknown;
  issues: readonly ScenarioIssue[];
}

export interface FieldEditor {
  element: HTMLElement;
  update(state: FormState): void;
  /** Number of fields shown. */
  count(): number;
}

interface Row {
  field: Field;
  el: HTMLElement;
  input: HTMLInputElement | HTMLSelectElement;
  error: HTMLElement;
  reset: HTMLButtonElement;
  defaultEl: HTMLElement;
}

const show = (v: unknown) =>
  v === undefined
    ? '—'
    : typeof v === 'string'
      ? v.length > 40
        ? `${v.slice(0, 37)}…`
        : v || '""'
      : JSON.stringify(v);

export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export interface FieldEditorOptions {
  onSet: (segs: Segment[], value: unknown) => void;
  onReset: (segs: Segment[]) => void;
  /** Add an item to a list (a copy of the last, or of a library example when it is empty). */
  onListAdd: (list: ListInfo) => void;
  onListRemove: (list: ListInfo) => void;
  /** Whether an item can be added (an empty list needs an example). */
  canAdd: (list: ListInfo) => boolean;
}

export function createFieldEditor(o: FieldEditorOptions): FieldEditor {
  const search = h('input', {
    type: 'search',
    id: 'field-search',
    placeholder: t('searchFields'),
    'aria-label': t('searchFields'),
    size: 30,
  });
  const changedOnly = h('input', { type: 'checkbox', id: 'field-changed-only' });
  const countEl = h('span', { id: 'field-count', class: 'muted' });
  const loose = h('div', { id: 'form-issues', class: 'error-list', role: 'alert' });
  const sectionsBox = h('div', { id: 'field-sections' });
  const element = h(
    'div',
    { id: 'field-editor' },
    h('div', { class: 'controls' }, search, h('label', {}, changedOnly, ` ${t('changedOnly')}`), countEl),
    loose,
    sectionsBox,
  );
  let rows = new Map<string, Row>();
  let sections = new Map<string, { details: HTMLDetailsElement; summary: HTMLElement; issues: HTMLElement }>();
  let key = '';

  function build(fields: Field[], lists: ListInfo[]): void {
    const open = new Set([...sections].filter(([, s]) => s.details.open).map(([k]) => k));
    rows = new Map();
    sections = new Map();
    const bySection = new Map<string, Field[]>();
    for (const f of fields) {
      if (!bySection.has(f.section)) bySection.set(f.section, []);
      bySection.get(f.section)!.push(f);
    }
    for (const l of lists) if (!bySection.has(l.section)) bySection.set(l.section, []);
    const nodes: HTMLElement[] = [];
    for (const [name, fs] of bySection) {
      const summary = h('summary', {}, name);
      const issues = h('div', { class: 'error-list section-issues' });
      const details = h(
        'details',
        { class: 'field-section', 'data-section': name, open: open.has(name) },
        summary,
        issues,
      );
      const tools = lists.filter((l) => l.section === name).map(listTools);
      if (tools.length) details.append(h('div', { class: 'list-tools-box' }, ...tools));
      const table = h('div', { class: 'field-rows' });
      for (const f of fs) table.append(row(f).el);
      details.append(table);
      sections.set(name, { details, summary, issues });
      nodes.push(details);
    }
    sectionsBox.replaceChildren(...nodes);
    filter();
  }

  function listTools(l: ListInfo): HTMLElement {
    const add = h(
      'button',
      { type: 'button', class: 'list-add', disabled: !o.canAdd(l), 'aria-label': `${t('addItem')}: ${l.path}` },
      `+ ${t('addItem')}`,
    );
    add.addEventListener('click', () => o.onListAdd(l));
    const remove = h(
      'button',
      { type: 'button', class: 'list-remove', disabled: l.length === 0, 'aria-label': `${t('removeLast')}: ${l.path}` },
      `− ${t('removeLast')}`,
    );
    remove.addEventListener('click', () => o.onListRemove(l));
    return h(
      'div',
      { class: 'list-tools', 'data-list': l.path, 'data-search': l.path.toLowerCase() },
      h('code', {}, l.path),
      ` ${l.length} ${t('items')} `,
      add,
      remove,
    );
  }

  function row(f: Field): Row {
    const id = fieldId(f.path);
    let input: HTMLInputElement | HTMLSelectElement;
    if (f.kind === 'boolean') {
      input = h('input', { type: 'checkbox', id });
      input.addEventListener('change', () => o.onSet(f.segs, (input as HTMLInputElement).checked));
    } else if (f.kind === 'enum') {
      input = h('select', { id }, ...(f.options ?? []).map((v) => h('option', { value: v }, v)));
      input.addEventListener('change', () => o.onSet(f.segs, input.value));
    } else {
      const numeric = f.kind === 'number' || f.kind === 'integer';
      input = h('input', {
        type: 'text',
        id,
        spellcheck: false,
        inputmode: numeric ? 'decimal' : 'text',
        size: numeric ? 12 : f.path.startsWith('phases.hazards') ? 60 : 28,
      });
      input.addEventListener('input', () => {
        const text = input.value;
        if (!numeric) return o.onSet(f.segs, text);
        const x = text.trim() === '' ? NaN : Number(text);
        if (Number.isNaN(x)) {
          r.error.textContent = `${f.path}: ${t('notANumber')} (${localRange(rangeText(f)) || t('numberWord')})`;
          input.setAttribute('aria-invalid', 'true');
          return;
        }
        o.onSet(f.segs, x);
      });
    }
    const label = f.path.slice(f.section === 'run' ? 0 : f.section.length + 1) || f.path;
    const errorId = `${id}-error`;
    input.setAttribute('aria-describedby', errorId);
    const reset = h(
      'button',
      { type: 'button', class: 'field-reset', title: t('resetField'), 'aria-label': `${t('resetField')}: ${f.path}` },
      '↺',
    );
    reset.addEventListener('click', () => o.onReset(f.segs));
    const range = localRange(rangeText(f));
    const { description, unit, source } = fieldText(f);
    const defaultEl = h('span', { class: 'default' });
    const error = h('div', { class: 'field-error', id: errorId, role: 'status' });
    const el = h(
      'div',
      {
        class: 'field',
        'data-path': f.path,
        'data-search': `${f.path} ${f.description} ${description}`.toLowerCase(),
      },
      h('label', { for: id, class: 'field-name' }, label),
      h('span', { class: 'field-input' }, input, reset),
      h(
        'span',
        { class: 'field-meta' },
        h('span', { class: 'desc' }, description),
        unit && h('span', { class: 'unit' }, ` · ${t('unit')}: ${unit}`),
        range && h('span', { class: 'range' }, ` · ${t('allowed')}: ${range}`),
        ' · ',
        defaultEl,
        source && h('span', { class: 'source' }, ` · ${t('source')}: ${source}`),
      ),
      error,
    );
    const r: Row = { field: f, el, input, error, reset, defaultEl };
    rows.set(f.path, r);
    return r;
  }

  function filter(): void {
    const q = search.value.trim().toLowerCase();
    const only = changedOnly.checked;
    let shown = 0;
    for (const [name, s] of sections) {
      let any = false;
      for (const r of rows.values()) {
        if (r.field.section !== name) continue;
        const hit =
          (!q || r.el.dataset.search!.includes(q)) &&
          (!only || r.el.classList.contains('changed') || r.el.classList.contains('invalid'));
        r.el.hidden = !hit;
        if (hit) (any = true), shown++;
      }
      for (const lt of Array.from(s.details.querySelectorAll<HTMLElement>('.list-tools'))) {
        const hit = !only && (!q || lt.dataset.search!.includes(q));
        lt.hidden = !hit;
        if (hit) any = true;
      }
      s.details.hidden = !any;
      if ((q || only) && any) s.details.open = true;
    }
    countEl.textContent = `${shown} / ${rows.size} ${t('fieldsShown')}`;
  }
  search.addEventListener('input', filter);
  changedOnly.addEventListener('change', filter);

  function update(state: FormState): void {
    const fields = schemaFields(state.resolved);
    const lists = schemaLists(state.resolved);
    const k = [...fields.map((f) => `${f.path}:${f.kind}`), ...lists.map((l) => `${l.path}#${l.length}`)].join('\n');
    if (k !== key) {
      key = k;
      build(fields, lists);
    }
    const byPath = new Map<string, ScenarioIssue[]>();
    for (const i of state.issues) {
      if (!byPath.has(i.path)) byPath.set(i.path, []);
      byPath.get(i.path)!.push(i);
    }
    const perSection = new Map<string, { changed: number; errors: number }>();
    for (const r of rows.values()) {
      const f = r.field;
      const v = valueAt(state.resolved, f.segs);
      const b = valueAt(state.base, f.segs);
      const d = valueAt(state.defaults, f.segs);
      if (document.activeElement !== r.input) {
        if (r.input instanceof HTMLInputElement && r.input.type === 'checkbox') r.input.checked = v === true;
        else r.input.value = v === undefined || v === null ? '' : String(v);
      }
      const changed = JSON.stringify(v) !== JSON.stringify(b);
      r.el.classList.toggle('changed', changed);
      r.reset.disabled = !changed;
      r.defaultEl.textContent = `${t('defaultValue')}: ${show(d)}${changed ? ` · ${t('baseValue')}: ${show(b)}` : ''}`;
      const issues = byPath.get(f.path) ?? [];
      byPath.delete(f.path);
      let msg = issues.map((i) => `${f.path}: ${issueMessage(i, getLang())}`).join('; ');
      if (!msg && typeof v === 'number') {
        const p = checkValue(f, v, getLang());
        if (p) msg = `${f.path}: ${p}`;
      }
      const range = localRange(rangeText(f));
      r.error.textContent = msg ? `${msg}${range && f.kind !== 'enum' ? ` (${t('allowed')}: ${range})` : ''}` : '';
      r.el.classList.toggle('invalid', !!msg);
      if (msg) r.input.setAttribute('aria-invalid', 'true');
      else r.input.removeAttribute('aria-invalid');
      const s = perSection.get(f.section) ?? { changed: 0, errors: 0 };
      if (changed) s.changed++;
      if (msg) s.errors++;
      perSection.set(f.section, s);
    }
    // Issues that name no field of the form (a sum that must be 1, a missing field, a list) go
    // to their section, or above the form.
    const sectionIssues = new Map<string, string[]>();
    const rest: string[] = [];
    for (const [path, issues] of byPath) {
      const sec = /^[A-Za-z_$][\w$]*/.exec(path)?.[0] ?? '';
      const list = sections.has(sec) ? (sectionIssues.get(sec) ?? sectionIssues.set(sec, []).get(sec)!) : rest;
      for (const i of issues) list.push(`${path}: ${issueMessage(i, getLang())}`);
    }
    for (const [name, s] of sections) {
      const c = perSection.get(name) ?? { changed: 0, errors: 0 };
      const extra = sectionIssues.get(name) ?? [];
      s.issues.replaceChildren(...extra.map((m) => h('div', { class: 'error' }, m)));
      const badges: (HTMLElement | string)[] = [name];
      if (c.changed) badges.push(h('span', { class: 'badge changed-badge' }, `${c.changed} ${t('changedCount')}`));
      if (c.errors + extra.length)
        badges.push(h('span', { class: 'badge error-badge' }, `${c.errors + extra.length} ${t('errorCount')}`));
      s.summary.replaceChildren(...badges);
    }
    loose.replaceChildren(...rest.map((m) => h('div', { class: 'error' }, m)));
    if (changedOnly.checked) filter();
  }

  return { element, update, count: () => rows.size };
}

/** A field's description, unit and source in the page's language (English where no Dutch exists). */
export function fieldText(f: Field): { description: string; unit: string; source: string | null } {
  if (getLang() === 'en') return { description: f.description, unit: f.unit, source: f.source };
  return {
    description: DESCRIPTION_NL[f.description] ?? f.description,
    unit: UNIT_NL[f.unit] ?? f.unit,
    source: f.source === null ? null : (SOURCE_NL[f.source] ?? f.source),
  };
}

/** rangeText in the page's language. */
/** A range text of `rangeText` in the page's language. */
export function localRange(text: string): string {
  return getLang() === 'en' ? text : text.replace('whole number', t('wholeNumber'));
}
