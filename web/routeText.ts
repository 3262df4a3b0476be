/**
 * Route events in words, in English or Dutch (practice terms as in the seeds: signaal, weegploeg,
 * casusoverleg, PGA). Triggers and programmes are named by their labels in the scenario (in the
 * page's language where the scenario has it), else by their ids.
 */
import { type RouteEvent, textIn } from '../sim/index.ts';
import type { Lang } from './i18n.ts';

/** The labels of a scenario's triggers and programmes, by id, in one language. */
export interface RouteNames {
  trigger: Map<string, string>;
  intervention: Map<string, string>;
}

/** The labels of the triggers (`triggers.catalogue`) and programmes (`interventions`) of resolved scenario data. */
export function routeNames(data: Record<string, unknown>, lang: Lang): RouteNames {
  const labels = (list: unknown) => {
    const out = new Map<string, string>();
    if (!Array.isArray(list)) return out;
    for (const x of list as { id?: unknown; label?: unknown }[]) {
      const text = textIn(x?.label, lang)?.text;
      if (typeof x?.id === 'string' && text?.trim()) out.set(x.id, text);
    }
    return out;
  };
  const triggers = data.triggers as { catalogue?: unknown } | undefined;
  return { trigger: labels(triggers?.catalogue), intervention: labels(data.interventions) };
}

/** A Dutch reader expects a decimal comma. */
const decimalComma = (x: number): string => String(x).replace('.', ',');

const words = {
  en: {
    week: 'Week',
    phases: ['no phase', 'sensitivity', 'group', 'action'],
    needs: { identity: 'identity', justice: 'justice', meaning: 'meaning', sensation: 'sensation' } as Record<
      string,
      string
    >,
    phase: (from: string, to: string, att: number, trig: number, needs: string) =>
      `${from} → ${to} (attitude ${att}, trigger load ${trig}; needs ${needs})`,
    num: (x: number) => String(x),
    trigger: (level: string, id: string, dir: string, impact: number) =>
      `${level} trigger ${id} (${dir}, impact ${impact})`,
    levels: { micro: 'micro', meso: 'meso', macro: 'macro' } as Record<string, string>,
    directions: { radicalising: 'radicalising', deradicalising: 'deradicalising' } as Record<string, string>,
    group: (event: string, g: number) => `group ${event} (#${g})`,
    groupEvents: {
      founded: 'founded',
      joined: 'joined',
      tookLead: 'took the lead',
      succeeded: 'succeeded the leader',
      left: 'left',
      brokeUp: 'broke up',
      dissolved: 'dissolved',
    } as Record<string, string>,
    signal: (tp: boolean) => `signal (${tp ? 'true' : 'false'} positive)`,
    triage: (d: string) => `triage team: ${d}`,
    decisions: {} as Record<string, string>,
    caseEnded: 'case meeting: case plan ended',
    intervention: (id: string, ev: string) => `intervention ${id}: ${ev}`,
    interventionEvents: {} as Record<string, string>,
    incident: 'incident (violent act)',
    arrest: 'arrested',
    release: 'released from detention',
    renewed: 'left the population; a newcomer takes this place',
  },
  nl: {
    week: 'Week',
    phases: ['geen fase', 'gevoeligheid', 'groep', 'actie'],
    needs: {
      identity: 'identiteit',
      justice: 'rechtvaardigheid',
      meaning: 'zingeving',
      sensation: 'sensatie',
    } as Record<string, string>,
    num: decimalComma,
    phase: (from: string, to: string, att: number, trig: number, needs: string) =>
      `${from} → ${to} (houding ${decimalComma(att)}, triggerlast ${decimalComma(trig)}; behoeften ${needs})`,
    trigger: (level: string, id: string, dir: string, impact: number) =>
      `${level}trigger ${id} (${dir}, impact ${decimalComma(impact)})`,
    levels: { micro: 'micro', meso: 'meso', macro: 'macro' } as Record<string, string>,
    directions: { radicalising: 'radicaliserend', deradicalising: 'deradicaliserend' } as Record<string, string>,
    group: (event: string, g: number) => `groep: ${event} (#${g})`,
    groupEvents: {
      founded: 'opgericht',
      joined: 'lid geworden',
      tookLead: 'leiding genomen',
      succeeded: 'leider opgevolgd',
      left: 'verlaten',
      brokeUp: 'uiteengevallen',
      dissolved: 'opgeheven',
    } as Record<string, string>,
    signal: (tp: boolean) => `signaal (${tp ? 'terecht' : 'vals'} positief)`,
    triage: (d: string) => `weegploeg: ${d}`,
    decisions: {
      dismissed: 'geen vervolg',
      'waiting list': 'wachtlijst',
      'case started': 'casus gestart (PGA)',
      'follow-up': 'vervolgen (monitoren)',
    } as Record<string, string>,
    caseEnded: 'casusoverleg: casusplan afgerond',
    intervention: (id: string, ev: string) => `interventie ${id}: ${ev}`,
    interventionEvents: {
      started: 'gestart',
      completed: 'afgerond',
      'dropped out': 'voortijdig gestopt',
      replaced: 'vervangen door casusplan',
    } as Record<string, string>,
    incident: 'incident (geweldsdaad)',
    arrest: 'aangehouden',
    release: 'vrijgelaten uit detentie',
    renewed: 'heeft de populatie verlaten; een nieuwkomer neemt deze plek in',
  },
};

export function describeRouteEvent(e: RouteEvent, lang: Lang, names?: RouteNames): string {
  const d = words[lang];
  const w = `${d.week} ${e.week}: `;
  const tr = (table: Record<string, string>, k: string) => table[k] ?? k;
  switch (e.kind) {
    case 'phase': {
      const needs = Object.entries(e.needs)
        .map(([k, v]) => `${tr(d.needs, k)} ${d.num(v)}`)
        .join(', ');
      return (
        w + d.phase(d.phases[e.from] ?? String(e.from), d.phases[e.to] ?? String(e.to), e.attitude, e.trigger, needs)
      );
    }
    case 'trigger':
      return (
        w + d.trigger(tr(d.levels, e.level), names?.trigger.get(e.id) ?? e.id, tr(d.directions, e.direction), e.impact)
      );
    case 'group':
      return w + d.group(tr(d.groupEvents, e.event), e.group);
    case 'signal':
      return w + d.signal(e.truePositive);
    case 'triage':
      return w + d.triage(tr(d.decisions, e.decision));
    case 'case':
      return w + d.caseEnded;
    case 'intervention':
      return w + d.intervention(names?.intervention.get(e.id) ?? e.id, tr(d.interventionEvents, e.event));
    case 'incident':
    case 'arrest':
    case 'release':
    case 'renewed':
      return w + d[e.kind];
  }
}
