/**
 * The row of controls that runs an ensemble on the worker pool (Compare and the sweep runner):
 * replicates, agents and weeks, Run and Cancel, a progress bar and a status text whose
 * `data-state` says running, done, cancelled or failed (the e2e tests wait on it).
 */
import { t } from './i18n.ts';
import { h } from './util.ts';

export type RunState = 'running' | 'done' | 'cancelled' | 'failed';

export interface RunControlIds {
  replicates: string;
  agents: string;
  weeks: string;
  run: string;
  cancel: string;
  progress: string;
  status: string;
}

export interface RunControlDefaults {
  replicates: number;
  agents: number;
  weeks: number;
  /** Smallest number of replicates allowed (2 for paired differences). */
  minReplicates: number;
  maxReplicates: number;
}

export interface RunControls {
  readonly replicates: HTMLInputElement;
  readonly agents: HTMLInputElement;
  readonly weeks: HTMLInputElement;
  readonly run: HTMLButtonElement;
  readonly cancel: HTMLButtonElement;
  readonly progress: HTMLProgressElement;
  readonly status: HTMLSpanElement;
  /** The row to put in the page. */
  readonly row: HTMLElement;
  /** Run disabled, Cancel enabled, state running. */
  started(): void;
  /** Progress as a fraction of all weeks, with its text. */
  advanced(fraction: number, text: string): void;
  /** Run enabled, Cancel disabled, the final state and its text. */
  finished(state: Exclude<RunState, 'running'>, text: string): void;
}

export function runControls(ids: RunControlIds, d: RunControlDefaults, runLabel: string): RunControls {
  const replicates = h('input', {
    id: ids.replicates,
    type: 'number',
    min: d.minReplicates,
    max: d.maxReplicates,
    value: String(d.replicates),
    style: 'width:4em',
  });
  const agents = h('input', {
    id: ids.agents,
    type: 'number',
    min: 100,
    max: 100000,
    step: 100,
    value: String(d.agents),
    style: 'width:7em',
  });
  const weeks = h('input', {
    id: ids.weeks,
    type: 'number',
    min: 1,
    max: 2000,
    value: String(d.weeks),
    style: 'width:5em',
  });
  const run = h('button', { id: ids.run, type: 'button' }, runLabel);
  const cancel = h('button', { id: ids.cancel, type: 'button', disabled: true }, t('cancel'));
  const progress = h('progress', { id: ids.progress, max: 1, value: 0 });
  const status = h('span', { id: ids.status, role: 'status' });
  const row = h(
    'div',
    { class: 'controls' },
    h('label', {}, `${t('replicates')} `, replicates),
    h('label', {}, `${t('agents')} `, agents),
    h('label', {}, `${t('weeks')} `, weeks),
    run,
    cancel,
    progress,
    status,
  );
  return {
    replicates,
    agents,
    weeks,
    run,
    cancel,
    progress,
    status,
    row,
    started() {
      run.disabled = true;
      cancel.disabled = false;
      status.dataset.state = 'running';
    },
    advanced(fraction, text) {
      progress.value = fraction;
      status.textContent = text;
    },
    finished(state, text) {
      run.disabled = false;
      cancel.disabled = true;
      if (state === 'done') progress.value = 1;
      status.dataset.state = state;
      status.textContent = text;
    },
  };
}
