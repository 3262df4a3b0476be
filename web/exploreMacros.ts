/**
 * Macro events in Explore: their labels, the log of macro events (fired here, scheduled, by
 * chance, after incidents), and the wave panel: what changed since the last fired trigger.
 */
import type { AgentSample, MacroLogEntry } from '../sim/index.ts';
import { t, tf, type Key } from './i18n.ts';
import { h, PHASE_COLORS } from './util.ts';

/**
 * Seconds of play (on screen; the clock stops while paused) during which the people who moved
 * up after a fired trigger stay ringed: long enough to point at, whatever the speed.
 */
export const RING_SECONDS = 12;

/** The state just before a trigger was fired: the counts per phase and the phase of each sampled person. */
export interface Wave {
  week: number;
  type: string;
  counts: number[];
  phase: Uint8Array;
  /** Seconds played since (screen time). */
  played: number;
}

/** The label of a macro event type, or the type itself when it has none. */
export function macroLabel(type: string): string {
  const s = t(`macro_${type}` as Key);
  return s === undefined ? type : s;
}

/** Sample indices of people in a higher phase than when the trigger was fired (for RING_SECONDS of play). */
export function risenSince(wave: Wave | null, sample: AgentSample | null): Set<number> {
  const out = new Set<number>();
  if (!wave || !sample || wave.played > RING_SECONDS || wave.phase.length !== sample.phase.length) return out;
  for (let i = 0; i < sample.phase.length; i++) if (sample.phase[i] > wave.phase[i]) out.add(i);
  return out;
}

/** The change in the counts since the trigger was fired, and how many shown people moved up. */
export function drawWave(box: HTMLElement, wave: Wave | null, counts: number[], rose: number): void {
  if (!wave) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const d = [1, 2, 3].map((p) => counts[p] - wave.counts[p]);
  const sign = (x: number) => (x > 0 ? `+${x}` : String(x));
  box.dataset.week = String(wave.week);
  box.dataset.rose = String(rose);
  box.dataset.change = d.join(',');
  box.replaceChildren(
    h('strong', {}, `${tf('exploreWave', { type: macroLabel(wave.type), w: wave.week })}: `),
    ...[1, 2, 3].map((p) =>
      h(
        'span',
        { class: 'wave-delta' },
        h('i', { style: `background:${PHASE_COLORS[p]}` }),
        `${t(`phase${p}` as 'phase1')} ${sign(d[p - 1])}`,
      ),
    ),
    h('span', {}, ` · ${rose} ${t('exploreRose')}`),
  );
}

/** The newest 40 macro events, newest first. */
export function drawMacroLog(list: HTMLElement, macroLog: MacroLogEntry[]): void {
  list.dataset.count = String(macroLog.length);
  list.dataset.fired = String(macroLog.filter((e) => e.source === 'fired').length);
  if (!macroLog.length) {
    list.replaceChildren(h('li', { class: 'empty' }, t('exploreNoMacro')));
    return;
  }
  const items = [...macroLog].sort((a, b) => b.week - a.week);
  list.replaceChildren(
    ...items
      .slice(0, 40)
      .map((e) =>
        h(
          'li',
          { 'data-source': e.source, 'data-status': e.status, 'data-type': e.type, 'data-week': e.week },
          `${t('week')} ${e.week} · ${macroLabel(e.type)}${e.ideology ? ` (${e.ideology})` : ''} · ${t('exploreStrength')} ${e.strength} · ${t(`exploreSrc_${e.source}` as Key)}${e.status === 'pending' ? ` · ${t('explorePending')}` : ''}`,
        ),
      ),
  );
}
