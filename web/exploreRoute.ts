/**
 * The route panel of Explore: the selected person's profile, their route as a timeline (D3) and
 * the list of their events. Built once per person and then updated in place, as the route grows.
 */
import * as d3 from 'd3';
import type { MacroLogEntry, Route, RouteEvent } from '../sim/index.ts';
import { macroLabel } from './exploreMacros.ts';
import { getLang, regionLabel, t, tf, type Key } from './i18n.ts';
import { describeRouteEvent, type RouteNames } from './routeText.ts';
import { h, PHASE_COLORS } from './util.ts';

/** The labels of the running scenario's triggers and programmes, in the page's language (set by each draw). */
let names: RouteNames | undefined;
const describe = (e: RouteEvent): string => describeRouteEvent(e, getLang(), names);

export interface RoutePanel {
  /** Nobody selected. */
  clear(): void;
  /** A replay from the start is running for the person. */
  tracing(): void;
  /**
   * Shows `route` of the `selected` person at `week` (null: not yet arrived). Returns true when
   * the timeline was left as it was (to spare redrawing it while playing) and should be drawn again.
   */
  draw(route: Route | null, selected: number, week: number, playing: boolean, macroLog: MacroLogEntry[]): boolean;
}

export function createRoutePanel(
  box: HTMLElement,
  actions: { replay(id: number): void; deselect(): void; names(): RouteNames | undefined },
): RoutePanel {
  /** The panel of the person shown. */
  let view: {
    id: number;
    since: number;
    profile: HTMLElement;
    timeline: HTMLElement;
    list: HTMLElement;
    shown: number;
    drawnAt: number;
    drawnWeek: number;
  } | null = null;

  function clear(): void {
    view = null;
    delete box.dataset.id;
    box.replaceChildren(h('p', {}, `${t('route')}: —`));
  }

  function tracing(): void {
    view = null;
    box.replaceChildren(h('p', { id: 'tracing' }, t('tracing')));
  }

  function draw(r: Route | null, selected: number, week: number, playing: boolean, macroLog: MacroLogEntry[]): boolean {
    names = actions.names();
    if (!r) {
      view = null;
      if (!box.querySelector('#tracing')) box.replaceChildren(h('p', {}, `${t('route')}: #${selected} …`));
      return false;
    }
    if (!view || view.id !== r.id || view.since !== r.since) {
      const since =
        r.since > 0
          ? tf('exploreSince', { w: r.since, p: t(`phaseIn${r.start.phase}` as Key), n: r.start.weeksInPhase })
          : t('exploreSinceStart');
      box.dataset.id = String(r.id);
      box.dataset.since = String(r.since);
      const replayBtn = h(
        'button',
        { type: 'button', id: 'replay', class: 'secondary', onclick: () => actions.replay(r.id) },
        t('exploreReplay'),
      );
      view = {
        id: r.id,
        since: r.since,
        profile: h('p', { class: 'profile' }),
        timeline: h('div', { class: 'timeline' }),
        list: h('p', { id: 'route-events' }, t('noEvents')),
        shown: 0,
        drawnAt: 0,
        drawnWeek: -1,
      };
      box.replaceChildren(
        h(
          'div',
          { class: 'route-head' },
          h('h3', {}, `${t('route')}: #${r.id}`),
          h('button', { type: 'button', id: 'deselect', onclick: () => actions.deselect() }, t('exploreDeselect')),
        ),
        view.profile,
        h('p', { class: 'since', id: 'route-since' }, since, ' ', r.since > 0 ? replayBtn : ''),
        h('div', { class: 'timeline-title' }, t('exploreTimeline')),
        view.timeline,
        view.list,
      );
    }
    const v = view;
    const prof = profileText(r.profile);
    if (v.profile.textContent !== prof) v.profile.textContent = prof;
    const fresh = r.events.length !== v.shown;
    if (fresh) {
      if (v.shown === 0 || r.events.length < v.shown) {
        const list = h('ol', { id: 'route-events' });
        v.list.replaceWith(list);
        v.list = list;
        v.shown = 0;
      }
      v.list.append(
        ...r.events
          .slice(v.shown)
          .map((e) => h('li', { class: e.kind === 'phase' ? 'phase-change' : '', 'data-kind': e.kind }, describe(e))),
      );
      v.shown = r.events.length;
    }
    // The timeline grows with the week: redrawn when events arrive, else at most twice a second while playing.
    const now = performance.now();
    if (fresh || v.drawnWeek < 0 || (week !== v.drawnWeek && (!playing || now - v.drawnAt > 500))) {
      v.timeline.replaceChildren(routeTimeline(r, week, macroLog));
      v.drawnAt = now;
      v.drawnWeek = week;
      return false;
    }
    return week !== v.drawnWeek;
  }

  return { clear, tracing, draw };
}

/** A route's profile in words: "25, man, right-wing, action phase · big city, middle education · ADHD". */
export function profileText(p: Record<string, number | string>): string {
  const word = (key: string, fallback: string): string => {
    const s = t(key as Key);
    return s === undefined ? fallback : s;
  };
  const first = [
    String(p.ageAtEnd),
    p.sex === 'male' ? t('profileMale') : p.sex === 'female' ? t('profileFemale') : String(p.sex ?? ''),
    word(`leaning_${p.leaning}`, String(p.leaning)),
    word(`phaseIn${p.phaseAtEnd}`, String(p.phaseAtEnd)),
  ];
  const second = [regionLabel(String(p.region)), word(`education_${p.education}`, String(p.education))];
  const known = new Set(['ageAtEnd', 'sex', 'education', 'region', 'leaning', 'phaseAtEnd']);
  const pathologies = Object.keys(p)
    .filter((k) => !known.has(k))
    .map((k) => word(`pathology_${k}`, k));
  return [first.join(', '), second.join(', '), pathologies.join(', ')].filter(Boolean).join(' · ');
}

/** The route as a strip of phase by week, with the events in rows below it and macro events across. */
function routeTimeline(r: Route, week: number, macroLog: MacroLogEntry[]): SVGSVGElement {
  const W = 530,
    left = 124,
    right = 10,
    top = 16,
    stripH = 16;
  const rows: { key: Key; kinds: RouteEvent['kind'][] }[] = [
    { key: 'exploreRowTriggers', kinds: ['trigger'] },
    { key: 'exploreRowGroup', kinds: ['group'] },
    { key: 'exploreRowPractice', kinds: ['signal', 'triage', 'case'] },
    { key: 'exploreRowInterventions', kinds: ['intervention'] },
    { key: 'exploreRowOther', kinds: ['incident', 'arrest', 'release', 'renewed'] },
  ];
  const rowH = 14,
    rowTop = top + stripH + 8;
  const H = rowTop + rows.length * rowH + 22;
  const end = Math.max(week, r.since + 1, 1);
  const x = d3
    .scaleLinear()
    .domain([0, end])
    .range([left, W - right]);
  const svg = d3
    .create('svg')
    .attr('width', W)
    .attr('height', H)
    .attr('id', 'route-timeline')
    .attr('role', 'img')
    .attr('aria-label', t('exploreTimeline'));
  const defs = svg.append('defs');
  defs
    .append('pattern')
    .attr('id', 'hatch')
    .attr('width', 6)
    .attr('height', 6)
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('patternTransform', 'rotate(45)')
    .append('line')
    .attr('x1', 0)
    .attr('y1', 0)
    .attr('x2', 0)
    .attr('y2', 6)
    .attr('stroke', '#bbb')
    .attr('stroke-width', 2);
  // Phase segments: known from the route after `since`; before, the phase at `since` for the weeks it had lasted, else not recorded.
  const segs: { from: number; to: number; phase: number; known: boolean }[] = [];
  const changes = r.events.filter((e): e is Extract<RouteEvent, { kind: 'phase' }> => e.kind === 'phase');
  if (r.since > 0) {
    const began = Math.max(0, r.since - r.start.weeksInPhase);
    if (began > 0) segs.push({ from: 0, to: began, phase: -1, known: false });
    segs.push({ from: began, to: r.since, phase: r.start.phase, known: false });
  }
  let p = r.start.phase,
    from = r.since;
  for (const c of changes) {
    segs.push({ from, to: c.week, phase: p, known: true });
    p = c.to;
    from = c.week;
  }
  segs.push({ from, to: end, phase: p, known: true });
  svg
    .append('g')
    .selectAll('rect')
    .data(segs.filter((s) => s.to > s.from))
    .join('rect')
    .attr('x', (s) => x(s.from))
    .attr('width', (s) => Math.max(1, x(s.to) - x(s.from)))
    .attr('y', top)
    .attr('height', stripH)
    .attr('fill', (s) => (s.phase < 0 ? 'url(#hatch)' : PHASE_COLORS[s.phase]))
    .attr('opacity', (s) => (s.known ? 1 : 0.45))
    .attr('class', (s) => `seg seg-phase${s.phase}`)
    .append('title')
    .text(
      (s) =>
        `${t('week')} ${s.from}–${s.to}: ${s.phase < 0 ? t('exploreNotRecorded') : t(`phase${s.phase}` as 'phase1')}`,
    );
  svg
    .append('text')
    .attr('x', left - 6)
    .attr('y', top + 12)
    .attr('text-anchor', 'end')
    .attr('font-size', 10)
    .text(t('route'));
  if (r.since > 0) {
    svg
      .append('line')
      .attr('x1', x(r.since))
      .attr('x2', x(r.since))
      .attr('y1', top - 4)
      .attr('y2', H - 20)
      .attr('stroke', '#333')
      .attr('stroke-dasharray', '1 2');
  }
  // The weeks leading up to each phase change (8 weeks), shaded in the event rows.
  const lead = 8;
  svg
    .append('g')
    .selectAll('rect')
    .data(changes)
    .join('rect')
    .attr('x', (c) => x(Math.max(0, c.week - lead)))
    .attr('width', (c) => Math.max(2, x(c.week) - x(Math.max(0, c.week - lead))))
    .attr('y', rowTop - 2)
    .attr('height', rows.length * rowH)
    .attr('fill', '#f3e9d2');
  // Macro events reach everyone: thin lines across.
  svg
    .append('g')
    .selectAll('line')
    .data(macroLog.filter((e) => e.status === 'done' && e.week <= end))
    .join('line')
    .attr('x1', (e) => x(e.week))
    .attr('x2', (e) => x(e.week))
    .attr('y1', top - 6)
    .attr('y2', H - 20)
    .attr('stroke', '#CC79A7')
    .attr('stroke-width', 1)
    .attr('opacity', 0.7)
    .append('title')
    .text((e) => `${t('week')} ${e.week}: ${macroLabel(e.type)} (${t(`exploreSrc_${e.source}` as Key)})`);
  // Phase changes: a line through the strip with the move.
  const cg = svg.append('g').selectAll('g').data(changes).join('g').attr('class', 'phase-change');
  cg.append('line')
    .attr('x1', (c) => x(c.week))
    .attr('x2', (c) => x(c.week))
    .attr('y1', top - 2)
    .attr('y2', rowTop + rows.length * rowH)
    .attr('stroke', '#000')
    .attr('stroke-width', 1.5);
  cg.append('text')
    .attr('x', (c) => x(c.week))
    .attr('y', top - 4)
    .attr('text-anchor', 'middle')
    .attr('font-size', 10)
    .text((c) => `${c.from}→${c.to}`);
  cg.append('title').text((c) => describe(c));
  // Event rows.
  rows.forEach((row, k) => {
    const yy = rowTop + k * rowH + rowH / 2;
    svg
      .append('text')
      .attr('x', left - 6)
      .attr('y', yy + 3)
      .attr('text-anchor', 'end')
      .attr('font-size', 9)
      .attr('fill', '#444')
      .text(t(row.key));
    svg
      .append('line')
      .attr('x1', left)
      .attr('x2', W - right)
      .attr('y1', yy)
      .attr('y2', yy)
      .attr('stroke', '#eee');
    const evs = r.events.filter((e) => row.kinds.includes(e.kind));
    svg
      .append('g')
      .attr('class', `row-${row.kinds[0]}`)
      .selectAll('path')
      .data(evs)
      .join('path')
      .attr('transform', (e) => `translate(${x(e.week)},${yy})`)
      .attr('d', (e) => symbolFor(e))
      .attr('fill', (e) => colourFor(e))
      .attr('stroke', '#222')
      .attr('stroke-width', 0.5)
      .append('title')
      .text((e) => describe(e));
  });
  svg
    .append('g')
    .attr('transform', `translate(0,${H - 20})`)
    .call(d3.axisBottom(x).ticks(6).tickSizeOuter(0));
  const node = svg.node()!;
  node.dataset.events = String(r.events.length);
  node.dataset.changes = String(changes.length);
  node.dataset.since = String(r.since);
  return node;
}

function symbolFor(e: RouteEvent): string {
  const sym = d3.symbol().size(36);
  switch (e.kind) {
    case 'trigger':
      return sym.type(d3.symbolTriangle)() ?? '';
    case 'group':
      return sym.type(d3.symbolCircle)() ?? '';
    case 'intervention':
      return sym.type(d3.symbolDiamond)() ?? '';
    case 'signal':
    case 'triage':
    case 'case':
      return sym.type(d3.symbolSquare)() ?? '';
    default:
      return sym.type(d3.symbolCross)() ?? '';
  }
}

function colourFor(e: RouteEvent): string {
  if (e.kind === 'trigger') return e.direction === 'deradicalising' ? '#56B4E9' : '#D55E00';
  if (e.kind === 'signal') return e.truePositive ? '#E69F00' : '#bbb';
  if (e.kind === 'triage') return e.decision === 'dismissed' ? '#bbb' : '#0072B2';
  if (e.kind === 'intervention') return '#009E73';
  if (e.kind === 'group') return '#0072B2';
  return '#333';
}
