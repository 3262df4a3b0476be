/**
 * The phase chart of Explore: people in each phase by week (D3), with model macro events as
 * ticks on the axis and triggers fired here as dashed lines. Built once per run and then
 * updated in place, so drawing every frame stays cheap.
 */
import * as d3 from 'd3';
import type { MacroLogEntry } from '../sim/index.ts';
import { t, type Key } from './i18n.ts';
import { macroLabel } from './exploreMacros.ts';
import { h, PHASE_COLORS } from './util.ts';

/** A trigger fired in this page: the week it was fired (it acts the week after) and when, in page time. */
export interface FiredTrigger {
  week: number;
  type: string;
  at: number;
}

const CW = 560,
  CH = 300,
  CM = { l: 50, r: 10, t: 14, b: 30 };

/** The legend of the phase colours, shown above the chart. */
export function phaseLegend(): HTMLElement {
  return h(
    'div',
    { class: 'legend' },
    ...[1, 2, 3].map((p) =>
      h('span', {}, h('i', { style: `background:${PHASE_COLORS[p]}` }), t(`phase${p}` as 'phase1')),
    ),
    h('span', {}, `(${t('phase0')}: ↑)`),
  );
}

export interface PhaseChart {
  /** Forget the drawn chart: the next draw builds it anew (a new run, perhaps of other length). */
  reset(): void;
  /** `series[p]` is the count in phase p by week. */
  draw(
    series: number[][],
    weeks: number | undefined,
    macroLog: MacroLogEntry[],
    fired: FiredTrigger[],
    ended: boolean,
    freshMs: number,
  ): void;
}

export function createPhaseChart(box: HTMLElement): PhaseChart {
  let parts: {
    x: d3.ScaleLinear<number, number>;
    yAxis: d3.Selection<SVGGElement, undefined, null, undefined>;
    lines: d3.Selection<SVGPathElement, undefined, null, undefined>[];
    marks: d3.Selection<SVGGElement, undefined, null, undefined>;
    end: d3.Selection<SVGGElement, undefined, null, undefined>;
  } | null = null;

  function build(weeks: number | undefined): NonNullable<typeof parts> {
    const x = d3
      .scaleLinear()
      .domain([0, Math.max(weeks ?? 52, 1)])
      .range([CM.l, CW - CM.r]);
    const svg = d3
      .create('svg')
      .attr('viewBox', `0 0 ${CW} ${CH}`)
      .attr('width', '100%')
      .attr('class', 'phase-chart')
      .attr('role', 'img')
      .attr('aria-label', t('phaseChartLabel'));
    svg
      .append('g')
      .attr('transform', `translate(0,${CH - CM.b})`)
      .call(d3.axisBottom(x).ticks(8));
    const yAxis = svg.append('g').attr('transform', `translate(${CM.l},0)`);
    svg
      .append('text')
      .attr('x', CW - CM.r)
      .attr('y', CH - 2)
      .attr('text-anchor', 'end')
      .attr('font-size', 11)
      .text(t('week'));
    svg
      .append('text')
      .attr('class', 'y-label')
      .attr('transform', `translate(12,${(CM.t + CH - CM.b) / 2}) rotate(-90)`)
      .attr('text-anchor', 'middle')
      .attr('font-size', 11)
      .text(t('peopleAxis'));
    const marks = svg.append('g').attr('class', 'macro-marks');
    const lines = [1, 2, 3].map((p) =>
      svg
        .append('path')
        .attr('fill', 'none')
        .attr('stroke', PHASE_COLORS[p])
        .attr('stroke-width', 2)
        .attr('class', `line-phase${p}`),
    );
    // The end of the run: a line and a word at the last week, shown once it is reached.
    const end = svg.append('g').attr('class', 'run-end-mark').attr('display', 'none');
    const xe = x(Math.max(weeks ?? 52, 1));
    end
      .append('line')
      .attr('x1', xe)
      .attr('x2', xe)
      .attr('y1', CM.t)
      .attr('y2', CH - CM.b)
      .attr('stroke', '#000');
    end
      .append('text')
      .attr('x', xe - 4)
      .attr('y', CM.t + 12)
      .attr('text-anchor', 'end')
      .attr('font-size', 12)
      .attr('font-weight', 'bold')
      .text(t('exploreEndMark'));
    box.replaceChildren(svg.node()!);
    return { x, yAxis, lines, marks, end };
  }

  function draw(
    series: number[][],
    weeks: number | undefined,
    macroLog: MacroLogEntry[],
    fired: FiredTrigger[],
    ended: boolean,
    freshMs: number,
  ): void {
    parts ??= build(weeks);
    const { x, yAxis, lines, marks, end } = parts;
    end.attr('display', ended ? null : 'none');
    const ymax = Math.max(5, ...[1, 2, 3].map((p) => d3.max(series[p]) ?? 0));
    const y = d3
      .scaleLinear()
      .domain([0, ymax * 1.1])
      .nice()
      .range([CH - CM.b, CM.t]);
    // The axis is redrawn only when its top changes.
    if (yAxis.attr('data-top') !== String(y.domain()[1]))
      yAxis.attr('data-top', String(y.domain()[1])).call(d3.axisLeft(y).ticks(6));
    const line = d3
      .line<number>()
      .x((_, i) => x(i))
      .y((v) => y(v));
    lines.forEach((l, k) => l.attr('d', line(series[k + 1]) ?? ''));
    // Model macro events (scheduled, by chance, after incidents): small ticks on the axis.
    const other = macroLog.filter((e) => e.source !== 'fired' && e.status === 'done');
    marks
      .selectAll('path.macro-tick')
      .data(other)
      .join('path')
      .attr('class', 'macro-tick')
      .attr('d', (e) => `M${x(e.week)},${CH - CM.b} l-4,7 h8 z`)
      .attr('fill', '#777')
      .selectAll('title')
      .data((e) => [e])
      .join('title')
      .text((e) => `${t('week')} ${e.week}: ${macroLabel(e.type)} (${t(`exploreSrc_${e.source}` as Key)})`);
    // Fired triggers: a dashed line at the firing week; the newest pulses for a few seconds.
    const now = performance.now();
    const g = marks
      .selectAll<SVGGElement, FiredTrigger>('g.fired')
      .data(fired)
      .join((enter) => {
        const e = enter.append('g').attr('class', 'fired');
        e.append('line').attr('stroke', '#CC79A7').attr('stroke-width', 2).attr('stroke-dasharray', '4 3');
        e.append('text').attr('font-size', 10).attr('fill', '#8a3a6b').attr('text-anchor', 'middle');
        return e;
      });
    g.classed('fresh', (f) => now - f.at < freshMs);
    g.select('line')
      .attr('x1', (f) => x(f.week))
      .attr('x2', (f) => x(f.week))
      .attr('y1', CM.t)
      .attr('y2', CH - CM.b);
    // Anchored so a label near either edge stays whole.
    g.select('text')
      .attr('text-anchor', (f) => (x(f.week) > CW - 70 ? 'end' : x(f.week) < CM.l + 70 ? 'start' : 'middle'))
      .attr('x', (f) => x(f.week))
      .attr('y', CM.t - 3)
      .text((f) => macroLabel(f.type));
  }

  return { reset: () => (parts = null), draw };
}
