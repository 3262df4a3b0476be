/**
 * Charts of a sweep: a line plot with a band (one parameter: mean and 95% interval of an
 * outcome per level, every run as a dot) and a heatmap with a colour legend (two parameters:
 * the mean per grid cell, viridis, a colour-blind-safe sequential scale).
 */
import * as d3 from 'd3';
import { outcomeLabel, type SweepStats } from '../sim/index.ts';
import { getLang, t } from './i18n.ts';
import { fmt } from './util.ts';

const num = (v: number | boolean) => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

function pointRows(stats: SweepStats, outcome: string) {
  return stats.points
    .filter((s) => s.outcome === outcome)
    .map((s) => ({
      values: stats.plan.points[s.variant].map(num),
      mean: s.ci.mean,
      lo: s.ci.lo,
      hi: s.ci.hi,
      runs: s.values,
    }));
}

/** One parameter: mean with its interval as a band, and the runs as dots. */
export function linePlot(stats: SweepStats, outcome: string): SVGSVGElement {
  const rows = pointRows(stats, outcome).sort((a, b) => a.values[0] - b.values[0]);
  const v = stats.plan.vary[0];
  const W = 640,
    H = 340,
    m = { l: 70, r: 20, t: 30, b: 46 };
  const x = d3
    .scaleLinear()
    .domain(d3.extent(rows, (r) => r.values[0]) as [number, number])
    .range([m.l, W - m.r]);
  if (x.domain()[0] === x.domain()[1]) x.domain([x.domain()[0] - 1, x.domain()[1] + 1]);
  const ys = rows.flatMap((r) => [r.lo, r.hi, ...r.runs]).filter(Number.isFinite);
  const y = d3
    .scaleLinear()
    .domain([Math.min(0, d3.min(ys) ?? 0), d3.max(ys) || 1])
    .nice()
    .range([H - m.b, m.t]);
  const svg = d3
    .create('svg')
    .attr('width', W)
    .attr('height', H)
    .attr('class', 'sweep-line')
    .attr('font-family', 'sans-serif')
    .attr('font-size', 12);
  svg
    .append('text')
    .attr('x', m.l)
    .attr('y', 16)
    .attr('font-weight', 'bold')
    .text(`${outcomeLabel(outcome, getLang())} (${t('sweepLineNote')})`);
  svg
    .append('g')
    .attr('transform', `translate(0,${H - m.b})`)
    .call(d3.axisBottom(x).ticks(6));
  svg.append('g').attr('transform', `translate(${m.l},0)`).call(d3.axisLeft(y).ticks(6));
  svg
    .append('text')
    .attr('class', 'y-label')
    .attr('transform', `translate(12,${(m.t + H - m.b) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text(outcomeLabel(outcome, getLang()));
  svg
    .append('text')
    .attr('x', (m.l + W - m.r) / 2)
    .attr('y', H - 8)
    .attr('text-anchor', 'middle')
    .text(v.path);
  const finite = rows.filter((r) => Number.isFinite(r.lo) && Number.isFinite(r.hi));
  svg
    .append('path')
    .attr('class', 'band')
    .attr('fill', '#56B4E9')
    .attr('fill-opacity', 0.35)
    .attr(
      'd',
      d3
        .area<(typeof rows)[number]>()
        .x((r) => x(r.values[0]))
        .y0((r) => y(r.lo))
        .y1((r) => y(r.hi))(finite) ?? '',
    );
  svg
    .append('path')
    .attr('class', 'mean')
    .attr('fill', 'none')
    .attr('stroke', '#0072B2')
    .attr('stroke-width', 2)
    .attr(
      'd',
      d3
        .line<(typeof rows)[number]>()
        .x((r) => x(r.values[0]))
        .y((r) => y(r.mean))(rows) ?? '',
    );
  for (const r of rows) {
    svg
      .append('circle')
      .attr('class', 'point-mean')
      .attr('cx', x(r.values[0]))
      .attr('cy', y(r.mean))
      .attr('r', 4.5)
      .attr('fill', '#0072B2')
      .append('title')
      .text(`${v.path}=${r.values[0]}: ${fmt(r.mean)} [${fmt(r.lo)}, ${fmt(r.hi)}]`);
    for (const val of r.runs)
      svg
        .append('circle')
        .attr('class', 'run')
        .attr('cx', x(r.values[0]))
        .attr('cy', y(val))
        .attr('r', 2.5)
        .attr('fill', '#000')
        .attr('fill-opacity', 0.5);
  }
  if (typeof v.base === 'number' && v.base >= x.domain()[0] && v.base <= x.domain()[1]) {
    svg
      .append('line')
      .attr('x1', x(v.base))
      .attr('x2', x(v.base))
      .attr('y1', m.t)
      .attr('y2', H - m.b)
      .attr('stroke', '#D55E00')
      .attr('stroke-dasharray', '4 3');
    svg
      .append('text')
      .attr('x', x(v.base) + 4)
      .attr('y', m.t + 10)
      .attr('fill', '#D55E00')
      .text('scenario value');
  }
  return svg.node()!;
}

/** Two parameters: the mean per grid cell, with a colour legend. */
export function heatmap(stats: SweepStats, outcome: string): SVGSVGElement {
  const rows = pointRows(stats, outcome);
  const [vx, vy] = stats.plan.vary;
  const xs = [...new Set(rows.map((r) => r.values[0]))].sort((a, b) => a - b);
  const ys = [...new Set(rows.map((r) => r.values[1]))].sort((a, b) => a - b);
  const cell = Math.max(28, Math.min(90, Math.floor(420 / Math.max(xs.length, ys.length))));
  const m = { l: 90, r: 110, t: 30, b: 50 };
  const W = Math.max(520, m.l + xs.length * cell + m.r),
    H = m.t + ys.length * cell + m.b;
  const means = rows.map((r) => r.mean).filter(Number.isFinite);
  const lo = d3.min(means) ?? 0,
    hi = d3.max(means) ?? 1;
  const colour = d3.scaleSequential(d3.interpolateViridis).domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi]);
  const svg = d3
    .create('svg')
    .attr('width', W)
    .attr('height', H)
    .attr('class', 'sweep-heatmap')
    .attr('font-family', 'sans-serif')
    .attr('font-size', 12);
  svg
    .append('text')
    .attr('x', m.l)
    .attr('y', 16)
    .attr('font-weight', 'bold')
    .text(`${outcomeLabel(outcome, getLang())} (${t('sweepHeatNote')})`);
  const xb = d3
    .scaleBand<number>()
    .domain(xs)
    .range([m.l, m.l + xs.length * cell]);
  const yb = d3
    .scaleBand<number>()
    .domain(ys)
    .range([m.t + ys.length * cell, m.t]);
  svg
    .append('g')
    .attr('transform', `translate(0,${m.t + ys.length * cell})`)
    .call(d3.axisBottom(xb).tickFormat((d) => fmt(d)));
  svg
    .append('g')
    .attr('transform', `translate(${m.l},0)`)
    .call(d3.axisLeft(yb).tickFormat((d) => fmt(d)));
  svg
    .append('text')
    .attr('x', m.l + (xs.length * cell) / 2)
    .attr('y', H - 10)
    .attr('text-anchor', 'middle')
    .text(vx.path);
  svg
    .append('text')
    .attr('transform', `translate(14,${m.t + (ys.length * cell) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text(vy.path);
  for (const r of rows) {
    const fill = Number.isFinite(r.mean) ? colour(r.mean) : '#ccc';
    const g = svg.append('g').attr('class', 'cell');
    g.append('rect')
      .attr('x', xb(r.values[0])!)
      .attr('y', yb(r.values[1])!)
      .attr('width', cell - 1)
      .attr('height', cell - 1)
      .attr('fill', fill)
      .append('title')
      .text(`${vx.path}=${r.values[0]}, ${vy.path}=${r.values[1]}: ${fmt(r.mean)} [${fmt(r.lo)}, ${fmt(r.hi)}]`);
    const light = d3.lab(fill).l > 60;
    g.append('text')
      .attr('x', xb(r.values[0])! + cell / 2)
      .attr('y', yb(r.values[1])! + cell / 2 + 4)
      .attr('text-anchor', 'middle')
      .attr('font-size', 10)
      .attr('fill', light ? '#000' : '#fff')
      .text(fmt(r.mean));
  }
  // Legend: a vertical gradient with an axis.
  const id = `viridis-${Math.random().toString(36).slice(2, 8)}`;
  const grad = svg
    .append('defs')
    .append('linearGradient')
    .attr('id', id)
    .attr('x1', 0)
    .attr('x2', 0)
    .attr('y1', 1)
    .attr('y2', 0);
  for (let i = 0; i <= 10; i++)
    grad
      .append('stop')
      .attr('offset', `${i * 10}%`)
      .attr('stop-color', d3.interpolateViridis(i / 10));
  const lx = m.l + xs.length * cell + 24,
    lh = Math.max(80, ys.length * cell);
  const legend = svg.append('g').attr('class', 'legend');
  legend.append('rect').attr('x', lx).attr('y', m.t).attr('width', 14).attr('height', lh).attr('fill', `url(#${id})`);
  const ly = d3
    .scaleLinear()
    .domain(colour.domain())
    .range([m.t + lh, m.t]);
  legend
    .append('g')
    .attr('transform', `translate(${lx + 14},0)`)
    .call(d3.axisRight(ly).ticks(5));
  return svg.node()!;
}
