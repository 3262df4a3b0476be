/** The D3 charts of Compare: an outcome's mean and interval per scenario, and weekly series with bands. */
import * as d3 from 'd3';
import { type CompareStats, outcomeLabel } from '../sim/index.ts';
import type { Band } from './compareData.ts';
import { getLang, t } from './i18n.ts';

/** Okabe-Ito colours, one per scenario (the reference is black). */
export const SCENARIO_COLORS = ['#000000', '#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442'];
export const colorOf = (v: number) => SCENARIO_COLORS[v % SCENARIO_COLORS.length];

/** Axis ticks; on a Dutch page with a decimal comma and a thousands point. */
function ticks<D extends d3.AxisDomain>(
  axis: d3.Axis<D>,
  count: number,
  scale: { tickFormat(count: number): (d: number) => string },
): d3.Axis<D> {
  axis.ticks(count);
  if (getLang() === 'nl') {
    const f = scale.tickFormat(count);
    // Re-format the English text of d3's default format with the Dutch separators.
    axis.tickFormat((d) => f(Number(d)).replace(/[.,]/g, (c) => (c === '.' ? ',' : '.')));
  }
  return axis;
}

/** Mean and interval per scenario for one outcome. */
export function intervalChart(stats: CompareStats, outcome: string, lang: 'en' | 'nl'): SVGSVGElement {
  const rows = stats.plan.scenarios.map((s, v) => ({
    label: s.label,
    ci: stats.outcomes.find((x) => x.variant === v && x.outcome === outcome)!.ci,
  }));
  const W = 620,
    rowH = 28,
    m = { l: 200, r: 20, t: 24, b: 30 };
  const H = m.t + m.b + rows.length * rowH;
  const lo = d3.min(rows, (r) => r.ci.lo) ?? 0,
    hi = d3.max(rows, (r) => r.ci.hi) ?? 1;
  const pad = (hi - lo) * 0.1 || 1;
  const x = d3
    .scaleLinear()
    .domain([Math.max(0, lo - pad), hi + pad])
    .nice()
    .range([m.l, W - m.r]);
  const svg = d3
    .create('svg')
    .attr('width', W)
    .attr('height', H)
    .attr('font-family', 'sans-serif')
    .attr('font-size', 12);
  svg.append('rect').attr('width', W).attr('height', H).attr('fill', 'white');
  svg
    .append('text')
    .attr('x', m.l)
    .attr('y', 14)
    .attr('font-weight', 'bold')
    .text(`${outcomeLabel(outcome, lang)} (${t('cmpMeanInterval')})`);
  svg
    .append('g')
    .attr('transform', `translate(0,${H - m.b})`)
    .call(ticks(d3.axisBottom(x), 6, x));
  rows.forEach((r, i) => {
    const y = m.t + i * rowH + rowH / 2;
    svg
      .append('text')
      .attr('x', m.l - 8)
      .attr('y', y + 4)
      .attr('text-anchor', 'end')
      .text(r.label);
    svg
      .append('line')
      .attr('x1', x(r.ci.lo))
      .attr('x2', x(r.ci.hi))
      .attr('y1', y)
      .attr('y2', y)
      .attr('stroke', colorOf(i))
      .attr('stroke-width', 3);
    svg.append('circle').attr('cx', x(r.ci.mean)).attr('cy', y).attr('r', 5).attr('fill', colorOf(i));
  });
  return svg.node()!;
}

/**
 * Weekly lines with bands: one `path.band` (area) and one `path.line` per entry, in its colour,
 * a legend, and (for differences) a dashed zero line.
 */
export function seriesChart(
  entries: { label: string; color: string; band: Band }[],
  title: string,
  zero: boolean,
  yLabel: string = title,
): SVGSVGElement {
  const W = 600,
    H = 300,
    m = { l: 56, r: 16, t: 28, b: 36 };
  const legendH = 16 * entries.length;
  const T = d3.max(entries, (e) => e.band.mean.length) ?? 1;
  const all = entries.flatMap((e) => [...e.band.lo, ...e.band.hi]).filter(Number.isFinite);
  let lo = d3.min(all) ?? 0,
    hi = d3.max(all) ?? 1;
  if (zero) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  if (hi === lo) {
    hi += 1;
    lo -= zero ? 1 : 0;
  }
  const x = d3
    .scaleLinear()
    .domain([0, Math.max(1, T - 1)])
    .range([m.l, W - m.r]);
  const y = d3
    .scaleLinear()
    .domain([lo, hi])
    .nice()
    .range([H - m.b, m.t]);
  const svg = d3
    .create('svg')
    .attr('width', W)
    .attr('height', H + legendH)
    .attr('font-family', 'sans-serif')
    .attr('font-size', 11);
  svg
    .append('rect')
    .attr('width', W)
    .attr('height', H + legendH)
    .attr('fill', 'white');
  svg.append('text').attr('x', m.l).attr('y', 16).attr('font-weight', 'bold').attr('font-size', 12).text(title);
  svg
    .append('g')
    .attr('transform', `translate(0,${H - m.b})`)
    .call(ticks(d3.axisBottom(x), 8, x));
  svg
    .append('g')
    .attr('transform', `translate(${m.l},0)`)
    .call(ticks(d3.axisLeft(y), 6, y));
  svg
    .append('text')
    .attr('class', 'y-label')
    .attr('transform', `translate(12,${(m.t + H - m.b) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text(yLabel);
  svg
    .append('text')
    .attr('x', W - m.r)
    .attr('y', H - 4)
    .attr('text-anchor', 'end')
    .text(t('week'));
  if (zero)
    svg
      .append('line')
      .attr('class', 'zero')
      .attr('x1', m.l)
      .attr('x2', W - m.r)
      .attr('y1', y(0))
      .attr('y2', y(0))
      .attr('stroke', '#555')
      .attr('stroke-dasharray', '4 3');
  const area = d3.area<number>().x((_, i) => x(i));
  const line = d3.line<number>().x((_, i) => x(i));
  entries.forEach((e, k) => {
    const b = e.band;
    const idx = b.mean.map((_, i) => i);
    svg
      .append('path')
      .attr('class', `band band-${k}`)
      .attr('fill', e.color)
      .attr('fill-opacity', 0.15)
      .attr('stroke', 'none')
      .attr('d', area.y0((i) => y(b.lo[i as number])).y1((i) => y(b.hi[i as number]))(idx));
    svg
      .append('path')
      .attr('class', `line line-${k}`)
      .attr('fill', 'none')
      .attr('stroke', e.color)
      .attr('stroke-width', 1.8)
      .attr('d', line.y((i) => y(b.mean[i as number]))(idx));
    const ly = H + 12 + 16 * k - 8;
    svg
      .append('rect')
      .attr('x', m.l)
      .attr('y', ly - 5)
      .attr('width', 18)
      .attr('height', 8)
      .attr('fill', e.color)
      .attr('fill-opacity', 0.35);
    svg
      .append('line')
      .attr('x1', m.l)
      .attr('x2', m.l + 18)
      .attr('y1', ly - 1)
      .attr('y2', ly - 1)
      .attr('stroke', e.color)
      .attr('stroke-width', 2);
    svg
      .append('text')
      .attr('x', m.l + 24)
      .attr('y', ly + 3)
      .text(e.label);
  });
  return svg.node()!;
}
