/** Research: a JSON scenario editor validated with the schema as you type, and a hazard-formula field. */
import { compileFormula } from '../sim/formula/compile.ts';
import { FORMULA_VARIABLE_NAMES } from '../sim/model/variables.ts';
import { ScenarioError, formatIssue } from '../sim/scenario/errors.ts';
import { validateScenario, type ScenarioData } from '../sim/scenario/resolve.ts';
import { t } from './i18n.ts';
import { EDITOR_KEYS, library, resolveData, resolvedByName, scenarioNames } from './scenarios.ts';
import { h } from './util.ts';

const KEY_TEXT = EDITOR_KEYS.text;
const KEY_BASE = EDITOR_KEYS.base;
const KEY_FORMULA = 'radsim.editor.formula';
const KEY_HAZARD = 'radsim.editor.hazard';

export function researchView(root: HTMLElement): () => void {
  const base = localStorage.getItem(KEY_BASE) ?? 'school-resilience';
  const baseSel = h('select', { id: 'editor-base', 'aria-label': t('scenario') }, ...scenarioNames.map((n) => h('option', { value: n }, n)));
  baseSel.value = scenarioNames.includes(base) ? base : 'baseline';
  const resetBtn = h('button', { type: 'button', id: 'editor-reset' }, t('reset'));
  const area = h('textarea', { id: 'editor', spellcheck: false, 'aria-label': t('editor') });
  const status = h('div', { id: 'editor-status', role: 'status', 'aria-live': 'polite' });
  const hazards = Object.keys((resolvedByName('baseline').phases as { hazards: Record<string, string> }).hazards);
  const hazardSel = h('select', { id: 'hazard-key', 'aria-label': 'hazard' }, ...hazards.map((k) => h('option', { value: k }, k)));
  hazardSel.value = localStorage.getItem(KEY_HAZARD) ?? hazards[0];
  const formulaIn = h('input', { id: 'formula', type: 'text', size: 90, spellcheck: false, 'aria-label': t('formula') });
  const formulaStatus = h('div', { id: 'formula-status', role: 'status', 'aria-live': 'polite' });

  root.replaceChildren(
    h('div', { class: 'panel' },
      h('h3', {}, t('formula')),
      h('div', { class: 'controls' }, hazardSel, formulaIn),
      formulaStatus,
      h('p', { style: 'font-size:0.8rem' }, `variables: ${FORMULA_VARIABLE_NAMES.join(', ')}`)),
    h('div', { class: 'panel' },
      h('h3', {}, t('editor')),
      h('div', { class: 'controls' }, h('label', {}, `${t('scenario')} `, baseSel), resetBtn),
      status,
      area),
  );

  function constants(): Record<string, number> {
    return (resolvedByName('baseline').phases as { constants: Record<string, number> }).constants;
  }

  function checkFormula(): void {
    localStorage.setItem(KEY_FORMULA, formulaIn.value);
    localStorage.setItem(KEY_HAZARD, hazardSel.value);
    try {
      compileFormula(formulaIn.value, FORMULA_VARIABLE_NAMES, constants());
      formulaStatus.replaceChildren(h('span', { class: 'ok', id: 'formula-ok' }, `✓ ${t('validFormula')}`));
      formulaIn.removeAttribute('aria-invalid');
    } catch (err) {
      formulaStatus.replaceChildren(h('div', { class: 'error', id: 'formula-error' }, (err as Error).message));
      formulaIn.setAttribute('aria-invalid', 'true');
    }
  }

  function check(): void {
    localStorage.setItem(KEY_TEXT, area.value);
    localStorage.setItem(KEY_BASE, baseSel.value);
    let data: ScenarioData;
    try {
      data = JSON.parse(area.value) as ScenarioData;
    } catch (err) {
      status.replaceChildren(h('div', { class: 'error', id: 'editor-error' }, `JSON: ${(err as Error).message}`));
      return;
    }
    try {
      validateScenario(resolveData(data, `${baseSel.value}.json`), `${baseSel.value}.json`);
      status.replaceChildren(h('span', { class: 'ok', id: 'editor-ok' }, `✓ ${t('valid')}`));
    } catch (err) {
      if (err instanceof ScenarioError) {
        status.replaceChildren(h('div', { class: 'error', id: 'editor-error' }, h('ul', { class: 'issues' }, ...err.issues.map((i) => h('li', {}, formatIssue(i))))));
      } else status.replaceChildren(h('div', { class: 'error', id: 'editor-error' }, (err as Error).message));
    }
  }

  function load(name: string): void {
    area.value = JSON.stringify(library[`${name}.json`], null, 2);
    const hz = (resolvedByName(name).phases as { hazards: Record<string, string> }).hazards;
    formulaIn.value = hz[hazardSel.value] ?? '';
    check();
    checkFormula();
  }

  area.addEventListener('input', check);
  formulaIn.addEventListener('input', checkFormula);
  hazardSel.addEventListener('change', () => {
    formulaIn.value = (resolvedByName(baseSel.value).phases as { hazards: Record<string, string> }).hazards[hazardSel.value] ?? '';
    checkFormula();
  });
  baseSel.addEventListener('change', () => load(baseSel.value));
  resetBtn.addEventListener('click', () => load(baseSel.value));

  const saved = localStorage.getItem(KEY_TEXT);
  if (saved !== null) {
    area.value = saved;
    formulaIn.value = localStorage.getItem(KEY_FORMULA) ?? '';
    check();
    checkFormula();
  } else load(baseSel.value);
  return () => {};
}
